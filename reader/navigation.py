"""Where the reader is and where each reading key takes them: the cursor and its moves.

Pure functions of the document (and, for page moves, of the view's layout given as data), so
the reading screen only applies what they return. A move that cannot go anywhere (the next
sentence at the end of the text) returns None, and the screen stays where it is. Counting
sentences segments a block, as the screen did before these moves lived here.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.text import Document, Sentence


@dataclass(frozen=True)
class Cursor:
    """Where the reader is: a sentence, and optionally a word in it."""

    block: int
    """Index of the block."""
    sentence: int
    """Index of the sentence within the block."""
    token: int | None = None
    """Index of the token under the word cursor, or None."""


@dataclass(frozen=True)
class PageLayout:
    """What a page move needs to know of the view, in its virtual lines."""

    block_tops: Sequence[int]
    """The line each block starts on, in block order."""
    total_lines: int
    """The height of the whole laid-out text."""
    page_lines: int
    """The height of the view."""
    cursor_top: int
    """The line the cursor's sentence starts on."""


def clamped(document: Document, cursor: Cursor) -> Cursor:
    """The cursor with its sentence index inside its block (segments that block)."""
    count = len(document.sentences(cursor.block))
    return Cursor(cursor.block, max(0, min(cursor.sentence, count - 1)), cursor.token)


def current_sentence(document: Document, cursor: Cursor) -> Sentence:
    """The sentence under the cursor (the block's last when the index runs past it)."""
    sentences = document.sentences(cursor.block)
    return sentences[min(cursor.sentence, len(sentences) - 1)]


def next_sentence(document: Document, cursor: Cursor) -> Cursor | None:
    """The next sentence, across a paragraph's end; None at the end of the text."""
    if cursor.sentence + 1 < len(document.sentences(cursor.block)):
        return Cursor(cursor.block, cursor.sentence + 1)
    if cursor.block + 1 < len(document.blocks):
        return Cursor(cursor.block + 1, 0)
    return None


def previous_sentence(document: Document, cursor: Cursor) -> Cursor | None:
    """The previous sentence, across a paragraph's start; None at the top of the text."""
    if cursor.sentence > 0:
        return Cursor(cursor.block, cursor.sentence - 1)
    if cursor.block > 0:
        return Cursor(cursor.block - 1, len(document.sentences(cursor.block - 1)) - 1)
    return None


def next_paragraph(document: Document, cursor: Cursor) -> Cursor | None:
    """The first sentence of the next paragraph; None in the last one."""
    if cursor.block + 1 < len(document.blocks):
        return Cursor(cursor.block + 1, 0)
    return None


def previous_paragraph(cursor: Cursor) -> Cursor | None:
    """The start of this paragraph, or of the previous one when already there."""
    if cursor.sentence > 0:
        return Cursor(cursor.block, 0)
    if cursor.block > 0:
        return Cursor(cursor.block - 1, 0)
    return None


def text_end(document: Document) -> Cursor:
    """The last sentence of the text."""
    last = len(document.blocks) - 1
    return Cursor(last, len(document.sentences(last)) - 1)


def word_move(sentence: Sentence, cursor: Cursor, step: int) -> Cursor | None:
    """The word cursor one word forward (``step`` > 0) or back; the first (or last) word
    when there is no word cursor yet; it stays at the sentence's ends; None without words."""
    words = [i for i, token in enumerate(sentence.tokens) if token.is_word]
    if not words:
        return None
    token = cursor.token
    if token is None:
        target = words[0] if step > 0 else words[-1]
    else:
        later = [i for i in words if (i > token if step > 0 else i < token)]
        target = (later[0] if step > 0 else later[-1]) if later else token
    return Cursor(cursor.block, cursor.sentence, target)


def block_at_line(block_tops: Sequence[int], line: int) -> int:
    """The index of the block drawn on virtual line ``line``."""
    return max(0, bisect_right(block_tops, line) - 1)


def page_move(layout: PageLayout, cursor: Cursor, direction: int, block_count: int) -> Cursor:
    """The start of the block a page down (``direction`` 1) or up (-1) from the cursor; a
    page down always leaves the cursor's block, even when that block is taller than a page."""
    target_line = max(0, layout.cursor_top + direction * max(1, layout.page_lines - 2))
    block = block_at_line(layout.block_tops, min(target_line, max(0, layout.total_lines - 1)))
    if block == cursor.block and direction > 0:
        block = min(block + 1, block_count - 1)
    return Cursor(block, 0)


def sentence_with_text(document: Document, text: str) -> Cursor | None:
    """The first sentence worded exactly ``text`` (segments the whole text), or None."""
    for sentence in document.all_sentences():
        if sentence.text == text:
            return Cursor(sentence.block, sentence.index)
    return None


def _word_indexes(sentence: Sentence) -> list[int]:
    return [i for i, token in enumerate(sentence.tokens) if token.is_word]


def word_step(document: Document, cursor: Cursor, step: int) -> Cursor | None:
    """The word cursor one word forward (``step`` > 0) or back, into the next (or previous)
    sentence with words at a sentence's end, across paragraphs; it stays on the text's first
    and last word; None when the text has no word in that direction and no word cursor."""
    sentence = current_sentence(document, cursor)
    moved = word_move(sentence, cursor, step)
    if moved is not None and moved.token != cursor.token:
        return moved
    here: Cursor | None = Cursor(cursor.block, sentence.index)
    while here is not None:
        here = next_sentence(document, here) if step > 0 else previous_sentence(document, here)
        if here is None:
            break
        words = _word_indexes(current_sentence(document, here))
        if words:
            return Cursor(here.block, here.sentence, words[0] if step > 0 else words[-1])
    return moved


@dataclass(frozen=True)
class WordSearch:
    """Where a search for the next word of some status ended."""

    found: Cursor | None
    """The word found (a cursor with its token), or None."""
    unanalysed: int | None
    """The first block in the way whose words are not analysed yet (their statuses are not
    known), where the search stopped; None when it searched to the text's end."""


def find_word(
    document: Document,
    cursor: Cursor,
    step: int,
    wanted: Callable[[int, int, int], bool],
    analysed: Callable[[int], bool],
) -> WordSearch:
    """The next word after the cursor (``step`` > 0) or the previous one for which
    ``wanted(block, sentence, token)`` holds, across sentences and paragraphs.

    Without a word cursor the cursor's whole sentence is searched. Only blocks for which
    ``analysed(block)`` holds are searched (a word's status needs its lemma); the search stops
    at the first other block and says which, so the screen can have it analysed.
    """
    block = cursor.block
    start: int | None = cursor.sentence  # None: the whole block (the blocks after the first)
    token = cursor.token
    while 0 <= block < len(document.blocks):
        if not analysed(block):
            return WordSearch(None, block)
        sentences = document.sentences(block)
        order = range(len(sentences)) if step > 0 else range(len(sentences) - 1, -1, -1)
        for index in order:
            if start is not None and (index < start if step > 0 else index > start):
                continue
            words = _word_indexes(sentences[index])
            if index == start and token is not None:
                words = [i for i in words if (i > token if step > 0 else i < token)]
            for word in words if step > 0 else reversed(words):
                if wanted(block, index, word):
                    return WordSearch(Cursor(block, index, word), None)
        block += 1 if step > 0 else -1
        start = None
    return WordSearch(None, None)
