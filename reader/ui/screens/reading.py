"""The reading screen: the parallel view, the status bar, search, and the reader's commands.

The screen owns the reading state (cursor, translation mode, search) and hands it down to
its widgets as attributes; widgets report clicks and scrolling as messages. The rules live in
UI-free core modules: moves in reader.navigation, search in reader.search, the English and its
checks in reader.english, background work in reader.reading_work, the rest of the state's
rules in reader.reading_state; workers post messages and never assign the screen's state.

The screen is put together from parts, one per concern: the state and shared helpers
(reading_base), background analysis and marks (reading_analysis), the word cursor, lookups and
vocabulary (reading_words), moves and search (reading_moves) and translation
(reading_translation). This module keeps the composition, the bindings, the start of the
workers, the one error handler of failed workers and the app-wide actions.
"""

from __future__ import annotations

import sqlite3
from pathlib import Path

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.worker import Worker, WorkerState

from reader.failures import describe_failure
from reader.reading_work import start_segment_range
from reader.settings import get_setting
from reader.ui.commands import READING_COMMANDS, ReaderCommand, bindings_for
from reader.ui.draft_actions import DraftReady
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reading_aids import AidsMixin
from reader.ui.screens.reading_analysis import AnalysisMixin
from reader.ui.screens.reading_fit import FitMixin
from reader.ui.screens.reading_moves import MovesMixin
from reader.ui.screens.reading_translation import TranslationMixin
from reader.ui.widgets.footer import ReadingFooter
from reader.ui.widgets.lookup_panel import LookupPanel
from reader.ui.widgets.parallel_view import ParallelTextView
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_bar import StatusBar

# The glossary, HanTa, the dictionary, the translation engine and the screens other than
# help and go-to are imported where they are first used: the German must be on screen first.


class ReadingScreen(AnalysisMixin, AidsMixin, MovesMixin, TranslationMixin, FitMixin):
    """German beside English with a sentence cursor."""

    CSS_PATH = "reading.tcss"
    COMMAND_TABLE: tuple[ReaderCommand, ...] = READING_COMMANDS
    BINDINGS = bindings_for(READING_COMMANDS)

    # Composition ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="reading-body"):
            yield ParallelTextView(self.document, self.english_for, id="parallel")
            yield LookupPanel(id="lookup")
        yield SearchBar(placeholder="Search the German text (regular expression)", id="search")
        yield StatusBar(id="status")
        yield ReadingFooter()

    def on_mount(self) -> None:
        self.colour_words = get_setting(self.store, "word-colours") == "on"
        self.level_marks = get_setting(self.store, "level-marks") == "on"
        self.mark_phrases = get_setting(self.store, "phrase-marks") == "on"
        self.check_lines = get_setting(self.store, "check-lines") == "on"
        self.stacked_wanted = get_setting(self.store, "layout") == "stacked"
        self.view.stacked = self.stacked_wanted
        self.status.title = self.document.title
        self.status.paragraphs = len(self.document.blocks)
        self._update_status()
        self.view.set_cursor(self.cursor)
        self.view.focus()
        self.fit_to_width(self.app.size.width)
        # The German goes on screen first; the workers (SoMaJo, the model, the glossary and
        # HanTa) start after that first frame, so they do not compete with it for the GIL.
        self.call_after_refresh(self.start_workers)

    def start_workers(self) -> None:
        """Start segmentation, translation and the glossary in the background."""
        self.segment_blocks(start_segment_range(self.document, self.cursor.block))
        visible = self.view.visible_blocks
        if visible == (0, 0) and self.cursor.block:  # not laid out yet: guess the screen
            visible = (self.cursor.block, self.cursor.block + max(2, self.app.size.height // 6))
        self.translate_document(visible)
        self.load_glossary()

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a failed worker becomes a visible error (full disk, damaged store)."""
        error = event.worker.error
        if event.state != WorkerState.ERROR or error is None:
            return
        message = describe_failure(error, self.store.path)
        writing = event.worker.group in _WRITING_WORKERS
        if writing:
            self.say("not saved: " + message)
        if message not in self._reported:  # a full disk fails every write: say it once
            self._reported.add(message)
            title = "Not saved" if writing else "Error"
            self.notify(message, title=title, severity="error", timeout=15)

    def action_draft_glossary(self) -> None:
        from reader.ui.draft_actions import start_draft

        start_draft(self)

    @on(DraftReady)
    def draft_ready(self, event: DraftReady) -> None:
        """The glossary draft is written (or failed): show it."""
        from reader.ui.draft_actions import show_draft

        show_draft(self, event)

    def action_export(self) -> None:
        from reader.ui.screens.export_dialog import ExportDialog

        def done(path: Path | None) -> None:
            if path is not None:
                self.say(f"exported to {path}")

        self.app.push_screen(ExportDialog(self.document, self.store), done)

    def action_toggle_layout(self) -> None:
        self.view.stacked = not self.view.stacked
        self.stacked_wanted = self.view.stacked
        self.save_setting("layout", "stacked" if self.view.stacked else "columns")

    def action_reload(self) -> None:
        """Start over from the store and the glossary files (another window or the CLI may
        have changed them)."""
        self.machine.clear()
        self.statuses.clear()
        self.analyses.clear()
        self.view.clear_decorations()
        self.view.english_changed()
        self.translate_document(self.view.visible_blocks)
        segmented = range(len(self.document.blocks))
        self.load_corrections(tuple(i for i in segmented if self.document.segmented(i)))
        self.load_glossary()
        self.say("reloaded from the store")

    def action_show_help(self) -> None:
        self.app.push_screen(HelpScreen(self.COMMAND_TABLE, self.legend()))

    async def action_quit(self) -> None:
        try:
            self.save_position()
        except (sqlite3.Error, OSError) as error:
            # Quit anyway, and say on the terminal what was not kept.
            message = describe_failure(error, self.store.path)
            self.app.exit(0, return_code=1, message=f"lesepult: position not saved: {message}")
            return
        self.app.exit(0)


# Workers that write to the store or a file: their failure means something was not kept.
_WRITING_WORKERS = frozenset({"vocabulary", "history", "position", "settings"})
