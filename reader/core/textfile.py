"""Reading a text file's bytes into clean text: bounded, BOM-aware, controls made visible.

Everything a text brings from outside passes here before the text model sees it: the size is
bounded, a byte order mark (UTF-8, UTF-16 LE/BE, UTF-32 LE/BE) decides the encoding, line
endings become ``\\n``, and every control character but newline and tab is replaced by
:func:`reader.core.display.displayable` (one visible character for one control character, so the
offsets SoMaJo gives and the columns of the German view stay where they are).
"""

from __future__ import annotations

import codecs
import os
import stat
from pathlib import Path

from reader.core.display import displayable, has_control_characters
from reader.core.errors import UserError

MAX_TEXT_BYTES = 32 * 1024 * 1024
"""The largest text read (a long novel is 2 MB); more is refused, never read into memory."""

# Longest first: the UTF-32 LE mark begins with the UTF-16 LE one.
_BOMS = (
    (codecs.BOM_UTF32_LE, "utf-32"),
    (codecs.BOM_UTF32_BE, "utf-32"),
    (codecs.BOM_UTF8, "utf-8-sig"),
    (codecs.BOM_UTF16_LE, "utf-16"),
    (codecs.BOM_UTF16_BE, "utf-16"),
)
# Line and page separators that are not "\n": each becomes one "\n" (before offsets exist).
_LINE_BREAKS = str.maketrans({"\f": "\n", "\v": "\n", "\x85": "\n", "\u2028": "\n", "\u2029": "\n"})


class TextLoadError(UserError):
    """A text cannot be read; the message is one line for the user."""


def read_bounded(path: Path, limit: int, *, regular_only: bool = False) -> bytes:
    """At most ``limit`` bytes of ``path``; a longer file (or a device) is refused, not read."""
    # O_NONBLOCK: opening a FIFO named by a text must not wait for a writer for ever.
    flags = os.O_RDONLY | (os.O_NONBLOCK if regular_only else 0) | getattr(os, "O_BINARY", 0)
    try:
        with os.fdopen(os.open(path, flags), "rb") as handle:
            mode = os.fstat(handle.fileno()).st_mode
            if stat.S_ISDIR(mode):
                raise TextLoadError(f"{path}: is a directory; give a .txt or .md file")
            if regular_only and not stat.S_ISREG(mode):
                raise TextLoadError(f"{path}: is not a regular file")
            data = handle.read(limit + 1)
    except IsADirectoryError as error:
        raise TextLoadError(f"{path}: is a directory; give a .txt or .md file") from error
    except FileNotFoundError as error:
        raise TextLoadError(f"{path}: no such file") from error
    except OSError as error:
        raise TextLoadError(f"{path}: cannot be read ({error.strerror or error})") from error
    if len(data) > limit:
        raise TextLoadError(f"{path}: is larger than {limit // (1024 * 1024)} MB; not read")
    return data


def read_text_file(path: Path, encoding: str | None = None) -> str:
    """Read a text file, with one-line reasons for everything that can go wrong."""
    if not path.exists() and not path.is_symlink():
        raise TextLoadError(f"{path}: no such file")
    if path.is_dir():
        raise TextLoadError(f"{path}: is a directory; give a .txt or .md file")
    return decode_text(read_bounded(path, MAX_TEXT_BYTES), str(path), encoding)


def _bom_encoding(data: bytes) -> str | None:
    for mark, name in _BOMS:
        if data.startswith(mark):
            return name
    return None


def _is_unicode(encoding: str) -> bool:
    try:
        return codecs.lookup(encoding).name.startswith(("utf-8", "utf-16", "utf-32"))
    except LookupError:
        return False


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes as a text, refusing binary data and naming a likely encoding.

    A byte order mark wins over no ``encoding`` and over a Unicode one (``--encoding utf-16``
    with a UTF-16 LE file); an explicit non-Unicode encoding is taken as the reader says.
    """
    if len(data) > MAX_TEXT_BYTES:
        raise TextLoadError(f"{name}: is larger than {MAX_TEXT_BYTES // (1024 * 1024)} MB")
    bom = _bom_encoding(data)
    if bom and (encoding is None or _is_unicode(encoding)):
        encoding = bom
    wide = encoding is not None and _is_unicode(encoding) and not encoding.startswith("utf-8")
    if not bom and not wide and b"\x00" in data[:65536]:
        raise TextLoadError(f"{name}: looks like a binary file, not a text")
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise TextLoadError(f"{name}: cannot be decoded as {encoding}: {error}") from error
    else:
        try:
            text = data.decode("utf-8")
        except UnicodeDecodeError as error:
            for candidate in ("cp1252", "latin-1"):
                try:
                    data.decode(candidate)
                except UnicodeDecodeError:
                    continue
                raise TextLoadError(
                    f"{name}: is not UTF-8 (byte {error.start}); it reads as {candidate}:"
                    f" open it with --encoding {candidate}"
                ) from error
            raise TextLoadError(f"{name}: is not UTF-8 text") from error
    return clean_text(text, name)


def clean_text(text: str, name: str) -> str:
    """``text`` with a leading BOM dropped, ``\\n`` line ends and control characters visible."""
    text = text.removeprefix("\ufeff")
    text = text.replace("\r\n", "\n").replace("\r", "\n").translate(_LINE_BREAKS)
    sample = text[:65536]
    control = sum(1 for c in sample if has_control_characters(c))
    # A few stray controls (an ESC sequence pasted from a terminal) are made visible; a text
    # where more than a tenth of the characters are controls is not a text.
    if control > 8 and control * 10 > len(sample):
        raise TextLoadError(f"{name}: looks like a binary file, not a text")
    text = displayable(text)
    # Lone surrogates (from "surrogateescape" or broken UTF-16) cannot be shown or encoded.
    text = text.encode("utf-8", "replace").decode("utf-8")
    if not text.strip():
        raise TextLoadError(f"{name}: is empty")
    return text
