"""The curated German–English glossary, term matching in text, and offline word lookup.

Importing this package is cheap: HanTa, the YAML parser and the dictionary index load lazily
on first use. Nothing here imports Textual.
"""

from __future__ import annotations

from glossary.loading import add_user_entry, load_glossaries, user_glossary_path, validate_files
from glossary.schema import (
    ENTRY_KINDS,
    CompoundPart,
    GlossaryEntry,
    GlossarySet,
    ValidationProblem,
)

Glossary = GlossarySet
"""The contract's other name for :class:`GlossarySet`."""

__all__ = [
    "ENTRY_KINDS",
    "CompoundPart",
    "Glossary",
    "GlossaryEntry",
    "GlossarySet",
    "ValidationProblem",
    "add_user_entry",
    "load_glossaries",
    "user_glossary_path",
    "validate_files",
]
