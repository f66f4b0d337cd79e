"""Helpers shared by the CLI subcommands: opening texts, the store, JSON output.

:func:`sanitized_output` is the CLI's one sink for text: while a command runs, everything
written to stdout and stderr (``print``, ``sys.stdout.write``, argparse's messages) passes
through :func:`reader.core.display.displayable`, so no text, glossary, correction or index entry
can send a control sequence to the terminal, whichever module prints it.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from reader.core.display import displayable
from reader.core.errors import FieldError, OutputExistsError, UserError
from reader.core.paths import DEFAULT_TEXT, store_path
from reader.core.text import (
    Document,
    Sentence,
    TextLoadError,
    decode_text,
    load_document,
    parse_document,
)
from reader.importing import import_source
from reader.store import Store, StoreError

# A URL whose "//" the shell or the reader lost ("https:/example.org", "http:example.org"):
# read as a file name it would say "https:/example.org/…: no such file".
_BROKEN_URL = re.compile(r"^(https?|ftp|file):/?(?!/)", re.IGNORECASE)


def open_document(name: str | None, encoding: str | None = None) -> Document:
    """Load the text named on the command line: a path, ``-`` for stdin, None for the default.

    A bundled text can be named by its file stem (``lesepult read belarus-im-ukraine-krieg``).
    A URL, ``.html`` page or ``.epub`` book is converted into the library first
    (:mod:`reader.importing`).
    """
    try:
        imported = import_source(name) if name is not None and name != "-" else None
        if imported is not None:
            return load_document(imported)
        if name is None:
            return load_document(DEFAULT_TEXT)
        if name == "-":
            data = sys.stdin.buffer.read()
            return parse_document(decode_text(data, "standard input", encoding), "standard input")
        path = Path(name).expanduser()
        if not path.exists() and _BROKEN_URL.match(name.strip()):
            raise UserError(
                f"{name.strip()!r} is neither a file nor a web address: a URL needs"
                " two slashes (https://…); `lesepult read URL` imports the page"
            )
        if not path.exists() and not path.suffix:
            bundled = DEFAULT_TEXT.parent / f"{name}.md"
            if bundled.exists():
                path = bundled
        return load_document(path, encoding)
    except TextLoadError as error:
        raise UserError(str(error)) from error


def cli_wording(error: UserError) -> str:
    """The error's message as the command line says it: with its option (``--paragraphs: …``)."""
    if isinstance(error, FieldError):
        return f"--{error.field.replace('_', '-')}: {error.message}"
    if isinstance(error, OutputExistsError):
        return f"{error.message}; use --force to overwrite it"
    return error.message


def open_store() -> Store:
    """The user's store (``LESEPULT_DATA_DIR`` moves it), migrated; errors become UserError."""
    store = Store(store_path())
    try:
        store.read()
    except StoreError as error:
        raise UserError(str(error)) from error
    return store


class SanitizedStream:
    """A text stream that makes every control character but newline and tab visible.

    One exception keeps progress lines on stderr working: with ``progress_lines``, a carriage
    return that *starts* a write (``"\\r50%"``) is passed on, because the program writes it
    (every write of outside text on stderr starts with ``lesepult:`` or a number).
    """

    def __init__(self, stream: TextIO, progress_lines: bool = False) -> None:
        self.stream = stream
        self.progress_lines = progress_lines

    def write(self, text: str) -> int:
        """Write ``text`` made displayable; returns the length written (the same)."""
        if self.progress_lines and text.startswith("\r"):
            self.stream.write("\r" + displayable(text[1:]))
        else:
            self.stream.write(displayable(text))
        return len(text)

    def __getattr__(self, name: str) -> Any:
        # flush, isatty, fileno, encoding... are the wrapped stream's.
        return getattr(self.stream, name)


@contextmanager
def sanitized_output() -> Iterator[None]:
    """Route stdout and stderr through :class:`SanitizedStream` for the duration."""
    stdout, stderr = sys.stdout, sys.stderr
    sys.stdout = SanitizedStream(stdout)
    sys.stderr = SanitizedStream(stderr, progress_lines=True)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = stdout, stderr


# JSON escapes C0 controls itself; DEL, C1 and bidi controls it leaves raw (ensure_ascii=False).
_JSON_UNSAFE = re.compile("[\x7f-\x9f\u202a-\u202e\u2066-\u2069]")


def print_json(value: Any) -> None:
    """Print ``value`` as indented UTF-8 JSON, every control character escaped (``\\u009b``).

    The data stays exact for programs that read the JSON; the terminal sees no control.
    """
    text = json.dumps(value, ensure_ascii=False, indent=2)
    sys.stdout.write(_JSON_UNSAFE.sub(lambda match: f"\\u{ord(match.group()):04x}", text))
    sys.stdout.write("\n")


def add_text_argument(parser: argparse.ArgumentParser, required: bool = False) -> None:
    """The positional TEXT argument and --encoding, the same for every subcommand."""
    parser.add_argument(
        "text",
        nargs=None if required else "?",
        metavar="TEXT",
        help="a .txt, .md, .html or .epub file, an http(s) URL, a bundled text's name,"
        " or - for standard input" + ("" if required else " (default: the bundled taz article)"),
    )
    parser.add_argument(
        "--encoding",
        metavar="ENC",
        help="read the file in this encoding instead of UTF-8 (for example cp1252)",
    )


def sentence_at(document: Document, address: str) -> Sentence:
    """The sentence at a 1-based ``B.S`` address (block B, sentence S, as ``glossary where``).

    A malformed or out-of-range address is a UserError that says how many blocks, or how
    many sentences the block has, there are.
    """
    block_text, dot, sentence_text = address.strip().partition(".")
    if not dot or not block_text.isdecimal() or not sentence_text.isdecimal():
        raise UserError(
            f"--sentence {address!r}: expected BLOCK.SENTENCE, both counted from 1 (like 3.2)"
        )
    block_number, sentence_number = int(block_text), int(sentence_text)
    blocks = len(document.blocks)
    if not 1 <= block_number <= blocks:
        raise UserError(
            f"--sentence {address}: there is no block {block_number};"
            f" {document.title!r} has {blocks} block(s)"
        )
    sentences = document.sentences(block_number - 1)
    if not 1 <= sentence_number <= len(sentences):
        raise UserError(
            f"--sentence {address}: there is no sentence {sentence_number} in block"
            f" {block_number}; it has {len(sentences)} sentence(s)"
        )
    return sentences[sentence_number - 1]


def bracketed(sentence: Sentence, spans: Iterable[tuple[int, int]]) -> str:
    """The sentence on one line with each span (document offsets, cut to it) in [brackets]."""
    text = sentence.text
    for start, end in sorted(spans, reverse=True):
        start = min(max(start, sentence.start), sentence.end) - sentence.start
        end = max(min(end, sentence.end) - sentence.start, start)
        text = f"{text[:start]}[{text[start:end]}]{text[end:]}"
    return " ".join(text.split())
