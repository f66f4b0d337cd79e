"""The vocabulary screen: the reader's words with status, meaning, note and sentence.

Filter by status (``s`` cycles, "all learning levels" among them) and by the current text
(``t``); set the status of the highlighted word with ``1``-``4``, ``k`` (known), ``i``
(ignored), ``x`` (new); ``e`` edits its meaning and note, ``d`` removes it after asking;
``enter`` posts :class:`VocabularyScreen.SentenceOpened` for the host to open the text at the
sentence.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Static
from textual.worker import get_current_worker

from reader.core.display import displayable
from reader.core.errors import UserError
from reader.export.sheet import counted
from reader.failures import describe_failure
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.word_note import WordNoteScreen
from reader.ui.widgets.shown import shown
from reader.vocabulary import Vocabulary, VocabularyEntry, status_label
from reader.vocabulary_meanings import suggested_meanings
from reader.word_status import LEARNING_FILTER, filter_label

STATUS_FILTERS: tuple[str | None, ...] = (
    None,
    "new",
    "1",
    "2",
    "3",
    "4",
    LEARNING_FILTER,
    "known",
    "ignored",
)
"""What ``s`` cycles through: all, each status, and every learning level at once."""

Suggester = Callable[[list[str], int, Callable[[], bool]], Iterable[dict[str, str]]]
"""Gives suggested meanings in batches: :func:`reader.vocabulary_meanings.suggested_meanings`."""


class VocabularyScreen(Screen[None]):
    """Lists the vocabulary; changes statuses in the store and tells the host about it."""

    CSS_PATH = "vocabulary.tcss"
    BINDINGS = [
        Binding("escape,q", "close", "Back", id="vocabulary.close"),
        Binding("s", "cycle_status_filter", "Status filter", id="vocabulary.status-filter"),
        Binding("t", "toggle_text_filter", "This text only", id="vocabulary.text-filter"),
        Binding("1", "set_status('1')", "Learning 1", id="vocabulary.learning-1"),
        Binding("2", "set_status('2')", "2", id="vocabulary.learning-2"),
        Binding("3", "set_status('3')", "3", id="vocabulary.learning-3"),
        Binding("4", "set_status('4')", "4", id="vocabulary.learning-4"),
        Binding("k", "set_status('known')", "Known", id="vocabulary.known"),
        Binding("i", "set_status('ignored')", "Ignore", id="vocabulary.ignored"),
        Binding("x", "set_status('new')", "New", id="vocabulary.new"),
        Binding("enter,o", "open_sentence", "Open sentence", id="vocabulary.open"),
        Binding("e", "edit_note", "Meaning/note", id="vocabulary.edit"),
        Binding("d,delete", "remove_word", "Remove", id="vocabulary.remove"),
    ]

    @dataclass
    class StatusChanged(Message):
        """The reader changed a word's status here (recolour the reading view)."""

        lemma: str
        status: str

    @dataclass
    class SentenceOpened(Message):
        """The reader wants to see the sentence a word was looked up in."""

        lemma: str
        text_id: str
        sentence: str

    @dataclass
    class MeaningsSuggested(Message):
        """The worker found suggested meanings (glossary, dictionary) for some words."""

        meanings: dict[str, str]

    def __init__(
        self,
        vocabulary: Vocabulary,
        text_titles: Mapping[str, str] | None = None,
        current_text_id: str | None = None,
        suggest: Suggester | None = suggested_meanings,
    ) -> None:
        super().__init__()
        self.vocabulary = vocabulary
        self.suggest = suggest
        self.suggestions: dict[str, str] = {}
        self.text_titles = dict(text_titles or {})
        self.current_text_id = current_text_id
        self.status_filter: str | None = None
        self.text_only = False
        self.shown: list[VocabularyEntry] = []

    def compose(self) -> ComposeResult:
        yield Static(id="vocabulary-filters", markup=False)
        yield DataTable(id="vocabulary-table", cursor_type="row", zebra_stripes=True)
        yield Static(id="vocabulary-statistics", markup=False)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("Word", "Status", "Looked up", "Text", "Meaning", "Note", "Sentence")
        self.refresh_entries()
        table.focus()
        if self.suggest is not None:
            self.suggest_meanings([entry.lemma for entry in self.shown if not entry.meaning])

    @work(thread=True, exclusive=True, group="vocabulary-meanings", exit_on_error=False)
    def suggest_meanings(self, lemmas: list[str]) -> None:
        """Find meanings for words without one of the reader's (slow: the dictionary)."""
        assert self.suggest is not None
        worker = get_current_worker()
        for found in self.suggest(lemmas, 200, lambda: worker.is_cancelled):
            self.post_message(self.MeaningsSuggested(found))

    @on(MeaningsSuggested)
    def _meanings_suggested(self, event: MeaningsSuggested) -> None:
        self.suggestions.update(event.meanings)
        self.refresh_entries()

    def meaning_cell(self, entry: VocabularyEntry) -> Text:
        """The reader's meaning, else a suggested one, marked "≈" and dimmed."""
        if entry.meaning:
            return shown(entry.meaning[:30])
        suggestion = self.suggestions.get(entry.lemma, "")
        return shown(f"≈ {suggestion}"[:30], "dim italic") if suggestion else shown("")

    def refresh_entries(self) -> None:
        """Reload the list and statistics from the store; a store error is shown instead."""
        try:
            self._refresh_entries()
        except sqlite3.Error as error:
            self._store_failed(error)

    def _store_failed(self, error: sqlite3.Error) -> None:
        message = describe_failure(error, self.vocabulary.store.path)
        self.query_one("#vocabulary-statistics", Static).update(message)
        self.notify(message, title="Vocabulary", severity="error", timeout=15)

    def _refresh_entries(self) -> None:
        table = self.query_one(DataTable)
        row = table.cursor_row
        text_id = self.current_text_id if self.text_only else None
        self.shown = self.vocabulary.entries(status=self.status_filter, text_id=text_id)
        table.clear()
        for entry in self.shown:
            title = self.text_titles.get(entry.text_id or "", entry.text_id or "")
            # Text cells: a str cell is read as markup, and sentences may hold "[".
            table.add_row(
                shown(entry.lemma),
                shown(status_label(entry.status)),
                shown(str(entry.lookups)),
                shown(title[:24]),
                self.meaning_cell(entry),
                shown(entry.note[:30]),
                shown(entry.sentence[:80]),
                key=entry.lemma,
            )
        if self.shown:
            table.move_cursor(row=min(row, len(self.shown) - 1))
        status_text = filter_label(self.status_filter)
        scope = "this text" if self.text_only else "all texts"
        count = len(self.shown)
        self.query_one("#vocabulary-filters", Static).update(
            f"Vocabulary: {counted(count, 'word')}, {status_text}, {scope}"
        )
        stats = self.vocabulary.statistics()
        totals = ", ".join(f"{status_label(s)} {n}" for s, n in stats.by_status) or "no statuses"
        lines = [f"Statuses: {totals}"]
        lines += [
            f"{self.text_titles.get(t.text_id, t.title or t.text_id)}: {t.looked_up} looked up,"
            f" {t.known} known"
            for t in stats.by_text[:3]
        ]
        if stats.by_day:
            day = stats.by_day[-1]
            lines.append(f"{day.day}: {day.looked_up} looked up, {day.marked_known} marked known")
        self.query_one("#vocabulary-statistics", Static).update(displayable("\n".join(lines)))

    def current_entry(self) -> VocabularyEntry | None:
        """The entry under the cursor, if any."""
        table = self.query_one(DataTable)
        if not self.shown or table.cursor_row < 0 or table.cursor_row >= len(self.shown):
            return None
        return self.shown[table.cursor_row]

    def action_close(self) -> None:
        """Leave the screen."""
        self.dismiss(None)

    def action_cycle_status_filter(self) -> None:
        """Show the next status only (all, new, 1-4, known, ignored)."""
        position = STATUS_FILTERS.index(self.status_filter)
        self.status_filter = STATUS_FILTERS[(position + 1) % len(STATUS_FILTERS)]
        self.refresh_entries()

    def action_toggle_text_filter(self) -> None:
        """Switch between all texts and the current text."""
        if self.current_text_id is None:
            self.notify("No text is open.", severity="warning")
            return
        self.text_only = not self.text_only
        self.refresh_entries()

    def action_set_status(self, status: str) -> None:
        """Set the highlighted word's status."""
        entry = self.current_entry()
        if entry is None:
            return
        try:
            self.vocabulary.set_status(entry.lemma, status)
        except sqlite3.Error as error:
            self._store_failed(error)
            return
        self.post_message(self.StatusChanged(entry.lemma, status))
        self.refresh_entries()

    def action_open_sentence(self) -> None:
        """Ask the host to open the sentence the highlighted word was looked up in."""
        entry = self.current_entry()
        if entry is None or entry.text_id is None or not entry.sentence:
            self.notify("This word was never looked up in a text.", severity="warning")
            return
        self.post_message(self.SentenceOpened(entry.lemma, entry.text_id, entry.sentence))

    def action_edit_note(self) -> None:
        """Edit the highlighted word's meaning and note in a small form."""
        entry = self.current_entry()
        if entry is None:
            return

        def save(result: tuple[str, str] | None) -> None:
            if result is None:
                return
            try:
                self.vocabulary.set_note(entry.lemma, *result)
            except UserError as error:
                self.notify(str(error), title="Not saved", severity="error", markup=False)
                return
            except sqlite3.Error as error:
                self._store_failed(error)
                return
            self.refresh_entries()

        form = WordNoteScreen(
            entry.lemma, entry.meaning, entry.note, self.suggestions.get(entry.lemma, "")
        )
        self.app.push_screen(form, save)

    def action_remove_word(self) -> None:
        """Remove the highlighted word (status, lookups, meaning, note) after asking."""
        entry = self.current_entry()
        if entry is None:
            return

        def remove(confirmed: bool | None) -> None:
            if not confirmed:
                return
            try:
                self.vocabulary.remove(entry.lemma)
            except sqlite3.Error as error:
                self._store_failed(error)
                return
            self.post_message(self.StatusChanged(entry.lemma, "new"))
            self.notify(f"Removed {entry.lemma}.", title="Vocabulary", markup=False)
            self.refresh_entries()

        question = (
            f"Remove “{entry.lemma}” from your vocabulary? Its status, lookups, meaning and"
            " note are forgotten; it is new again."
        )
        self.app.push_screen(ConfirmScreen(question), remove)

    @on(DataTable.RowSelected)
    def _row_selected(self, event: DataTable.RowSelected) -> None:
        event.stop()
        self.action_open_sentence()
