"""The glossary's data types: entries, the loaded set of glossaries, validation problems.

These frozen dataclasses cross module boundaries (matcher, lookup, CLI, UI); the YAML format
they are read from is documented in ``glossary/SCHEMA.md`` and checked in ``loading.py``.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

ENTRY_KINDS: tuple[str, ...] = (
    "noun",
    "verb",
    "separable-verb",
    "adjective",
    "adverb",
    "expression",
    "idiom",
    "name",
    "place",
    "organisation",
    "grammar",
    "other",
)
"""Every allowed value of an entry's ``kind``."""

GENDERS: tuple[str, ...] = ("m", "f", "n")
"""Every allowed value of a noun's ``gender``."""

NAME_KINDS: frozenset[str] = frozenset({"name", "place", "organisation"})
"""Kinds whose terms are names: matched only as written, their words adjacent."""

SCOPES: tuple[str, ...] = ("general", "text")
"""Every allowed value of ``scope``: everywhere, or only in the texts named by ``in_text``."""

Scope = Literal["general", "text"]

Origin = Literal["curated", "user"]

FieldValue = Literal["text", "texts", "parts", "flag", "kind", "gender", "scope"]
"""What a field of an entry holds in a file: a text, a list of texts, compound parts,
true/false, or a text from :data:`ENTRY_KINDS`, :data:`GENDERS` or :data:`SCOPES`."""


@dataclass(frozen=True)
class EntryField:
    """One field of an entry in a glossary file."""

    name: str
    """The field's name, the same in the file and on :class:`GlossaryEntry`."""
    value: FieldValue
    """What it holds."""
    required: bool = False
    """Every entry has it (a required list must not be empty)."""


ENTRY_FIELDS: tuple[EntryField, ...] = (
    EntryField("term", "text", required=True),
    EntryField("kind", "kind", required=True),
    EntryField("gender", "gender"),
    EntryField("plural", "text"),
    EntryField("forms", "texts"),
    EntryField("renderings", "texts", required=True),
    EntryField("explanation", "text", required=True),
    EntryField("register", "text"),
    EntryField("particle", "text"),
    EntryField("english_name", "text"),
    EntryField("about", "text"),
    EntryField("spelling_note", "text"),
    EntryField("parts", "parts"),
    EntryField("related", "texts"),
    EntryField("in_text", "texts"),
    EntryField("draft", "flag"),
    EntryField("scope", "scope"),
)
"""The fields of an entry in a glossary file, in the order a file is written: the one list
the loader checks, the writer writes and the entry form builds from. The other attributes
of :class:`GlossaryEntry` (:data:`PROVENANCE_FIELDS`) say where an entry was read and are
never in a file."""

PROVENANCE_FIELDS: tuple[str, ...] = ("origin", "file", "line", "glossary")
"""The attributes of :class:`GlossaryEntry` that the loader fills in, not the file."""


@dataclass(frozen=True)
class CompoundPart:
    """One part of a compound and its literal meaning."""

    part: str
    """The part as it appears in the compound (Eisenbahn)."""
    meaning: str
    """Its literal English meaning (railway)."""


@dataclass(frozen=True)
class GlossaryEntry:
    """One term of a glossary with everything a learner needs to understand it."""

    term: str
    """The lemma or, for expressions, the canonical phrase."""
    kind: str
    """One of :data:`ENTRY_KINDS`."""
    renderings: tuple[str, ...]
    """One or more English renderings."""
    explanation: str
    """What it means for a B1 learner, why it matters in this text, its register."""
    gender: str | None = None
    """Nouns: m, f or n."""
    plural: str | None = None
    """Nouns: the plural form."""
    forms: tuple[str, ...] = ()
    """Inflected, variant or misspelled forms worth matching."""
    parts: tuple[CompoundPart, ...] = ()
    """Compounds: the literal meaning of each part."""
    related: tuple[str, ...] = ()
    """Related terms."""
    english_name: str | None = None
    """Names and places: the usual English spelling."""
    about: str | None = None
    """Names and places: who or what it is."""
    spelling_note: str | None = None
    """A note on spelling, such as the text's misspelling."""
    register: str | None = None
    """The register (journalistic, colloquial, ...)."""
    in_text: tuple[str, ...] = ()
    """Bundled texts (file stems) the term occurs in."""
    scope: Scope = "general"
    """``general``: applies in every text; ``text``: only in the texts of :attr:`in_text`."""
    particle: str | None = None
    """Separable verbs: the detachable particle (an for ankündigen)."""
    origin: Origin = "curated"
    """Whether the entry comes from a curated glossary or the reader's own file."""
    file: str = ""
    """The file it was read from."""
    line: int = 0
    """The line of the file where the entry starts (0 if unknown)."""
    glossary: str = ""
    """The name of the glossary it belongs to."""
    draft: bool = False
    """Proposed by ``lesepult glossary draft`` and not checked by anyone yet."""


@dataclass(frozen=True)
class ValidationProblem:
    """One thing wrong with a glossary file, located by file, line and field."""

    file: str
    """The file's path."""
    line: int
    """The 1-based line of the offending node (0 if the file could not be read at all)."""
    field: str
    """The field path, such as ``entries[3].renderings`` (empty for the whole file)."""
    message: str
    """What is wrong, in one sentence."""

    def __str__(self) -> str:
        """``file:line: field: message``, leaving out the line and field when there are none."""
        where = self.file + (f":{self.line}" if self.line else "")
        if self.field:
            where += f": {self.field}"
        return f"{where}: {self.message}"


@dataclass(frozen=True)
class GlossaryFile:
    """One loaded glossary file's header."""

    path: str
    """Where it was read from."""
    name: str
    """Its ``glossary`` name."""
    version: str
    """Its ``version``."""
    origin: Origin
    """Curated or the reader's own."""
    entry_count: int
    """How many entries it contributed."""


@dataclass(frozen=True)
class GlossarySet:
    """Every usable glossary entry (curated first, then the reader's) and the problems found."""

    entries: tuple[GlossaryEntry, ...] = ()
    """All entries of the files that loaded, curated ones first."""
    problems: tuple[ValidationProblem, ...] = ()
    """Problems of files that were left out (or entries skipped)."""
    files: tuple[GlossaryFile, ...] = field(default=())
    """The files that loaded."""

    @property
    def version(self) -> str:
        """The curated glossaries' versions joined ("2026.11.1"), for study sheets."""
        versions = [f.version for f in self.files if f.origin == "curated"]
        return "+".join(versions) if versions else "none"

    def find(self, term: str) -> tuple[GlossaryEntry, ...]:
        """The entries whose term equals ``term``, ignoring case."""
        folded = term.casefold()
        return tuple(e for e in self.entries if e.term.casefold() == folded)
