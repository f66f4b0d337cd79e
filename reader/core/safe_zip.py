"""The bounds a zip must keep before anything in it is read: its entries and declared size.

EPUB books and model packages are zips from outside; both refuse one with too many entries
or whose entries declare more bytes than allowed (a zip bomb) before a byte is unpacked.
Each caller sets its own limits and phrases the refusal for its user. The declared sizes
can lie: a reader that unpacks also counts what it actually writes.
"""

from __future__ import annotations

import zipfile


class ZipBoundsError(Exception):
    """A zip is over one of its bounds (a subclass says which)."""


class TooManyEntries(ZipBoundsError):
    """The zip holds more entries than allowed."""

    def __init__(self, count: int) -> None:
        super().__init__(f"{count} entries")
        self.count = count


class DeclaresTooMuch(ZipBoundsError):
    """The zip's entries declare more bytes in all than allowed."""

    def __init__(self, declared: int) -> None:
        super().__init__(f"{declared} bytes declared")
        self.declared = declared


def check_zip_bounds(archive: zipfile.ZipFile, max_entries: int, max_bytes: int) -> int:
    """The bytes the zip's entries declare in all; raises when over either bound."""
    infos = archive.infolist()
    if len(infos) > max_entries:
        raise TooManyEntries(len(infos))
    declared = sum(info.file_size for info in infos)
    if declared > max_bytes:
        raise DeclaresTooMuch(declared)
    return declared
