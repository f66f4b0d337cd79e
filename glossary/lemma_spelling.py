"""Spelling rules for lemmas: acronyms, HanTa's slips of spelling, a participle's infinitives.

:mod:`glossary.lemmas` checks HanTa's lemmas against a lexicon; the string rules it needs on
the way are here, free of the tagger and the dictionary: acronyms, HanTa's slips of spelling,
the infinitives a participle may have, and adjectives of places.
"""

from __future__ import annotations

import re

# HanTa lemmatises "User*innen" to "User*inn"; the singular ends in "*in".
GENDER_STAR_PLURAL = re.compile(r"([*:_]in|In)nen$")


def is_acronym(word: str) -> bool:
    """EU, SPD, NATO, SPDler: a word that begins with two capitals."""
    return len(word) >= 2 and word[:2].isupper() and word[:2].isalpha()


def tidy(word: str, lemma: str) -> str:
    """Undo HanTa's slips of spelling: the gender star's "*inn", lower case after a hyphen."""
    if GENDER_STAR_PLURAL.search(word) and lemma.endswith("inn"):
        lemma = lemma[:-1]
    if "-" in word and "-" in lemma:
        written = word.split("-")
        parts = lemma.split("-")
        if len(written) == len(parts):
            parts = [
                part[:1].upper() + part[1:] if mine[:1].isupper() and index else part
                for index, (mine, part) in enumerate(zip(written, parts, strict=True))
            ]
            lemma = "-".join(parts)
    return lemma


def verb_candidates(lemma: str) -> list[str]:
    """Infinitives a participle or verb stem may belong to (erörtert → erörtern)."""
    stems = [lemma]
    if lemma.endswith("t"):
        stems.append(lemma[:-1])
        if lemma.endswith("et"):
            stems.append(lemma[:-2])
    candidates: list[str] = []
    for stem in stems:
        candidates.extend((stem + "n", stem + "en"))
    return [candidate for candidate in candidates if candidate != lemma]


def place_adjective(word: str, lemma: str, pos: str) -> str | None:
    """ "Brandenburger Kiefern": an adjective of a place keeps its capital (HanTa writes
    "brandenburger"), or None for any other word."""
    if pos.startswith("ADJ") and word[:1].isupper() and word.endswith("er"):
        return word if lemma.casefold() == word.casefold() else None
    return None
