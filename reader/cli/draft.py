"""``lesepult glossary draft TEXT [-o FILE] [--level B1] [--force]``: a glossary to start from.

The draft is made by :mod:`glossary.draft` and written by :mod:`reader.draft` (which the
app uses too); this module is the command line around them.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from glossary.draft import LEVEL_THRESHOLDS
from reader.cli.common import add_text_argument, open_document, open_store
from reader.core.display import one_line
from reader.core.errors import ExitCode
from reader.draft import default_draft_path, make_draft, refuse_existing, write_draft
from reader.settings import get_setting


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
        type=str.upper,
        choices=tuple(LEVEL_THRESHOLDS),
        help="the reader's CEFR level (default: the level setting, B1 unless changed)",
    )
    draft.add_argument("--force", action="store_true", help="overwrite an existing file")
    draft.set_defaults(func=command_draft)


def command_draft(arguments: argparse.Namespace) -> int:
    """Draft a glossary for TEXT and write it."""
    document = open_document(arguments.text, arguments.encoding)
    path = arguments.output or default_draft_path(document)
    refuse_existing(path, arguments.force)  # before the work, not after it
    level = arguments.level or get_setting(open_store(), "level")
    draft = make_draft(document, level)
    write_draft(path, draft.text, arguments.force)
    proposals = draft.proposals
    kinds: dict[str, int] = {}
    for proposal in proposals:
        kinds[proposal.reason] = kinds.get(proposal.reason, 0) + 1
    summary = ", ".join(f"{count} {reason}(s)" for reason, count in kinds.items()) or "nothing"
    print(f"{len(proposals)} draft entries ({summary}) written to {one_line(str(path))}")
    print(f"check them with: lesepult glossary validate {one_line(str(path))}", file=sys.stderr)
    return ExitCode.OK
