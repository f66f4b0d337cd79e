"""Finding glossary terms in the reader's sentences, however they are inflected.

Each entry becomes one or more *slots* (one per content word; a single-word term has one
slot), and each slot a set of lower-cased keys: the term, its forms and plural, and HanTa's
lemma of each word. All keys go into one Aho-Corasick automaton (pyahocorasick), so a token
is checked against every term at once, including terms hidden inside compounds.

A sentence's tokens offer these candidates: the token as written, HanTa's lemma in context,
and for a separated verb particle (PTKVZ) the joined verb ("fielen … aus" gives "ausfallen"
on both tokens). HanTa already turns zu-infinitives into the verb ("einzugreifen" gives
"eingreifen"). An entry matches when all its slots are found in the sentence, in any order,
with any words in between ("wurde ihm buchstäblich der rote Teppich ausgerollt").
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import ahocorasick

from glossary.lemmas import TaggedToken, tag_sentence, tag_words
from glossary.schema import GlossaryEntry, GlossarySet
from reader.text import Sentence

MatchKind = Literal["exact", "compound"]

# Function words carry no meaning of their own in an expression: "den roten Teppich
# ausrollen" is found from "rot", "Teppich" and "ausrollen".
FUNCTION_TAG_PREFIXES = ("ART", "APP", "KO", "PTKZU", "PRF", "PPER", "PPOS", "PD", "PI", "$")
# Kinds whose terms may be the head or the front of a compound ("Eisenbahnpartisan").
COMPOUNDABLE_KINDS = {"noun", "name", "place", "organisation", "other"}
MIN_COMPOUND_SUFFIX = 4
MIN_COMPOUND_PREFIX = 6
FINITE_VERB_TAGS = ("VV(FIN)", "VV(IMP)", "VVFIN", "VVIMP")


@dataclass(frozen=True)
class TermMatch:
    """One occurrence of a glossary entry in a sentence."""

    entry: GlossaryEntry
    """The entry found."""
    block: int
    """The block of the sentence."""
    sentence: int
    """The sentence's index within its block."""
    token_indexes: tuple[int, ...]
    """Indexes (into the sentence's tokens) of the tokens that make up the occurrence."""
    spans: tuple[tuple[int, int], ...]
    """Document offsets (start, end) of those tokens."""
    how: MatchKind = "exact"
    """Whether the term was found as a word of its own or inside a compound."""


@dataclass(frozen=True)
class _SlotKey:
    target_index: int
    slot_index: int
    key: str


def _fold(text: str) -> str:
    return text.casefold()


def _is_function_word(tag: str) -> bool:
    return tag.startswith(FUNCTION_TAG_PREFIXES)


def _expression_slots(words: list[str]) -> list[set[str]]:
    """The content words of a multi-word term, each as {written, lemma} keys."""
    tagged = tag_words(tuple(words))
    content = [t for t in tagged if not _is_function_word(t.pos)] or list(tagged)
    return [{_fold(t.text), _fold(t.lemma)} for t in content]


def entry_targets(entry: GlossaryEntry) -> list[list[set[str]]]:
    """The ways ``entry`` can be found: each a list of slots, one key set per word.

    A single-word term and its single-word forms and plural make one slot; an expression
    and each multi-word form ("zusammen getroffen") are their own alternative.
    """
    single = {_fold(entry.term)} if " " not in entry.term.strip() else set()
    if entry.plural and " " not in entry.plural.strip():
        single.add(_fold(entry.plural))
    targets: list[list[set[str]]] = []
    phrases = [entry.term] if not single else []
    for form in entry.forms:
        if " " in form.strip():
            phrases.append(form)
        else:
            single.add(_fold(form))
    if single:
        targets.append([single])
    for phrase in phrases:
        targets.append(_expression_slots(phrase.split()))
    return targets


class GlossaryMatcher:
    """Finds the entries of a glossary in sentences; build once, use from any thread."""

    def __init__(self, glossary: GlossarySet) -> None:
        self.glossary = glossary
        self._entries = glossary.entries
        # A target is one way of finding an entry; several targets may find the same entry.
        self._target_entry: list[int] = []
        self._slot_counts: list[int] = []
        self._compoundable: list[bool] = []
        self._automaton: Any = ahocorasick.Automaton()
        keys: dict[str, list[_SlotKey]] = {}
        for entry_index, entry in enumerate(self._entries):
            for slots in entry_targets(entry):
                target_index = len(self._target_entry)
                self._target_entry.append(entry_index)
                self._slot_counts.append(len(slots))
                self._compoundable.append(len(slots) == 1 and entry.kind in COMPOUNDABLE_KINDS)
                for slot_index, slot_keys in enumerate(slots):
                    for key in slot_keys:
                        if key:
                            keys.setdefault(key, []).append(_SlotKey(target_index, slot_index, key))
        for key, key_slots in keys.items():
            self._automaton.add_word(key, (key, tuple(key_slots)))
        if keys:
            self._automaton.make_automaton()
        self._has_keys = bool(keys)

    def token_candidates(self, tagged: tuple[TaggedToken, ...]) -> list[dict[str, tuple[int, ...]]]:
        """For each token, the lower-cased strings it may be known by, each with its tokens.

        The text and the lemma stand for the token alone; a separated verb joined with its
        particle ("fielen … aus" gives "ausfallen") stands for both tokens.
        """
        candidates: list[dict[str, tuple[int, ...]]] = [
            {_fold(t.text): (index,), _fold(t.lemma): (index,)} for index, t in enumerate(tagged)
        ]
        for index, token in enumerate(tagged):
            if token.pos != "PTKVZ":
                continue
            for verb_index in range(index - 1, -1, -1):
                if tagged[verb_index].pos in FINITE_VERB_TAGS:
                    joined = _fold(token.text + tagged[verb_index].lemma)
                    candidates[index][joined] = (verb_index, index)
                    # "halten … ab" is abhalten, not halten: the verb stands only for the pair.
                    candidates[verb_index] = {joined: (verb_index, index)}
                    break
        return candidates

    def matches(self, sentence: Sentence) -> tuple[TermMatch, ...]:
        """Every glossary entry found in ``sentence``, in order of its first token."""
        if not self._has_keys or not sentence.tokens:
            return ()
        tagged = tag_sentence(sentence)
        candidates = self.token_candidates(tagged)
        # entry -> slot -> groups of tokens that fill it; plus compound finds per entry
        found: dict[int, dict[int, list[tuple[int, ...]]]] = {}
        compound_tokens: dict[int, list[int]] = {}
        for token_index, token_keys in enumerate(candidates):
            if not any(character.isalnum() for character in tagged[token_index].text):
                continue
            exact_targets: set[int] = set()
            for candidate, group in token_keys.items():
                payload = self._automaton.get(candidate, None)
                if payload is not None:
                    for slot in payload[1]:
                        found.setdefault(slot.target_index, {}).setdefault(
                            slot.slot_index, []
                        ).append(group)
                        exact_targets.add(slot.target_index)
            for candidate in token_keys:
                for target_index in self._compound_targets(candidate):
                    if target_index not in exact_targets:
                        compound_tokens.setdefault(target_index, []).append(token_index)
        results: list[TermMatch] = []
        for target_index, slots in found.items():
            if len(slots) < self._slot_counts[target_index]:
                continue
            results.extend(self._occurrences(target_index, slots, sentence))
        for target_index, token_indexes in compound_tokens.items():
            entry = self._entries[self._target_entry[target_index]]
            already = {i for m in results if m.entry is entry for i in m.token_indexes}
            for token_index in sorted(set(token_indexes) - already):
                results.append(self._match(target_index, (token_index,), sentence, "compound"))
        return _without_overlaps(results)

    def _compound_targets(self, candidate: str) -> set[int]:
        """Entries whose single-word term is the head or the front of ``candidate``."""
        targets: set[int] = set()
        for end_index, (key, slot_keys) in self._automaton.iter(candidate):
            if len(key) >= len(candidate):
                continue
            start_index = end_index - len(key) + 1
            is_affix = key[0] in "*-" or key[-1] in "*-"
            is_head = end_index == len(candidate) - 1 and len(key) >= MIN_COMPOUND_SUFFIX
            is_front = start_index == 0 and len(key) >= MIN_COMPOUND_PREFIX
            if not (is_affix or is_head or is_front):
                continue
            for slot in slot_keys:
                if is_affix or self._compoundable[slot.target_index]:
                    targets.add(slot.target_index)
        return targets

    def _occurrences(
        self, target_index: int, slots: dict[int, list[tuple[int, ...]]], sentence: Sentence
    ) -> list[TermMatch]:
        if self._slot_counts[target_index] == 1:
            groups = sorted(set(slots[0]))
            # A lone verb or particle that is also part of a joined pair is that pair.
            paired = {index for group in groups if len(group) > 1 for index in group}
            groups = [g for g in groups if len(g) > 1 or g[0] not in paired]
            return [self._match(target_index, group, sentence, "exact") for group in groups]
        # An expression occurs once per sentence: the first tokens found for each word.
        token_indexes = tuple(sorted({i for groups in slots.values() for i in groups[0]}))
        return [self._match(target_index, token_indexes, sentence, "exact")]

    def _match(
        self,
        target_index: int,
        token_indexes: tuple[int, ...],
        sentence: Sentence,
        how: MatchKind,
    ) -> TermMatch:
        return TermMatch(
            entry=self._entries[self._target_entry[target_index]],
            block=sentence.block,
            sentence=sentence.index,
            token_indexes=token_indexes,
            spans=tuple((sentence.tokens[i].start, sentence.tokens[i].end) for i in token_indexes),
            how=how,
        )

    def matches_in(self, sentences: Iterable[Sentence]) -> tuple[TermMatch, ...]:
        """Every match in ``sentences``, in order."""
        return tuple(match for sentence in sentences for match in self.matches(sentence))

    def occurrences(self, entry: GlossaryEntry, sentences: Iterable[Sentence]) -> list[TermMatch]:
        """Where ``entry`` occurs in ``sentences``."""
        return [m for m in self.matches_in(sentences) if m.entry == entry]


def _without_overlaps(matches: list[TermMatch]) -> tuple[TermMatch, ...]:
    """Matches in sentence order, dropping one whose tokens another match of its entry covers."""
    matches.sort(key=lambda match: (-len(match.token_indexes), match.token_indexes))
    kept: list[TermMatch] = []
    for match in matches:
        covered = any(
            other.entry is match.entry and set(match.token_indexes) <= set(other.token_indexes)
            for other in kept
        )
        if not covered:
            kept.append(match)
    kept.sort(key=lambda match: (match.token_indexes[0], match.entry.term))
    return tuple(kept)
