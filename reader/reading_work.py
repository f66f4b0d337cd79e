"""The reading view's background work as plain functions: what to segment first, which blocks
to analyse in which batches, which model to use and in which order to translate.

The reading screen's thread workers call these and turn what they report into messages; the
functions never touch the UI, so they are tested without one. Slow imports (the glossary,
the translation engine) happen inside the functions, on the worker's thread.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

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


ProgressUnit = Literal["sentences", "paragraphs"]


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
    """The sentences (at most ``MESSAGE_SENTENCES``)."""
    done: int | None
    """Sentences (or paragraphs, see ``unit``) done so far, or None for English alone."""
    total: int | None
    """Sentences (or paragraphs) of the whole text, or None for English alone."""
    unit: ProgressUnit = "sentences"
    """What ``done`` and ``total`` count."""


TranslationEvent = ModelState | EngineStarted | EnglishArrived

MESSAGE_SENTENCES = 64
"""The most sentences one message carries, and one batch for the model (so quitting waits
for one batch at most, and nothing on the way holds more than a batch)."""
SENTENCE_PROGRESS_CHARS = 100_000
"""Up to this much text progress counts sentences (segmenting all of it is quick); a longer
text counts paragraphs, whose number is known at once, so the total never changes."""
ON_DEMAND_STATE = "on demand: s translates the sentence, S the paragraph"


def progress_unit(document: Document) -> ProgressUnit:
    """What the translation progress counts in this text."""
    size = sum(len(block.text) for block in document.blocks)
    return "sentences" if size <= SENTENCE_PROGRESS_CHARS else "paragraphs"


def progress_total(
    document: Document, unit: ProgressUnit, is_cancelled: Callable[[], bool]
) -> int | None:
    """The whole text's paragraphs, or sentences (segmenting the article first; None when
    cancelled meanwhile: quitting waits for one block at most)."""
    if unit == "paragraphs":
        return len(document.blocks)
    total = 0
    for index in range(len(document.blocks)):
        if is_cancelled():
            return None
        total += len(document.sentences(index))
    return total


def progress_text(done: int, total: int, unit: ProgressUnit, paused: bool = False) -> str:
    """What the status bar says about the translation's progress."""
    if paused:
        return f"translation paused at {done}/{total} {unit}"
    verb = "translated" if done >= total else "translating"
    return f"{verb} {done}/{total} {unit}"


def pieces(
    translations: Sequence[SentenceTranslation], size: int = MESSAGE_SENTENCES
) -> Iterator[tuple[SentenceTranslation, ...]]:
    """Translations cut into messages of at most ``size`` sentences."""
    for start in range(0, len(translations), size):
        yield tuple(translations[start : start + size])


def block_groups(
    document: Document, blocks: Sequence[int], keep: Collection[int] = ()
) -> Iterator[tuple[int, list[str]]]:
    """Blocks in order, grouped until a group holds ``MESSAGE_SENTENCES`` sentences: yields
    how many blocks a group has and its sentence texts. Blocks in ``keep`` (on screen) stay
    segmented in the document; the others are split without keeping their tokens."""
    count, texts = 0, []
    for index in blocks:
        sentences = document.sentences(index) if index in keep else document.sentences_unkept(index)
        count += 1
        texts += [sentence.text for sentence in sentences]
        if len(texts) >= MESSAGE_SENTENCES:
            yield count, texts
            count, texts = 0, []
    if count:
        yield count, texts


def translate_document(
    document: Document,
    translation_store: TranslationStore,
    visible: tuple[int, int],
    emit: Callable[[TranslationEvent], None],
    is_cancelled: Callable[[], bool],
    background: bool = True,
    hold: Callable[[], None] = lambda: None,
) -> None:
    """Find the model, report stored English at once, translate the rest.

    Order: what is on screen first (stored English, then the model's); then the whole text
    in reading order, a group of blocks at a time (stored English at once, the rest
    translated), with progress over the whole text: sentences in an article-sized text,
    paragraphs in a longer one, a total that never changes. Each batch is saved as soon as
    it is translated, so quitting mid-way loses nothing and a new pass continues where the
    last stopped. Nothing is held beyond one group. ``background`` False (translation on
    demand) stops after the stored English on screen. ``hold`` is called between groups and
    returns when the reader has not paused the translation (or the pass is cancelled).
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
    job = TranslationJob(translation_store, engine)  # batches of 64, as the messages
    order = priority_order(visible, len(document.blocks))
    on_screen = order[: max(1, visible[1] - visible[0] + 1)]

    def show(progress: TranslationProgress) -> None:
        # English alone (progress has messages of its own), in messages of bounded size.
        for piece in pieces(progress.translated):
            emit(EnglishArrived(piece, None, None))

    def stopping() -> bool:
        # Asked before each batch of the model: a paused pass waits here.
        hold()
        return is_cancelled()

    unit: ProgressUnit = progress_unit(document)
    total: int | None = None
    try:
        screen_texts = [s.text for i in on_screen for s in document.sentences(i)]
        if not background:
            for piece in pieces(tuple(job.cached(screen_texts).values())):
                emit(EnglishArrived(piece, None, None))
            emit(ModelState(model.model_id, ON_DEMAND_STATE, "not translated yet (on demand)"))
            return
        total = progress_total(document, unit, is_cancelled)
        if total is None:
            return
        emit(EnglishArrived((), 0, total, unit))
        job.run(screen_texts, show, is_cancelled)
        if is_cancelled():
            return
        done = len(screen_texts) if unit == "sentences" else len(on_screen)
        emit(EnglishArrived((), done, total, unit))
        for count, texts in block_groups(document, order[len(on_screen) :]):
            job.run(texts, show, stopping)  # asks before each batch: paused, it waits
            if is_cancelled():
                return
            done += count if unit == "paragraphs" else len(texts)
            emit(EnglishArrived((), done, total, unit))
    except Exception as error:  # a broken package must not take the reader down
        reason = " ".join(str(error).split())
        emit(ModelState(model.model_id, f"translation failed: {reason}", reason))
