"""The Textual app: a thin shell that opens the reading screen for one document.

Everything slow (segmentation of a long text, translation, the dictionary) happens in
workers started by the screens; the app only holds the shared services.
"""

from __future__ import annotations

import asyncio
import sqlite3
from concurrent.futures import ThreadPoolExecutor
from typing import TYPE_CHECKING

from textual import work
from textual.app import App
from textual.notifications import SeverityLevel

from reader.core.display import displayable, one_line
from reader.core.errors import UserError
from reader.core.text import Document, ReferenceTranslation, TextLoadError, load_reference
from reader.failures import describe_failure
from reader.navigation import Cursor
from reader.settings import get_setting, set_setting
from reader.store import Store
from reader.ui.command_palette import ReaderCommandsProvider
from reader.ui.screens.reading import ReadingScreen

if TYPE_CHECKING:
    from reader.ui.screens.glossary import GlossaryScreen
    from reader.ui.screens.glossary_own import OwnEntriesScreen
    from reader.ui.screens.models import ModelsScreen
    from reader.ui.screens.vocabulary import VocabularyScreen


class _UnjoinedExecutor(ThreadPoolExecutor):
    """The event loop's executor for thread workers, which does not wait for them on exit.

    Textual runs thread workers with ``run_in_executor``; when the app ends, asyncio shuts the
    default executor down and waits for every running worker, so `q` waited for SoMaJo or
    HanTa to finish a block (seconds on a 1 MB text). Workers are cancelled first and only
    post messages, so nothing they still do matters once the app has gone; the entry point
    then ends the process without joining them (``reader.cli.finish``).
    """

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        super().shutdown(wait=False, cancel_futures=True)


class LesepultApp(App[int]):
    """Lesepult: read a German text beside its English."""

    CSS_PATH = "app.tcss"
    TITLE = "Lesepult"
    COMMANDS = App.COMMANDS | {ReaderCommandsProvider}

    def __init__(
        self,
        document: Document,
        store: Store,
        reference: ReferenceTranslation | None = None,
        reference_problem: str | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.store = store
        self.reference = reference
        self.reference_problem = reference_problem
        self._stored_theme: str | None = None

    def on_load(self) -> None:
        asyncio.get_running_loop().set_default_executor(
            _UnjoinedExecutor(thread_name_prefix="lesepult-worker")
        )

    def on_mount(self) -> None:
        # The theme picked last time (the command palette's Theme command, or
        # `lesepult settings theme NAME`); a stored name Textual does not know is the default.
        self._stored_theme = get_setting(self.store, "theme")
        self.theme = self._stored_theme
        self.push_screen(
            ReadingScreen(self.document, self.store, self.reference, self._start_position())
        )
        if self.reference_problem:
            self.notify(self.reference_problem, title="Reference translation", severity="warning")

    def watch_theme(self, theme: str) -> None:
        """Keep a theme picked in the command palette for the next start."""
        if self._stored_theme is not None and theme != self._stored_theme:
            self._stored_theme = theme
            self.save_theme(theme)

    @work(thread=True, group="settings", exit_on_error=False)
    def save_theme(self, theme: str) -> None:
        """Store the theme (a theme that is not a setting's choice is not kept)."""
        try:
            set_setting(self.store, "theme", theme)
        except UserError:
            pass  # a theme registered at run time, not one of Textual's built-in ones

    def notify(
        self,
        message: str,
        *,
        title: str = "",
        severity: SeverityLevel = "information",
        timeout: float | None = None,
        markup: bool = False,
    ) -> None:
        """Notifications carry file names, glossary problems and text: plain text by default."""
        # Outside text (file names, glossary problems) never sends a control to the terminal.
        message, title = displayable(message), one_line(title)
        super().notify(message, title=title, severity=severity, timeout=timeout, markup=markup)

    @property
    def reading_screen(self) -> ReadingScreen:
        """The reading screen (the bottom of the stack, under any dialog)."""
        return next(s for s in self.screen_stack if isinstance(s, ReadingScreen))

    # Screens pushed over the reading screen report here; the reading screen acts.

    def on_models_screen_models_changed(self, event: ModelsScreen.ModelsChanged) -> None:
        self.reading_screen.model_changed(event.model)

    def on_glossary_screen_occurrences_requested(
        self, event: GlossaryScreen.OccurrencesRequested
    ) -> None:
        self._back_to_reading()
        self.reading_screen.show_occurrences(event.entry, event.targets)

    def on_own_entries_screen_entry_changed(self, event: OwnEntriesScreen.EntryChanged) -> None:
        self.reading_screen.load_glossary()

    # Screens opened from the command table by "app." actions (reading.py stays as it is).

    def action_text_info(self) -> None:
        """Show the text info screen: front matter, size and progress."""
        from reader.ui.screens.text_info import TextInfoScreen

        self.push_screen(TextInfoScreen(self.document, self.store))

    def action_word_statistics(self) -> None:
        """Show the word statistics screen: words known over time and per text."""
        from reader.ui.screens.statistics import StatisticsScreen

        document = self.document
        self.push_screen(StatisticsScreen(self.store, document.text_id, document.title))

    def on_vocabulary_screen_status_changed(self, event: VocabularyScreen.StatusChanged) -> None:
        self.reading_screen.status_changed_elsewhere(event.lemma, event.status)

    def on_vocabulary_screen_sentence_opened(self, event: VocabularyScreen.SentenceOpened) -> None:
        if self.reading_screen.open_sentence(event.text_id, event.sentence):
            self._back_to_reading()
        else:
            self.notify(
                "That sentence is in another text: open it with `lesepult read`.",
                title="Vocabulary",
            )

    def _back_to_reading(self) -> None:
        while not isinstance(self.screen, ReadingScreen):
            self.pop_screen()

    def _start_position(self) -> Cursor:
        try:
            position = self.store.position(self.document.text_id)
        except sqlite3.Error as error:  # a damaged store: read from the start, and say why
            message = describe_failure(error, self.store.path)
            self.call_later(self.notify, message, title="Data store", severity="error")
            return Cursor(0, 0)
        if position is None or position.block >= len(self.document.blocks):
            return Cursor(0, 0)
        return Cursor(position.block, position.sentence)


def make_app(document: Document, store: Store) -> LesepultApp:
    """The app for one document, shared by the CLI and the tests."""
    try:
        reference, problem = load_reference(document), None
    except TextLoadError as error:
        reference, problem = None, str(error)
    return LesepultApp(document, store, reference, problem)
