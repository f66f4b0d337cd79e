"""Finding glossary terms in the reader's sentences, however they are inflected.

Each entry becomes one or more *slots* (one per content word; a single-word term has one
slot), and each slot a set of lower-cased keys: the term, its forms and plural, and HanTa's
lemma of each word. All keys go into one Aho-Corasick automaton (pyahocorasick), so a token
is checked against every term at once, including terms hidden inside compounds.

A sentence's tokens offer these candidates: the token as written, HanTa's lemma in context,
and for a separated verb particle (PTKVZ) the joined verb ("fielen … aus" gives "ausfallen"
on both tokens); so does a particle written apart right before a participle ("statt
gefunden" gives "stattfinden"). HanTa already turns zu-infinitives into the verb
("einzugreifen" gives "eingreifen"). An entry matches when all its slots are found in the
sentence, in any order, with any words in between ("wurde ihm buchstäblich der rote Teppich
ausgerollt"). A phrase left with one content word or none once its function words are
dropped ("mit ein Grund", "statt gefunden") keeps every word and must occur as written: word
after word, adjacent and in order; otherwise "Grund" alone would find "mit ein Grund".

Three rules keep entries from marking the wrong word. Part of speech: a noun, name, place or
organisation entry never marks a word HanTa tags as a verb, adjective, adverb or verb particle
("Sanktion" is not found in "sanktioniert", "Verweis" not in "verweisen"), and an adjective
or adverb entry never marks a verb form ("bestimmt" = surely is not the participle in "für
ihn bestimmt"), nor an adverb entry an adjective before its noun ("ein bestimmtes Buch").
Names match only as written (case included) and a name of several words only
with its words adjacent and in order, so a first name is not paired with a surname further
on. Scope: an entry written for one text applies only to that text's sentences
(``glossary.scope``).
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any, Literal

import ahocorasick

from glossary.lemmas import TaggedToken, tag_sentence
from glossary.schema import GlossaryEntry, GlossarySet
from glossary.scope import TextScopes, applies
from glossary.tag_corrections import FINITE_VERB_TAGS
from glossary.targets import MatchTarget, entry_targets, excluded_tags, fold

__all__ = ["GlossaryMatcher", "MatchTarget", "TermMatch", "entry_targets"]
from reader.core.text import Sentence

MatchKind = Literal["exact", "compound"]

# Kinds whose terms may be the head or the front of a compound ("Eisenbahnpartisan").
COMPOUNDABLE_KINDS = {"noun", "name", "place", "organisation", "other"}
MIN_COMPOUND_SUFFIX = 4
MIN_COMPOUND_PREFIX = 6

PARTICIPLE_TAGS = ("VV(PP)", "VVPP")
# Tags HanTa gives a verb particle written apart from its participle ("statt gefunden",
# "zusammen getroffen"): PTKVZ when it sees the particle, else preposition or adverb.
DETACHED_PARTICLE_TAGS = ("PTKVZ", "APPR", "ADV")


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


class GlossaryMatcher:
    """Finds the entries of a glossary in sentences; build once, use from any thread."""

    def __init__(self, glossary: GlossarySet) -> None:
        self.glossary = glossary
        self._entries = glossary.entries
        # A target is one way of finding an entry; several targets may find the same entry.
        self._target_entry: list[int] = []
        self._slot_counts: list[int] = []
        self._contiguous: list[bool] = []
        self._compoundable: list[bool] = []
        self._written: list[tuple[frozenset[str], ...]] = []
        self._not_tags: list[tuple[str, ...]] = []
        self._automaton: Any = ahocorasick.Automaton()
        keys: dict[str, list[_SlotKey]] = {}
        for entry_index, entry in enumerate(self._entries):
            for target in entry_targets(entry):
                slots = target.slots
                target_index = len(self._target_entry)
                self._target_entry.append(entry_index)
                self._slot_counts.append(len(slots))
                self._contiguous.append(target.contiguous)
                self._compoundable.append(len(slots) == 1 and entry.kind in COMPOUNDABLE_KINDS)
                self._written.append(target.written)
                self._not_tags.append(excluded_tags(entry, len(slots)))
                for slot_index, slot_keys in enumerate(slots):
                    for key in slot_keys:
                        if key:
                            keys.setdefault(key, []).append(_SlotKey(target_index, slot_index, key))
        for key, key_slots in keys.items():
            self._automaton.add_word(key, (key, tuple(key_slots)))
        if keys:
            self._automaton.make_automaton()
        self._has_keys = bool(keys)
        self._scopes = TextScopes(
            stem for entry in self._entries if entry.scope == "text" for stem in entry.in_text
        )

    def texts_of(self, sentence: Sentence) -> frozenset[str]:
        """The bundled texts (stems named by text-scoped entries) ``sentence`` belongs to."""
        return self._scopes.texts_of(sentence.text)

    def _fits(self, target_index: int, slot_index: int, token: TaggedToken) -> bool:
        """Whether ``token`` may fill the slot: its part of speech and, for names, its case."""
        not_tags = self._not_tags[target_index]
        if not_tags and token.pos.startswith(not_tags):
            return False
        written = self._written[target_index]
        return not written or bool({token.text, token.lemma} & written[slot_index])

    def token_candidates(self, tagged: tuple[TaggedToken, ...]) -> list[dict[str, tuple[int, ...]]]:
        """For each token, the lower-cased strings it may be known by, each with its tokens.

        The text and the lemma stand for the token alone; a separated verb joined with its
        particle ("fielen … aus" gives "ausfallen") stands for both tokens, and so does a
        particle written apart right before its participle ("statt gefunden").
        """
        candidates: list[dict[str, tuple[int, ...]]] = [
            {fold(t.text): (index,), fold(t.lemma): (index,)} for index, t in enumerate(tagged)
        ]
        # The tagger's joined verbs ("steht … fest", "fügte … hinzu"; checked against Ding).
        partners: dict[str, list[int]] = {}
        for index, token in enumerate(tagged):
            if token.joined:
                partners.setdefault(fold(token.joined), []).append(index)
        for joined, (verb_index, *particles) in partners.items():
            for index in particles:
                candidates[index][joined] = (verb_index, index)
                candidates[verb_index] = {joined: (verb_index, index)}
        for index, token in enumerate(tagged):
            # A particle of a verb only the glossary may know: joined with its finite verb.
            if token.pos != "PTKVZ" or token.joined:
                continue
            for verb_index in range(index - 1, -1, -1):
                if tagged[verb_index].pos in FINITE_VERB_TAGS:
                    joined = fold(token.text + tagged[verb_index].lemma)
                    candidates[index][joined] = (verb_index, index)
                    # "halten … ab" is abhalten, not halten: the verb stands only for the pair.
                    candidates[verb_index] = {joined: (verb_index, index)}
                    break
        for index in range(len(tagged) - 1):
            self._join_detached_particle(tagged, candidates, index)
        return candidates

    def _join_detached_particle(
        self,
        tagged: tuple[TaggedToken, ...],
        candidates: list[dict[str, tuple[int, ...]]],
        index: int,
    ) -> None:
        """Join a particle written apart with the participle right after it ("statt gefunden").

        HanTa's PTKVZ tag is trusted, so the participle then stands only for the joined verb.
        A preposition or adverb ("zusammen getroffen") may also just be an adverb ("we met
        together"), so the joined verb is only offered when the glossary knows it.
        """
        particle, participle = tagged[index], tagged[index + 1]
        if particle.pos not in DETACHED_PARTICLE_TAGS or participle.pos not in PARTICIPLE_TAGS:
            return
        if not particle.text.isalpha() or not particle.text.islower():
            return
        joined = fold(particle.text + participle.lemma)
        pair = (index, index + 1)
        if particle.pos == "PTKVZ":
            candidates[index][joined] = pair
            candidates[index + 1] = {joined: pair}
        elif self._has_keys and self._automaton.exists(joined):
            candidates[index][joined] = pair
            candidates[index + 1][joined] = pair

    def matches(self, sentence: Sentence) -> tuple[TermMatch, ...]:
        """Every glossary entry found in ``sentence``, in order of its first token."""
        if not self._has_keys or not sentence.tokens:
            return ()
        tagged = tag_sentence(sentence)
        found, compound_tokens = self._finds(tagged, self.token_candidates(tagged))
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
        if any(match.entry.scope != "general" for match in results):
            texts = self.texts_of(sentence)
            results = [match for match in results if applies(match.entry, texts)]
        return _without_overlaps(results)

    def _finds(
        self, tagged: tuple[TaggedToken, ...], candidates: list[dict[str, tuple[int, ...]]]
    ) -> tuple[dict[int, dict[int, list[tuple[int, ...]]]], dict[int, list[int]]]:
        """Entry -> slot -> the groups of tokens that fill it; and each entry's compound finds."""
        found: dict[int, dict[int, list[tuple[int, ...]]]] = {}
        compound_tokens: dict[int, list[int]] = {}
        for token_index, token_keys in enumerate(candidates):
            token = tagged[token_index]
            if not any(character.isalnum() for character in token.text):
                continue
            exact_targets: set[int] = set()
            for candidate, group in token_keys.items():
                payload = self._automaton.get(candidate, None)
                for slot in payload[1] if payload is not None else ():
                    # A joined separable verb is a verb whatever its parts are tagged.
                    if len(group) == 1 and not self._fits(
                        slot.target_index, slot.slot_index, token
                    ):
                        continue
                    found.setdefault(slot.target_index, {}).setdefault(slot.slot_index, []).append(
                        group
                    )
                    exact_targets.add(slot.target_index)
            for candidate in token_keys:
                for target_index in self._compound_targets(candidate):
                    if target_index not in exact_targets and self._fits_compound(
                        target_index, token
                    ):
                        compound_tokens.setdefault(target_index, []).append(token_index)
        return found, compound_tokens

    def _fits_compound(self, target_index: int, token: TaggedToken) -> bool:
        """A term inside a compound: never in a word of a part of speech it does not mark.

        A name must stand in the compound as written ("Putin-Regime"; "belarussisch" does
        not contain the place "Belarus").
        """
        not_tags = self._not_tags[target_index]
        if not_tags and token.pos.startswith(not_tags):
            return False
        written = self._written[target_index]
        return not written or any(spelling in token.text for spelling in written[0])

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
        if self._contiguous[target_index]:
            runs = _contiguous_runs(
                [slots[slot_index] for slot_index in range(self._slot_counts[target_index])]
            )
            return [self._match(target_index, run, sentence, "exact") for run in runs]
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


def _consecutive(group: tuple[int, ...]) -> bool:
    return list(group) == list(range(group[0], group[0] + len(group)))


def _contiguous_runs(slot_groups: list[list[tuple[int, ...]]]) -> list[tuple[int, ...]]:
    """The token runs in which each slot's tokens directly follow the previous slot's."""
    runs: list[tuple[int, ...]] = []
    next_start = 0
    for first in sorted(set(slot_groups[0])):
        if first[0] < next_start or not _consecutive(first):
            continue
        run = list(first)
        for groups in slot_groups[1:]:
            following = next((g for g in groups if g[0] == run[-1] + 1 and _consecutive(g)), None)
            if following is None:
                break
            run.extend(following)
        else:
            runs.append(tuple(dict.fromkeys(run)))
            next_start = run[-1] + 1
    return runs


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
