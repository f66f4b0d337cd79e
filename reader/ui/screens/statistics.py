"""The word statistics screen: words known over time as a chart, and progress per text.

The time line is Textual's ``Sparkline`` over :meth:`Vocabulary.known_over_time` (``w``
switches between days and weeks); per text, bars of block characters
(:func:`reader.vocabulary_stats.bar`) show the words met in it that are now known.
"""

from __future__ import annotations

import sqlite3
import time
from collections.abc import Callable

from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Footer, Sparkline, Static

from reader.failures import describe_failure
from reader.store import Store
from reader.ui.widgets.shown import shown
from reader.vocabulary import Vocabulary, status_label
from reader.vocabulary_stats import KnownPoint, Period, TextStatistics, bar

BAR_WIDTH = 30


class StatisticsScreen(Screen[None]):
    """Words known per day or week, and per text."""

    CSS_PATH = "statistics.tcss"
    BINDINGS = [
        Binding("escape,q,S", "close", "Back", id="statistics.close"),
        Binding("w", "toggle_period", "Day/week", id="statistics.period"),
    ]

    def __init__(
        self,
        store: Store,
        current_text_id: str | None = None,
        current_title: str = "",
        clock: Callable[[], float] = time.time,
    ) -> None:
        super().__init__()
        self.vocabulary = Vocabulary(store, clock)
        self.current_text_id = current_text_id
        self.current_title = current_title
        self.period: Period = "day"
        self.points: tuple[KnownPoint, ...] = ()

    def compose(self) -> ComposeResult:
        yield Static(shown("Word statistics"), id="statistics-title")
        with VerticalScroll(id="statistics-body"):
            yield Static(id="statistics-totals")
            yield Static(id="statistics-caption")
            yield Sparkline([], id="statistics-known")
            yield Static(id="statistics-range")
            yield Static(id="statistics-texts")
        yield Footer()

    def on_mount(self) -> None:
        self.refresh_statistics()

    def refresh_statistics(self) -> None:
        """Read the figures from the store and draw them; a store error is shown instead."""
        try:
            stats = self.vocabulary.statistics()
            self.points = self.vocabulary.known_over_time(self.period)
        except sqlite3.Error as error:
            message = describe_failure(error, self.vocabulary.store.path)
            self.query_one("#statistics-totals", Static).update(shown(message, "red"))
            return
        totals = ", ".join(f"{status_label(s)} {n}" for s, n in stats.by_status) or "none yet"
        self.query_one("#statistics-totals", Static).update(shown(f"Statuses: {totals}"))
        sparkline = self.query_one("#statistics-known", Sparkline)
        caption = self.query_one("#statistics-caption", Static)
        ends = self.query_one("#statistics-range", Static)
        if self.points:
            first, last = self.points[0], self.points[-1]
            sparkline.data = [float(point.known) for point in self.points]
            caption.update(
                shown(f"Words known per {self.period}: {first.known} → {last.known}", "bold")
            )
            ends.update(
                shown(
                    f"{first.period} … {last.period} · now {last.known} known,"
                    f" {last.learning} learning · {len(self.points)} {self.period}s"
                )
            )
        else:
            sparkline.data = []
            caption.update(shown("Words known over time", "bold"))
            ends.update(shown("No status changes yet: mark words while reading (1-4, w, i)."))
        sparkline.display = bool(self.points)
        self.query_one("#statistics-texts", Static).update(self._texts_table(stats.by_text))

    def _texts_table(self, rows: tuple[TextStatistics, ...]) -> Table | Text:
        if not rows:
            return shown("No words marked or looked up in a text yet.")
        table = Table(title="Per text: words met there that are now known", title_justify="left")
        table.add_column("Text", overflow="ellipsis", no_wrap=True, max_width=36)
        table.add_column("Known", no_wrap=True)
        table.add_column("Now", justify="right", no_wrap=True)
        table.add_column("Learning", justify="right")
        table.add_column("Looked up", justify="right")
        most = max(text.known + text.learning for text in rows) or 1
        for text in rows:
            current = text.text_id == self.current_text_id
            name = text.title or (self.current_title if current else "") or text.text_id
            mark = "▶ " if current else ""
            table.add_row(
                shown(mark + name),
                shown(bar(text.known, most, BAR_WIDTH), "green"),
                shown(str(text.known)),
                shown(str(text.learning)),
                shown(str(text.looked_up)),
            )
        return table

    def action_toggle_period(self) -> None:
        """Switch the chart between days and weeks."""
        self.period = "week" if self.period == "day" else "day"
        self.refresh_statistics()

    def action_close(self) -> None:
        """Back to the reading view."""
        self.dismiss(None)
