"""The reading view's background work as plain functions: what to segment first, which blocks
to analyse in which batches, which model to use and in which order to translate.

The reading screen's thread workers call these and turn what they report into messages; the
functions never touch the UI, so they are tested without one. Slow imports (the glossary,
the translation engine) happen inside the functions, on the worker's thread.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.text import Document

if TYPE_CHECKING:
    from reader.analysis import BlockAnalysis
    from reader.translation import (
        ModelInfo,
        SentenceTranslation,
        TranslationEngine,
        TranslationProgress,
        TranslationStore,
    )

START_SEGMENT_BLOCKS = 12
START_SEGMENT_CHARS = 12_000
"""How much text around the cursor is segmented at start, before the view asks for more."""
# Analyse the whole text in the background only when it is article-sized: HanTa tags about
# two thousand tokens a second, and a novel is analysed as it is scrolled instead.
BACKGROUND_ANALYSIS_BLOCKS = 400
ANALYSIS_BATCH = 4
STORED_LOOKUP_BLOCKS = 50


def start_segment_range(document: Document, cursor_block: int) -> range:
    """The blocks to segment at start: from just above the cursor, up to 12 blocks but no
    more text than a few screens hold (SoMaJo holds the GIL, and ``q`` must not wait)."""
    first = max(0, cursor_block - 2)
    last, budget = first, START_SEGMENT_CHARS
    blocks = document.blocks
    while last < min(len(blocks), first + START_SEGMENT_BLOCKS) and (
        last <= cursor_block or budget > 0
    ):
        budget -= len(blocks[last].text)
        last += 1
    return range(first, last)


def analysis_order(requested: Sequence[int], done: Collection[int], block_count: int) -> list[int]:
    """The blocks to analyse: the requested ones (again, if asked), then, in a short text,
    every other block not analysed yet."""
    order = list(requested)
    if block_count <= BACKGROUND_ANALYSIS_BLOCKS:
        wanted = set(requested)
        order += [i for i in range(block_count) if i not in wanted and i not in done]
    return order


def analysis_batches(
    order: Iterable[int],
    analyse: Callable[[int], BlockAnalysis],
    is_cancelled: Callable[[], bool],
    size: int = ANALYSIS_BATCH,
) -> Iterator[tuple[BlockAnalysis, ...]]:
    """The analyses of ``order`` in batches of ``size`` (the last one may be shorter);
    stops before the next block once ``is_cancelled`` says so."""
    batch: list[BlockAnalysis] = []
    for index in order:
        if is_cancelled():
            return
        batch.append(analyse(index))
        if len(batch) >= size:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)


def batch_lemmas(batch: Iterable[BlockAnalysis]) -> set[str]:
    """Every lemma of a batch of analyses (to look their vocabulary statuses up at once)."""
    return {lemma for analysis in batch for s in analysis.sentences for lemma in s.lemmas}


def priority_order(visible: tuple[int, int], block_count: int) -> list[int]:
    """On-screen blocks first, then the rest of the text in reading order."""
    first, last = max(0, visible[0]), min(block_count - 1, max(visible[1], visible[0]))
    on_screen = list(range(first, last + 1))
    return on_screen + list(range(last + 1, block_count)) + list(range(0, first))


def choose_model(models: Iterable[ModelInfo]) -> ModelInfo | None:
    """The German-English model to translate with: the last one installed (the newest
    version, as the packages are sorted by code then version), or None."""
    return next(
        (m for m in reversed(tuple(models)) if (m.from_code, m.to_code) == ("de", "en")), None
    )


@dataclass(frozen=True)
class ModelState:
    """The translation's state changed (model missing, loading, failed)."""

    model_label: str | None
    """The model's id, or None without a model."""
    state: str
    """What the status bar says."""
    placeholder: str
    """What the English column says where there is no English yet."""


@dataclass(frozen=True)
class EngineStarted:
    """A model was found and its engine made (it loads on first use)."""

    engine: TranslationEngine
    """The engine, for alternatives and for reverting an edit."""


@dataclass(frozen=True)
class EnglishArrived:
    """English sentences came from the store or the model."""

    translations: tuple[SentenceTranslation, ...]
    """The sentences."""
    done: int | None
    """Sentences translated so far in this pass, or None for stored English."""
    total: int | None
    """Sentences of this pass, or None for stored English."""


TranslationEvent = ModelState | EngineStarted | EnglishArrived


def translate_document(
    document: Document,
    translation_store: TranslationStore,
    visible: tuple[int, int],
    emit: Callable[[TranslationEvent], None],
    is_cancelled: Callable[[], bool],
) -> None:
    """Find the model, report stored English at once, translate the rest.

    Order: what is on screen (stored English at once, the rest translated first); then the
    rest in reading order, ``STORED_LOOKUP_BLOCKS`` blocks at a time, segmented and looked
    up in the store, so reopening a long text fills the column as fast as it can be split;
    then everything still missing, with progress over the whole text. Each chunk is saved
    as soon as it is translated, so quitting mid-way loses nothing.
    """
    from reader.translation import (
        MISSING_MODEL_HELP,
        EngineSettings,
        TranslationJob,
        installed_models,
    )

    # Looked up at call time (tests put a slower engine in its place).
    from reader.translation.engine import TranslationEngine as Engine

    found = installed_models()
    model = choose_model(found.models)
    if model is None:
        problems = "; ".join(found.problems)
        state = "no model: press m or run `lesepult models install`"
        emit(ModelState(None, state, MISSING_MODEL_HELP + (f" ({problems})" if problems else "")))
        return
    emit(ModelState(model.model_id, "reading stored English…", "translating…"))
    engine = Engine(model, EngineSettings.from_environment())  # loads on first use
    emit(EngineStarted(engine))
    job = TranslationJob(translation_store, engine)
    order = priority_order(visible, len(document.blocks))
    on_screen = order[: max(1, visible[1] - visible[0] + 1)]

    def report(progress: TranslationProgress) -> None:
        emit(EnglishArrived(progress.translated, progress.done, progress.total))

    def sentences_of(blocks: Sequence[int]) -> list[str]:
        return [s.text for i in blocks for s in document.sentences(i)]

    try:
        job.run(sentences_of(on_screen), on_progress=report, is_cancelled=is_cancelled)
        germans = sentences_of(on_screen)
        rest = order[len(on_screen) :]
        for start in range(0, len(rest), STORED_LOOKUP_BLOCKS):
            if is_cancelled():
                return
            chunk = sentences_of(rest[start : start + STORED_LOOKUP_BLOCKS])
            stored = job.cached(chunk)
            if stored:
                emit(EnglishArrived(tuple(stored.values()), None, None))
            germans += chunk
        job.run(germans, on_progress=report, is_cancelled=is_cancelled)
    except Exception as error:  # a broken package must not take the reader down
        reason = " ".join(str(error).split())
        emit(ModelState(model.model_id, f"translation failed: {reason}", reason))
