"""What a lookup answers: the result of one word's lookup, and the result as JSON data.

:class:`LookupResult` crosses from the lookup (:mod:`glossary.lookup`) to the CLI, the
reading view and the study sheets; its properties say a word's grammar the one way all of
them show it.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass
from typing import Literal

from glossary.ding import DingSense
from glossary.phrases import PhraseMatch
from glossary.schema import GlossaryEntry

FoundBy = Literal[
    "as written",
    "lower case",
    "lemma",
    "separable verb",
    "in today's spelling",
    "written together",
    "compound",
    "nothing",
]
STTS_NAMES = {
    "NN": "noun",
    "NE": "name",
    "ADJ": "adjective",
    "ADV": "adverb",
    "VV": "verb",
    "VA": "auxiliary verb",
    "VM": "modal verb",
    "APPR": "preposition",
    "APPRART": "preposition + article",
    "ART": "article",
    "KO": "conjunction",
    "PTKVZ": "verb particle",
    "PTK": "particle",
    "PP": "pronoun",
    "PD": "pronoun",
    "PI": "pronoun",
    "PR": "pronoun",
    "PW": "pronoun",
    "CARD": "number",
}


GENDER_ARTICLES = {"m": "der", "f": "die", "n": "das"}
"""The definite article of each gender."""


@dataclass(frozen=True)
class PartGloss:
    """One part of a compound with what the glossary and the dictionary say about it."""

    part: str
    """The part, capitalised as a noun where it is one (Eisenbahn)."""
    senses: tuple[DingSense, ...]
    """Its best dictionary senses."""
    glossary: tuple[GlossaryEntry, ...]
    """Glossary entries for it."""


@dataclass(frozen=True)
class LookupResult:
    """Everything known about one word of a text."""

    word: str
    """The word as it was looked up."""
    lemma: str
    """HanTa's lemma (in context when a sentence was given)."""
    tag: str
    """HanTa's part-of-speech tag (STTS, such as NN or VV(FIN))."""
    glossary: tuple[GlossaryEntry, ...]
    """Glossary entries for the word, curated ones before the reader's."""
    senses: tuple[DingSense, ...]
    """The best dictionary senses."""
    found_by: FoundBy
    """Which step of the lookup found the dictionary senses."""
    separable_verb: str | None
    """The joined separable verb this word belongs to in its sentence (ausfallen), if any."""
    compound_parts: tuple[PartGloss, ...]
    """For a compound, each part with its own gloss; empty otherwise."""
    notes: tuple[str, ...]
    """Remarks such as "dictionary not installed: ..."."""
    phrases: tuple[PhraseMatch, ...] = ()
    """Dictionary phrases of the sentence the word belongs to, the most specific first."""
    english: str | None = None
    """The sentence's English translation the senses were ranked by, if one was given."""

    @property
    def part_of_speech(self) -> str:
        """A readable part of speech, from the glossary, the dictionary or HanTa's tag."""
        if self.glossary:
            return self.glossary[0].kind
        for sense in self.senses:
            if sense.part_of_speech:
                return sense.part_of_speech
        for prefix, name in STTS_NAMES.items():
            if self.tag.startswith(prefix):
                return name
        return ""

    @property
    def gender(self) -> str | None:
        """m, f or n for a noun, from the glossary or the dictionary."""
        for entry in self.glossary:
            if entry.gender:
                return entry.gender
        if not self.part_of_speech.startswith("noun"):
            return None  # "hinzufügen" is no neuter because "das Hinzufügen" is
        for sense in self.senses:
            if sense.gender:
                return sense.gender
        return None

    @property
    def plural(self) -> str | None:
        """A noun's plural, from the glossary or the dictionary."""
        for entry in self.glossary:
            if entry.plural:
                return entry.plural
        if self.found_by == "compound":
            return None  # the head's plural ("Partisanen") is not the compound's
        for sense in self.senses:
            if sense.plural:
                return sense.plural
        return None

    @property
    def grammar(self) -> tuple[str, ...]:
        """Part of speech, article and plural, as shown to the reader ("noun", "der", ...)."""
        grammar = [self.part_of_speech] if self.part_of_speech else []
        if self.gender:
            grammar.append(GENDER_ARTICLES.get(self.gender, self.gender))
        if self.plural:
            grammar.append(f"plural {self.plural}")
        return tuple(grammar)

    @property
    def found(self) -> bool:
        """Whether anything at all was found."""
        return bool(self.glossary or self.senses or self.compound_parts or self.phrases)


def entry_to_json(entry: GlossaryEntry) -> dict[str, object]:
    """An entry as JSON-ready data (every field, parts as {part, meaning})."""
    data = asdict(entry)
    data["renderings"] = list(entry.renderings)
    return data


def sense_to_json(sense: DingSense) -> dict[str, object]:
    """A dictionary sense as JSON-ready data, with its part of speech and gender."""
    data: dict[str, object] = asdict(sense)
    data["part_of_speech"] = sense.part_of_speech
    data["gender"] = sense.gender
    return data


def result_to_json(result: LookupResult) -> dict[str, object]:
    """A lookup result as JSON-ready data."""
    return {
        "word": result.word,
        "lemma": result.lemma,
        "tag": result.tag,
        "part_of_speech": result.part_of_speech,
        "gender": result.gender,
        "plural": result.plural,
        "glossary": [entry_to_json(entry) for entry in result.glossary],
        "found_by": result.found_by,
        "senses": [sense_to_json(sense) for sense in result.senses],
        "separable_verb": result.separable_verb,
        "compound_parts": [
            {
                "part": part.part,
                "senses": [sense_to_json(sense) for sense in part.senses],
                "glossary": [entry.term for entry in part.glossary],
            }
            for part in result.compound_parts
        ],
        "notes": list(result.notes),
        "phrases": [phrase_to_json(phrase) for phrase in result.phrases],
        "english": result.english,
    }


def phrase_to_json(phrase: PhraseMatch) -> dict[str, object]:
    """A phrase found in the sentence as JSON-ready data."""
    return {
        "phrase": phrase.phrase,
        "english": phrase.english,
        "token_indexes": list(phrase.token_indexes),
        "source": phrase.source,
        "lines": list(phrase.lines),
    }
