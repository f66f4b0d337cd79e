"""Choosing among the phrases found in a sentence, and how their English is shown.

:mod:`glossary.phrases` finds every dictionary phrase whose words stand in a clause; here
the finds are pruned (a phrase without a noun inside a longer one, a single sense the
dictionary restricts to a use no tag can check), the wording shown is chosen, and the
English renderings are ordered plain ones first.
"""

from __future__ import annotations

from glossary.ding_index import DingPhrase
from glossary.ding_parse import is_placeholder
from glossary.ding_phrases import has_noun, normalise_word

REGISTER_MARKERS = (
    *("[fig.]", "[humor.]", "[coll.]", "[slang]", "[pej.]", "[vulg.]", "[poet.]", "[euphem.]"),
    *("[archaic]", "[obs.]", "[dated]", "[rare]", "[Am.]", "[Br.]", "[Sc.]", "[Austr.]"),
)
Key = tuple[tuple[str, ...], tuple[int, ...], str]
"""Slot kinds, token indexes and article kind: variants with the same key are one phrase."""
Value = tuple[tuple[int, bool, int], list[DingPhrase]]
Found = tuple[Key, Value]


def fit(text: str, sentence_words: set[str]) -> tuple[int, int]:
    """How well a variant's wording fits the sentence: its words there less those missing,
    then its length (placeholders tell the learner the valency: "jdn. unter Druck setzen")."""
    words = [normalise_word(word) for word in text.split() if not is_placeholder(word)]
    present = sum(word in sentence_words for word in words)
    return present - (len(words) - present), len(text)


def marked(english: str) -> bool:
    """Whether an English rendering is marked figurative, colloquial, old or rare ("to strike
    a blow for sb. [fig.]"): the plain renderings of a phrase are shown before it."""
    return any(marker in english for marker in REGISTER_MARKERS)


def renderings_of(english: str) -> list[str]:
    """The renderings of a dictionary English, split at "; " outside brackets."""
    parts, depth, start = [], 0, 0
    for index, char in enumerate(english):
        depth += char in "([{"
        depth -= char in ")]}"
        if char == ";" and depth <= 0 and english[index + 1 : index + 2] == " ":
            parts.append(english[start:index].strip())
            start = index + 2
    parts.append(english[start:].strip())
    return [part for part in parts if part]


def one_restricted_sense(phrases: list[DingPhrase]) -> bool:
    """Whether a phrase without a noun has a single sense, which the dictionary restricts to
    a kind of use no tag can check ("in etw. gehen (eine Veranstaltung besuchen)" is not "in
    Ruhestand gehen"). With several senses ("etw. tun/sein/haben sollen (Hörensagen)",
    "(Vorgabe, Erwartung)") the phrase is there and its senses are shown."""
    lines = {phrase.line for phrase in phrases}
    return (
        len(lines) == 1
        and all(phrase.restricted for phrase in phrases)
        and not has_noun(phrases[0].slots)
    )


def longest(ranked: list[Found]) -> list[Found]:
    """Without the phrases lacking a noun whose tokens lie within another match's ("ein
    wenig" inside "ein klein wenig"): where phrases overlap, the longest is meant."""
    kept = []
    for item in ranked:
        (_, indexes, _), (_, phrases) = item
        nounless = not has_noun(phrases[0].slots)
        inside = any(set(indexes) < set(other[0][1]) for other in ranked if other is not item)
        if not (nounless and inside):
            kept.append(item)
    return kept
