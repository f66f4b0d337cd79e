"""One search over a German text: used by the reading view's ``/``, ``n``, ``N``, the CLI's
``search`` and the glossary screen's occurrences.

A query is a case-insensitive regular expression over each block's text (one that is not a
valid expression is searched for literally), so a match may run across a sentence boundary.

**Which sentence a match belongs to**: the sentence holding the match's first word character
(the match's first character when it has none); when that character lies between two
sentences (in the spaces after a full stop), the following sentence; after the block's last
sentence, the last one. Finding matches never segments; placing one segments its block only.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.core.text import Document, Sentence

if TYPE_CHECKING:
    from glossary.matching import TermMatch
    from glossary.schema import GlossaryEntry

_WORD_CHARACTER = re.compile(r"\w")


@dataclass(frozen=True)
class SearchMatch:
    """A search hit (or a glossary occurrence) in the German text."""

    block: int
    """The block holding it."""
    start: int
    """Offset of its first character in the document source."""
    end: int
    """Offset just past it."""
    text: str = ""
    """The matched text."""


def compile_pattern(query: str) -> re.Pattern[str]:
    """The query as a case-insensitive regular expression, or literally when it is not one."""
    try:
        return re.compile(query, re.IGNORECASE)
    except re.error:
        return re.compile(re.escape(query), re.IGNORECASE)


def find_matches(document: Document, pattern: re.Pattern[str]) -> tuple[SearchMatch, ...]:
    """Every non-empty match of ``pattern`` in the document's blocks, in reading order."""
    return tuple(
        SearchMatch(block.index, block.start + found.start(), block.start + found.end(), text)
        for block in document.blocks
        for found in pattern.finditer(block.text)
        if (text := found.group())
    )


def anchor_offset(match: SearchMatch) -> int:
    """The offset that places a match: its first word character, else its first character."""
    word = _WORD_CHARACTER.search(match.text)
    return match.start + (word.start() if word else 0)


def sentence_index_at(sentences: Sequence[Sentence], offset: int) -> int:
    """The index of the sentence holding ``offset``, else of the one after it, else the last."""
    for position, sentence in enumerate(sentences):
        if offset < sentence.end:  # inside it, or in the space before it
            return position
    return max(0, len(sentences) - 1)


def sentence_of(document: Document, match: SearchMatch) -> Sentence | None:
    """The sentence a match belongs to (the rule at the top); None for an empty block."""
    sentences = document.sentences(match.block)
    if not sentences:
        return None
    return sentences[sentence_index_at(sentences, anchor_offset(match))]


def first_match_from(matches: Sequence[SearchMatch], offset: int) -> int:
    """Index of the first match starting at or after ``offset``, wrapping to the first."""
    return next((i for i, match in enumerate(matches) if match.start >= offset), 0)


@dataclass(frozen=True)
class Occurrence:
    """One place a glossary entry occurs, with the sentence its term match is in."""

    match: SearchMatch
    """Where it is (the span of its first token)."""
    sentence: int
    """The sentence's index within its block."""


def term_occurrences(
    matches: Iterable[TermMatch],
) -> dict[GlossaryEntry, tuple[Occurrence, ...]]:
    """Where each glossary entry occurs: one per place (its first span), in text order.

    The glossary screen counts these and ``n``/``N`` visit these, so the two agree (a
    sentence holding a term twice counts twice in both).
    """
    places: dict[GlossaryEntry, dict[tuple[int, int], Occurrence]] = {}
    for match in matches:
        for start, end in match.spans[:1]:
            found = places.setdefault(match.entry, {})
            found.setdefault(
                (start, end), Occurrence(SearchMatch(match.block, start, end), match.sentence)
            )
    return {entry: tuple(found[key] for key in sorted(found)) for entry, found in places.items()}
