"""The generated novel with distinct sentences (the library benchmark's input)."""

from __future__ import annotations

from pathlib import Path

from reader.core.text import parse_document
from tests.longtext import DISTINCT_SENTENCES, distinct_sentence, make_long_text


def test_every_composed_sentence_is_distinct() -> None:
    sentences = {distinct_sentence(number) for number in range(DISTINCT_SENTENCES)}
    assert len(sentences) == DISTINCT_SENTENCES


def test_distinct_novel_segments_into_distinct_sentences() -> None:
    text = make_long_text(40_000, distinct=True)
    assert text == make_long_text(40_000, distinct=True)
    document = parse_document(text, "roman.md", path=Path("roman.md"))
    body = [s.text for s in document.all_sentences() if not s.text.startswith(("Die Uhr", "1."))]
    composed = [s for s in body if s.endswith(".") and "Kapitel" not in s]
    # The segmenter splits exactly at the composed sentences' ends, and none repeats.
    assert len(composed) > 400
    assert len(set(composed)) == len(composed)
    assert set(composed) <= {distinct_sentence(n) for n in range(len(composed) + 10)}


def test_the_mixed_novel_is_unchanged_by_the_option() -> None:
    assert make_long_text(20_000) == make_long_text(20_000, distinct=False)
    assert make_long_text(20_000, seed=2, distinct=True) != make_long_text(20_000, distinct=True)
