"""Pytest fixtures for the study tests: a study sheet of the article from fixed inputs.

The inputs are deliberately simple and labelled as test data (the English is a placeholder
naming the sentence, never a fake translation passed off as real), so the golden files only
change when the rendering changes.
"""

from __future__ import annotations

from collections.abc import Sequence

import pytest

from reader.core.text import Document, Sentence
from reader.export.sheet import (
    SheetEnglish,
    SheetSources,
    StudySheet,
    TermHit,
    WordInfo,
    build_study_sheet,
)

SHEET_TIMESTAMP = 1_700_000_000  # 2023-11-14 22:13:20 UTC

TEST_TERMS = {
    "Eisenbahnpartisanen": TermHit(
        term="Eisenbahnpartisan",
        kind="noun",
        rendering="rail partisan",
        explanation="A saboteur of railway lines; here Belarusians who cut Russian supply routes.",
        start=0,
        end=0,
        gender="m",
        plural="Eisenbahnpartisanen",
    ),
    "Lawrow": TermHit(
        term="Lawrow",
        kind="name",
        rendering="Lavrov",
        explanation="Sergei Lavrov, Russia's foreign minister since 2004.",
        start=0,
        end=0,
    ),
}
TEST_WORDS = {
    "Umarmung": WordInfo("embrace", "f", "Umarmungen"),
    "Aufmarschgebiet": WordInfo("deployment area", "n", "Aufmarschgebiete"),
}


LAWROW_LOOKED_UP_IN = frozenset(
    {"„Lawrow hat bestimmt Nowitsckok mitgebracht“, heißt es in einem Post."}
)
"""The sentence of paragraph 11 the test reader looked Lawrow up in."""


def test_english(sentence: Sentence) -> SheetEnglish | None:
    """A placeholder English per sentence; block 2 has none, to show the missing marker."""
    if sentence.block == 2 and sentence.index == 1:
        return None
    return SheetEnglish(f"(test English {sentence.block}.{sentence.index})", "edited")


def test_lemmas(sentence: Sentence) -> Sequence[str]:
    """The token texts themselves as lemmas (no HanTa in golden tests)."""
    return tuple(token.text for token in sentence.tokens)


def test_term_hits(sentence: Sentence) -> Sequence[TermHit]:
    """The two test terms wherever their form occurs as a token."""
    hits = []
    for token in sentence.tokens:
        found = TEST_TERMS.get(token.text)
        if found is not None:
            hits.append(
                TermHit(
                    found.term,
                    found.kind,
                    found.rendering,
                    found.explanation,
                    token.start,
                    token.end,
                    found.gender,
                    found.plural,
                )
            )
    return hits


def test_word_info(lemma: str, sentence: Sentence, token_index: int) -> WordInfo | None:
    """The test meanings, whatever the context."""
    return TEST_WORDS.get(lemma)


def make_test_sources(**overrides: object) -> SheetSources:
    """The fixed sheet inputs, with any field replaced."""
    values: dict[str, object] = {
        "english": test_english,
        "lemmas": test_lemmas,
        "term_hits": test_term_hits,
        "word_info": test_word_info,
        # Lawrow has a glossary note in paragraph 4 and was looked up again in paragraph 11.
        "statuses": {"Umarmung": "2", "Minsk": "known", "Putin": "ignored", "Lawrow": "3"},
        "looked_up": frozenset({"Aufmarschgebiet", "Putin", "Lawrow"}),
        "lookup_sentences": {"Lawrow": LAWROW_LOOKED_UP_IN},
        "model_id": None,
        "glossary_version": "test-glossary 2026.1",
        "dictionary": "test dictionary",
    }
    values.update(overrides)
    return SheetSources(**values)  # type: ignore[arg-type]


@pytest.fixture
def study_sheet(article: Document) -> StudySheet:
    """The whole article's sheet from the fixed test inputs."""
    return build_study_sheet(article, make_test_sources(), timestamp=SHEET_TIMESTAMP)
