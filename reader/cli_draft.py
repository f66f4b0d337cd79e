"""``lesepult glossary draft TEXT [-o FILE] [--level B1] [--force]``: a glossary to start from.

The draft itself is made by :mod:`glossary.draft`; this module names the file, refuses to
overwrite one without ``--force``, writes atomically and checks the result with the validator.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.draft import (
    LEVEL_THRESHOLDS,
    DraftProposal,
    default_draft_name,
    draft_proposals,
    draft_yaml,
)
from glossary.loading import load_glossaries, parse_glossary_text
from glossary.lookup import WordLookup
from reader.atomic import atomic_write_text
from reader.cli_common import add_text_argument, open_document
from reader.display import one_line
from reader.errors import UserError
from reader.paths import config_dir
from reader.text import Document


def drafts_dir() -> Path:
    """Where drafts go when no ``-o`` is given: ``<config dir>/drafts``."""
    return config_dir() / "drafts"


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add the ``draft`` action to the ``glossary`` subcommand."""
    draft = actions.add_parser(
        "draft",
        help="write a draft glossary for a text (words above a level, names, phrases)",
        description="Propose glossary entries for a text: words rarer than the level's"
        " threshold (wordfreq Zipf frequency: "
        + ", ".join(f"{level} < {value}" for level, value in LEVEL_THRESHOLDS.items())
        + "), compounds with their parts, split separable verbs, names and the dictionary's"
        " fixed phrases, each with part of speech, gender, plural, senses and its sentence,"
        " marked draft: true. Without -o the file goes to the drafts folder of Lesepult's"
        " config directory.",
    )
    add_text_argument(draft, required=True)
    draft.add_argument("-o", "--output", metavar="FILE", type=Path, help="where to write it")
    draft.add_argument(
        "--level",
        default="B1",
        type=str.upper,
        choices=tuple(LEVEL_THRESHOLDS),
        help="the reader's CEFR level (default: B1)",
    )
    draft.add_argument("--force", action="store_true", help="overwrite an existing file")
    draft.set_defaults(func=command_draft)


def make_draft(document: Document, level: str) -> tuple[tuple[DraftProposal, ...], str]:
    """The proposals and the YAML of a draft, with the user's glossaries loaded for lookup."""
    lookup = WordLookup.create(load_glossaries())
    try:
        proposals = draft_proposals(document, lookup, level)
    finally:
        lookup.close()
    text = draft_yaml(document, proposals, level)
    problems = parse_glossary_text(text, "draft").problems
    if problems:  # a bug, not the user's fault, but never write a file that does not load
        raise UserError(f"the draft does not validate: {problems[0]}")
    return proposals, text


def write_draft(path: Path, text: str, force: bool) -> None:
    """Write the draft atomically; an existing file only with ``force``."""
    if path.exists() and not force:
        raise UserError(f"{one_line(str(path))} exists; give --force to overwrite it")
    if path.is_dir():
        raise UserError(f"{one_line(str(path))} is a directory")
    try:
        atomic_write_text(path, text)
    except OSError as error:
        raise UserError(f"cannot write {one_line(str(path))}: {error.strerror}") from error


def command_draft(arguments: argparse.Namespace) -> int:
    """Draft a glossary for TEXT and write it."""
    document = open_document(arguments.text, arguments.encoding)
    path = arguments.output or drafts_dir() / default_draft_name(document)
    if path.exists() and not arguments.force:
        raise UserError(f"{one_line(str(path))} exists; give --force to overwrite it")
    proposals, text = make_draft(document, arguments.level)
    write_draft(path, text, arguments.force)
    kinds: dict[str, int] = {}
    for proposal in proposals:
        kinds[proposal.reason] = kinds.get(proposal.reason, 0) + 1
    summary = ", ".join(f"{count} {reason}(s)" for reason, count in kinds.items()) or "nothing"
    print(f"{len(proposals)} draft entries ({summary}) written to {one_line(str(path))}")
    print(f"check them with: lesepult glossary validate {one_line(str(path))}", file=sys.stderr)
    return 0
