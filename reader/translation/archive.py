"""Unpacking an ``.argosmodel`` zip safely: no path escapes, no zip bomb fills the disk.

``zipfile.extractall`` trusts the archive's sizes and writes whatever it holds. Here each entry
is checked before anything is written (a relative name without ``..``, backslashes, drive
letters or control characters; a regular file or folder, never a symlink or device; all under
one top folder) and the totals are bounded twice: the sizes the archive declares, before
writing, and the bytes actually written, while writing (a lying header cannot get past it).
The limits are :data:`MAX_ENTRIES` and :func:`max_unpacked_bytes` (``LESEPULT_MAX_PACKAGE_MB``
raises it for a package that really is larger).
"""

from __future__ import annotations

import errno
import os
import shutil
import stat
import zipfile
import zlib
from pathlib import Path, PurePosixPath

from reader.core.safe_zip import DeclaresTooMuch, TooManyEntries, check_zip_bounds
from reader.translation.package_data import ModelError

MAX_ENTRIES = 2000
"""Most files and folders a package may hold (the real German→English one has about 15)."""
DEFAULT_MAX_UNPACKED_MB = 1024
"""Default bound on a package's unpacked size (the real German→English one is about 100 MB)."""
MAX_PACKAGE_MB_VARIABLE = "LESEPULT_MAX_PACKAGE_MB"
COPY_CHUNK_BYTES = 1 << 20
_TOP_FOLDER_CHARS = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789._-")


def max_unpacked_bytes() -> int:
    """The unpacked-size bound in bytes (``LESEPULT_MAX_PACKAGE_MB`` when it is a number)."""
    value = os.environ.get(MAX_PACKAGE_MB_VARIABLE, "")
    megabytes = int(value) if value.isdigit() and int(value) > 0 else DEFAULT_MAX_UNPACKED_MB
    return megabytes << 20


def _entry_parts(info: zipfile.ZipInfo, source: Path) -> tuple[str, ...]:
    """The checked path components of one entry; ModelError for anything unsafe."""
    name = info.filename
    unsafe = (
        not name
        or name.startswith("/")
        or "\\" in name
        or ":" in name
        or any(ord(character) < 0x20 or ord(character) == 0x7F for character in name)
    )
    parts = tuple(part for part in PurePosixPath(name).parts)
    if unsafe or not parts or any(part in ("", ".", "..") for part in parts):
        raise ModelError(f"{source}: unsafe file name in the archive: {name[:80]!r}")
    if any(len(part.encode()) > 255 for part in parts):
        raise ModelError(f"{source}: a file name in the archive is too long")
    mode = info.external_attr >> 16
    kind = stat.S_IFMT(mode)
    if kind not in (0, stat.S_IFREG, stat.S_IFDIR):
        what = "a symbolic link" if kind == stat.S_IFLNK else "not a regular file"
        raise ModelError(f"{source}: {name[:80]!r} in the archive is {what}; refused")
    return parts


def check_archive(archive: zipfile.ZipFile, source: Path) -> str:
    """Check every entry and the declared totals; return the single top folder's name."""
    limit = max_unpacked_bytes()
    try:
        check_zip_bounds(archive, MAX_ENTRIES, limit)
    except TooManyEntries:
        raise ModelError(
            f"{source}: more than {MAX_ENTRIES} files in the archive; refused"
        ) from None
    except DeclaresTooMuch as error:
        raise ModelError(
            f"{source}: unpacks to {error.declared >> 20} MB, more than the {limit >> 20} MB a"
            f" package may take; refused (set {MAX_PACKAGE_MB_VARIABLE} to allow more)"
        ) from None
    tops = {_entry_parts(info, source)[0] for info in archive.infolist()}
    if len(tops) != 1:
        raise ModelError(f"{source}: an Argos package holds exactly one top folder")
    (top,) = tops
    if not set(top) <= _TOP_FOLDER_CHARS:
        raise ModelError(f"{source}: unsafe top folder name in the archive: {top[:80]!r}")
    if f"{top}/metadata.json" not in archive.namelist():
        raise ModelError(f"{source}: no metadata.json in the package")
    return top


def extract(archive: zipfile.ZipFile, source: Path, destination: Path) -> Path:
    """Unpack a checked archive into ``destination`` (an empty folder); return the top folder.

    Raises ModelError for unsafe entries, too much data (declared or actually written), a
    corrupted entry or a full disk.
    """
    top = check_archive(archive, source)
    declared = sum(info.file_size for info in archive.infolist())
    free = shutil.disk_usage(destination).free
    if declared > free:
        raise ModelError(
            f"{source}: not enough disk space: the package unpacks to {declared >> 20} MB,"
            f" {free >> 20} MB are free in {destination.parent}"
        )
    limit = max_unpacked_bytes()
    written = 0
    try:
        for info in archive.infolist():
            target = destination.joinpath(*_entry_parts(info, source))
            if info.is_dir():
                target.mkdir(parents=True, exist_ok=True)
                continue
            target.parent.mkdir(parents=True, exist_ok=True)
            with archive.open(info) as entry, target.open("xb") as file:
                entry_written = 0
                while chunk := entry.read(COPY_CHUNK_BYTES):
                    entry_written += len(chunk)
                    written += len(chunk)
                    if entry_written > info.file_size or written > limit:
                        raise ModelError(
                            f"{source}: {info.filename[:80]!r} unpacks to more than the archive"
                            " declares or a package may take; refused"
                        )
                    file.write(chunk)
    except FileExistsError as error:
        raise ModelError(f"{source}: a file appears twice in the archive; refused") from error
    except OSError as error:
        if error.errno == errno.ENOSPC:
            raise ModelError(
                f"{source}: the disk filled up while unpacking ({written >> 20} MB written);"
                " free some space and install again"
            ) from error
        raise ModelError(f"{source}: cannot unpack the package: {error}") from error
    except (zipfile.BadZipFile, EOFError, zipfile.LargeZipFile, zlib.error) as error:
        raise ModelError(f"{source}: corrupted archive ({error})") from error
    except (NotImplementedError, RuntimeError) as error:  # unknown compression, encrypted
        raise ModelError(f"{source}: unsupported archive ({error})") from error
    return destination / top
