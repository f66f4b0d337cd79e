"""Checking an English translation against the glossary: is each term's rendering there?

For every glossary term found in a German sentence, the English sentence should contain one
of the term's English renderings (for names, places and organisations also their
``english_name``). A term none of whose renderings occurs is flagged, so the reader knows
where to compare the two sentences closely. The rule is fair to ordinary English:

- case, curly or straight quotes and apostrophes, hyphens and dashes are ignored
  ("rail-partisans" = "rail partisans"; "Russia’s" = "Russia's");
- words are compared whole, never inside another word ("war" is not found in "award");
- each word may carry a plural (-s, -es, -ies), a possessive ('s, s'), or a past or
  progressive ending (-d, -ed, -ied, -ing, with a doubled consonant: "planned");
- a rendering of several words also matches written as one ("air strike" = "airstrike") and
  a leading article of a rendering is optional ("the Kremlin" = "Kremlin's");
- text in brackets in a rendering or name is left out ("taz (die tageszeitung)" = "taz").

Grammar entries (the gender star) are never checked, nor terms whose renderings are empty
after that clean-up, nor a term found only inside a compound whose tokens another term
covers ("Angriff" in "Luftangriffe" when "Luftangriff" is found too). Each entry is checked
once per sentence.

The endings are hand-written rather than a stemmer (Snowball, NLTK): neither is a dependency,
and a stemmer conflates far more ("university" and "universe" share a stem); a lenient check
errs towards not flagging, so "news" may count as "new".
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache

from glossary.matching import TermMatch
from glossary.schema import NAME_KINDS, GlossaryEntry, GlossarySet

UNCHECKED_KINDS = frozenset({"grammar"})
LEADING_ARTICLES = frozenset({"the", "a", "an"})
# A stripped ending must leave a word of at least this length ("bed" is not "be" + d).
MIN_STEM_LENGTH = 3

# (ending, replacement): "treaties" → "treaty", "announced" → "announce", "held" stays.
INFLECTION_ENDINGS: tuple[tuple[str, str], ...] = (
    ("ies", "y"), ("ied", "y"), ("es", ""), ("s", ""), ("ed", ""), ("ed", "e"),
    ("d", ""), ("ing", ""), ("ing", "e"),
)  # fmt: skip

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "ʼ": "'", "`": "'", "´": "'"})
_BRACKETED = re.compile(r"\([^)]*\)|\[[^\]]*\]")
_WORD = re.compile(r"[^\W_]+(?:'[^\W_]+)*'?")
_VOWELS = frozenset("aeiou")


@dataclass(frozen=True)
class RenderingCheck:
    """A glossary term whose English rendering the translation of its sentence lacks."""

    match: TermMatch
    """Where the term was found in the German sentence."""
    expected: tuple[str, ...]
    """The renderings (and English name) any of which the English should contain."""


def words(text: str) -> tuple[str, ...]:
    """``text`` as lower-case words without quotes, hyphens, brackets or possessive endings."""
    text = _BRACKETED.sub(" ", text.translate(_APOSTROPHES)).casefold()
    found: list[str] = []
    for word in _WORD.findall(text):
        if word.endswith("'s"):
            word = word[:-2]
        word = word.strip("'")
        # What remains of an apostrophe ("charter'97", "don't") splits the word.
        found.extend(part for part in word.split("'") if part)
    return tuple(found)


@lru_cache(maxsize=16384)
def word_bases(word: str) -> frozenset[str]:
    """The bases ``word`` may be an inflection of (itself included): "treaties" → treaty."""
    bases = {word}
    for ending, replacement in INFLECTION_ENDINGS:
        if word.endswith(ending):
            base = word[: -len(ending)] + replacement
            if len(base) >= MIN_STEM_LENGTH:
                bases.add(base)
                # "planned" → "plann" → "plan"; "putting" → "putt" → "put".
                if ending in ("ed", "ing") and len(base) > 3 and base[-1] == base[-2]:
                    if base[-1] not in _VOWELS:
                        bases.add(base[:-1])
    return frozenset(bases)


def _same_word(english: str, rendering: str) -> bool:
    return english == rendering or bool(word_bases(english) & word_bases(rendering))


def _phrase_at(english: Sequence[str], start: int, phrase: Sequence[str]) -> bool:
    """Whether ``phrase`` occurs in ``english`` from ``start``, word for word or joined."""
    position = start
    for word in phrase:
        if position >= len(english):
            return False
        if _same_word(english[position], word):
            position += 1
        elif position + 1 < len(english) and _same_word(
            english[position] + english[position + 1], word
        ):
            # "airstrike" in the rendering, "air strike" in the English.
            position += 2
        else:
            return False
    return True


def contains_rendering(english_words: Sequence[str], rendering: str) -> bool:
    """Whether the English (as :func:`words`) contains ``rendering``, inflections allowed."""
    for phrase in _rendering_variants(rendering):
        if any(_phrase_at(english_words, start, phrase) for start in range(len(english_words))):
            return True
    return False


@lru_cache(maxsize=4096)
def _rendering_variants(rendering: str) -> tuple[tuple[str, ...], ...]:
    phrase = words(rendering)
    if not phrase:
        return ()
    variants = [phrase]
    if len(phrase) > 1 and phrase[0] in LEADING_ARTICLES:
        variants.append(phrase[1:])
    if len(phrase) > 1:
        # "air strike" in the rendering, "airstrike" in the English.
        variants.append(("".join(phrase),))
    return tuple(variants)


def expected_renderings(entry: GlossaryEntry) -> tuple[str, ...]:
    """What the English should contain for ``entry``: renderings, then a name's English name."""
    if entry.kind in UNCHECKED_KINDS:
        return ()
    candidates: Iterable[str] = entry.renderings
    if entry.kind in NAME_KINDS and entry.english_name:
        candidates = (*entry.renderings, entry.english_name)
    return tuple(dict.fromkeys(text for text in candidates if words(text)))


def missing_renderings(matches: Sequence[TermMatch], english: str) -> tuple[RenderingCheck, ...]:
    """The terms of one German sentence none of whose renderings appears in ``english``."""
    english_words = words(english)
    exact_tokens = {
        index for match in matches if match.how == "exact" for index in match.token_indexes
    }
    checks: list[RenderingCheck] = []
    seen: set[GlossaryEntry] = set()
    for match in matches:
        if match.entry in seen:
            continue
        if match.how == "compound" and set(match.token_indexes) <= exact_tokens:
            continue
        seen.add(match.entry)
        expected = expected_renderings(match.entry)
        if not expected:
            continue
        if not any(contains_rendering(english_words, rendering) for rendering in expected):
            checks.append(RenderingCheck(match, expected))
    return tuple(checks)


def glossary_names(glossary: GlossarySet) -> frozenset[str]:
    """German spellings of the glossary's names, places and organisations, and their words.

    For ``reader.translation.checks.untranslated_words(..., names=...)``, which compares
    single words: "Wladimir Putin" gives "Wladimir Putin", "Wladimir" and "Putin".
    """
    names: set[str] = set()
    for entry in glossary.entries:
        if entry.kind not in NAME_KINDS:
            continue
        for spelling in (entry.term, *entry.forms, entry.plural or ""):
            spelling = spelling.strip()
            if spelling:
                names.add(spelling)
                names.update(spelling.split())
    return frozenset(names)
