"""The translation job the reading view's worker runs, and the reference fallback.

Given German sentences in priority order (what is on screen first, then reading order), the
job returns stored translations at once, translates the rest in chunks, saves each chunk as
soon as it is done (closing the app loses nothing finished), reports progress after each
chunk and stops between chunks when asked to.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.text import Document, TextLoadError, load_reference
from reader.translation.checks import translation_flags
from reader.translation.engine import Translator
from reader.translation.store import SentenceTranslation, TranslationStore

DEFAULT_CHUNK_SENTENCES = 64


@dataclass(frozen=True)
class TranslationProgress:
    """One step of a translation job."""

    done: int
    """Sentences that have an English sentence so far (stored or new)."""
    total: int
    """Distinct sentences in the job."""
    translated: tuple[SentenceTranslation, ...]
    """The sentences that got their English in this step."""

    @property
    def finished(self) -> bool:
        """Whether every sentence has its English."""
        return self.done >= self.total


ProgressCallback = Callable[[TranslationProgress], None]


def document_sentences(document: Document) -> list[str]:
    """Every sentence text of a document in reading order."""
    return [sentence.text for sentence in document.all_sentences()]


def _model_input(german: str) -> str:
    # Sentences keep the text's own line breaks and spacing; the model wants one line.
    return " ".join(german.split())


class TranslationJob:
    """Fill in the English for a list of German sentences from the store and the model."""

    def __init__(
        self,
        store: TranslationStore,
        translator: Translator,
        chunk_sentences: int = DEFAULT_CHUNK_SENTENCES,
    ) -> None:
        self.store = store
        self.translator = translator
        self.chunk_sentences = max(1, chunk_sentences)

    def cached(self, germans: Sequence[str]) -> dict[str, SentenceTranslation]:
        """What the store already holds for these sentences (instant; no model needed)."""
        return self.store.lookup(self.translator.model_id, germans)

    def run(
        self,
        germans: Sequence[str],
        on_progress: ProgressCallback | None = None,
        is_cancelled: Callable[[], bool] | None = None,
        first_chunk: int | None = None,
    ) -> dict[str, SentenceTranslation]:
        """Translate what the store lacks; returns every sentence's English found or made.

        ``first_chunk`` sizes the first batch (the sentences on screen) so they come back
        quickly; later batches hold ``chunk_sentences``. Cancelling stops between batches.
        """
        unique = list(dict.fromkeys(germans))
        results = self.cached(unique)
        if on_progress:
            on_progress(TranslationProgress(len(results), len(unique), tuple(results.values())))
        pending = [german for german in unique if german not in results]
        position = 0
        while position < len(pending):
            if is_cancelled and is_cancelled():
                break
            size = first_chunk if position == 0 and first_chunk else self.chunk_sentences
            chunk = pending[position : position + max(1, size)]
            position += len(chunk)
            english = self.translator.translate([_model_input(german) for german in chunk])
            if len(english) != len(chunk):
                raise RuntimeError(
                    f"the translator returned {len(english)} sentences for {len(chunk)}"
                )
            pairs = list(zip(chunk, english, strict=True))
            self.store.save_machine(self.translator.model_id, pairs)
            # A correction made while this chunk ran still wins.
            corrections = self.store.lookup(None, chunk)
            new = tuple(
                corrections.get(german)
                or SentenceTranslation(
                    german,
                    text,
                    "machine",
                    self.translator.model_id,
                    translation_flags(german, text),
                )
                for german, text in pairs
            )
            results.update((item.german, item) for item in new)
            if on_progress:
                on_progress(TranslationProgress(len(results), len(unique), new))
        return results


def reference_translations(document: Document) -> dict[tuple[int, int], SentenceTranslation]:
    """The curated reference English per (block, sentence index), where it aligns.

    Blocks whose reference has a different number of sentences than the German are left
    out, so the sentence cursor never highlights a false pair. No reference gives ``{}``.
    """
    try:
        reference = load_reference(document)
    except (TextLoadError, OSError):
        return {}
    if reference is None:
        return {}
    found: dict[tuple[int, int], SentenceTranslation] = {}
    for block, english_sentences in zip(document.blocks, reference.blocks, strict=True):
        german_sentences = document.sentences(block.index)
        if len(german_sentences) != len(english_sentences):
            continue
        for sentence, english in zip(german_sentences, english_sentences, strict=True):
            found[(block.index, sentence.index)] = SentenceTranslation(
                sentence.text, english, "reference", None
            )
    return found
