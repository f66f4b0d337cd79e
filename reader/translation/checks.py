"""Checks on a machine translation that tell the reader where to read the German closely.

Two rules, both documented in the README:

- ``short`` (dropped text): the German sentence has at least ``MIN_WORDS_FOR_RATIO`` words and
  the English has fewer than ``MIN_LENGTH_RATIO`` times as many letters and digits; or the
  English is empty while the German has a word. English usually runs 0.8 to 1.1 times the
  German's length, so half is far outside normal variation.
- ``untranslated: WORD``: a German word of at least ``MIN_COPIED_LENGTH`` letters appears
  unchanged in the English. Numbers are ignored, and so are names: words in ``names``, and
  capitalised words without any sign of being a German common noun (an umlaut or ß, or a
  typical noun ending such as -ung, -heit, -keit, -schaft). Words that are also everyday
  English (``also``, ``will``, ``hand``...) are ignored.

Both work on the plain sentence strings the store keys by, with a simple word pattern: they
compare words, they do not segment text.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass
from typing import Literal

MIN_WORDS_FOR_RATIO = 6
MIN_LENGTH_RATIO = 0.5
MIN_COPIED_LENGTH = 4

WORD = re.compile(r"[^\W\d_]+(?:[-'’][^\W\d_]+)*")
GERMAN_NOUN_ENDINGS = (
    "ung", "ungen", "heit", "heiten", "keit", "keiten", "schaft", "schaften", "nis",
    "nisse", "tum", "chen", "lein", "ismus", "vertrag", "krieg", "chef",
)  # fmt: skip
SHARED_WITH_ENGLISH = frozenset(
    "also bin hand handel hat kind land man mist rat rock so will was wind gift art arm".split()
    + "butter film finger hotel minister name park plan radio sport star taxi team".split()
    + "union krise partisan partisanen regime modern".split()
)


def _letters(text: str) -> int:
    return sum(character.isalnum() for character in text)


def is_suspiciously_short(german: str, english: str) -> bool:
    """Whether the English looks as if it dropped part of the German sentence."""
    german_words = WORD.findall(german)
    if not german_words:
        return False
    if not english.strip():
        return True
    if len(german_words) < MIN_WORDS_FOR_RATIO:
        return False
    return _letters(english) < MIN_LENGTH_RATIO * _letters(german)


def _looks_like_name(word: str) -> bool:
    if not word[0].isupper():
        return False
    lowered = word.lower()
    if any(character in lowered for character in "äöüß"):
        return False
    return not lowered.endswith(GERMAN_NOUN_ENDINGS)


def untranslated_words(german: str, english: str, names: Collection[str] = ()) -> tuple[str, ...]:
    """German words copied unchanged into the English, other than names and shared words."""
    english_words = set(WORD.findall(english))
    copied: dict[str, None] = {}
    for word in WORD.findall(german):
        if (
            len(word) >= MIN_COPIED_LENGTH
            and word in english_words
            and word not in names
            and word.lower() not in SHARED_WITH_ENGLISH
            and not _looks_like_name(word)
        ):
            copied.setdefault(word, None)
    return tuple(copied)


@dataclass(frozen=True)
class CheckFinding:
    """One finding of the checks on a machine-translated sentence."""

    kind: Literal["short", "untranslated"]
    """Dropped text, or a German word left in the English."""
    word: str = ""
    """The German word left in the English (``untranslated`` only)."""

    @property
    def flag(self) -> str:
        """The finding as the store keeps it: ``short`` or ``untranslated: WORD``."""
        return f"untranslated: {self.word}" if self.kind == "untranslated" else self.kind


def check_translation(
    german: str, english: str, names: Collection[str] = ()
) -> tuple[CheckFinding, ...]:
    """The findings for one machine-translated sentence, dropped text first."""
    findings = [CheckFinding("short")] if is_suspiciously_short(german, english) else []
    findings += [
        CheckFinding("untranslated", word) for word in untranslated_words(german, english, names)
    ]
    return tuple(findings)


def translation_flags(german: str, english: str, names: Collection[str] = ()) -> tuple[str, ...]:
    """The flags for one machine-translated sentence: ``short``, ``untranslated: WORD``."""
    return tuple(finding.flag for finding in check_translation(german, english, names))
