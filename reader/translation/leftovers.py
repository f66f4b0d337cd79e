"""Cleaning up after an install, removal or download that was killed (``kill -9``, power loss).

Installs unpack into ``.installing-<pid>-…`` and removals rename into ``.removing-<pid>-…``
in the packages folder; downloads write ``.partial-<pid>-….argosmodel`` in the download cache.
A process that dies leaves them behind (hundreds of MB). The next install, download or
listing calls :func:`clean`.
"""

from __future__ import annotations

import os
import shutil
import time
from pathlib import Path

from reader.translation.download import PARTIAL_PREFIX

STALE_SECONDS = 3600
"""Age after which a leftover whose name holds no process id is removed."""


def _owner_is_gone(name: str, prefix: str) -> bool | None:
    """Whether the pid in ``<prefix><pid>-…`` no longer runs (None: the name holds no pid)."""
    pid_text = name.removeprefix(prefix).split("-", 1)[0]
    if not pid_text.isdigit():
        return None
    try:
        os.kill(int(pid_text), 0)
    except ProcessLookupError:
        return True
    except (PermissionError, OverflowError):
        return int(pid_text) > 0x7FFFFFFF  # another user's live process, or no pid at all
    return False


def clean(packages: Path, downloads: Path, now: float | None = None) -> list[Path]:
    """Remove what killed installs, removals and downloads left; return what was removed.

    The rule: a leftover (``.installing-*``, ``.removing-*`` in the packages folder,
    ``.partial-*`` in the download cache) is stale when the process id in its name no longer
    runs, or when its name holds no process id (an older Lesepult) and it is older than
    :data:`STALE_SECONDS`; one whose process still runs is stale only after a day (the id may
    have been reused). Nothing else in either folder is touched.
    """
    now = time.time() if now is None else now
    places = ((packages, (".installing-", ".removing-")), (downloads, (PARTIAL_PREFIX,)))
    removed: list[Path] = []
    for folder, prefixes in places:
        try:
            children = list(folder.iterdir()) if folder.is_dir() else []
        except OSError:
            continue
        for child in children:
            prefix = next((p for p in prefixes if child.name.startswith(p)), None)
            if prefix is None:
                continue
            try:
                age = now - child.lstat().st_mtime
            except OSError:
                continue
            gone = _owner_is_gone(child.name, prefix)
            if gone or (gone is None and age > STALE_SECONDS) or age > 24 * STALE_SECONDS:
                if child.is_dir() and not child.is_symlink():
                    shutil.rmtree(child, ignore_errors=True)
                else:
                    child.unlink(missing_ok=True)
                removed.append(child)
    return removed
