"""What went wrong with the SQLite store, said in one line: a full disk, or a damaged file.

A damaged store (``database disk image is malformed``) is checked with ``PRAGMA
quick_check``, copied aside once (``lesepult.sqlite3.damaged-<time>``) so nothing more is
lost, and the message says how to recover. Used by the CLI's failure mapping and the app.
"""

from __future__ import annotations

import shutil
import sqlite3
import time
from pathlib import Path

from reader.core.display import one_line
from reader.core.paths import cache_dir

# SQLite's own result codes for a damaged file, and words its messages use for them.
_DAMAGE_CODES = frozenset({"SQLITE_CORRUPT", "SQLITE_NOTADB"})
_DAMAGE_WORDS = ("malformed", "not a database", "corrupt")


def is_disk_full(error: BaseException) -> bool:
    """Whether ``error`` says the disk (or the database's page limit) is full."""
    if isinstance(error, sqlite3.Error):
        return getattr(error, "sqlite_errorname", "") == "SQLITE_FULL" or "is full" in str(error)
    return isinstance(error, OSError) and error.errno == 28  # ENOSPC


def is_damage(error: BaseException) -> bool:
    """Whether a database error says the file is damaged."""
    if not isinstance(error, sqlite3.DatabaseError):
        return False
    message = str(error).lower()
    name = getattr(error, "sqlite_errorname", "")
    return name in _DAMAGE_CODES or any(word in message for word in _DAMAGE_WORDS)


def quick_check(path: Path) -> str:
    """The first problem ``PRAGMA quick_check`` finds in the file, or ``ok``."""
    try:
        connection = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
        try:
            rows = connection.execute("PRAGMA quick_check").fetchmany(3)
        finally:
            connection.close()
    except sqlite3.Error as error:
        return f"quick_check: {error}"
    problems = [str(row[0]) for row in rows]
    return "ok" if problems == ["ok"] else "; ".join(problems)[:200]


def keep_damaged_copy(path: Path) -> Path | None:
    """Copy the damaged store beside itself, once per state of the file; None if impossible."""
    try:
        status = path.stat()
        for earlier in path.parent.glob(f"{path.name}.damaged-*"):
            kept = earlier.stat()
            if (kept.st_size, kept.st_mtime_ns) == (status.st_size, status.st_mtime_ns):
                return earlier
        copy = path.with_name(f"{path.name}.damaged-{time.strftime('%Y%m%d-%H%M%S')}")
        shutil.copy2(path, copy)
        journal = path.with_name(f"{path.name}-wal")
        if journal.exists():
            shutil.copy2(journal, copy.with_name(f"{copy.name}-wal"))
    except OSError:
        return None
    return copy


def describe_store_error(error: BaseException, path: Path) -> str:
    """One line for a failed store operation: disk full, damage (with a copy kept), or else."""
    if is_disk_full(error):
        return (
            f"the disk is full: nothing was saved in {path} ({one_line(str(error))});"
            " free some space and try again"
        )
    if is_damage(error):
        check = quick_check(path)
        if check == "ok":
            # Not the store: the other SQLite file Lesepult keeps is the dictionary index.
            return (
                f"a database file is damaged ({one_line(str(error))}); the data store {path}"
                f" checks ok, so it is probably the dictionary index: delete {cache_dir()}"
                " and it is built again"
            )
        copy = keep_damaged_copy(path)
        kept = f"a copy is kept as {copy}" if copy else "no copy could be made"
        return (
            f"the data store {path} is damaged ({one_line(check)}); {kept}. To recover:"
            f" `sqlite3 {path} .recover | sqlite3 recovered.sqlite3` and move"
            f" recovered.sqlite3 to {path}, or move {path} away to start with an empty store"
        )
    return f"the data store {path}: {one_line(str(error))}"
