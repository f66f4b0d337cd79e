"""The ``lesepult`` command line: opens the reader, and every feature without the UI.

Each feature group registers its own subcommands (``reader.cli.translation``,
``reader.cli.glossary``, ``reader.cli.study``...); this module holds the entry point, ``read``
and ``texts``. A command's group is imported only when it runs (or when every command is
listed, for ``--help``): a group pulls in what its commands need (http.client, YAML, the
lookup), and ``lesepult lookup WORD`` should not pay for ``translate``. Expected failures are
:class:`~reader.core.errors.UserError` and end with one line on stderr, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import os
import sys
import threading
from collections.abc import Sequence
from datetime import datetime
from typing import Any, NoReturn

from reader import __version__
from reader.cli.common import (
    add_text_argument,
    cli_wording,
    open_document,
    open_store,
    print_json,
    sanitized_output,
)
from reader.core.display import one_line
from reader.core.errors import ExitCode, UserError
from reader.core.paths import BUNDLED_TEXTS_DIR, store_path
from reader.failures import failure_message

# Each command group's module under reader.cli with the top-level commands it registers, in
# the order they are listed. A command missing here still works: its group is found by
# registering every group (tests/test_cli_lazy.py checks the table against the modules).
COMMAND_GROUPS: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("translation", ("translate", "models", "correct", "alternatives")),
    ("glossary", ("lookup", "glossary")),
    ("study", ("words", "export")),
    ("reading", ("search",)),
    ("settings", ("settings",)),
    ("text_info", ("info",)),
)


def groups_for(argv: Sequence[str] | None) -> tuple[str, ...]:
    """The command groups to register for ``argv``: the one its command is in, else all."""
    command = argv[0] if argv else None
    for group, commands in COMMAND_GROUPS:
        if command in commands:
            return (group,)
    return tuple(group for group, _ in COMMAND_GROUPS)


def build_parser(argv: Sequence[str] | None = None) -> argparse.ArgumentParser:
    """The argument parser with the subcommands ``argv`` may run (every one without it)."""
    parser = argparse.ArgumentParser(
        prog="lesepult",
        description="Read German texts in the terminal beside an offline translation, with a"
        " curated glossary, instant lookup and study sheets. Without a subcommand, opens the"
        " bundled taz article.",
    )
    parser.add_argument("--version", action="version", version=f"lesepult {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")

    read = subparsers.add_parser(
        "read",
        help="open a text in the reader",
        description="Open a German .txt or .md file in the reader (paragraphs separated by"
        " blank lines, YAML front matter optional), a saved .html page, an http(s) URL or an"
        " .epub book (converted once into the library, then read from there). Reopening"
        " returns to the last position.",
    )
    add_text_argument(read)
    read.set_defaults(func=command_read)

    texts = subparsers.add_parser(
        "texts",
        help="list bundled texts and texts opened before",
        description="List the bundled texts and the texts you opened before, with positions.",
    )
    texts.add_argument("--json", action="store_true", help="print JSON")
    texts.set_defaults(func=command_texts)

    for group in groups_for(argv):
        importlib.import_module(f"reader.cli.{group}").register(subparsers)
    return parser


def command_read(arguments: argparse.Namespace) -> int:
    """Open the reader on a text."""
    document = open_document(arguments.text, arguments.encoding)
    if arguments.text == "-":
        keyboard_from_terminal()
    require_terminal()
    store = open_store()
    from reader.ui.app import make_app

    app = make_app(document, store)
    app.run()
    return app.return_code or ExitCode.OK


def keyboard_from_terminal() -> None:
    """After reading the text from a pipe, take the keys from the terminal instead."""
    if sys.stdin.isatty():
        return
    try:
        terminal = os.open("/dev/tty", os.O_RDONLY)
    except OSError as error:
        raise UserError(
            "the text came from standard input and there is no terminal to read keys from"
        ) from error
    os.dup2(terminal, 0)
    os.close(terminal)
    sys.stdin = open(0, closefd=False)  # stays open for the app's lifetime


def require_terminal() -> None:
    """The UI needs a terminal for keys (stdin) and screen (stdout, stderr); else UserError."""
    for name, stream in (("standard input", sys.stdin), ("standard output", sys.stdout)):
        if stream is None or not stream.isatty():
            raise UserError(
                f"not a terminal: {name} is redirected, and the reader needs a terminal;"
                " use `lesepult translate`, `lesepult export` or `lesepult lookup` in scripts"
            )
    if sys.__stderr__ is None or not sys.__stderr__.isatty():
        # Textual draws the screen on stderr.
        raise UserError("not a terminal: standard error is redirected; the reader draws on it")


def command_texts(arguments: argparse.Namespace) -> int:
    """List bundled and opened texts."""
    store = open_store()
    opened = store.opened_texts()
    bundled = sorted(
        path for path in BUNDLED_TEXTS_DIR.glob("*.md") if not path.name.endswith(".en.md")
    )
    rows: list[dict[str, Any]] = []
    for path in bundled:
        document = open_document(str(path))
        position = store.position(document.text_id)
        rows.append(
            {
                "title": document.title,
                "path": str(path),
                "bundled": True,
                "paragraphs": len(document.blocks),
                "last_opened": position.last_opened if position else None,
                "position": [position.block, position.sentence] if position else None,
            }
        )
    bundled_paths = {str(path.resolve()) for path in bundled}
    for position in opened:
        if position.path and position.path in bundled_paths:
            continue
        rows.append(
            {
                "title": position.title,
                "path": position.path,
                "bundled": False,
                "paragraphs": _paragraph_count(position.path),
                "last_opened": position.last_opened,
                "position": [position.block, position.sentence],
            }
        )
    if arguments.json:
        print_json(rows)
        return ExitCode.OK
    for row in rows:
        when = (
            datetime.fromtimestamp(row["last_opened"]).strftime("%Y-%m-%d %H:%M")
            if row["last_opened"]
            else "never opened"
        )
        where = f"paragraph {row['position'][0] + 1}" if row["position"] else ""
        label = "bundled" if row["bundled"] else "opened "
        location = row["path"] or "(standard input)"
        print(f"{label}  {row['title']}\n         {location}  {when}  {where}")
    return ExitCode.OK


def _paragraph_count(path: str | None) -> int | None:
    """How many paragraphs (blocks) an opened text has; None when it cannot be read now
    (standard input, a file moved, deleted or broken since)."""
    if not path:
        return None
    try:
        return len(open_document(path).blocks)
    except UserError:
        return None


def run() -> NoReturn:
    """The ``lesepult`` and ``python -m reader`` entry point: :func:`main`, then :func:`finish`."""
    finish(main())


def finish(status: int) -> NoReturn:
    """End the process with ``status`` without waiting for worker threads.

    Textual runs thread workers in an executor whose threads the interpreter joins at exit, so
    a worker still inside SoMaJo or HanTa would keep the process (and the reader's shell
    prompt) waiting after `q`. By now every write that matters is a finished SQLite
    transaction (the position is saved before the app exits; a status is only shown as set
    once stored), so the output is flushed and the process ends at once.
    """
    for stream in (sys.stdout, sys.stderr, sys.__stdout__, sys.__stderr__):
        try:
            if stream is not None:
                stream.flush()
        except (OSError, ValueError):
            pass  # a closed or broken stream has nothing left to write
    if threading.active_count() > 1:
        os._exit(int(status))
    sys.exit(int(status))


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the exit status. Output is sanitized (no controls)."""
    with sanitized_output():
        return _main(argv)


def _main(argv: Sequence[str] | None) -> int:
    parser = build_parser(sys.argv[1:] if argv is None else argv)
    arguments = parser.parse_args(argv)
    if arguments.command is None:
        arguments = parser.parse_args(["read", *(argv or [])])
    try:
        status: int = arguments.func(arguments)
        return status
    except KeyboardInterrupt:
        return ExitCode.INTERRUPTED
    except BrokenPipeError:
        # The output went to a pipe that closed early (`| head`): stop quietly, as Unix
        # tools do; stdout goes to /dev/null so the interpreter's final flush cannot fail.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        return ExitCode.BROKEN_PIPE
    except Exception as error:  # failure_message decides what is expected; bugs re-raise
        message = failure_message(error, store_path())
        if message is None:
            raise
        if isinstance(error, UserError):
            message = one_line(cli_wording(error))
        print(f"lesepult: {message}", file=sys.stderr)
        return error.status if isinstance(error, UserError) else ExitCode.USER_ERROR
