"""Which words of a block are above the reader's level: the reading view's level marks.

The rule is the glossary draft's (:func:`glossary.draft.is_rare_word`; the reading view keeps
lemmas but not tags, so names are marked too): a word, as written or as its lemma, whose Zipf
frequency is below the threshold of the ``level`` setting.
"""

from __future__ import annotations

from collections.abc import Sequence

from glossary.draft import is_rare_word, level_threshold
from reader.core.text import Document


def above_level_spans(
    document: Document, block: int, lemmas: Sequence[Sequence[str]], level: str
) -> tuple[tuple[int, int], ...]:
    """Offsets (start, end) of the words of ``block`` rarer than ``level``.

    ``lemmas`` holds one lemma per token for each sentence of the block (the analysis).
    """
    threshold = level_threshold(level)
    spans: list[tuple[int, int]] = []
    for sentence, sentence_lemmas in zip(document.sentences(block), lemmas, strict=True):
        for token, lemma in zip(sentence.tokens, sentence_lemmas, strict=True):
            if token.is_word and is_rare_word(token.text, lemma, threshold):
                spans.append((token.start, token.end))
    return tuple(spans)
