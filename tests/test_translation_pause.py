"""The reading screen's background translation, driven with Pilot (issue 11): the status bar
early in a long text, pausing and resuming (T), and translating on demand (s, S)."""

from __future__ import annotations

import re
from typing import Any

from textual.pilot import Pilot

from reader.core.text import parse_document
from reader.reading_work import ON_DEMAND_STATE
from reader.settings import set_setting
from reader.store import Store
from reader.translation import TranslationStore
from tests.fake_engine import FakeEngine
from tests.fake_engine import fake_engine as fake_engine  # the fixture
from tests.longtext import make_long_text
from tests.test_translation_progress import long_document
from tests.ui_support import open_reader, reading_app, reading_screen


async def _until(pilot: Pilot[Any], done: Any) -> None:
    for _ in range(3000):
        if done():
            return
        await pilot.pause(0.01)
    raise AssertionError("the condition never came true")


async def test_early_in_a_long_text_the_status_counts_over_the_whole_text(
    store: Store, fake_engine: type[FakeEngine]
) -> None:
    document = parse_document(make_long_text(120_000), "long")
    fake_engine.hold_from = 2  # the screen's English comes; the rest waits
    app = reading_app(document, store)
    async with app.run_test(size=(160, 45)) as pilot:
        await _until(pilot, lambda: len(fake_engine.calls) >= 2)
        await pilot.pause()
        progress = reading_screen(pilot).status.progress
        # Was "translated 24/24": the screen's sentences only, looking finished.
        assert re.fullmatch(rf"translating \d+/{len(document.blocks)} paragraphs", progress)
        fake_engine.release.set()


async def test_pausing_stops_the_translation_and_resuming_finishes_it(
    store: Store, fake_engine: type[FakeEngine]
) -> None:
    document = long_document(60)
    total = sum(len(document.sentences(i)) for i in range(len(document.blocks)))
    fake_engine.hold_from = 2
    app = reading_app(document, store)
    async with app.run_test(size=(160, 45)) as pilot:
        await _until(pilot, lambda: len(fake_engine.calls) >= 2)
        screen = reading_screen(pilot)
        await pilot.press("T")
        assert screen.status.progress.startswith("translation paused")
        fake_engine.release.set()  # the batch under way finishes; then the worker waits
        await pilot.pause(0.5)
        assert len(fake_engine.calls) == 2
        assert screen.status.progress.startswith("translation paused")
        await pilot.press("T")  # resume where it stopped
        await _until(
            pilot, lambda: screen.status.progress == f"translated {total}/{total} sentences"
        )
        assert all(s.text in screen.machine for s in document.all_sentences())


async def test_on_demand_only_translates_the_sentence_or_paragraph_asked_for(
    store: Store, fake_engine: type[FakeEngine]
) -> None:
    set_setting(store, "translation", "on-demand")
    document = long_document(10)
    async with open_reader(document, store) as (app, pilot, screen):
        assert screen.status.progress == ON_DEMAND_STATE
        assert screen.machine == {} and fake_engine.calls == []
        await pilot.press("s")
        german = screen.current_sentence().text
        await _until(pilot, lambda: german in screen.machine)
        assert screen.machine[german].english == "EN " + german
        assert TranslationStore(store).machine_count("fake 0.0") == 1
        await pilot.press("J", "S")
        paragraph = [s.text for s in document.sentences(screen.cursor.block)]
        await _until(pilot, lambda: all(g in screen.machine for g in paragraph))
        assert TranslationStore(store).machine_count("fake 0.0") == 1 + len(paragraph)
