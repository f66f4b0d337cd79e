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
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from glossary.ding import DictionaryMissing, DingDictionary, DingSense, split_synonyms
from glossary.lemmas import TaggedToken, open_dictionary, tag_sentence, word_lemma
from glossary.lookup_parts import CANDIDATE_LIMIT, CompoundParts, written_together
from glossary.lookup_result import (
    GENDER_ARTICLES,
    FoundBy,
    LookupResult,
    PartGloss,
    entry_to_json,
    phrase_to_json,
    result_to_json,
    sense_to_json,
)
from glossary.matching import GlossaryMatcher, TermMatch
from glossary.old_spelling import has_old_letters, spelling_variants
from glossary.phrases import PhraseMatch, find_phrases, phrases_at
from glossary.ranking import english_in, of_another_kind, rank_senses
from glossary.schema import GlossaryEntry, GlossarySet
from glossary.scope import order_by_scope
from glossary.sentence_senses import sub_entries_in_sentence
from reader.core.text import Sentence

# The result types and their JSON live in glossary.lookup_result; they are imported from here
# by the CLI, the reading view and the study sheets too.
__all__ = [
    "GENDER_ARTICLES",
    "FoundBy",
    "LookupResult",
    "PartGloss",
    "WordLookup",
    "entry_to_json",
    "phrase_to_json",
    "result_to_json",
    "sense_to_json",
]

SENSE_LIMIT = 6
# Tags of a verb form whose lemma's senses are looked at even when the form is a headword
# itself (a participle used verbally: "gefangen" → fangen before the adjective).
VERBAL_TAGS = ("VV", "VA", "VM")
# Respellings of an unknown word lemmatised again ("teuerste" → teuer), the likeliest first.
RELEMMATISED_VARIANTS = 2
# The STTS tag of a headword's part of speech (for a word looked up on its own).
HEADWORD_TAGS = {
    "noun": "NN",
    "verb": "VV(INF)",
    "adjective": "ADJ(D)",
    "adverb": "ADV",
    "preposition": "APPR",
    "conjunction": "KON",
}


@dataclass(frozen=True)
class _Context:
    """What the lookup knows of its word before asking the dictionary."""

    lemma: str
    tag: str
    base_lemma: str = ""
    tagged: tuple[TaggedToken, ...] = ()
    token_index: int | None = None
    context_words: frozenset[str] = frozenset()
    phrases: tuple[PhraseMatch, ...] = ()
    separable_verb: str | None = None
    entries: tuple[GlossaryEntry, ...] = ()


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
        # A word the dictionary lacks costs a lemma per respelling: kept per word.
        self._respelt = lru_cache(maxsize=4096)(self._today_spelling_senses)
        self._parts = CompoundParts(dictionary, self.glossary_entries) if dictionary else None
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
        if sentence is not None and token_index is not None:
            context = self._in_sentence(word, sentence, token_index, english)
        else:
            lemma, tag = self._headword_lemma(word) or (
                word_lemma(word) if any(c.isalpha() for c in word) else (word, "")
            )
            context = _Context(lemma=lemma, tag=tag)
        separable_verb = context.separable_verb
        entries = _unique(
            [
                *context.entries,
                *self.glossary_entries(word),
                *self.glossary_entries(context.lemma),
                *(self.glossary_entries(separable_verb) if separable_verb else ()),
            ]
        )
        # In a sentence, the entries written for its text first; other texts' entries left out.
        entries = order_by_scope(
            entries, self.matcher.texts_of(sentence) if sentence is not None else None
        )
        notes: list[str] = []
        senses: tuple[DingSense, ...] = ()
        found_by: FoundBy = "nothing"
        parts: tuple[PartGloss, ...] = ()
        if self.dictionary is None:
            notes.append(f"dictionary not installed: {self.missing_reason}")
        else:
            senses, found_by, parts = self._from_dictionary(word, context, english)
        if separable_verb:
            notes.append(f"part of the separable verb {separable_verb}")
        return LookupResult(
            word=word,
            lemma=context.lemma,
            tag=context.tag,
            glossary=tuple(entries),
            senses=senses,
            found_by=found_by,
            separable_verb=separable_verb,
            compound_parts=parts,
            notes=tuple(notes),
            phrases=context.phrases,
            english=english,
        )

    def _in_sentence(
        self, word: str, sentence: Sentence, token_index: int, english: str | None
    ) -> _Context:
        """What the sentence says about its word at ``token_index``: lemma, tag, the other
        words, its phrases, the separable verb and glossary expressions it belongs to."""
        tagged = tag_sentence(sentence)
        token = tagged[token_index]
        lemma, base_lemma = token.word_lemma, token.lemma
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
        separable_verb = None
        for key, group in candidates[token_index].items():
            if len(group) > 1:
                separable_verb = key
        return _Context(
            lemma=lemma,
            tag=token.pos,
            base_lemma=base_lemma,
            tagged=tuple(tagged),
            token_index=token_index,
            context_words=frozenset(context_words),
            phrases=phrases,
            separable_verb=separable_verb,
            entries=tuple(m.entry for m in matches if token_index in m.token_indexes),
        )

    def _from_dictionary(
        self, word: str, context: _Context, english: str | None
    ) -> tuple[tuple[DingSense, ...], FoundBy, tuple[PartGloss, ...]]:
        """The dictionary's senses ranked for the sentence, the step that found them, and the
        word's parts when it is a compound or a particle verb the dictionary lacks."""
        assert self.dictionary is not None and self._parts is not None
        lemma, tag = context.lemma, context.tag
        senses, found_by = self._dictionary_senses(
            word, context.base_lemma or lemma, context.separable_verb, tag
        )
        # An abbreviation found as written ("Vors."): the tagger's part of speech is a guess.
        rank_tag = "" if word.endswith(".") and found_by == "as written" else tag
        if rank_tag or english:
            senses = rank_senses(senses, word, rank_tag, context.context_words, english)
        if context.tagged and context.token_index is not None:
            in_sentence = sub_entries_in_sentence(
                self.dictionary, senses, context.tagged, context.token_index
            )
            kept = {(s.line, s.german) for s in in_sentence}
            senses = (*in_sentence, *(s for s in senses if (s.line, s.german) not in kept))
        senses = senses[:SENSE_LIMIT]
        parts: tuple[PartGloss, ...] = ()
        if _may_be_compound(tag):
            parts = self._parts.compound(word)
            if not parts and not senses and lemma != word:
                # An inflected compound (Staatsgästen): the lemma's parts (Staatsgast).
                parts = self._parts.compound(lemma)
        if not senses and not parts and tag.startswith("VV"):
            parts = self._parts.particle_verb(lemma)
        if not senses and parts:
            senses, found_by = parts[-1].senses, "compound"
        return senses, found_by, parts

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
                # A verb form, or a word tagged as none of its senses ("Dank meiner …").
                more = tag.startswith(VERBAL_TAGS) or of_another_kind(tag, senses)
                senses = self._with_lemma_senses(senses, lemma, more)
            return senses, found_by
        for key in written_together(word, lemma):  # "Mandel-Stifte": Ding's "Mandelstifte"
            if senses := self.dictionary.senses(key, CANDIDATE_LIMIT, exact_case=False):
                return senses, "written together"
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
