"""Atomic writes: all or nothing, and ordinary permissions."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from reader.core.atomic import atomic_write_bytes, atomic_write_text


def current_umask() -> int:
    mask = os.umask(0o022)
    os.umask(mask)
    return mask


def test_a_new_file_gets_ordinary_permissions(tmp_path: Path) -> None:
    target = tmp_path / "sub" / "sheet.md"
    atomic_write_text(target, "Grüße\n")
    assert target.read_text(encoding="utf-8") == "Grüße\n"
    assert target.stat().st_mode & 0o777 == 0o666 & ~current_umask()


def test_replacing_keeps_the_old_files_permissions(tmp_path: Path) -> None:
    target = tmp_path / "private.csv"
    target.write_text("old", encoding="utf-8")
    target.chmod(0o600)
    atomic_write_text(target, "new")
    assert target.read_text(encoding="utf-8") == "new"
    assert target.stat().st_mode & 0o777 == 0o600


def test_a_failed_write_leaves_the_old_file_and_no_temporary(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    target = tmp_path / "glossary.yaml"
    target.write_text("old", encoding="utf-8")

    def fail(*arguments: object) -> None:
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", fail)
    with pytest.raises(OSError):
        atomic_write_bytes(target, b"new")
    assert target.read_text(encoding="utf-8") == "old"
    assert [p.name for p in tmp_path.iterdir()] == ["glossary.yaml"]
