"""The reading view: German and English side by side (or stacked), paragraph by paragraph.

A line-API widget: it lays out every block's line count with the fast offset wrapper of
:mod:`reader.layout` and renders only the lines on screen, so a novel of thousands of
paragraphs opens and scrolls as fast as a short article. It draws what its screen gives it
(attributes down: the document, the English per block, the cursor, decorations, the search
pattern) and reports clicks and what is visible (messages up). Its geometry is the pure
:mod:`reader.view_layout`, its styled lines :mod:`reader.ui.widgets.block_text`; what stays
here (a little over 400 lines) is the widget's state, scrolling and line cache, which share
the widget's private state.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterable

from rich.style import Style
from textual import events
from textual.geometry import Region, Size
from textual.message import Message
from textual.reactive import reactive
from textual.scroll_view import ScrollView
from textual.strip import Strip

from reader.core.text import Block, Document
from reader.english import EnglishBlock
from reader.navigation import Cursor, PageLayout, block_at_line
from reader.ui.widgets.block_text import (
    BlockColumns,
    Decoration,
    Marks,
    block_rows,
    english_line_texts,
    german_line_text,
)
from reader.view_layout import (
    SEPARATOR,
    BlockLayout,
    click_target,
    column_widths,
    english_rows,
    german_rows,
    layout_block,
    shown_sentence,
)

CACHED_BLOCKS = 256


class ParallelTextView(ScrollView, can_focus=True, inherit_bindings=False):
    """German beside English, with a sentence cursor and styled spans."""

    COMPONENT_CLASSES = {
        "parallel-view--title",
        "parallel-view--heading",
        "parallel-view--teaser",
        "parallel-view--dateline",
        "parallel-view--english",
        "parallel-view--label",
        "parallel-view--placeholder",
        "parallel-view--separator",
        "parallel-view--cursor-sentence",
        "parallel-view--cursor-english",
        "parallel-view--cursor-word",
        "parallel-view--search",
        "parallel-view--flag",
        "parallel-view--glossary",
        "parallel-view--glossary-name",
        "parallel-view--glossary-expression",
        "parallel-view--phrase",
        "parallel-view--status-new",
        "parallel-view--status-1",
        "parallel-view--status-2",
        "parallel-view--status-3",
        "parallel-view--status-4",
        "parallel-view--status-known",
        "parallel-view--edited",
        "parallel-view--above-level",
    }

    stacked: reactive[bool] = reactive(False)
    """Whether English goes below German instead of beside it."""

    class SentenceClicked(Message):
        """The reader clicked a sentence (and maybe a word in it)."""

        def __init__(self, cursor: Cursor) -> None:
            super().__init__()
            self.cursor = cursor

    class VisibleBlocksChanged(Message):
        """The range of blocks on screen changed (the screen prepares marks for them)."""

        def __init__(self, first: int, last: int) -> None:
            super().__init__()
            self.first = first
            self.last = last

        def can_replace(self, message: Message) -> bool:
            return isinstance(message, ParallelTextView.VisibleBlocksChanged)

    def __init__(
        self,
        document: Document,
        english_for: Callable[[int], EnglishBlock],
        *,
        name: str | None = None,
        id: str | None = None,
        classes: str | None = None,
    ) -> None:
        super().__init__(name=name, id=id, classes=classes)
        self.document = document
        self.english_for = english_for
        self.cursor = Cursor(0, 0)
        self.decorations: dict[int, tuple[Decoration, ...]] = {}
        self.search_pattern: re.Pattern[str] | None = None
        self._layout_width = 0
        self._layouts: list[BlockLayout] = []
        self._tops: list[int] = []
        self._english_cache: dict[int, EnglishBlock] = {}
        self._strips: OrderedDict[int, list[Strip]] = OrderedDict()
        self._visible = (-1, -1)
        self._following = True
        """The view follows the cursor (until the reader scrolls with the mouse)."""

    # Attributes set by the screen ---------------------------------------------------------

    def set_cursor(self, cursor: Cursor, scroll: bool = True) -> None:
        """Move the highlighted sentence/word and keep it on screen."""
        previous = self.cursor
        self.cursor = cursor
        self._forget(previous.block, cursor.block)
        if scroll:
            self.scroll_to_cursor()
        self.refresh()

    def set_decorations(self, block: int, decorations: Iterable[Decoration]) -> None:
        """Replace the styled spans of one block."""
        self.decorations[block] = tuple(decorations)
        self._forget(block)
        self.refresh()

    def clear_decorations(self) -> None:
        """Remove all styled spans (for example when colouring is switched off)."""
        self.decorations.clear()
        self._strips.clear()
        self.refresh()

    def set_search(self, pattern: re.Pattern[str] | None) -> None:
        """Highlight every match of ``pattern`` (None clears)."""
        self.search_pattern = pattern
        self._strips.clear()
        self.refresh()

    def english_changed(self, blocks: Iterable[int] | None = None) -> None:
        """The English of some blocks (None: all) changed: lay them out again."""
        if not self._layouts:
            return
        row = self._cursor_row()
        indexes = range(len(self.document.blocks)) if blocks is None else set(blocks)
        for index in indexes:
            self._english_cache.pop(index, None)
            self._strips.pop(index, None)
            if self._layout_width:
                self._layouts[index] = self._layout_block(index, self._layout_width)
        self._update_tops()
        self._keep_cursor_at(row)
        self.refresh()

    def _cursor_row(self) -> int | None:
        """The screen row of the cursor sentence's first line while the view follows the
        cursor (the reader has not scrolled away from it since it last moved)."""
        region = self.sentence_region(self.cursor)
        if region is None or not self._following:
            return None
        row = region.y - round(self.scroll_offset.y)
        return row if 0 <= row < self.size.height else -1

    def _keep_cursor_at(self, row: int | None) -> None:
        """After line heights changed: keep the cursor sentence on the row it was on (so the
        text does not jump under the reader's eyes), or at least on screen. When the reader
        has scrolled away from the cursor (``row`` None), the view stays where it is."""
        if row is None:
            return
        region = self.sentence_region(self.cursor)
        if region is None:
            return
        if row >= 0 and region.y - round(self.scroll_offset.y) != row:
            self.scroll_to(y=max(0, region.y - row), animate=False, force=True, immediate=True)
        if self._cursor_row() == -1:  # still off-screen (it was already, or its block grew)
            self.scroll_to_cursor()

    def on_mouse_scroll_down(self, event: events.MouseScrollDown) -> None:
        self._following = False  # the reader's own scrolling is not undone

    def on_mouse_scroll_up(self, event: events.MouseScrollUp) -> None:
        self._following = False

    def watch_stacked(self) -> None:
        self._relayout(force=True)
        self.scroll_to_cursor(animate=False)

    # Geometry ---------------------------------------------------------------------------

    def _column_widths(self, width: int) -> tuple[int, int]:
        return column_widths(width, self.stacked)

    def _english(self, index: int) -> EnglishBlock:
        cached = self._english_cache.get(index)
        if cached is None:
            cached = self.english_for(index)
            self._english_cache[index] = cached
        return cached

    def _layout_block(self, index: int, width: int) -> BlockLayout:
        text = self.document.blocks[index].text
        return layout_block(text, self._english(index), width, self.stacked)

    def _relayout(self, force: bool = False) -> None:
        width = self.scrollable_content_region.width
        if width <= len(SEPARATOR) + 2:
            return
        if width == self._layout_width and not force and self._layouts:
            return
        self._layout_width = width
        self._strips.clear()
        self._layouts = [
            self._layout_block(index, width) for index in range(len(self.document.blocks))
        ]
        self._update_tops()

    def _update_tops(self) -> None:
        tops = []
        total = 0
        for layout in self._layouts:
            tops.append(total)
            total += layout.height
        self._tops = tops
        self.virtual_size = Size(self._layout_width, total)

    def on_resize(self, event: events.Resize) -> None:
        self._relayout()
        self.scroll_to_cursor(animate=False)

    def on_mount(self) -> None:
        self._relayout()

    def sentence_region(self, cursor: Cursor) -> Region | None:
        """The lines (in virtual coordinates) that hold the cursor's German sentence."""
        rows = self._german_rows(cursor)
        if rows is None:
            return None
        top = self._tops[cursor.block] + rows[0]
        return Region(0, top, self._layout_width, rows[1] - rows[0] + 1)

    def pair_region(self, cursor: Cursor) -> Region | None:
        """The lines holding the German sentence and its English (the sentence itself when
        aligned, else the whole English of the block), so that scrolling shows both."""
        german = self._german_rows(cursor)
        if german is None:
            return None
        first, last = german
        english = self._english_rows(cursor)
        if english is not None:
            first, last = min(first, english[0]), max(last, english[1])
        top = self._tops[cursor.block] + first
        return Region(0, top, self._layout_width, last - first + 1)

    def _german_rows(self, cursor: Cursor) -> tuple[int, int] | None:
        if not self._layouts or cursor.block >= len(self._layouts):
            return None
        return german_rows(self.document, self._layouts[cursor.block], cursor)

    def _english_rows(self, cursor: Cursor) -> tuple[int, int] | None:
        layout, english = self._layouts[cursor.block], self._english(cursor.block)
        return english_rows(layout, english, cursor, self.stacked)

    def scroll_to_cursor(self, animate: bool = False) -> None:
        """Scroll so that the current sentence is on screen, with a little context."""
        if not self._layouts:
            return
        pair = self.pair_region(self.cursor)
        german = self.sentence_region(self.cursor)
        if pair is None or german is None:
            return
        # Show the English too, unless that would push the German sentence off the top.
        region = pair if pair.height <= self.size.height - 2 else german
        # At once: a scroll deferred to the next refresh would use the line heights of now,
        # and English arriving before it would leave the cursor off-screen.
        self._following = True
        self.scroll_to_region(
            region.grow((2, 0, 2, 0)), animate=animate, force=True, immediate=not animate
        )

    def scroll_cursor_to_top(self) -> None:
        """Scroll so that the cursor's sentence is the first line on screen (as far as the
        text's end allows)."""
        region = self.sentence_region(self.cursor)
        if region is not None:
            self._following = True
            self.scroll_to(y=region.y, animate=False, force=True, immediate=True)

    def block_at_line(self, line: int) -> int:
        """The index of the block drawn on virtual line ``line``."""
        return block_at_line(self._tops, line)

    def page_layout(self, cursor: Cursor) -> PageLayout:
        """The lines a page move from ``cursor`` works with (reader.navigation.page_move)."""
        region = self.sentence_region(cursor)
        top = region.y if region else self.top_of_block(cursor.block)
        return PageLayout(tuple(self._tops), self.virtual_size.height, self.size.height, top)

    def top_of_block(self, index: int) -> int:
        """The virtual line where block ``index`` starts."""
        return self._tops[index] if self._tops else 0

    @property
    def visible_blocks(self) -> tuple[int, int]:
        """First and last block index that is (partly) on screen."""
        if not self._tops:
            return (0, 0)
        top = round(self.scroll_offset.y)
        return self.block_at_line(top), self.block_at_line(top + self.size.height)

    # Rendering --------------------------------------------------------------------------

    def _forget(self, *blocks: int) -> None:
        for block in blocks:
            self._strips.pop(block, None)

    def render_line(self, y: int) -> Strip:
        if not self._layouts or self.scrollable_content_region.width != self._layout_width:
            # The vertical scrollbar appearing narrows the content without a resize event.
            self._relayout()
            if not self._layouts:
                return Strip.blank(self.size.width)
        line = round(self.scroll_offset.y) + y
        visible = self.visible_blocks
        if visible != self._visible:
            self._visible = visible
            self.post_message(self.VisibleBlocksChanged(*visible))
        if line >= self.virtual_size.height:
            return Strip.blank(self.size.width, self.rich_style)
        index = self.block_at_line(line)
        strips = self._block_strips(index)
        row = line - self._tops[index]
        if row < len(strips):
            return strips[row]
        return Strip.blank(self._layout_width, self.rich_style)

    def notify_style_update(self) -> None:
        super().notify_style_update()
        self._strips.clear()  # a new theme: the cached lines hold the old colours

    def _block_strips(self, index: int) -> list[Strip]:
        cached = self._strips.get(index)
        if cached is not None:
            self._strips.move_to_end(index)
            return cached
        strips = self._render_block(index)
        self._strips[index] = strips
        if len(self._strips) > CACHED_BLOCKS:
            self._strips.popitem(last=False)
        return strips

    def _component(self, name: str) -> Style:
        return self.get_component_rich_style(name, partial=True)

    def _style(self, name: str) -> Style:
        return self._component(f"parallel-view--{name}")

    def _cursor_for(self, index: int) -> Cursor | None:
        return self.cursor if index == self.cursor.block else None

    def _marks(self, block: Block) -> Marks:
        """What to draw on a block's German besides its text."""
        cursor = self._cursor_for(block.index)
        return Marks(
            self.decorations.get(block.index, ()),
            shown_sentence(self.document, cursor) if cursor else None,
            cursor.token if cursor else None,
            self.search_pattern,
        )

    def _render_block(self, index: int) -> list[Strip]:
        layout = self._layouts[index]
        block = self.document.blocks[index]
        marks = self._marks(block)
        german_text = german_line_text(block, marks, self._component, self.rich_style)
        german = [german_text[start:end] for start, end in layout.german]
        english = english_line_texts(
            self._english(index), layout, self._cursor_for(index), self._component, self.rich_style
        )
        left, right = self._column_widths(self._layout_width)
        columns = BlockColumns(left, right, self._layout_width, self.stacked)
        separator = self.rich_style + self._style("separator")
        return block_rows(
            german, english, layout, columns, self.app.console, self.rich_style, separator
        )

    # Mouse ------------------------------------------------------------------------------

    def on_click(self, event: events.Click) -> None:
        if not self._layouts:
            return
        line = round(self.scroll_offset.y) + event.y
        if line >= self.virtual_size.height:
            return
        index = self.block_at_line(line)
        layout = self._layouts[index]
        row = line - self._tops[index]
        left, _ = self._column_widths(self._layout_width)
        target = click_target(self.document, index, layout, row, event.x, left)
        if target is None:
            return
        self.post_message(self.SentenceClicked(target))
