"""The reading view's background work as plain functions (reader.reading_work), and the
screen dropping the results of a superseded translation run."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import pytest
from textual.pilot import Pilot

import reader.translation
from reader.analysis import BlockAnalysis
from reader.core.text import Document, parse_document
from reader.reading_work import (
    EngineStarted,
    EnglishArrived,
    ModelState,
    TranslationEvent,
    analysis_batches,
    analysis_order,
    batch_lemmas,
    choose_model,
    priority_order,
    start_segment_range,
    translate_document,
)
from reader.store import Store
from reader.translation import InstalledModels, ModelInfo, TranslationStore
from reader.translation.pipeline import TranslationJob
from tests.ui_support import reading_app, reading_screen, settle


@pytest.mark.parametrize(
    ("requested", "done", "count", "expected"),
    [
        ((2, 3), (), 5, [2, 3, 0, 1, 4]),  # then the rest of a short text
        ((2,), (0, 2), 4, [2, 1, 3]),  # analysed blocks are not done again unless asked
        ((), (), 3, [0, 1, 2]),
        ((7, 8), (), 401, [7, 8]),  # a long text is analysed as it is scrolled
    ],
)
def test_analysis_order(
    requested: tuple[int, ...], done: tuple[int, ...], count: int, expected: list[int]
) -> None:
    assert analysis_order(requested, done, count) == expected


def _fake(index: int) -> BlockAnalysis:
    return BlockAnalysis(index, ())


@pytest.mark.parametrize(("count", "sizes"), [(0, []), (3, [3]), (4, [4]), (9, [4, 4, 1])])
def test_analysis_comes_in_batches_of_four_and_the_rest_once(count: int, sizes: list[int]) -> None:
    batches = list(analysis_batches(range(count), _fake, lambda: False))
    assert [len(batch) for batch in batches] == sizes
    assert [a.block for batch in batches for a in batch] == list(range(count))


def test_analysis_stops_when_cancelled() -> None:
    analysed: list[int] = []

    def analyse(index: int) -> BlockAnalysis:
        analysed.append(index)
        return _fake(index)

    batches = analysis_batches(range(10), analyse, lambda: len(analysed) >= 5)
    assert [len(batch) for batch in batches] == [4]  # a cancelled worker's part is dropped
    assert analysed == [0, 1, 2, 3, 4]


def test_batch_lemmas() -> None:
    from reader.analysis import SentenceAnalysis

    batch = (BlockAnalysis(0, (SentenceAnalysis(("der", "Hund"), ()),)),)
    assert batch_lemmas(batch) == {"der", "Hund"}


@pytest.mark.parametrize(
    ("visible", "count", "expected"),
    [
        ((2, 3), 6, [2, 3, 4, 5, 0, 1]),
        ((0, 0), 3, [0, 1, 2]),
        ((4, 9), 6, [4, 5, 0, 1, 2, 3]),  # the view reports past the end
        ((3, 1), 5, [3, 4, 0, 1, 2]),
    ],
)
def test_priority_order(visible: tuple[int, int], count: int, expected: list[int]) -> None:
    assert priority_order(visible, count) == expected


def _model(code: str, version: str, source: str = "de", target: str = "en") -> ModelInfo:
    return ModelInfo(code, version, source, target, Path("/nowhere"))


def test_the_newest_german_english_model_is_chosen() -> None:
    older, newer = _model("translate-de_en", "1.0"), _model("translate-de_en", "1.9")
    other = _model("translate-en_de", "2.0", "en", "de")
    assert choose_model((older, newer, other)) == newer
    assert choose_model((other,)) is None
    assert choose_model(()) is None


def test_start_segment_range_stops_at_a_budget_but_reaches_the_cursor() -> None:
    long = "Wort. " * 500  # 2,999 characters a block
    document = parse_document("# T\n\n" + "\n\n".join([long] * 20), "test")
    # 12,000 characters: the title and four blocks leave 3, so a fifth block still goes.
    assert start_segment_range(document, 0) == range(0, 6)
    # Two blocks above the cursor, its own, then the budget again.
    assert start_segment_range(document, 10) == range(8, 13)
    short = parse_document("# T\n\n" + "\n\n".join(["Kurz."] * 30), "test")
    assert start_segment_range(short, 5) == range(3, 15)  # twelve blocks


def _run(document: Document, store: Store, visible: tuple[int, int]) -> list[TranslationEvent]:
    events: list[TranslationEvent] = []
    translate_document(document, TranslationStore(store), visible, events.append, lambda: False)
    return events


def test_without_a_model_the_state_says_how_to_get_one(article: Document, store: Store) -> None:
    (event,) = _run(article, store, (0, 3))
    assert isinstance(event, ModelState) and event.model_label is None
    assert event.state.startswith("no model")


def test_the_screen_first_then_the_rest_then_stored_at_once(
    article: Document, store: Store, tiny_model: ModelInfo
) -> None:
    events = _run(article, store, (2, 3))
    assert isinstance(events[0], ModelState) and events[0].model_label == tiny_model.model_id
    assert isinstance(events[1], EngineStarted)
    arrived = [e for e in events if isinstance(e, EnglishArrived) and e.translations]
    on_screen = {s.text for i in (2, 3) for s in article.sentences(i)}
    first = {t.german for t in arrived[0].translations}
    assert first and first <= on_screen
    everything = {s.text for s in article.all_sentences()}
    assert {t.german for e in arrived for t in e.translations} == everything
    # Again: all of it is stored now, and comes back without the model translating.
    again = [e for e in _run(article, store, (2, 3)) if isinstance(e, EnglishArrived)]
    assert {t.german for e in again for t in e.translations} == everything
    progress = [(e.done, e.total) for e in again if e.total is not None]
    assert progress[-1] == (progress[-1][1], len(list(article.all_sentences())))


async def _until(pilot: Pilot[Any], done: Any) -> None:
    for _ in range(3000):
        if done():
            return
        await pilot.pause(0.01)
    raise AssertionError("the condition never came true")


async def test_a_superseded_translation_run_cannot_set_the_engine(
    article: Document, store: Store, tiny_model: ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    real_installed = reader.translation.installed_models
    calls: list[int] = []
    release, reached_job = threading.Event(), threading.Event()

    def installed() -> InstalledModels:
        calls.append(1)
        if len(calls) == 1:  # the first run waits until the model has been "removed"
            assert release.wait(timeout=30), "the test never released the first run"
            return real_installed()
        return InstalledModels((), ())

    class WatchedJob(TranslationJob):
        def __init__(self, *arguments: Any) -> None:
            super().__init__(*arguments)
            reached_job.set()  # the engine was made (and, before the fix, assigned)

    monkeypatch.setattr(reader.translation, "installed_models", installed, raising=False)
    monkeypatch.setattr(reader.translation, "TranslationJob", WatchedJob, raising=False)
    app = reading_app(article, store)
    async with app.run_test(size=(150, 40)) as pilot:
        await _until(pilot, lambda: calls)
        screen = reading_screen(pilot)
        screen.model_changed(None)  # as the models screen does after a removal
        await _until(pilot, lambda: screen.status.progress.startswith("no model"))
        release.set()
        await _until(pilot, reached_job.is_set)
        await settle(pilot)
        assert screen.engine is None  # was the first run's engine
        assert screen.model_label is None
        assert screen.status.progress.startswith("no model")
