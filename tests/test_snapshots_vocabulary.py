"""SVG snapshots of the word statistics chart and the text info screen (issue 11).

Update with ``pytest tests/test_snapshots_vocabulary.py --snapshot-update`` only after looking
at the report of what changed.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from textual.app import App
from textual.pilot import Pilot

from reader.core.text import parse_document
from reader.store import Store
from reader.ui.screens.statistics import StatisticsScreen
from reader.ui.screens.text_info import TextInfoScreen
from reader.vocabulary import Vocabulary
from tests.test_text_info import FRONT
from tests.ui_support import settle

NOON = datetime(2026, 11, 20, 12, 0).timestamp()
DAY = 86400.0


class Clock:
    """A settable clock."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


class Host(App[None]):
    """Shows one screen."""

    def __init__(self, screen: Any) -> None:
        super().__init__()
        self.first = screen

    def on_mount(self) -> None:
        self.push_screen(self.first)


def test_statistics_chart(snap_compare: Any, store: Store) -> None:
    clock = Clock(NOON)
    vocabulary = Vocabulary(store, clock)
    store.remember_position("a" * 16, "Belarus im Ukraine-Krieg", None, 0, 0)
    store.remember_position("b" * 16, "Die Verwandlung", None, 0, 0)
    words = [f"Wort{n}" for n in range(40)]
    for day in range(12):
        clock.now = NOON + day * DAY
        for word in words[: 3 * day + 2]:
            vocabulary.set_status(word, "known" if day > 1 else "2", "a" * 16)
    vocabulary.set_statuses({"Ungeziefer": "1", "Käfer": "known"}, "b" * 16)
    app = Host(StatisticsScreen(store, "a" * 16, "Belarus im Ukraine-Krieg", clock))
    assert snap_compare(app, terminal_size=(100, 30))


def test_text_info_screen(snap_compare: Any, store: Store) -> None:
    document = parse_document(FRONT, "brief.md")
    Vocabulary(store).set_statuses({"Hund": "known", "schlafen": "2"})
    app = Host(TextInfoScreen(document, store))

    async def counted(pilot: Pilot[Any]) -> None:
        await settle(pilot)

    assert snap_compare(app, terminal_size=(100, 30), run_before=counted)
