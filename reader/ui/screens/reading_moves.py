"""The reading screen's moves: sentences, paragraphs, pages, go-to, chapters and search.

The moves themselves are reader.navigation's and the matches reader.search's; this part binds
them to keys and shows where the cursor went.
"""

from __future__ import annotations

from textual import on

from reader import navigation
from reader.navigation import Cursor
from reader.search import compile_pattern, find_matches, first_match_from, sentence_of
from reader.ui.screens.goto import GoToParagraphScreen
from reader.ui.screens.reading_base import ReadingBase
from reader.ui.widgets.lookup_panel import LookupPanel
from reader.ui.widgets.parallel_view import ParallelTextView
from reader.ui.widgets.search_bar import SearchBar


class MovesMixin(ReadingBase):
    """Cursor moves, go-to, the chapter list and search."""

    def _go(self, cursor: Cursor | None) -> None:
        if cursor is not None:
            self.move_to(cursor)

    def action_next_sentence(self) -> None:
        self._go(navigation.next_sentence(self.document, self.cursor))

    def action_previous_sentence(self) -> None:
        self._go(navigation.previous_sentence(self.document, self.cursor))

    def action_next_paragraph(self) -> None:
        self._go(navigation.next_paragraph(self.document, self.cursor))

    def action_previous_paragraph(self) -> None:
        self._go(navigation.previous_paragraph(self.cursor))

    def _page(self, direction: int) -> None:
        layout = self.view.page_layout(self.cursor)
        blocks = len(self.document.blocks)
        self.move_to(navigation.page_move(layout, self.cursor, direction, blocks))

    def action_page_down(self) -> None:
        if self.cursor.block == len(self.document.blocks) - 1:
            self.view.scroll_end(animate=False)  # the last English may run past the German
            return
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_top(self) -> None:
        self.move_to(Cursor(0, 0))

    def action_bottom(self) -> None:
        self.move_to(navigation.text_end(self.document))

    def action_goto_paragraph(self) -> None:
        def go(block: int | None) -> None:
            if block is not None:
                self.move_to(Cursor(block, 0))
                self.view.scroll_cursor_to_top()  # the paragraph the reader asked for, on top

        self.app.push_screen(GoToParagraphScreen(len(self.document.blocks), self.cursor.block), go)

    def action_chapters(self) -> None:
        from reader.ui.screens.chapters import ChapterListScreen

        def go(block: int | None) -> None:
            if block is not None:
                self.move_to(Cursor(block, 0))

        self.app.push_screen(ChapterListScreen(self.document, self.cursor.block), go)

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
        pattern = compile_pattern(query)
        self.matches = list(find_matches(self.document, pattern))
        self.view.set_search(pattern)
        if not self.matches:
            self.say(f"no match for “{query}”")
            self.match_index = -1
            return
        self.match_index = -1
        self.action_next_match()

    def _go_to_match(self, index: int) -> None:
        self.match_index = index % len(self.matches)
        match = self.matches[self.match_index]
        sentence = sentence_of(self.document, match)
        self.move_to(Cursor(match.block, sentence.index if sentence else 0))
        self.say(f"match {self.match_index + 1}/{len(self.matches)}")

    def _cursor_offset(self) -> int:
        return self.current_sentence().start

    def action_next_match(self) -> None:
        if not self.matches:
            return
        if self.match_index >= 0:
            self._go_to_match(self.match_index + 1)
            return
        self._go_to_match(first_match_from(self.matches, self._cursor_offset()))

    def action_previous_match(self) -> None:
        if self.matches:
            self._go_to_match(self.match_index - 1 if self.match_index >= 0 else -1)

    def action_clear_search(self) -> None:
        if not self.matches and self.cursor.token is not None:
            self.cursor = Cursor(self.cursor.block, self.cursor.sentence)
            self.view.set_cursor(self.cursor)
            self.query_one(LookupPanel).result = None
            return
        self.matches = []
        self.match_index = -1
        self.view.set_search(None)
        self.say("")
        if self.cursor.token is None:
            self.query_one(LookupPanel).result = None
