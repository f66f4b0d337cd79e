"""Making and writing glossary drafts, shared by ``lesepult glossary draft`` and the app.

:mod:`glossary.draft` proposes the entries; this module loads the glossaries for the lookup,
checks the YAML with the validator, names the default file (by the text's id, never by its
title) and writes it atomically, refusing to overwrite a file without ``force``.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from glossary.draft import DraftProposal, draft_proposals, draft_yaml
from glossary.loading import load_glossaries, parse_glossary_text
from glossary.lookup import WordLookup
from reader.core.atomic import atomic_write_text
from reader.core.display import one_line
from reader.core.errors import OutputExistsError, UserError
from reader.core.paths import config_dir
from reader.core.text import Document


@dataclass(frozen=True)
class Draft:
    """A drafted glossary: its proposals and its file text."""

    proposals: tuple[DraftProposal, ...]
    """The proposed entries, in text order."""
    text: str
    """The YAML file."""


def drafts_dir() -> Path:
    """Where drafts go when no file is named: ``<config dir>/drafts``."""
    return config_dir() / "drafts"


def default_draft_path(document: Document) -> Path:
    """The draft's default file: named by the text's id, never by anything from the text."""
    return drafts_dir() / f"draft-{document.text_id}.yaml"


def make_draft(document: Document, level: str) -> Draft:
    """The draft of ``document`` at ``level``, looked up in the glossaries and Ding."""
    lookup = WordLookup.create(load_glossaries())
    try:
        proposals = draft_proposals(document, lookup, level)
    finally:
        lookup.close()
    text = draft_yaml(document, proposals, level)
    problems = parse_glossary_text(text, "draft").problems
    if problems:  # a bug, not the user's fault, but never write a file that does not load
        raise UserError(f"the draft does not validate: {one_line(str(problems[0]))}")
    return Draft(proposals, text)


def refuse_existing(path: Path, force: bool) -> None:
    """A UserError when ``path`` exists (and ``force`` is off) or is a directory."""
    if path.is_dir():
        raise UserError(f"{one_line(str(path))} is a directory")
    if path.exists() and not force:
        raise OutputExistsError(one_line(str(path)))


def write_draft(path: Path, text: str, force: bool) -> None:
    """Write the draft atomically; an existing file only with ``force``."""
    refuse_existing(path, force)
    try:
        atomic_write_text(path, text)
    except OSError as error:
        raise UserError(f"cannot write {one_line(str(path))}: {error.strerror}") from error
