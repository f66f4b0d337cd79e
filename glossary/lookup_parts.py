"""The parts of a compound or a particle verb the dictionary lacks, each with its gloss.

A compound (Eisenbahnbrücke) is split with the dictionary's own headwords
(:mod:`glossary.compounds`), HanTa's morphemes only where that finds nothing and every part is
known; a particle verb missing from the dictionary (dasitzen) is shown as its particle and its
base verb. Each part is glossed with its most common sense (:func:`most_common_first`), not
the dictionary's first line, which may be a rare one. Splits are kept per word: the cursor
meets the same words again and again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence
from functools import lru_cache

from glossary.compounds import split_compound, split_particle_verb
from glossary.ding import DingDictionary, DingSense, lookup_key_cased, split_synonyms
from glossary.ding_parse import shares_stem
from glossary.lemmas import analyze_compound
from glossary.lookup_result import PartGloss
from glossary.ranking import rank_senses
from glossary.schema import GlossaryEntry

# Senses gathered per step before they are ranked for the sentence.
CANDIDATE_LIMIT = 40
PART_SENSE_LIMIT = 2
# Parts of speech a compound's part may have (not prepositions: "Vorsicht" is no "vor").
CONTENT_KINDS = frozenset({"noun", "adjective", "verb"})
# Morpheme tags that are a compound's lexical parts (HanTa taglevel 3), not links or endings.
LEXICAL_MORPHEME_PREFIXES = ("NN", "NE", "ADJ", "VV", "ADV", "CARD")


class CompoundParts:
    """Splits words into glossed parts with one dictionary; safe to share between threads."""

    def __init__(
        self,
        dictionary: DingDictionary,
        glossary_entries: Callable[[str], tuple[GlossaryEntry, ...]],
    ) -> None:
        self.dictionary = dictionary
        self._glossary_entries = glossary_entries
        self._known_parts = lru_cache(maxsize=16384)(self._lookup_known_part)
        self._parts_cache = lru_cache(maxsize=16384)(self._split_parts)

    def compound(self, word: str) -> tuple[PartGloss, ...]:
        """Each part of a compound with its gloss, kept per word (the cursor meets a word again
        and again); empty for a simple word."""
        return self._parts_cache(word)

    def _split_parts(self, word: str) -> tuple[PartGloss, ...]:
        """Each part of a compound with its gloss; empty for a simple word.

        Split with the dictionary's own headwords (:mod:`glossary.compounds`); HanTa's
        morphemes only when that finds nothing, and then only if every part is known.
        """
        is_known = bool(self.dictionary.senses(word, 1, exact_case=True))
        split = split_compound(word, self._known_part, is_known)
        if split:
            names = [part.headword for part in split]
        elif is_known:
            return ()
        else:
            names = self._hanta_parts(word)
        glosses = []
        for name in names:
            senses = self.dictionary.senses(name, CANDIDATE_LIMIT, exact_case=True)
            senses = senses or self.dictionary.senses(name, CANDIDATE_LIMIT)
            senses = most_common_first(senses, name)[:PART_SENSE_LIMIT]
            entries = self._glossary_entries(name)
            if not senses and not entries:
                return ()  # a part nobody knows ("droh") is no part
            glosses.append(PartGloss(part=name, senses=senses, glossary=entries))
        return tuple(glosses) if len(glosses) >= 2 else ()

    def particle_verb(self, verb: str) -> tuple[PartGloss, ...]:
        """A particle verb the dictionary lacks as particle and base verb (dasitzen: sitzen)."""
        split = split_particle_verb(verb, self._is_verb)
        if split is None:
            return ()
        particle, base = split
        # A particle is an adverb in the verb ("da" in dasitzen: there), not a conjunction.
        particle_senses = rank_senses(
            self.dictionary.senses(particle, CANDIDATE_LIMIT, True), particle, "ADV"
        )
        return (
            PartGloss(particle, particle_senses[:PART_SENSE_LIMIT], ()),
            PartGloss(base, self.dictionary.senses(base, PART_SENSE_LIMIT, True), ()),
        )

    def _is_verb(self, text: str) -> bool:
        senses = self.dictionary.senses(text, 3, exact_case=True)
        return any(sense.part_of_speech == "verb" for sense in senses)

    def _known_part(self, text: str) -> str | None:
        """The headword a candidate compound part stands for, or None (see compounds.Known)."""
        return self._known_parts(text)

    def _lookup_known_part(self, text: str) -> str | None:
        for sense in self.dictionary.senses(text, 3, exact_case=True):
            kind = sense.part_of_speech
            if kind.startswith("noun (plural)"):
                singular = _singular_of(sense, text)
                if singular:
                    return singular
            elif kind in CONTENT_KINDS:
                return text
        return None

    def _hanta_parts(self, word: str) -> list[str]:
        """The lexical morphemes HanTa finds, neighbours the dictionary knows as one joined."""
        _, morphemes, _ = analyze_compound(word)
        parts = [(m, t) for m, t in morphemes if t.startswith(LEXICAL_MORPHEME_PREFIXES)]
        if len(parts) < 2:
            return []
        merged: list[tuple[str, str]] = [parts[0]]
        for morpheme, morpheme_tag in parts[1:]:
            previous, previous_tag = merged[-1]
            if self.dictionary.contains(previous + morpheme):
                merged[-1] = (previous + morpheme, previous_tag)
            else:
                merged.append((morpheme, morpheme_tag))
        return [m.capitalize() if t.startswith("NN") else m for m, t in merged]


# Words of an English gloss that say nothing of its frequency (to threaten sb. with sth.).
GLOSS_FILLERS = frozenset(
    {"to", "sb.", "sth.", "sb.'s", "sb.’s", "one's", "one’s", "a", "an", "the"}
)
# Brackets of an English gloss: notes, regions and abbreviations, not the gloss itself.
GLOSS_NOTES = re.compile(r"\([^)]*\)|\[[^\]]*\]|\{[^}]*\}|/[^/]*/")
# A German sub-entry marked as the word's sense in compounds (Bund [in Zusammensetzungen]).
IN_COMPOUNDS = "[in Zusammensetzungen]"
# Zipf points a sense loses where the word is not its line's own headword: a tenfold more
# common English ("Kopf; Haupt :: head" over "Haupt :: pilot") still wins over the first.
NOT_FIRST_SYNONYM = 0.9
IN_SUB_ENTRY = 2.0


def most_common_first(senses: Sequence[DingSense], word: str) -> tuple[DingSense, ...]:
    """``senses`` of ``word`` with its most common sense first, for a compound's part.

    A part stands for its everyday meaning, and the dictionary's first line may be a rare
    sense ("Haupt {n} :: pilot", "Anwalt {m} :: procurator"). First a sense Ding marks as the
    one in compounds ("Bund {m} [in Zusammensetzungen]"); then the lines of the word's own
    headword (the word their first synonym) in the dictionary's order, unless another line's
    English (wordfreq's Zipf frequency, less :data:`NOT_FIRST_SYNONYM`, or
    :data:`IN_SUB_ENTRY` where the word is only in a sub-entry phrase) is more common than
    the first of them. Among its own lines the dictionary's order is kept: their English
    may be a common homograph ("Muff; muffiger Geruch :: must" after "Muff :: muff").
    """
    own = [
        sense.german == sense.headword
        and lookup_key_cased(split_synonyms(sense.headword)[0]) == word
        for sense in senses
    ]
    first_own = next((s for s, is_own in zip(senses, own, strict=True) if is_own), None)
    own_score = english_frequency(first_own.english) if first_own is not None else 0.0

    def key(index: int) -> tuple[bool, float, int]:
        sense = senses[index]
        if own[index]:
            score = own_score
        else:
            score = english_frequency(sense.english) - (
                IN_SUB_ENTRY if sense.german != sense.headword else NOT_FIRST_SYNONYM
            )
        return (IN_COMPOUNDS not in sense.german, -score, index)

    return tuple(senses[index] for index in sorted(range(len(senses)), key=key))


@lru_cache(maxsize=16384)
def english_frequency(english: str) -> float:
    """The Zipf frequency of the most frequent synonym of a Ding English sub-entry."""
    from wordfreq import zipf_frequency  # its table loads on first use, not at import

    best = 0.0
    for synonym in GLOSS_NOTES.sub(" ", english).split(";"):
        words = [w for w in synonym.split() if w not in GLOSS_FILLERS]
        if words:
            best = max(best, zipf_frequency(" ".join(words), "en"))
    return best


def _singular_of(sense: DingSense, plural: str) -> str | None:
    """The singular headword a plural sense belongs to (Partisanen → Partisan)."""
    for synonym in split_synonyms(sense.headword):
        singular = lookup_key_cased(synonym)
        if " " not in singular and shares_stem(singular, plural):
            return singular
    return None


def written_together(*words: str) -> list[str]:
    """Hyphenated words written as one ("Mandel-Stifte" → "Mandelstifte"), as the dictionary
    has many compounds that texts hyphenate; words without a hyphen give nothing."""
    joined = []
    for word in words:
        parts = word.split("-")
        if len(parts) > 1 and all(part.isalpha() for part in parts):
            joined.append(parts[0] + "".join(part.lower() for part in parts[1:]))
    return list(dict.fromkeys(joined))
