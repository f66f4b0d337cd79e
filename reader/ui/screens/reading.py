"""The reading screen: the parallel view, the status bar, search, and the reader's commands.

The screen owns the reading state (cursor, translation mode, search) and hands it down to
its widgets as attributes; widgets report clicks and scrolling as messages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Footer

from reader.english import EnglishBlock, TranslationMode, compose_english, next_mode
from reader.store import Store
from reader.text import Document, ReferenceTranslation, Sentence
from reader.ui.commands import READING_COMMANDS, ReaderCommand, bindings_for
from reader.ui.screens.goto import GoToParagraphScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.parallel_view import Cursor, ParallelTextView
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_bar import StatusBar


@dataclass(frozen=True)
class SearchMatch:
    """A search hit in the German text."""

    block: int
    """The block holding it."""
    start: int
    """Offset of its first character in the document source."""
    end: int
    """Offset just past it."""


class BlocksSegmented(Message):
    """A worker has split these blocks into sentences (so they can be highlighted)."""

    def __init__(self, blocks: tuple[int, ...]) -> None:
        super().__init__()
        self.blocks = blocks


class ReadingScreen(Screen[None]):
    """German beside English with a sentence cursor."""

    CSS_PATH = "reading.tcss"
    COMMAND_TABLE: tuple[ReaderCommand, ...] = READING_COMMANDS
    BINDINGS = bindings_for(READING_COMMANDS)

    def __init__(
        self,
        document: Document,
        store: Store,
        reference: ReferenceTranslation | None = None,
        start: Cursor | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.store = store
        self.reference = reference
        self.translation_mode: TranslationMode = "best"
        self.machine: dict[str, object] = {}
        self.model_label: str | None = None
        self.no_machine_reason = "no machine translation"
        self.cursor = start or Cursor(0, 0)
        self.matches: list[SearchMatch] = []
        self.match_index = -1

    # Composition ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="reading-body"):
            yield ParallelTextView(self.document, self.english_for, id="parallel")
        yield SearchBar(placeholder="Search the German text (regular expression)", id="search")
        yield StatusBar(id="status")
        yield Footer()

    @property
    def view(self) -> ParallelTextView:
        """The parallel text view."""
        return self.query_one(ParallelTextView)

    @property
    def status(self) -> StatusBar:
        """The status bar."""
        return self.query_one(StatusBar)

    def on_mount(self) -> None:
        self.status.title = self.document.title
        self.status.paragraphs = len(self.document.blocks)
        self._update_status()
        self.view.set_cursor(self.cursor)
        self.view.focus()
        # The German is on screen before SoMaJo has even loaded: segmentation runs in a worker.
        first = max(0, self.cursor.block - 2)
        self.segment_blocks(range(first, min(len(self.document.blocks), first + 12)))

    @work(thread=True, group="segment", exit_on_error=False)
    def segment_blocks(self, blocks: range) -> None:
        """Split blocks into sentences off the UI thread, then tell the screen."""
        document = self.document
        todo = tuple(index for index in blocks if document.segmented(index) is None)
        for index in todo:
            document.sentences(index)
        self.post_message(BlocksSegmented(tuple(blocks)))

    @on(BlocksSegmented)
    def blocks_segmented(self, event: BlocksSegmented) -> None:
        self.view.english_changed(event.blocks)
        if self.cursor.block in event.blocks:
            self.view.set_cursor(self.cursor)
        self._update_status()

    @on(ParallelTextView.VisibleBlocksChanged)
    def visible_blocks_changed(self, event: ParallelTextView.VisibleBlocksChanged) -> None:
        wanted = range(max(0, event.first - 1), min(len(self.document.blocks), event.last + 2))
        if any(self.document.segmented(index) is None for index in wanted):
            self.segment_blocks(wanted)

    def english_for(self, block_index: int) -> EnglishBlock:
        """The English the view shows beside one block, in the current mode."""
        return compose_english(
            self.document,
            block_index,
            self.translation_mode,
            self.machine,  # type: ignore[arg-type]
            self.reference,
            self.model_label,
            self.no_machine_reason,
        )

    # Cursor -----------------------------------------------------------------------------

    def move_to(self, cursor: Cursor) -> None:
        """Put the sentence cursor somewhere, scroll to it and remember it."""
        sentences = self.document.sentences(cursor.block)
        sentence = max(0, min(cursor.sentence, len(sentences) - 1))
        self.cursor = Cursor(cursor.block, sentence, cursor.token)
        self.view.set_cursor(self.cursor)
        self._update_status()
        self._remember_position()

    def current_sentence(self) -> Sentence:
        """The sentence under the cursor."""
        sentences = self.document.sentences(self.cursor.block)
        return sentences[min(self.cursor.sentence, len(sentences) - 1)]

    def _update_status(self) -> None:
        self.status.paragraph = self.cursor.block + 1
        english = self.english_for(self.cursor.block)
        source = " + ".join(version.label for version in english.versions) or "none"
        self.status.translation = f"{self.translation_mode} · {source}"

    def _remember_position(self) -> None:
        # Debounced: holding "down" should not write to the store on every key.
        if getattr(self, "_position_timer", None) is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(0.4, self._save_position)

    def _save_position(self) -> None:
        self.save_position_in_background(self.cursor)

    @work(thread=True, exclusive=True, group="position", exit_on_error=False)
    def save_position_in_background(self, cursor: Cursor) -> None:
        """Store the cursor position (a short SQLite transaction, off the UI thread)."""
        self.save_position(cursor)

    def save_position(self, cursor: Cursor | None = None) -> None:
        """Store where the reader is in this text."""
        cursor = cursor or self.cursor
        path = str(self.document.path) if self.document.path else None
        self.store.remember_position(
            self.document.text_id, self.document.title, path, cursor.block, cursor.sentence
        )

    def action_next_sentence(self) -> None:
        block, sentence = self.cursor.block, self.cursor.sentence
        if sentence + 1 < len(self.document.sentences(block)):
            self.move_to(Cursor(block, sentence + 1))
        elif block + 1 < len(self.document.blocks):
            self.move_to(Cursor(block + 1, 0))

    def action_previous_sentence(self) -> None:
        block, sentence = self.cursor.block, self.cursor.sentence
        if sentence > 0:
            self.move_to(Cursor(block, sentence - 1))
        elif block > 0:
            self.move_to(Cursor(block - 1, len(self.document.sentences(block - 1)) - 1))

    def action_next_paragraph(self) -> None:
        if self.cursor.block + 1 < len(self.document.blocks):
            self.move_to(Cursor(self.cursor.block + 1, 0))

    def action_previous_paragraph(self) -> None:
        if self.cursor.sentence > 0:
            self.move_to(Cursor(self.cursor.block, 0))
        elif self.cursor.block > 0:
            self.move_to(Cursor(self.cursor.block - 1, 0))

    def _page(self, direction: int) -> None:
        view = self.view
        region = view.sentence_region(self.cursor)
        top = region.y if region else view.top_of_block(self.cursor.block)
        target_line = max(0, top + direction * max(1, view.size.height - 2))
        block = view.block_at_line(min(target_line, max(0, view.virtual_size.height - 1)))
        if block == self.cursor.block and direction > 0:
            block = min(block + 1, len(self.document.blocks) - 1)
        self.move_to(Cursor(block, 0))

    def action_page_down(self) -> None:
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_top(self) -> None:
        self.move_to(Cursor(0, 0))

    def action_bottom(self) -> None:
        last = len(self.document.blocks) - 1
        self.move_to(Cursor(last, len(self.document.sentences(last)) - 1))

    def action_goto_paragraph(self) -> None:
        def go(block: int | None) -> None:
            if block is not None:
                self.move_to(Cursor(block, 0))

        self.app.push_screen(
            GoToParagraphScreen(len(self.document.blocks), self.cursor.block), go
        )

    @on(ParallelTextView.SentenceClicked)
    def sentence_clicked(self, event: ParallelTextView.SentenceClicked) -> None:
        self.move_to(event.cursor)

    # Search -----------------------------------------------------------------------------

    def action_start_search(self) -> None:
        self.query_one(SearchBar).open()

    @on(SearchBar.Cancelled)
    def search_cancelled(self) -> None:
        bar = self.query_one(SearchBar)
        bar.close()
        self.view.focus()

    @on(SearchBar.Submitted)
    def search_submitted(self, event: SearchBar.Submitted) -> None:
        bar = self.query_one(SearchBar)
        bar.close()
        self.view.focus()
        self.search(event.value)

    def search(self, query: str) -> None:
        """Find every match of ``query`` and go to the first one after the cursor."""
        if not query.strip():
            self.action_clear_search()
            return
        try:
            pattern = re.compile(query, re.IGNORECASE)
        except re.error:
            pattern = re.compile(re.escape(query), re.IGNORECASE)
        self.matches = [
            SearchMatch(block.index, block.start + m.start(), block.start + m.end())
            for block in self.document.blocks
            for m in pattern.finditer(block.text)
            if m.end() > m.start()
        ]
        self.view.set_search(pattern)
        if not self.matches:
            self.status.message = f"no match for “{query}”"
            self.match_index = -1
            return
        self.match_index = -1
        self.action_next_match()

    def _go_to_match(self, index: int) -> None:
        self.match_index = index % len(self.matches)
        match = self.matches[self.match_index]
        for sentence in self.document.sentences(match.block):
            if sentence.start <= match.start < max(sentence.end, sentence.start + 1):
                self.move_to(Cursor(match.block, sentence.index))
                break
        else:
            self.move_to(Cursor(match.block, 0))
        self.status.message = f"match {self.match_index + 1}/{len(self.matches)}"

    def _cursor_offset(self) -> int:
        return self.current_sentence().start

    def action_next_match(self) -> None:
        if not self.matches:
            return
        if self.match_index >= 0:
            self._go_to_match(self.match_index + 1)
            return
        offset = self._cursor_offset()
        index = next((i for i, m in enumerate(self.matches) if m.start >= offset), 0)
        self._go_to_match(index)

    def action_previous_match(self) -> None:
        if self.matches:
            self._go_to_match(self.match_index - 1 if self.match_index >= 0 else -1)

    def action_clear_search(self) -> None:
        self.matches = []
        self.match_index = -1
        self.view.set_search(None)
        self.status.message = ""

    # Viewing ----------------------------------------------------------------------------

    def action_cycle_translation(self) -> None:
        self.translation_mode = next_mode(self.translation_mode)
        self.view.english_changed()
        self.view.scroll_to_cursor()
        self._update_status()

    def action_toggle_layout(self) -> None:
        self.view.stacked = not self.view.stacked

    def action_show_help(self) -> None:
        self.app.push_screen(HelpScreen(self.COMMAND_TABLE))

    async def action_quit(self) -> None:
        self.save_position()
        self.app.exit(0)
