"""The one zip-bounds check (reader/core/safe_zip.py) that EPUB books and model packages share."""

from __future__ import annotations

import io
import zipfile

import pytest

from reader.core.safe_zip import DeclaresTooMuch, TooManyEntries, check_zip_bounds


def _zip(files: dict[str, bytes]) -> zipfile.ZipFile:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, data in files.items():
            archive.writestr(name, data)
    return zipfile.ZipFile(io.BytesIO(buffer.getvalue()))


def test_within_bounds_gives_the_declared_total() -> None:
    assert check_zip_bounds(_zip({"a": b"12345", "b/c": b"678"}), 2, 8) == 8


def test_too_many_entries_is_refused_before_sizes() -> None:
    with pytest.raises(TooManyEntries) as error:
        check_zip_bounds(_zip({"a": b"", "b": b"", "c": b"x" * 100}), 2, 10)
    assert error.value.count == 3


def test_a_bomb_is_refused_by_what_it_declares() -> None:
    # Ten megabytes of zeros compress to a few kilobytes: only the declared size shows it.
    with pytest.raises(DeclaresTooMuch) as error:
        check_zip_bounds(_zip({"zeros": bytes(10 << 20)}), 10, 1 << 20)
    assert error.value.declared == 10 << 20
