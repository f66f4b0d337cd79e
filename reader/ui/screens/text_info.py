"""The text info screen: a text's front matter, its size and the reader's progress in it.

The front matter and position show at once; the counts need the whole text segmented and
tagged, so a thread worker computes them (:func:`reader.text_info.text_counts`) and posts
them. Every value passes :func:`~reader.ui.widgets.shown.shown`: front matter is outside text.
"""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from datetime import datetime

from rich.table import Table
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer, Static
from textual.worker import get_current_worker

from reader.core.text import Document
from reader.failures import describe_failure
from reader.store import Store
from reader.text_info import TextCounts, TextDetails, info_lines, text_counts, text_details
from reader.ui.widgets.shown import shown
from reader.vocabulary import Vocabulary


class TextInfoScreen(Screen[None]):
    """Shows what is known about the open text."""

    CSS_PATH = "text_info.tcss"
    BINDINGS = [Binding("escape,q,I", "close", "Back", id="text_info.close")]

    @dataclass
    class Counted(Message):
        """The worker counted the text (None: it failed, ``problem`` says why)."""

        counts: TextCounts | None
        problem: str = ""

    def __init__(self, document: Document, store: Store) -> None:
        super().__init__()
        self.document = document
        self.store = store
        self.details: TextDetails | None = None
        self.counts: TextCounts | None = None
        self.problem = ""

    def compose(self) -> ComposeResult:
        yield Static(shown("About this text"), id="text-info-title")
        with VerticalScroll(id="text-info-body"):
            yield Static(id="text-info-table")
            yield Static(shown("Counting words…"), id="text-info-status")
        yield Footer()

    def on_mount(self) -> None:
        try:
            self.details = text_details(self.document, self.store)
        except sqlite3.Error as error:
            self.problem = describe_failure(error, self.store.path)
        self.show()
        self.count_words()

    @work(thread=True, exclusive=True, group="text-info", exit_on_error=False)
    def count_words(self) -> None:
        """Segment and tag the whole text (slow for long texts), then post the counts."""
        worker = get_current_worker()
        try:
            counts = text_counts(
                self.document, Vocabulary(self.store), cancelled=lambda: worker.is_cancelled
            )
        except Exception as error:  # the counts are extra: say why, keep the front matter
            self.post_message(self.Counted(None, describe_failure(error, self.store.path)))
            return
        if counts is not None:
            self.post_message(self.Counted(counts))

    @on(Counted)
    def _counted(self, event: Counted) -> None:
        self.counts, self.problem = event.counts, event.problem
        self.show()

    def show(self) -> None:
        """Draw the rows known so far."""
        table = Table.grid(padding=(0, 2))
        table.add_column(style="bold", no_wrap=True)
        table.add_column(overflow="fold")
        if self.details is not None:
            rows = info_lines(self.details, self.counts)
            if self.details.last_opened is not None:
                when = datetime.fromtimestamp(self.details.last_opened)
                rows.append(("Last opened", when.strftime("%Y-%m-%d %H:%M")))
            for label, value in rows:
                table.add_row(shown(label), shown(value))
        self.query_one("#text-info-table", Static).update(table)
        status = self.query_one("#text-info-status", Static)
        if self.problem:
            status.update(shown(self.problem, "red"))
        elif self.counts is not None:
            status.update("")
        status.display = bool(self.problem) or self.counts is None

    def action_close(self) -> None:
        """Back to the reading view."""
        self.workers.cancel_group(self, "text-info")
        self.dismiss(None)
