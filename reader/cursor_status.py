"""The status of a word in the reading view (under the cursor, for jumps and the lookup panel).

A word's status belongs to its lemma (the analysis gives it); a word of a block that is not
analysed yet has no known status. Names (:func:`reader.analysis.name_tokens`) keep their
status but are said to be names, since "paragraph known" leaves them alone.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING

from reader.word_status import LEARNING_STATUSES

if TYPE_CHECKING:
    from reader.analysis import BlockAnalysis

NEW_STATUSES: frozenset[str] = frozenset({"new"})
"""What "the next new word" looks for."""
NEW_OR_LEARNING: frozenset[str] = frozenset({"new"}) | LEARNING_STATUSES
"""What Lute's shift+arrow looks for: words not yet known (and not ignored)."""


@dataclass(frozen=True)
class WordStatus:
    """The vocabulary status of the word under the word cursor."""

    lemma: str
    """The lemma the status belongs to."""
    status: str
    """One of :data:`reader.vocabulary.STATUSES`."""
    name: bool
    """Whether the word is a name here."""


def status_at(
    analyses: Mapping[int, BlockAnalysis],
    statuses: Mapping[str, str],
    block: int,
    sentence: int,
    token: int,
) -> WordStatus | None:
    """The status of one token of an analysed block (``new`` without a stored one); None
    when its block is not analysed yet."""
    analysis = analyses.get(block)
    if analysis is None:
        return None
    found = analysis.sentences[sentence]
    lemma = found.lemmas[token]
    return WordStatus(lemma, statuses.get(lemma, "new"), token in found.names)


def has_status(
    analyses: Mapping[int, BlockAnalysis],
    statuses: Mapping[str, str],
    wanted: Collection[str],
    block: int,
    sentence: int,
    token: int,
) -> bool:
    """Whether a token of an analysed block has one of the ``wanted`` statuses."""
    found = status_at(analyses, statuses, block, sentence, token)
    return found is not None and found.status in wanted


def describe(word: WordStatus) -> str:
    """The status in words: ``new``, ``learning 2``, ``known``, ``ignored``, with ``· name``."""
    label = f"learning {word.status}" if word.status in LEARNING_STATUSES else word.status
    return f"{label} · name" if word.name else label
