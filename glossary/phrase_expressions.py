"""Fixed expressions without a verb found word for word in a sentence (``unter anderem``).

:mod:`glossary.phrases` finds every dictionary phrase of a sentence; the expressions among
them (see :func:`glossary.ding_phrases.expression_slots`) are matched here: word for word,
without a gap, a contraction read as its two words (``im Vorfeld`` = ``in dem Vorfeld``),
and tried only where their first two words stand.
"""

from __future__ import annotations

from collections.abc import Sequence

from glossary.ding_phrases import EXPANDED, Slot
from glossary.lemmas import TaggedToken

CONTENT_TAGS = ("N", "V", "ADJ", "ADV")
Unit = tuple[int, frozenset[str], bool, frozenset[str]]
"""A token's index, the forms it fills a slot with, whether it is a noun, and the forms it fills
only an expression's last slot with (an attributive adjective's lemma)."""
ATTRIBUTIVE = ("ADJ(A)", "ADJA")
NONE: frozenset[str] = frozenset()


def sentence_units(tagged: Sequence[TaggedToken]) -> list[Unit]:
    """The sentence word for word as fixed expressions are matched: (token, forms) pairs, a
    contraction read as two words (``im`` → ``in``, ``dem``), and whether it is a noun."""
    units: list[Unit] = []
    for index, token in enumerate(tagged):
        folded = token.text.casefold()
        if folded in EXPANDED:
            units.extend((index, frozenset({word}), False, NONE) for word in EXPANDED[folded])
            continue
        # Function words as written: "dessen" (lemma "der") is no "der" in "auf der Höhe";
        # nouns too, their case is fixed by the expression ("im Stande" is no "im Stand").
        # An attributive adjective's ending is the expression's only at its end ("groß
        # angelegte", "zugrunde liegenden"): "das ganze schöne Geschlecht" holds no "ganz
        # schön" (pretty).
        pos = token.pos
        content = pos.startswith(CONTENT_TAGS) and not pos.startswith(("N", *ATTRIBUTIVE))
        words = {folded, token.lemma.casefold()} if content else {folded}
        last_only = frozenset({token.lemma.casefold()}) if pos.startswith(ATTRIBUTIVE) else NONE
        units.append((index, frozenset(words), pos.startswith("N"), last_only))
    return units


def unit_bigrams(units: list[Unit]) -> dict[str, list[int]]:
    """The keys fixed expressions are found by: every two words that follow each other, with
    the units they start at (so an expression is only tried where its first words stand)."""
    starts: dict[str, list[int]] = {}
    for start, (first_unit, second_unit) in enumerate(zip(units, units[1:], strict=False)):
        for first in first_unit[1]:
            for second in second_unit[1] | second_unit[3]:
                starts.setdefault(f"{first} {second}", []).append(start)
    return starts


def match_sequence(
    slots: tuple[Slot, ...], units: list[Unit], bigrams: dict[str, list[int]]
) -> tuple[int, ...] | None:
    """The tokens holding a fixed expression word for word, without a gap, or None."""
    width = len(slots)
    starts = {
        start
        for first in slots[0].forms
        for second in slots[1].forms
        for start in bigrams.get(f"{first} {second}", ())
    }
    for start in sorted(starts):
        if start + width <= len(units) and all(
            _fills(slot, units[start + offset], offset == width - 1)
            for offset, slot in enumerate(slots)
        ):
            return tuple(sorted({units[start + offset][0] for offset in range(width)}))
    return None


def _fills(slot: Slot, unit: Unit, last: bool) -> bool:
    forms = unit[1] | unit[3] if last else unit[1]
    return any(form in forms for form in slot.forms) and (slot.kind != "seq-noun" or unit[2])
