"""What the study sheet builder takes in: the English, lemmas, glossary hits and word facts.

:class:`SheetSources` holds them as callables and plain data, so the builder
(:mod:`reader.export.sheet`) does not depend on how translations, glossary matches or lemmas
are produced; :mod:`reader.export.sources` wires the real ones.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field

from reader.core.text import Sentence


@dataclass(frozen=True)
class SheetEnglish:
    """The English of one German sentence and where it came from."""

    english: str
    """The English sentence."""
    origin: str
    """``machine``, ``edited`` or ``reference``."""


@dataclass(frozen=True)
class TermHit:
    """A glossary term found in a sentence (the builder's input from glossary matching)."""

    term: str
    """The glossary term (lemma or canonical phrase)."""
    kind: str
    """Its kind (noun, verb, expression, name...)."""
    rendering: str
    """Its first English rendering."""
    explanation: str
    """The glossary's explanation for a learner."""
    start: int
    """Document offset of the first matched character."""
    end: int
    """Document offset just past the last matched character."""
    gender: str = ""
    """m, f or n for nouns."""
    plural: str = ""
    """The plural for nouns."""


@dataclass(frozen=True)
class WordInfo:
    """What the glossary or dictionary says about a vocabulary word."""

    meaning: str
    """A short English meaning ("" when unknown)."""
    gender: str = ""
    """m, f or n for nouns."""
    plural: str = ""
    """The plural for nouns."""


def _no_terms(sentence: Sentence) -> Sequence[TermHit]:
    return ()


def _no_info(lemma: str, sentence: Sentence, token_index: int) -> WordInfo | None:
    return None


@dataclass(frozen=True)
class SheetSources:
    """Everything the builder needs besides the document."""

    english: Callable[[Sentence], SheetEnglish | None]
    """The English of a sentence under the chosen translation source, None if there is none."""
    lemmas: Callable[[Sentence], Sequence[str]]
    """One lemma per token of a sentence."""
    term_hits: Callable[[Sentence], Sequence[TermHit]] = _no_terms
    """The glossary terms found in a sentence."""
    word_info: Callable[[str, Sentence, int], WordInfo | None] = _no_info
    """Meaning, gender and plural of a lemma seen as token ``token_index`` of a sentence."""
    statuses: Mapping[str, str] = field(default_factory=dict)
    """The reader's status per lemma (missing means new)."""
    looked_up: frozenset[str] = frozenset()
    """Lemmas the reader looked up."""
    lookup_sentences: Mapping[str, frozenset[str]] = field(default_factory=dict)
    """Per looked-up lemma, the sentences (exact text) the reader looked it up in."""
    model_id: str | None = None
    """The machine translation model ("translate-de_en 1.9"), if machine output is used."""
    glossary_version: str = ""
    """The glossary version(s) the notes come from."""
    dictionary: str = ""
    """The dictionary meanings come from besides the glossary ("" when none is installed)."""
