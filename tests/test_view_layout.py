"""The reading view's geometry (reader.view_layout) without a terminal."""

from __future__ import annotations

from reader.core.text import Document
from reader.english import EnglishBlock, EnglishSentence, EnglishVersion
from reader.navigation import Cursor
from reader.view_layout import (
    SEPARATOR,
    click_target,
    column_widths,
    english_rows,
    joined,
    layout_block,
)


def _version(*texts: str, aligned: bool = True) -> EnglishVersion:
    sentences = tuple(EnglishSentence(text, "machine") for text in texts)
    return EnglishVersion("machine", "machine", sentences, aligned)


def test_columns_share_the_width_and_stacked_english_is_indented() -> None:
    left, right = column_widths(83, stacked=False)
    assert left + right + len(SEPARATOR) == 83
    assert column_widths(80, stacked=True) == (80, 78)


def test_joined_english_keeps_each_sentence_span_and_shows_pending_ones() -> None:
    text, spans = joined(_version("One.", "", "Three."))
    assert text == "One. … Three."
    assert [text[s:e] for s, e in spans] == ["One.", "…", "Three."]


def test_a_block_is_as_high_as_its_longer_side_plus_a_blank_row() -> None:
    english = EnglishBlock((_version("A short one."),))
    columns = layout_block("Wort " * 40, english, 60, stacked=False)
    assert columns.height == max(len(columns.german), 2) + 1  # label + one line of English
    stacked = layout_block("Wort " * 40, english, 60, stacked=True)
    assert stacked.height == len(stacked.german) + 2 + 1


def test_an_aligned_sentence_pairs_with_its_own_english_rows() -> None:
    english = EnglishBlock((_version("First. " * 10, "Second."),))
    layout = layout_block("Erster. Zweiter.", english, 40, stacked=False)
    first = english_rows(layout, english, Cursor(0, 0), stacked=False)
    second = english_rows(layout, english, Cursor(0, 1), stacked=False)
    assert first is not None and second is not None
    assert first[0] == 1  # below the label
    assert second[0] >= first[1]


def test_a_click_on_a_german_word_puts_the_word_cursor_on_it(article: Document) -> None:
    index = next(i for i in range(len(article.blocks)) if len(article.sentences(i)) > 1)
    english = EnglishBlock((), "no English")
    layout = layout_block(article.blocks[index].text, english, 200, stacked=False)
    left, _ = column_widths(200, stacked=False)
    sentence = article.sentences(index)[0]
    word = sentence.tokens[0]
    x = word.start - article.blocks[index].start
    assert click_target(article, index, layout, 0, x, left) == Cursor(index, 0, 0)
    # A click in the English column picks the block's first sentence, no word.
    assert click_target(article, index, layout, 0, left + 1, left) == Cursor(index, 0)
