"""The reading view's geometry: how a paragraph and its English are laid out in lines.

Pure rules of the parallel view (reader.ui.widgets.parallel_view draws what these say): the
lines of a block's German and English at given column widths, which lines hold the cursor's
sentence on either side, and which sentence and word a click on a German line lands on. The
wrapping itself is :func:`reader.layout.wrap_offsets`.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.text import Document, Sentence
from reader.english import EnglishBlock, EnglishVersion
from reader.layout import wrap_offsets
from reader.navigation import Cursor

SEPARATOR = " │ "
STACKED_INDENT = 2

Offsets = list[tuple[int, int]]
"""(start, end) character offsets of each line."""


@dataclass
class BlockLayout:
    """The lines of one block: German, then the English parts, and the rows they take."""

    german: Offsets
    """Line offsets into the block's text."""
    english: list[tuple[int, str, Offsets]]
    """(version index, "label" | "text" | "noteN" | "placeholder", line offsets)."""
    height: int
    """Rows on screen, with the blank row after the block."""


def column_widths(width: int, stacked: bool) -> tuple[int, int]:
    """The German and the English column widths in a view ``width`` cells wide."""
    if stacked:
        return width, width - STACKED_INDENT
    left = (width - len(SEPARATOR)) // 2
    return left, width - left - len(SEPARATOR)


def joined(version: EnglishVersion) -> tuple[str, Offsets]:
    """The English sentences joined by spaces, with each sentence's span."""
    parts: list[str] = []
    spans: Offsets = []
    position = 0
    for sentence in version.sentences:
        text = sentence.text or "…"
        if parts:
            position += 1
        spans.append((position, position + len(text)))
        parts.append(text)
        position += len(text)
    return " ".join(parts), spans


def layout_block(text: str, english_block: EnglishBlock, width: int, stacked: bool) -> BlockLayout:
    """The lines of a block's German ``text`` and its English at view ``width``."""
    left, right = column_widths(width, stacked)
    german = wrap_offsets(text, left)
    english: list[tuple[int, str, Offsets]] = []
    for number, version in enumerate(english_block.versions):
        english.append((number, "label", [(0, len(version.label))]))
        english.append((number, "text", wrap_offsets(joined(version)[0], right)))
        for note_number, note in enumerate(version.notes):
            english.append((number, f"note{note_number}", wrap_offsets(note, right)))
    if not english_block.versions:
        english.append((-1, "placeholder", wrap_offsets(english_block.placeholder, right)))
    english_height = sum(len(lines) for _, _, lines in english)
    if stacked:
        height = len(german) + english_height + 1
    else:
        height = max(len(german), english_height) + 1
    return BlockLayout(german, english, height)


def shown_sentence(document: Document, cursor: Cursor) -> Sentence | None:
    """The cursor's sentence, if its block is segmented (the last one if out of range)."""
    sentences = document.segmented(cursor.block)
    if not sentences:
        return None
    return sentences[min(cursor.sentence, len(sentences) - 1)]


def german_rows(document: Document, layout: BlockLayout, cursor: Cursor) -> tuple[int, int]:
    """The first and last row (within the block) of the cursor's German sentence."""
    sentence = shown_sentence(document, cursor)
    if sentence is None:
        return (0, 0)
    block_start = document.blocks[cursor.block].start
    start, end = sentence.start - block_start, sentence.end - block_start
    rows = [i for i, (s, e) in enumerate(layout.german) if e > start and s < end] or [0]
    return rows[0], rows[-1]


def english_rows(
    layout: BlockLayout, english_block: EnglishBlock, cursor: Cursor, stacked: bool
) -> tuple[int, int] | None:
    """The first and last row (within the block) of the cursor sentence's English: the
    sentence when aligned, else the version's whole English, with its checks."""
    row = len(layout.german) if stacked else 0
    found: list[int] = []
    for number, kind, lines in layout.english:
        if kind == "text":
            version = english_block.versions[number]
            _, spans = joined(version)
            if version.aligned and cursor.sentence < len(spans):
                start, end = spans[cursor.sentence]
                found += [row + i for i, (s, e) in enumerate(lines) if e > start and s < end]
            else:
                found += [row, row + len(lines) - 1]
        elif kind.startswith("note") and found:
            found.append(row + len(lines) - 1)  # the checks belong with the English
        row += len(lines)
    return (min(found), max(found)) if found else None


def click_target(
    document: Document, index: int, layout: BlockLayout, row: int, x: int, left: int
) -> Cursor | None:
    """Where a click on ``row``, column ``x`` of block ``index`` puts the cursor: the
    sentence and word under it on the German side, else the block's first sentence."""
    sentences = document.sentences(index)
    if not sentences:
        return None
    if not (row < len(layout.german) and x < left):
        return Cursor(index, 0)
    start, end = layout.german[row]
    offset = document.blocks[index].start + min(start + x, end)
    for sentence in sentences:
        if sentence.start <= offset <= sentence.end:
            token = next(
                (i for i, t in enumerate(sentence.tokens) if t.start <= offset < t.end), None
            )
            return Cursor(index, sentence.index, token)
    return Cursor(index, 0)
