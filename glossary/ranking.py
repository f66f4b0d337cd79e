"""Ranking a word's dictionary senses for the sentence it stands in.

Order: a sense whose English occurs in the sentence's English translation (machine, edited
or reference) comes first and is marked; then senses of the part of speech the tagger gives
the word (a verb for a participle used verbally, the preposition for "in"); then senses whose
German sub-entry shares words with the sentence ("unter Druck stehen" for a sentence with
"stehen"); then the dictionary's own order.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import replace
from functools import lru_cache

from glossary.ding_index import DingSense
from glossary.ding_parse import lookup_key

# STTS tag prefixes (HanTa writes "VV(PP)", "ADJ(A)") → the Ding markers of that family.
TAG_MARKERS: tuple[tuple[str, frozenset[str]], ...] = (
    ("NN", frozenset({"m", "f", "n", "pl"})),
    ("NE", frozenset({"m", "f", "n", "pl"})),
    ("VV", frozenset({"vt", "vi", "vr", "v"})),
    ("VA", frozenset({"vt", "vi", "vr", "v", "vaux"})),
    ("VM", frozenset({"vt", "vi", "vr", "v", "vmod"})),
    # An adjective used as an adverb ("anschließend formen", "ursprünglich geplant"): HanTa
    # tags it ADJD, and the dictionary may give that use as an adverb.
    ("ADJ(D)", frozenset({"adj", "adv"})),
    ("ADJD", frozenset({"adj", "adv"})),
    ("ADJ", frozenset({"adj"})),
    ("ADV", frozenset({"adv"})),
    ("PAV", frozenset({"adv"})),
    ("APP", frozenset({"prp"})),
    ("KO", frozenset({"conj"})),
    ("ART", frozenset({"art"})),
    ("CARD", frozenset({"num"})),
    ("ITJ", frozenset({"interj"})),
    ("P", frozenset({"pron"})),
)
# Parts of an English gloss that say nothing about the sense.
GLOSS_NOISE = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|\b(?:sb|sth)\b\.?|\bto\b|/\w+/")
MIN_ENGLISH_LENGTH = 3
GERMAN_FUNCTION_WORDS = frozenset(
    "der die das den dem des ein eine einen einem einer eines und oder zu in an auf mit von"
    " für bei aus nach sich etw jdn jdm jds jd nicht es".split()
)


def markers_for_tag(tag: str) -> frozenset[str]:
    """The Ding markers of the part of speech an STTS tag names (empty when unknown)."""
    for prefix, markers in TAG_MARKERS:
        if tag.startswith(prefix):
            return markers
    return frozenset()


def of_another_kind(tag: str, senses: Iterable[DingSense]) -> bool:
    """Whether the tagger names a part of speech none of ``senses`` has (a preposition
    "Dank" whose senses are all the noun's)."""
    wanted = markers_for_tag(tag)
    return bool(wanted) and not any(wanted.intersection(sense.markers) for sense in senses)


@lru_cache(maxsize=16384)
def _english_patterns(english: str) -> tuple[re.Pattern[str], ...]:
    """Regular expressions for each alternative of an English gloss, inflection allowed."""
    patterns = []
    for alternative in re.split(r"[;,/]", GLOSS_NOISE.sub(" ", english)):
        words = re.findall(r"[A-Za-z]+(?:'[a-z]+)?", alternative)
        if not words or sum(len(word) for word in words) < MIN_ENGLISH_LENGTH:
            continue
        parts = []
        for word in words:
            base = word.casefold()
            # refuse → refus(e|ed|es|ing); carry → carr(y|ied|ies)
            if len(base) > 3 and base.endswith("e"):
                base = base[:-1]
            elif len(base) > 3 and base.endswith("y"):
                base = base[:-1]
            parts.append(re.escape(base) + r"[a-z]{0,4}")
        patterns.append(re.compile(r"\b" + r"\s+".join(parts) + r"\b"))
    return tuple(patterns)


def english_in(english: str, translation: str) -> bool:
    """Whether one alternative of a gloss occurs in an English sentence (any inflection)."""
    folded = translation.casefold()
    return any(pattern.search(folded) for pattern in _english_patterns(english))


def _shared_words(sense: DingSense, word: str, context: frozenset[str]) -> int:
    words = set(lookup_key(sense.german).replace(";", " ").split())
    words -= GERMAN_FUNCTION_WORDS | {word.casefold()}
    return len(words & context)


def rank_senses(
    senses: Sequence[DingSense],
    word: str,
    tag: str = "",
    context_words: Iterable[str] = (),
    english: str | None = None,
) -> tuple[DingSense, ...]:
    """``senses`` in the order described above, those found in ``english`` marked."""
    wanted = markers_for_tag(tag)
    context = frozenset(w.casefold() for w in context_words)
    ranked = []
    for order, sense in enumerate(senses):
        found = bool(english) and english_in(sense.english, english or "")
        if found:
            sense = replace(sense, in_translation=True)
        same_kind = bool(wanted.intersection(sense.markers))
        shared = _shared_words(sense, word, context) if context else 0
        ranked.append(((not found, bool(wanted) and not same_kind, -shared, order), sense))
    ranked.sort(key=lambda pair: pair[0])
    return tuple(sense for _, sense in ranked)
