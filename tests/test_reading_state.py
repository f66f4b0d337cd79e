"""Small rules of the reading view's state (reader.reading_state, navigation's sentence
lookup), without a screen."""

from __future__ import annotations

import pytest

from reader.analysis import BlockAnalysis, SentenceAnalysis
from reader.core.text import parse_document
from reader.english import EnglishBlock, EnglishSentence, EnglishVersion, TranslationMode
from reader.navigation import Cursor, sentence_with_text
from reader.reading_state import (
    SentenceBlocks,
    english_to_edit,
    guessed_kind,
    lemma_at,
    translation_status,
)
from reader.translation import SentenceTranslation

TEXT = "# T\n\nDer Hund bellt. Ja.\n\nJa.\n\nDie Katze.\n"


def test_sentence_blocks_finds_every_block_of_a_sentence() -> None:
    document = parse_document(TEXT, "test")
    index = SentenceBlocks()
    assert index.holding(document, ["Ja."]) == set()  # nothing segmented yet
    for block in range(len(document.blocks)):
        document.sentences(block)
    assert index.holding(document, ["Ja."]) == {1, 2}
    assert index.holding(document, ["Die Katze.", "Nein."]) == {3}


def test_sentence_with_text() -> None:
    document = parse_document(TEXT, "test")
    assert sentence_with_text(document, "Ja.") == Cursor(1, 1)
    assert sentence_with_text(document, "Nein.") is None


REFERENCE = EnglishVersion(
    "reference (curated)",
    "reference",
    (EnglishSentence("The dog barks.", "reference"), EnglishSentence("Yes.", "reference")),
    aligned=True,
)


@pytest.mark.parametrize(
    ("english", "mode", "index", "versions", "expected"),
    [
        ("A dog barks.", "best", 0, (REFERENCE,), "A dog barks."),
        ("A dog barks.", "reference", 0, (REFERENCE,), "The dog barks."),
        (None, "best", 1, (REFERENCE,), "Yes."),
        (None, "best", 5, (REFERENCE,), ""),  # past the reference's sentences
        (None, "machine", 0, (), ""),
    ],
)
def test_an_edit_starts_from_the_english_on_screen(
    english: str | None,
    mode: TranslationMode,
    index: int,
    versions: tuple[EnglishVersion, ...],
    expected: str,
) -> None:
    current = SentenceTranslation("Der Hund bellt.", english, "machine", "m") if english else None
    assert english_to_edit(current, EnglishBlock(versions), mode, index) == expected


def test_lemma_at_uses_the_analysis_once_there() -> None:
    document = parse_document(TEXT, "test")
    assert lemma_at(document, {}, 1, 0, 1) == "Hund"
    analysis = BlockAnalysis(1, (SentenceAnalysis(("der", "HUND", "bellen", "."), ()),))
    assert lemma_at(document, {1: analysis}, 1, 0, 1) == "HUND"


def test_kind_and_status_line() -> None:
    assert guessed_kind("Flughafen") == "noun" and guessed_kind("weigern") == "other"
    assert translation_status("both", EnglishBlock((REFERENCE, REFERENCE))) == (
        "both · reference (curated) + reference (curated)"
    )
    assert translation_status("machine", EnglishBlock(())) == "machine · none"
