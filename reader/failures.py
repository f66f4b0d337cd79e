"""The one place that maps an expected failure to a one-line message (CLI exit status 2).

Expected: :class:`~reader.core.errors.UserError`, ``OSError`` (a read-only folder, ``/proc``, a
full disk), ``sqlite3.DatabaseError`` (damaged store, full disk), YAML, zip, JSON and CSV
errors, ``UnicodeError`` and ``MemoryError`` from bounded reads. Anything else is a bug and
keeps its traceback. The app shows the same messages.
"""

from __future__ import annotations

import csv
import json
import sqlite3
import sys
import zipfile
from pathlib import Path

from reader.core.display import one_line
from reader.core.errors import UserError
from reader.store_damage import describe_store_error

# A message longer than this is cut: a YAML or CSV error can quote a huge line.
MAXIMUM_MESSAGE = 600


def _os_error_message(error: OSError) -> str:
    reason = error.strerror or type(error).__name__
    if error.errno == 28:
        reason = "the disk is full (nothing was written)"
    names = [str(name) for name in (error.filename, error.filename2) if name]
    return f"{' -> '.join(names)}: {reason}" if names else f"{reason}"


def failure_message(error: BaseException, store_path: Path | None = None) -> str | None:
    """The one-line message for an expected failure; None when ``error`` is a bug."""
    message: str | None = None
    if isinstance(error, UserError):
        message = error.message
    elif isinstance(error, sqlite3.Error):
        message = describe_store_error(error, store_path) if store_path else str(error)
    elif isinstance(error, OSError):
        message = _os_error_message(error)
    elif isinstance(error, UnicodeError):
        message = f"cannot decode the input: {error}"
    elif isinstance(error, MemoryError):
        message = "out of memory: the input is too large"
    elif isinstance(error, csv.Error):
        message = f"bad CSV: {error}"
    elif isinstance(error, json.JSONDecodeError):
        message = f"bad JSON: {error}"
    elif isinstance(error, zipfile.BadZipFile | zipfile.LargeZipFile):
        message = f"bad zip archive: {error}"
    elif "yaml" in sys.modules and isinstance(error, sys.modules["yaml"].YAMLError):
        message = f"bad YAML: {error}"
    if message is None:
        return None
    message = one_line(message)
    if isinstance(error, UserError):
        return message  # written by us: already as short as it can be
    return message if len(message) <= MAXIMUM_MESSAGE else message[: MAXIMUM_MESSAGE - 1] + "…"


def describe_failure(error: BaseException, store_path: Path | None = None) -> str:
    """:func:`failure_message`, or for a bug its type and text: what the app shows."""
    message = failure_message(error, store_path)
    if message is not None:
        return message
    return one_line(f"{type(error).__name__}: {error}")[:MAXIMUM_MESSAGE]
