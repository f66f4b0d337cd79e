"""Messages the reading screen's workers post to it (workers never touch widgets).

Dataclass messages, as Toolong's: a worker's result is the message's fields. The
translation's and the analysis's messages carry the run that sent them: the screen drops
those of a run that was cancelled or superseded (a model change, a reload, a new glossary or
dictionary), so an older worker still finishing cannot overwrite what the newer one set.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from glossary.lookup import LookupResult, WordLookup
    from glossary.matching import GlossaryMatcher
    from glossary.schema import GlossarySet
    from reader.analysis import BlockAnalysis
    from reader.navigation import Cursor
    from reader.reading_work import ProgressUnit
    from reader.translation import SentenceTranslation, TranslationEngine


@dataclass
class BlocksSegmented(Message):
    """A worker has split these blocks into sentences (so they can be highlighted)."""

    blocks: tuple[int, ...]
    """The blocks."""


@dataclass
class TranslationsArrived(Message):
    """English sentences came from the store or the model (or the reader edited one)."""

    translations: tuple[SentenceTranslation, ...]
    """The sentences."""
    done: int | None
    """Sentences translated so far in this pass, or None for stored English."""
    total: int | None
    """Sentences of this pass, or None for stored English."""
    run: int | None = None
    """The translation run that sent it; None for the reader's corrections."""
    unit: ProgressUnit = "sentences"
    """What ``done`` and ``total`` count."""


@dataclass
class TranslationState(Message):
    """The translation worker's state changed (model missing, loading, failed, finished)."""

    model_label: str | None
    """The model's id, or None without a model."""
    state: str
    """What the status bar says."""
    placeholder: str
    """What the English column says where there is no English yet."""
    run: int | None = None
    """The translation run that sent it."""


@dataclass
class EngineReady(Message):
    """The translation run found its model and made the engine."""

    engine: TranslationEngine
    """The engine (it loads the model on first use)."""
    run: int
    """The translation run that made it."""


@dataclass
class TranslationForgotten(Message):
    """The reader reverted an edit and the sentence has no other English."""

    german: str
    """The German sentence."""


@dataclass
class AlternativesReady(Message):
    """The model's n-best hypotheses for one sentence are ready."""

    german: str
    """The German sentence."""
    alternatives: tuple[str, ...]
    """The hypotheses, best first, without repeats."""


@dataclass
class GlossaryLoaded(Message):
    """The curated and the reader's glossaries are loaded (problems listed inside)."""

    glossary: GlossarySet
    """Both glossaries."""
    matcher: GlossaryMatcher
    """A matcher built on them."""


@dataclass
class DictionaryLoaded(Message):
    """The word lookup (glossary and Ding dictionary) is ready."""

    lookup: WordLookup
    """The lookup."""


@dataclass
class BlocksAnalysed(Message):
    """Lemmas and glossary terms of some blocks, with the vocabulary statuses of their words."""

    analyses: tuple[BlockAnalysis, ...]
    """The analyses."""
    statuses: dict[str, str]
    """Lemma to vocabulary status, for the lemmas of these blocks."""
    run: int | None = None
    """The glossary and dictionary they were analysed with (the screen's analysis run)."""


@dataclass
class LookupDone(Message):
    """The lookup of the word under the word cursor."""

    cursor: Cursor
    """Where the word cursor was."""
    result: LookupResult
    """What the lookup found."""


@dataclass
class StatusesStored(Message):
    """Vocabulary statuses were written to the store."""

    statuses: dict[str, str]
    """Lemma to status."""


@dataclass
class MarkedKnown(Message):
    """The still-new words of a paragraph were marked known in the store."""

    lemmas: tuple[str, ...]
    """The lemmas that changed."""
