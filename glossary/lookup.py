"""Offline lookup of any word of a text: the glossary first, then the Ding dictionary.

The order follows what worked on the article (see the project's German NLP notes): the
curated glossary, the reader's own entries, Ding with the word as written, in lower case, as
HanTa's lemma, and finally each part of a compound with its own gloss. A verb whose particle
stands apart in the sentence ("fielen … aus") is looked up as the joined verb (ausfallen)
before its bare lemma, because "fallen" would mislead. Without the dictionary the lookup
still answers from the glossary and says how to add the dictionary.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from dataclasses import asdict, dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal

from glossary.compounds import split_compound, split_particle_verb
from glossary.ding import (
    DictionaryMissing,
    DingDictionary,
    DingSense,
    lookup_key_cased,
    split_synonyms,
)
from glossary.ding_parse import shares_stem
from glossary.lemmas import (
    TaggedToken,
    analyze_compound,
    open_dictionary,
    tag_sentence,
    word_lemma,
)
from glossary.matching import GlossaryMatcher, TermMatch
from glossary.old_spelling import has_old_letters, spelling_variants
from glossary.phrases import PhraseMatch, find_phrases, phrases_at
from glossary.ranking import english_in, rank_senses
from glossary.schema import GlossaryEntry, GlossarySet
from glossary.scope import order_by_scope
from glossary.sentence_senses import sub_entries_in_sentence
from reader.core.text import Sentence

FoundBy = Literal[
    "as written",
    "lower case",
    "lemma",
    "separable verb",
    "in today's spelling",
    "compound",
    "nothing",
]
SENSE_LIMIT = 6
# Senses gathered per step before they are ranked for the sentence.
CANDIDATE_LIMIT = 40
# Tags of a verb form whose lemma's senses are looked at even when the form is a headword
# itself (a participle used verbally: "gefangen" → fangen before the adjective).
VERBAL_TAGS = ("VV", "VA", "VM")
PART_SENSE_LIMIT = 2
# Respellings of an unknown word lemmatised again ("teuerste" → teuer), the likeliest first.
RELEMMATISED_VARIANTS = 2
# Parts of speech a compound's part may have (not prepositions: "Vorsicht" is no "vor").
CONTENT_KINDS = frozenset({"noun", "adjective", "verb"})
# Morpheme tags that are a compound's lexical parts (HanTa taglevel 3), not links or endings.
LEXICAL_MORPHEME_PREFIXES = ("NN", "NE", "ADJ", "VV", "ADV", "CARD")
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


# The STTS tag of a headword's part of speech (for a word looked up on its own).
HEADWORD_TAGS = {
    "noun": "NN",
    "verb": "VV(INF)",
    "adjective": "ADJ(D)",
    "adverb": "ADV",
    "preposition": "APPR",
    "conjunction": "KON",
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


class WordLookup:
    """Answers lookups from a glossary and (if installed) the Ding dictionary; thread-safe."""

    def __init__(
        self,
        glossary: GlossarySet,
        dictionary: DingDictionary | None,
        missing_reason: str | None = None,
    ) -> None:
        self.glossary = glossary
        self.dictionary = dictionary
        self.missing_reason = missing_reason
        self.matcher = GlossaryMatcher(glossary)
        self._by_key: dict[str, list[GlossaryEntry]] = {}
        for entry in glossary.entries:
            keys = {entry.term, *entry.forms, *([entry.plural] if entry.plural else [])}
            for key in keys:
                self._by_key.setdefault(key.casefold(), []).append(entry)
        self._lock = threading.Lock()
        self._cached = lru_cache(maxsize=4096)(self._lookup)
        self._known_parts = lru_cache(maxsize=16384)(self._lookup_known_part)
        # A word the dictionary lacks costs a lemma per respelling: kept per word.
        self._respelt = lru_cache(maxsize=4096)(self._today_spelling_senses)
        self._parts_cache = lru_cache(maxsize=16384)(self._split_parts)
        self._sentence_context = lru_cache(maxsize=1024)(self._glossary_in_sentence)

    @classmethod
    def create(cls, glossary: GlossarySet, dictionary_path: Path | None = None) -> WordLookup:
        """A lookup over ``glossary`` and the dictionary (built into the cache on first use)."""
        try:
            # Through the lemmas' lock: both may build the same index file at the same time.
            dictionary = open_dictionary(dictionary_path)
        except DictionaryMissing as error:
            return cls(glossary, None, str(error))
        return cls(glossary, dictionary, None)

    def close(self) -> None:
        """Close the dictionary index."""
        if self.dictionary is not None:
            self.dictionary.close()

    def glossary_entries(self, word: str) -> tuple[GlossaryEntry, ...]:
        """Entries whose term, form or plural is ``word`` (any case), curated and general first."""
        return tuple(order_by_scope(self._by_key.get(word.casefold(), []), None))

    def lookup(
        self,
        word: str,
        sentence: Sentence | None = None,
        token_index: int | None = None,
        english: str | None = None,
    ) -> LookupResult:
        """What the glossary and the dictionary say about ``word`` (token ``token_index``).

        ``english``, the sentence's translation, ranks first the senses it uses.
        """
        if sentence is not None and token_index is None:
            texts = [token.text for token in sentence.tokens]
            token_index = texts.index(word) if word in texts else None
        if sentence is not None and token_index is not None:
            if not 0 <= token_index < len(sentence.tokens):
                token_index = None
        return self._cached(
            word, sentence if token_index is not None else None, token_index, english or None
        )

    def _lookup(
        self,
        word: str,
        sentence: Sentence | None,
        token_index: int | None,
        english: str | None = None,
    ) -> LookupResult:
        notes: list[str] = []
        separable_verb: str | None = None
        context_entries: list[GlossaryEntry] = []
        context_words: set[str] = set()
        phrases: tuple[PhraseMatch, ...] = ()
        base_lemma = ""
        tagged: Sequence[TaggedToken] = ()
        if sentence is not None and token_index is not None:
            tagged = tag_sentence(sentence)
            lemma, tag = tagged[token_index].word_lemma, tagged[token_index].pos
            base_lemma = tagged[token_index].lemma
            # The other words of the sentence (the word's own lemma says nothing of its sense).
            context_words = {
                form
                for index, t in enumerate(tagged)
                if index != token_index
                for form in (t.lemma, t.text)
            } - {lemma, base_lemma, word}
            phrases = phrases_at(find_phrases(tagged, self.dictionary), token_index)
            if english:
                phrases = tuple(sorted(phrases, key=lambda p: not english_in(p.english, english)))
            candidates, matches = self._sentence_context(sentence)
            for key, group in candidates[token_index].items():
                if len(group) > 1:
                    separable_verb = key
            for match in matches:
                if token_index in match.token_indexes:
                    context_entries.append(match.entry)
        else:
            lemma, tag = self._headword_lemma(word) or (
                word_lemma(word) if any(c.isalpha() for c in word) else (word, "")
            )
        entries = _unique(
            [
                *context_entries,
                *self.glossary_entries(word),
                *self.glossary_entries(lemma),
                *(self.glossary_entries(separable_verb) if separable_verb else ()),
            ]
        )
        # In a sentence, the entries written for its text first; other texts' entries left out.
        entries = order_by_scope(
            entries, self.matcher.texts_of(sentence) if sentence is not None else None
        )
        senses: tuple[DingSense, ...] = ()
        found_by: FoundBy = "nothing"
        parts: tuple[PartGloss, ...] = ()
        if self.dictionary is None:
            notes.append(f"dictionary not installed: {self.missing_reason}")
        else:
            senses, found_by = self._dictionary_senses(
                word, base_lemma or lemma, separable_verb, tag
            )
            # An abbreviation found as written ("Vors."): the tagger's part of speech is a guess.
            rank_tag = "" if word.endswith(".") and found_by == "as written" else tag
            if rank_tag or english:
                senses = rank_senses(senses, word, rank_tag, context_words, english)
            if tagged and token_index is not None:
                in_sentence = sub_entries_in_sentence(self.dictionary, senses, tagged, token_index)
                kept = {(s.line, s.german) for s in in_sentence}
                senses = (*in_sentence, *(s for s in senses if (s.line, s.german) not in kept))
            senses = senses[:SENSE_LIMIT]
            if _may_be_compound(tag):
                parts = self._compound_parts(word)
                if not parts and not senses and lemma != word:
                    # An inflected compound (Staatsgästen): the lemma's parts (Staatsgast).
                    parts = self._compound_parts(lemma)
            if not senses and not parts and tag.startswith("VV"):
                parts = self._particle_verb_parts(lemma)
            if not senses and parts:
                last = parts[-1]
                senses, found_by = last.senses, "compound"
        if separable_verb:
            notes.append(f"part of the separable verb {separable_verb}")
        return LookupResult(
            word=word,
            lemma=lemma,
            tag=tag,
            glossary=tuple(entries),
            senses=senses,
            found_by=found_by,
            separable_verb=separable_verb,
            compound_parts=parts,
            notes=tuple(notes),
            phrases=phrases,
            english=english,
        )

    def _glossary_in_sentence(
        self, sentence: Sentence
    ) -> tuple[list[dict[str, tuple[int, ...]]], tuple[TermMatch, ...]]:
        """The matcher's candidates per token and its matches, once per sentence."""
        return self.matcher.token_candidates(tag_sentence(sentence)), self.matcher.matches(sentence)

    def _headword_lemma(self, word: str) -> tuple[str, str] | None:
        """(word, tag) for a word the dictionary has as a base form, written so; else None.

        A word on its own that is a headword is its own lemma: HanTa (a second to load in a
        new process) is not needed for it. The tag is the STTS tag of its part of speech.
        """
        if self.dictionary is None or not word.isalpha():
            return None
        senses = self.dictionary.senses(word, 1, exact_case=True)
        if not senses or senses[0].german != senses[0].headword:
            return None
        tag = HEADWORD_TAGS.get(senses[0].part_of_speech)
        return (word, tag) if tag else None

    def _dictionary_senses(
        self, word: str, lemma: str, separable_verb: str | None, tag: str = ""
    ) -> tuple[tuple[DingSense, ...], FoundBy]:
        """The candidate senses (not yet ranked for the sentence) and the step that found them.

        A verb form (a participle used verbally) also brings its lemma's senses, after its
        own: the ranking then puts the verb's before the adjective's.
        """
        assert self.dictionary is not None
        steps: list[tuple[FoundBy, str, bool]] = []
        if separable_verb:
            steps.append(("separable verb", separable_verb, False))
        steps.append(("as written", word, True))
        if lemma and lemma != word:
            steps.append(("lemma", lemma, True))
        steps.append(("lower case", word.lower(), False))
        if lemma and lemma != word:
            steps.append(("lemma", lemma, False))
        for found_by, key, exact_case in steps:
            senses = self.dictionary.senses(key, CANDIDATE_LIMIT, exact_case=exact_case)
            if not senses:
                continue
            # An abbreviation ("Vors.") found as such: the tagger's guess at it is no verb.
            if found_by == "as written" and lemma != word and not word.endswith("."):
                senses = self._with_lemma_senses(senses, lemma, tag.startswith(VERBAL_TAGS))
            return senses, found_by
        return self._respelt(word, lemma)

    def _with_lemma_senses(
        self, senses: tuple[DingSense, ...], lemma: str, verbal: bool
    ) -> tuple[DingSense, ...]:
        """A form's own senses with its lemma's: the lemma's headword lines before form lines.

        A line that has the word only among the forms of several verbs ("ging; lief;
        spazierte", "warf; schleuderte") gives the rarer verb's meaning: the lemma's own
        lines (gehen) come first. A verb form (a participle used verbally) brings its
        lemma's senses after its own, and the ranking puts the verb's first.
        """
        assert self.dictionary is not None
        forms_only = [sense for sense in senses if _is_form_line(sense)]
        if not verbal and not forms_only:
            return senses
        seen = {(sense.line, sense.german) for sense in senses}
        more = [
            s
            for s in self.dictionary.senses(lemma, CANDIDATE_LIMIT)
            if (s.line, s.german) not in seen
        ]
        if not forms_only:
            return (*senses, *more)
        own = [sense for sense in senses if not _is_form_line(sense)]
        heads = [sense for sense in more if not _is_form_line(sense)]
        rest = [sense for sense in more if _is_form_line(sense)]
        return (*own, *heads, *forms_only, *rest)

    def _today_spelling_senses(
        self, word: str, lemma: str
    ) -> tuple[tuple[DingSense, ...], FoundBy]:
        """The senses of the word (or its lemma) in today's spelling (theilt → teilt, teilen).

        Only for a word the dictionary lacks; an old form is lemmatised again once respelt
        ("theuerste" → "teuerste" → teuer), since the tagger did not know it.
        """
        assert self.dictionary is not None
        variants = spelling_variants(word)
        # Dictionary lookups are cheap, the tagger is not: it lemmatises only a few variants.
        for variant in variants:
            senses = self.dictionary.senses(variant, CANDIDATE_LIMIT, exact_case=True)
            if senses:
                variant_lemma, variant_tag = word_lemma(variant)
                if variant_lemma != variant:
                    verbal = variant_tag.startswith(VERBAL_TAGS)
                    senses = self._with_lemma_senses(senses, variant_lemma, verbal)
                return senses, "in today's spelling"
        for variant in spelling_variants(lemma) if lemma and lemma != word else ():
            senses = self.dictionary.senses(variant, CANDIDATE_LIMIT, exact_case=True)
            if senses:
                return senses, "in today's spelling"
        for variant in variants[:RELEMMATISED_VARIANTS] if has_old_letters(word) else ():
            variant_lemma = word_lemma(variant)[0]
            senses = self.dictionary.senses(variant_lemma, CANDIDATE_LIMIT, exact_case=True)
            if senses:
                return senses, "in today's spelling"
        return (), "nothing"

    def _compound_parts(self, word: str) -> tuple[PartGloss, ...]:
        """:meth:`_split_parts`, kept per word (the cursor meets a word again and again)."""
        return self._parts_cache(word)

    def _split_parts(self, word: str) -> tuple[PartGloss, ...]:
        """Each part of a compound with its gloss; empty for a simple word.

        Split with the dictionary's own headwords (:mod:`glossary.compounds`); HanTa's
        morphemes only when that finds nothing, and then only if every part is known.
        """
        assert self.dictionary is not None
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
            senses = self.dictionary.senses(name, PART_SENSE_LIMIT, exact_case=True)
            senses = senses or self.dictionary.senses(name, PART_SENSE_LIMIT)
            entries = self.glossary_entries(name)
            if not senses and not entries:
                return ()  # a part nobody knows ("droh") is no part
            glosses.append(PartGloss(part=name, senses=senses, glossary=entries))
        return tuple(glosses) if len(glosses) >= 2 else ()

    def _particle_verb_parts(self, verb: str) -> tuple[PartGloss, ...]:
        """A particle verb the dictionary lacks as particle and base verb (dasitzen: sitzen)."""
        assert self.dictionary is not None
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
        assert self.dictionary is not None
        senses = self.dictionary.senses(text, 3, exact_case=True)
        return any(sense.part_of_speech == "verb" for sense in senses)

    def _known_part(self, text: str) -> str | None:
        """The headword a candidate compound part stands for, or None (see compounds.Known)."""
        return self._known_parts(text)

    def _lookup_known_part(self, text: str) -> str | None:
        assert self.dictionary is not None
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
        assert self.dictionary is not None
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


def _singular_of(sense: DingSense, plural: str) -> str | None:
    """The singular headword a plural sense belongs to (Partisanen → Partisan)."""
    for synonym in split_synonyms(sense.headword):
        singular = lookup_key_cased(synonym)
        if " " not in singular and shares_stem(singular, plural):
            return singular
    return None


def _is_form_line(sense: DingSense) -> bool:
    """Whether the word is only a form on a line shared by several verbs (warf; schleuderte).

    Such a line's English is the meaning the verbs share, usually the rarer one's; a form
    line of one verb alone ("aufgestellt" on "etw. aufstellen") is that verb's main sense.
    """
    return sense.german != sense.headword and len(split_synonyms(sense.german)) > 1


def _may_be_compound(tag: str) -> bool:
    return tag.startswith(("NN", "ADJ")) or tag == ""


def _unique(entries: Sequence[GlossaryEntry]) -> list[GlossaryEntry]:
    seen: list[GlossaryEntry] = []
    for entry in entries:
        if entry not in seen:
            seen.append(entry)
    return seen


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
