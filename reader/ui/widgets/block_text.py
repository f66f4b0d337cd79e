"""The styled text of one block of the reading view: its German and its English lines.

The parallel view (parallel_view.py) lays blocks out (reader.view_layout) and turns these
styled texts into strips; here is what gets which style: headings and datelines, the screen's
decorations (glossary terms, vocabulary colours, level marks), the cursor's sentence and word,
search matches, and on the English side labels, checks, the reader's edits and the cursor's
sentence. Styles are the view's component classes, looked up through ``component``.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from rich.console import Console
from rich.segment import Segment
from rich.style import Style
from rich.text import Text
from textual.strip import Strip

from reader.core.display import displayable
from reader.core.text import Block, Sentence
from reader.english import EnglishBlock
from reader.navigation import Cursor
from reader.view_layout import SEPARATOR, STACKED_INDENT, BlockLayout, joined

Component = Callable[[str], Style]
"""A component class's name (``parallel-view--…``) to its style."""


@dataclass(frozen=True)
class Decoration:
    """A styled span of the German text (a glossary term, a word's vocabulary status)."""

    start: int
    """Offset of the first character in the document source."""
    end: int
    """Offset just past the last character."""
    component: str
    """The component class giving its style (one of ``ParallelTextView.COMPONENT_CLASSES``)."""


@dataclass(frozen=True)
class Marks:
    """What is drawn on a block's German besides its text."""

    decorations: tuple[Decoration, ...]
    """The screen's styled spans."""
    sentence: Sentence | None
    """The cursor's sentence, when the cursor is in this block."""
    token: int | None
    """The word cursor's token in that sentence."""
    search: re.Pattern[str] | None
    """The search pattern whose matches are highlighted."""


def styled(text: str, style: Style) -> Text:
    """A Text whose style survives slicing into lines (a span, not ``Text.style``)."""
    result = Text(displayable(text), end="")
    result.stylize(style)
    return result


def german_line_text(block: Block, marks: Marks, component: Component, base: Style) -> Text:
    """The block's German with every style applied (sliced into lines by the caller)."""

    def style(name: str) -> Style:
        return component(f"parallel-view--{name}")

    if block.kind in {"title", "heading", "teaser"}:
        base = base + style(block.kind)
    # The base style goes in as a span: slicing a Text into lines drops ``Text.style``.
    # displayable keeps the length: decoration and cursor offsets stay right.
    text = styled(block.text.replace("\n", " "), base)
    if block.dateline_length:
        text.stylize(style("dateline"), 0, block.dateline_length)
    for decoration in marks.decorations:
        text.stylize(
            component(decoration.component),
            decoration.start - block.start,
            decoration.end - block.start,
        )
    sentence = marks.sentence
    if sentence is not None:
        text.stylize(
            style("cursor-sentence"), sentence.start - block.start, sentence.end - block.start
        )
        token = marks.token
        if token is not None and 0 <= token < len(sentence.tokens):
            word = sentence.tokens[token]
            text.stylize(style("cursor-word"), word.start - block.start, word.end - block.start)
    # Matches go on top of the cursor highlight so they stay visible.
    if marks.search is not None:
        for match in marks.search.finditer(block.text):
            text.stylize(style("search"), match.start(), match.end())
    return text


def english_line_texts(
    english_block: EnglishBlock,
    layout: BlockLayout,
    cursor: Cursor | None,
    component: Component,
    base: Style,
) -> list[Text]:
    """The block's English, one styled Text per line of ``layout`` (``cursor`` when the
    cursor is in this block)."""

    def style(name: str) -> Style:
        return component(f"parallel-view--{name}")

    base = base + style("english")
    lines: list[Text] = []
    for number, kind, offsets in layout.english:
        if kind == "placeholder":
            source = styled(english_block.placeholder, base + style("placeholder"))
        elif kind.startswith("note"):
            note = english_block.versions[number].notes[int(kind[4:])]
            source = styled(note, base + style("flag"))
        elif kind == "label":
            source = styled(english_block.versions[number].label, base + style("label"))
        else:
            version = english_block.versions[number]
            whole, spans = joined(version)
            source = styled(whole, base)
            for sentence, (start, end) in zip(version.sentences, spans, strict=True):
                if sentence.origin == "edited":
                    source.stylize(style("edited"), start, end)
                if any(flag != "pending" for flag in sentence.flags):
                    source.stylize(style("flag"), start, end)
            if cursor is not None:
                if version.aligned and cursor.sentence < len(spans):
                    start, end = spans[cursor.sentence]
                    source.stylize(style("cursor-english"), start, end)
                elif not version.aligned:
                    source.stylize(style("cursor-english"), 0, len(whole))
        lines.extend(source[start:end] for start, end in offsets)
    return lines


@dataclass(frozen=True)
class BlockColumns:
    """The widths a block is drawn in: German, English, the whole line, and the layout."""

    left: int
    right: int
    width: int
    stacked: bool


def block_rows(
    german: list[Text],
    english: list[Text],
    layout: BlockLayout,
    columns: BlockColumns,
    console: Console,
    background: Style,
    separator_style: Style,
) -> list[Strip]:
    """A block's screen lines: German beside (or above) English, then one blank line."""

    def strip(text: Text | None, width: int) -> Strip:
        if text is None:
            return Strip.blank(width, background)
        segments = list(text.render(console))
        return Strip(segments).extend_cell_length(width, background).crop(0, width)

    rows: list[Strip] = []
    if columns.stacked:
        indent = Strip([Segment(" " * STACKED_INDENT, background)])
        rows.extend(strip(line, columns.left) for line in german)
        rows.extend(Strip.join([indent, strip(line, columns.right)]) for line in english)
    else:
        separator = Strip([Segment(SEPARATOR, separator_style)])
        for row in range(layout.height - 1):
            left_text = german[row] if row < len(german) else None
            right_text = english[row] if row < len(english) else None
            rows.append(
                Strip.join(
                    [strip(left_text, columns.left), separator, strip(right_text, columns.right)]
                )
            )
    rows.append(Strip.blank(columns.width, background))
    return rows
