"""``lesepult info TEXT``: a text's front matter, size and your progress in it."""

from __future__ import annotations

import argparse
import dataclasses
from datetime import datetime

from reader.cli.common import add_text_argument, open_document, open_store, print_json
from reader.core.errors import ExitCode
from reader.text_info import info_lines, text_counts, text_details
from reader.vocabulary import Vocabulary


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``info`` to the ``lesepult`` parser."""
    info = subparsers.add_parser(
        "info",
        help="a text's title, source, date, URL, author, licence, size and your progress",
        description="Show what the front matter says about a text (title, source, date, URL,"
        " author, licence), its paragraphs, sentences and words, and your progress: its"
        " different lemmas that you know, are learning, ignore or have not met. Tagging a"
        " long text takes a while (HanTa tags about two thousand words a second).",
    )
    add_text_argument(info)
    info.add_argument("--json", action="store_true", help="print JSON")
    info.set_defaults(func=command_info)


def command_info(arguments: argparse.Namespace) -> int:
    """Print a text's details and counts."""
    document = open_document(arguments.text, arguments.encoding)
    store = open_store()
    details = text_details(document, store)
    counts = text_counts(document, Vocabulary(store))
    if arguments.json:
        data = dataclasses.asdict(details)
        data["other"] = dict(details.other)
        data["position"] = list(details.position) if details.position else None
        data["counts"] = dataclasses.asdict(counts) if counts else None
        print_json(data)
        return ExitCode.OK
    rows = info_lines(details, counts)
    if details.last_opened is not None:
        when = datetime.fromtimestamp(details.last_opened).strftime("%Y-%m-%d %H:%M")
        rows.append(("Last opened", when))
    width = max(len(label) for label, _ in rows)
    for label, value in rows:
        print(f"{label + ':':<{width + 1}} {value}")
    return ExitCode.OK
