"""Glossary-guided choice among the model's n best translations of one sentence.

Where a German sentence contains glossary terms, the model is asked for its n best
translations and the best-scored one that uses more of the glossary's renderings is preferred,
provided its score is within :data:`SCORE_MARGIN` of the model's first choice. The result is
labelled ``glossary-guided`` and keeps the model's first choice, so the reader can go back to it
(``TranslationStore.save_guided`` stores both; the reading view's ``F`` switches between them).
Nothing is rewritten: every candidate is a complete model output.

Scores are CTranslate2's hypothesis scores (log-probabilities, normalised by length with
Argos's ``length_penalty`` 0.2): 0 is certain, more negative is less likely. A margin of 1.0
accepts a candidate the model finds at most e¹ ≈ 2.7 times less likely than its first choice.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

GUIDED_LABEL = "glossary-guided"
"""The label of an English that the glossary chose among the model's n best."""
FIRST_CHOICE_LABEL = "model's first choice"
"""The label of the model's own first choice where a glossary-guided one is stored beside it."""
SCORE_MARGIN = 1.0
"""How far (in log-probability) below the model's first choice a guided choice may score."""
HYPOTHESES = 5
"""How many hypotheses the model is asked for when a sentence holds glossary terms."""


@dataclass(frozen=True)
class GuidedChoice:
    """The English chosen for one sentence, and what the model itself preferred."""

    english: str
    """The chosen translation."""
    model_first: str
    """The model's own first choice (the same as ``english`` unless ``guided``)."""
    guided: bool
    """Whether the glossary changed the choice."""
    missing: int
    """Glossary terms whose rendering the chosen English still lacks."""
    score_loss: float
    """How much lower the chosen hypothesis scored than the first (0 when not guided)."""

    @property
    def label(self) -> str:
        """``glossary-guided`` or empty."""
        return GUIDED_LABEL if self.guided else ""


def choose(
    hypotheses: Sequence[tuple[str, float]],
    missing: Callable[[str], int],
    margin: float = SCORE_MARGIN,
) -> GuidedChoice:
    """Choose among (English, score) hypotheses, best first, by glossary terms then score.

    ``missing`` counts the glossary terms whose renderings a hypothesis lacks. A hypothesis
    replaces the first only if it lacks fewer terms and scores within ``margin`` of it; among
    several such, the one lacking fewest wins, then the higher score (the earlier one).
    """
    if not hypotheses:
        raise ValueError("no hypotheses to choose from")
    first_text, first_score = hypotheses[0]
    first_missing = missing(first_text)
    best = (first_missing, 0, first_text, first_score)
    if first_missing:
        for position, (text, score) in enumerate(hypotheses[1:], start=1):
            if first_score - score > margin:
                continue
            candidate = (missing(text), position, text, score)
            if candidate[:2] < best[:2]:
                best = candidate
    lacking, _, text, score = best
    guided = text != first_text and lacking < first_missing
    return GuidedChoice(
        english=text if guided else first_text,
        model_first=first_text,
        guided=guided,
        missing=lacking if guided else first_missing,
        score_loss=(first_score - score) if guided else 0.0,
    )


def glossary_counter(matches: Sequence[object]) -> Callable[[str], int]:
    """A ``missing`` function for :func:`choose` from a sentence's glossary matches."""
    from glossary.checking import missing_renderings

    def count(english: str) -> int:
        return len(missing_renderings(matches, english))  # type: ignore[arg-type]

    return count


def guide_sentences(
    engine: Any, sentences: Sequence[Any], glossary: Any = None
) -> dict[str, GuidedChoice]:
    """The glossary-guided choice for each sentence (by text) that holds glossary terms.

    ``engine`` is a ``TranslationEngine``; ``sentences`` are ``reader.core.text.Sentence``; the
    n-best lists of all of them come from one batched call.
    """
    from glossary import load_glossaries
    from glossary.matching import GlossaryMatcher

    matcher = GlossaryMatcher(glossary if glossary is not None else load_glossaries())
    with_terms = [(s, m) for s in sentences if (m := matcher.matches(s))]
    if not with_terms:
        return {}
    inputs = [" ".join(sentence.text.split()) for sentence, _ in with_terms]
    nbest = engine.scored(inputs, HYPOTHESES)
    return {
        sentence.text: choose(hypotheses, glossary_counter(matches), SCORE_MARGIN)
        for (sentence, matches), hypotheses in zip(with_terms, nbest, strict=True)
    }
