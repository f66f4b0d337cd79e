"""Messages the reading screen's workers post to it (workers never touch widgets).

The translation's messages carry the run that sent them: the screen drops those of a run
that was cancelled or superseded (a model change, a reload), so an older worker still
finishing cannot overwrite what the newer one set.
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
    from reader.translation import SentenceTranslation, TranslationEngine


class BlocksSegmented(Message):
    """A worker has split these blocks into sentences (so they can be highlighted)."""

    def __init__(self, blocks: tuple[int, ...]) -> None:
        super().__init__()
        self.blocks = blocks


class TranslationsArrived(Message):
    """English sentences came from the store or the model (or the reader edited one)."""

    def __init__(
        self,
        translations: tuple[SentenceTranslation, ...],
        done: int | None,
        total: int | None,
        run: int | None = None,
    ) -> None:
        super().__init__()
        self.translations = translations
        self.done = done
        self.total = total
        self.run = run
        """The translation run that sent it; None for the reader's corrections."""


class TranslationState(Message):
    """The translation worker's state changed (model missing, loading, failed, finished)."""

    def __init__(
        self, model_label: str | None, state: str, placeholder: str, run: int | None = None
    ) -> None:
        super().__init__()
        self.model_label = model_label
        self.state = state
        self.placeholder = placeholder
        self.run = run
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
class StatusesStored(Message):
    """Vocabulary statuses were written to the store."""

    statuses: dict[str, str]
    """Lemma to status."""


@dataclass
class MarkedKnown(Message):
    """The still-new words of a paragraph were marked known in the store."""

    lemmas: tuple[str, ...]
    """The lemmas that changed."""


class AlternativesReady(Message):
    """The model's n-best hypotheses for one sentence are ready."""

    def __init__(self, german: str, alternatives: tuple[str, ...]) -> None:
        super().__init__()
        self.german = german
        self.alternatives = alternatives


class GlossaryLoaded(Message):
    """The curated and the reader's glossaries are loaded (problems listed inside)."""

    def __init__(self, glossary: GlossarySet, matcher: GlossaryMatcher) -> None:
        super().__init__()
        self.glossary = glossary
        self.matcher = matcher


class DictionaryLoaded(Message):
    """The word lookup (glossary and Ding dictionary) is ready."""

    def __init__(self, lookup: WordLookup) -> None:
        super().__init__()
        self.lookup = lookup


class BlocksAnalysed(Message):
    """Lemmas and glossary terms of some blocks, with the vocabulary statuses of their words."""

    def __init__(self, analyses: tuple[BlockAnalysis, ...], statuses: dict[str, str]) -> None:
        super().__init__()
        self.analyses = analyses
        self.statuses = statuses


class LookupDone(Message):
    """The lookup of the word under the word cursor."""

    def __init__(self, cursor: Cursor, result: LookupResult) -> None:
        super().__init__()
        self.cursor = cursor
        self.result = result
