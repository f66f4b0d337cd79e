"""Recall and precision of the glossary draft against the hand-marked real texts.

``tests/data/real/draft-hand-marked.yaml`` lists, for each ``draft-*.md`` text, the words a B1
learner would want explained, marked by hand. A hand item is found when a proposal has it as
its term or one of its forms (any case); precision counts the proposals that match a hand item
(strict: a proposal nobody marked counts as not worth an entry).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import yaml

from glossary.draft import DraftProposal, draft_proposals
from glossary.loading import load_glossaries
from glossary.lookup import WordLookup
from reader.core.text import load_document

REAL = Path(__file__).resolve().parent / "data" / "real"
HAND_MARKED = REAL / "draft-hand-marked.yaml"


@dataclass(frozen=True)
class Quality:
    """How one text's draft compares with the hand-marked list."""

    name: str
    hand: tuple[str, ...]
    proposals: tuple[DraftProposal, ...]
    found: tuple[str, ...]
    missed: tuple[str, ...]
    unmarked: tuple[str, ...]

    @property
    def recall(self) -> float:
        """Share of the hand-marked words the draft proposes."""
        return len(self.found) / len(self.hand)

    @property
    def precision(self) -> float:
        """Share of the proposals that are hand-marked words."""
        return (len(self.proposals) - len(self.unmarked)) / max(1, len(self.proposals))


def _keys(proposal: DraftProposal) -> set[str]:
    return {key.casefold() for key in (proposal.entry.term, *proposal.entry.forms)}


def measure(level: str = "B1") -> list[Quality]:
    """The draft of every hand-marked text at ``level``, compared with the hand list."""
    hand_marked = yaml.safe_load(HAND_MARKED.read_text(encoding="utf-8"))
    lookup = WordLookup.create(load_glossaries())
    results = []
    try:
        for name, hand in hand_marked.items():
            document = load_document(REAL / name)
            proposals = draft_proposals(document, lookup, level)
            keys = [_keys(proposal) for proposal in proposals]
            found = tuple(h for h in hand if any(h.casefold() in k for k in keys))
            missed = tuple(h for h in hand if h not in found)
            hand_keys = {h.casefold() for h in hand}
            unmarked = tuple(
                p.entry.term for p, k in zip(proposals, keys, strict=True) if not k & hand_keys
            )
            results.append(Quality(name, tuple(hand), proposals, found, missed, unmarked))
    finally:
        lookup.close()
    return results
