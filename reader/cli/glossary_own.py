"""``lesepult glossary add``, ``edit`` and ``remove``: the reader's own entries from the shell.

The same rules as the reading view's entry form apply (``glossary/SCHEMA.md``); the work is
``glossary.loading.add_user_entry`` and :mod:`glossary.user_entries`, which write atomically.
"""

from __future__ import annotations

import argparse
import dataclasses
from typing import Any

from glossary.loading import add_user_entry
from glossary.schema import ENTRY_KINDS, GENDERS, GlossaryEntry
from glossary.user_entries import find_user_entry, remove_user_entry, update_user_entry
from reader.core.errors import ExitCode, UserError


def _split(text: str) -> tuple[str, ...]:
    separator = ";" if ";" in text else ","
    return tuple(item.strip() for item in text.split(separator) if item.strip())


def _add_fields(parser: argparse.ArgumentParser, editing: bool) -> None:
    keep = " (default: as it is)" if editing else ""
    parser.add_argument("--renderings", metavar="'A; B'", help="English renderings" + keep)
    parser.add_argument("--explanation", metavar="TEXT", help="what it means" + keep)
    parser.add_argument("--gender", choices=GENDERS, help="nouns: m, f or n" + keep)
    parser.add_argument("--plural", metavar="WORD", help="nouns: the plural" + keep)
    parser.add_argument("--forms", metavar="'A; B'", help="forms worth matching" + keep)


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``add``, ``edit`` and ``remove`` to the ``glossary`` actions."""
    add = actions.add_parser(
        "add",
        help="add your own entry",
        description="Add an entry to your own glossary file (as A does in the reading view).",
    )
    add.add_argument("term", metavar="TERM", help="the base form")
    add.add_argument("--kind", choices=ENTRY_KINDS, default="noun", help="default: noun")
    _add_fields(add, editing=False)
    add.set_defaults(func=command_add)
    edit = actions.add_parser(
        "edit",
        help="change one of your own entries",
        description="Change one of your own entries (curated ones cannot be changed); only"
        ' the fields given change, "" clears an optional one.',
    )
    edit.add_argument("term", metavar="TERM", help="the entry's term (any case)")
    edit.add_argument("--kind", choices=ENTRY_KINDS, help="which entry, when the term has two")
    edit.add_argument("--new-term", metavar="TERM", help="a new term")
    edit.add_argument("--new-kind", choices=ENTRY_KINDS, help="a new kind")
    _add_fields(edit, editing=True)
    edit.set_defaults(func=command_edit)
    remove = actions.add_parser(
        "remove",
        help="remove one of your own entries",
        description="Remove one of your own entries (curated ones cannot be removed).",
    )
    remove.add_argument("term", metavar="TERM", help="the entry's term (any case)")
    remove.add_argument("--kind", choices=ENTRY_KINDS, help="which entry, when the term has two")
    remove.set_defaults(func=command_remove)


def _changes(arguments: argparse.Namespace) -> dict[str, Any]:
    changes: dict[str, Any] = {}
    if arguments.renderings is not None:
        changes["renderings"] = _split(arguments.renderings)
    if arguments.explanation is not None:
        changes["explanation"] = arguments.explanation.strip()
    if arguments.gender is not None:
        changes["gender"] = arguments.gender
    if arguments.plural is not None:
        changes["plural"] = arguments.plural.strip() or None
    if arguments.forms is not None:
        changes["forms"] = _split(arguments.forms)
    return changes


def command_add(arguments: argparse.Namespace) -> int:
    """Add one entry to the reader's file."""
    entry = GlossaryEntry(
        term=arguments.term.strip(),
        kind=arguments.kind,
        renderings=(),
        explanation="",
        origin="user",
    )
    entry = dataclasses.replace(entry, **_changes(arguments))
    path = add_user_entry(entry)
    print(f"added {entry.term} ({entry.kind}) to {path}")
    return ExitCode.OK


def command_edit(arguments: argparse.Namespace) -> int:
    """Change one of the reader's entries."""
    original = find_user_entry(arguments.term, arguments.kind)
    changes = _changes(arguments)
    if arguments.new_term is not None:
        changes["term"] = arguments.new_term.strip()
    if arguments.new_kind is not None:
        changes["kind"] = arguments.new_kind
    if not changes:
        raise UserError("nothing to change: give --renderings, --explanation, --new-term, ...")
    entry = dataclasses.replace(original, **changes)
    path = update_user_entry(original, entry)
    print(f"changed {entry.term} ({entry.kind}) in {path}")
    return ExitCode.OK


def command_remove(arguments: argparse.Namespace) -> int:
    """Remove one of the reader's entries."""
    entry = find_user_entry(arguments.term, arguments.kind)
    path = remove_user_entry(entry)
    print(f"removed {entry.term} ({entry.kind}) from {path}")
    return ExitCode.OK
