"""Writing a file the user named: a regular file or nothing, never the input, never half.

``export -o``, ``words export`` and the app's export dialog all go through
:func:`write_output`: a symlink, FIFO, device, socket or directory is refused even with
``--force`` (as root, replacing ``/dev/full`` with a file is possible and wrong), so is the
input text itself, and a write that fails (a read-only folder, ``/proc``, a full disk)
becomes a one-line :class:`~reader.core.errors.UserError`.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable
from pathlib import Path

from reader.core.atomic import atomic_write_bytes
from reader.core.errors import OutputExistsError, UserError

_KINDS = (
    (stat.S_ISLNK, "a symbolic link"),
    (stat.S_ISFIFO, "a named pipe (FIFO)"),
    (stat.S_ISCHR, "a character device"),
    (stat.S_ISBLK, "a block device"),
    (stat.S_ISSOCK, "a socket"),
)


def check_output(path: Path, force: bool, inputs: Iterable[Path] = ()) -> None:
    """Raise a UserError unless ``path`` is new, or a regular file and ``force`` is set."""
    for source in inputs:
        try:
            if path.exists() and os.path.samefile(path, source):
                raise UserError(f"{path}: is the input text itself; give another output file")
        except OSError:
            continue
    try:
        mode = os.lstat(path).st_mode
    except FileNotFoundError:
        return
    except OSError as error:
        raise UserError(f"{path}: cannot be written ({_reason(error)})") from error
    if stat.S_ISDIR(mode):
        raise UserError(f"{path}: is a directory; give a file name")
    for test, kind in _KINDS:
        if test(mode):
            raise UserError(f"{path}: is {kind}, not a regular file; give the path of a new file")
    if not force:
        raise OutputExistsError(str(path))


def write_output(path: Path, data: bytes, force: bool, inputs: Iterable[Path] = ()) -> Path:
    """Check ``path`` (:func:`check_output`), write ``data`` atomically; OSError → UserError."""
    check_output(path, force, inputs)
    try:
        atomic_write_bytes(path, data)
    except OSError as error:
        raise UserError(
            f"{path}: cannot be written ({_reason(error)}); nothing was written"
        ) from error
    return path


def _reason(error: OSError) -> str:
    if error.errno == 28:
        return "the disk is full"
    return (error.strerror or type(error).__name__).lower()
