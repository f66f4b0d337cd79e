"""Unit tests of the cursor's moves (reader.navigation), without a screen."""

from __future__ import annotations

import pytest

from reader import navigation
from reader.core.text import Document, parse_document
from reader.navigation import Cursor, PageLayout

# Blocks: 0 the title, 1 two sentences, 2 one sentence, 3 three sentences.
TEXT = "# Titel\n\nEins ist da. Zwei auch.\n\nDrei.\n\nVier. Fünf. Sechs!\n"


@pytest.fixture(scope="module")
def document() -> Document:
    text = parse_document(TEXT, "test")
    assert [len(text.sentences(i)) for i in range(len(text.blocks))] == [1, 2, 1, 3]
    return text


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (Cursor(0, 0), Cursor(1, 0)),
        (Cursor(1, 0), Cursor(1, 1)),
        (Cursor(1, 1), Cursor(2, 0)),
        (Cursor(1, 0, 2), Cursor(1, 1)),  # the word cursor is left behind
        (Cursor(3, 2), None),  # the end of the text
    ],
)
def test_next_sentence(document: Document, start: Cursor, expected: Cursor | None) -> None:
    assert navigation.next_sentence(document, start) == expected


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (Cursor(3, 0), Cursor(2, 0)),
        (Cursor(2, 0), Cursor(1, 1)),  # the previous paragraph's last sentence
        (Cursor(3, 2), Cursor(3, 1)),
        (Cursor(0, 0), None),
    ],
)
def test_previous_sentence(document: Document, start: Cursor, expected: Cursor | None) -> None:
    assert navigation.previous_sentence(document, start) == expected


@pytest.mark.parametrize(
    ("start", "forward", "back"),
    [
        (Cursor(0, 0), Cursor(1, 0), None),
        (Cursor(1, 1), Cursor(2, 0), Cursor(1, 0)),  # back: this paragraph's start first
        (Cursor(2, 0), Cursor(3, 0), Cursor(1, 0)),
        (Cursor(3, 1), None, Cursor(3, 0)),
    ],
)
def test_paragraph_moves(
    document: Document, start: Cursor, forward: Cursor | None, back: Cursor | None
) -> None:
    assert navigation.next_paragraph(document, start) == forward
    assert navigation.previous_paragraph(start) == back


@pytest.mark.parametrize(
    ("start", "expected"),
    [
        (Cursor(1, 5), Cursor(1, 1)),
        (Cursor(3, -1), Cursor(3, 0)),
        (Cursor(2, 0, 1), Cursor(2, 0, 1)),
    ],
)
def test_clamped_keeps_the_sentence_inside_its_block(
    document: Document, start: Cursor, expected: Cursor
) -> None:
    assert navigation.clamped(document, start) == expected


def test_current_sentence_and_text_end(document: Document) -> None:
    assert navigation.current_sentence(document, Cursor(1, 9)).text == "Zwei auch."
    assert navigation.text_end(document) == Cursor(3, 2)


@pytest.mark.parametrize(
    ("token", "step", "expected"),
    [
        (None, +1, 0),  # no word cursor yet: the first word
        (None, -1, 2),  # or the last ("da"; the full stop is no word)
        (0, +1, 1),
        (1, -1, 0),
        (2, +1, 2),  # it stays at the sentence's end
        (0, -1, 0),
    ],
)
def test_word_moves(document: Document, token: int | None, step: int, expected: int) -> None:
    sentence = document.sentences(1)[0]  # Eins ist da .
    assert [t.is_word for t in sentence.tokens] == [True, True, True, False]
    moved = navigation.word_move(sentence, Cursor(1, 0, token), step)
    assert moved == Cursor(1, 0, expected)


def test_a_sentence_without_words_has_no_word_move() -> None:
    text = parse_document("# T\n\n… !\n", "test")
    sentence = text.sentences(1)[0]
    assert not any(token.is_word for token in sentence.tokens)
    assert navigation.word_move(sentence, Cursor(1, 0), +1) is None


@pytest.mark.parametrize(
    ("line", "block"), [(-3, 0), (0, 0), (3, 0), (4, 1), (9, 1), (10, 2), (99, 3)]
)
def test_block_at_line(line: int, block: int) -> None:
    assert navigation.block_at_line((0, 4, 10, 12), line) == block


# Four blocks starting on lines 0, 4, 10 and 12, 20 lines in all, a view 8 lines high: a
# page is 6 lines.
@pytest.mark.parametrize(
    ("cursor", "cursor_top", "direction", "expected"),
    [
        (Cursor(0, 0), 0, +1, Cursor(1, 0)),  # line 6 is in block 1
        (Cursor(1, 1), 6, +1, Cursor(3, 0)),  # line 12
        (Cursor(2, 0), 10, +1, Cursor(3, 0)),  # line 16 is in block 3
        (Cursor(3, 0), 12, +1, Cursor(3, 0)),  # past the end: the last block
        (Cursor(3, 0), 12, -1, Cursor(1, 0)),  # line 6
        (Cursor(1, 0), 4, -1, Cursor(0, 0)),  # before the top: the first block
    ],
)
def test_page_moves(cursor: Cursor, cursor_top: int, direction: int, expected: Cursor) -> None:
    layout = PageLayout((0, 4, 10, 12), 20, 8, cursor_top)
    assert navigation.page_move(layout, cursor, direction, 4) == expected


def test_a_page_down_leaves_a_block_taller_than_the_page() -> None:
    layout = PageLayout((0, 40), 50, 8, 2)  # block 0 is 40 lines high
    assert navigation.page_move(layout, Cursor(0, 0), +1, 2) == Cursor(1, 0)
