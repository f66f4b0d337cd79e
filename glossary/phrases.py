"""Finding the dictionary's fixed phrases in a sentence (``Das spielt keine Rolle mehr.``).

A phrase (see :mod:`glossary.ding_phrases`) is a verb, one or more nouns and maybe a
preposition or another word. A sentence holds it when every slot is filled within one clause:
the nouns (and the words around them) in the phrase's order with at most
:data:`MAX_GAP` other tokens between them ("spielt keine große Rolle"), the verb anywhere in
the same clause and in any form — inflected, as a participle, or split from its particle
("setzte die Regierung unter Druck", "nahm es zur Kenntnis"). Words are compared on their
text and on HanTa's lemma; adjectives and other words on their stem, so "wichtigen" fills
"wichtige". Placeholders and articles are no slots, so any noun phrase or pronoun fills
them. A clause ends at a comma, semicolon, colon, dash or bracket: content words scattered
across clauses are no phrase. Candidates come from the index by noun (a dictionary lookup
per sentence), so the check costs a few microseconds per candidate.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache
from typing import Literal

from glossary.ding_index import DingDictionary, DingPhrase
from glossary.ding_phrases import (
    ARTICLES,
    AUXILIARIES,
    EXISTENTIAL_ES,
    PREDICATIVE_ALS,
    Slot,
    has_noun,
    is_expression,
    normalise_word,
)
from glossary.lemmas import APOSTROPHES, TaggedToken, joined_verbs
from glossary.phrase_choice import (
    Key,
    Value,
    fit,
    longest,
    marked,
    one_restricted_sense,
    renderings_of,
)
from glossary.phrase_expressions import match_sequence, sentence_units, unit_bigrams
from glossary.phrase_rules import refused

MAX_GAP = 3
ELIDED_ES = tuple(f"{apostrophe}s" for apostrophe in APOSTROPHES)
# How far from its verb the words of a phrase without a noun may stand; with an auxiliary
# as its verb ("möglich sein") the phrase has one content word and must be contiguous.
NEAR_VERB = 5
PREPOSITION_TAGS = frozenset({"APPR", "APPRART", "APPO", "APZR"})
# What may stand between a preposition and its noun: articles, adjectives, numbers, adverbs.
NOUN_PHRASE_TAGS = ("ART", "ADJ", "CARD", "ADV", "PPOSAT", "PIAT", "PDAT")
# What a prepositional object may hold between its preposition and a verb at the clause's
# end: its noun phrase, nouns joined by "und", and attributes with "von" ("für die Aufnahme
# von Flüchtlingen und die Lösung der Konflikte eingetreten").
OBJECT_TAGS = (*NOUN_PHRASE_TAGS, "N", "KON", "PPER", "PRF")
ATTRIBUTE_PREPOSITIONS = frozenset({"von", "vom"})
CLAUSE_ENDS = frozenset({",", ";", ":", "–", "—", "-", "(", ")", "[", "]", ".", "!", "?"})
DEFINITE = frozenset({"der", "die", "das", "den", "dem", "des"})
ADJECTIVE_ENDINGS = ("em", "en", "er", "es", "e")
PhraseSource = Literal["dictionary", "glossary"]


@dataclass(frozen=True)
class PhraseMatch:
    """One fixed phrase found in a sentence."""

    phrase: str
    """The phrase as the dictionary gives it (``jdn. unter Druck setzen``)."""
    english: str
    """Its English (senses of several dictionary lines joined with ``; ``)."""
    token_indexes: tuple[int, ...]
    """The tokens of the sentence that make it up, in order."""
    source: PhraseSource = "dictionary"
    """Where the phrase comes from."""
    lines: tuple[int, ...] = ()
    """The dictionary lines it was found on."""


def stem(word: str) -> str:
    """A word without an adjective ending, for comparing inflected forms (wichtigen → wichtig)."""
    folded = word.casefold()
    for ending in ADJECTIVE_ENDINGS:
        if folded.endswith(ending) and len(folded) - len(ending) >= 4:
            return folded[: -len(ending)]
    return folded


@dataclass(frozen=True)
class _TokenForms:
    words: frozenset[str]
    stems: frozenset[str]
    verb: str
    article: str
    particle: bool
    elided_es: bool
    """The token ends in an elided "es" ("gibt's", "geht's")."""
    preposition: bool
    pos: str


def _token_forms(tagged: Sequence[TaggedToken]) -> list[_TokenForms]:
    verbs = joined_verbs(tagged)
    forms = []
    for index, token in enumerate(tagged):
        words = {token.text.casefold(), token.lemma.casefold(), normalise_word(token.text)}
        verb = verbs.get(index, token.lemma.casefold() if token.pos.startswith("V") else "")
        if token.pos.startswith("V"):
            words.add(token.lemma.casefold())
        folded = token.text.casefold()
        article = (
            "definite"
            if folded in DEFINITE
            else "indefinite"
            if folded.startswith(("ein", "kein"))
            else ""
        )
        particle = token.pos == "PTKVZ"
        elided = folded.endswith(ELIDED_ES) and len(folded) > 2
        written = {folded, normalise_word(token.text)}
        if elided:
            words.add(EXISTENTIAL_ES)
            written.add(EXISTENTIAL_ES)
        preposition = token.pos in PREPOSITION_TAGS
        forms.append(
            _TokenForms(
                frozenset(words),
                # Written forms only: "besser" (lemma "gut") is no "gut" in "jdm. gut gehen".
                frozenset(map(stem, written)),
                verb,
                article,
                particle,
                elided,
                preposition,
                token.pos,
            )
        )
    return forms


def _fills(slot: Slot, token: _TokenForms) -> bool:
    if slot.kind == "refl":
        return not token.verb and any(form in token.words for form in slot.forms)
    if slot.kind == "verb":
        return bool(token.verb) and token.verb in slot.forms
    if slot.kind == "prep" and not token.preposition:
        return False  # "zu" before an infinitive, "auf" as a verb's particle
    if slot.kind == "word":
        if slot.forms == (EXISTENTIAL_ES,) and token.elided_es:
            return True
        if slot.forms == (PREDICATIVE_ALS,):
            return PREDICATIVE_ALS in token.words and token.pos != "KOUS"  # "als er kam"
        if slot.forms[0].startswith("kein"):
            return any(word.startswith("kein") for word in token.words)
        return any(stem(form) in token.stems for form in slot.forms)
    if slot.kind == "noun" and not token.pos.startswith("N"):
        return False  # "der richtige Mann" holds no "das Richtige"
    return any(form in token.words for form in slot.forms)


def _clauses(tagged: Sequence[TaggedToken]) -> list[range]:
    clauses = []
    start = 0
    for index, token in enumerate(tagged):
        if token.text in CLAUSE_ENDS:
            if index > start:
                clauses.append(range(start, index))
            start = index + 1
    if start < len(tagged):
        clauses.append(range(start, len(tagged)))
    return clauses


def _governed(forms: list[_TokenForms], noun: int, clause: range) -> bool:
    """Whether a preposition governs the noun at ``noun`` ("bei einem Schaden"): then it is no
    object of the phrase's verb ("Schaden nehmen")."""
    index = noun - 1
    while index >= clause.start and forms[index].pos.startswith(NOUN_PHRASE_TAGS):
        index -= 1
    return index >= clause.start and forms[index].preposition


def _match_in(
    slots: tuple[Slot, ...], forms: list[_TokenForms], clause: range
) -> tuple[int, ...] | None:
    """The tokens of ``clause`` that fill ``slots``, or None."""
    ordered = [slot for slot in slots if slot.kind != "verb"]
    verbs = [slot for slot in slots if slot.kind == "verb"]

    def place(slot_index: int, after: int | None) -> list[int] | None:
        if slot_index == len(ordered):
            return []
        start = clause.start if after is None else after + 1
        stop = clause.stop if after is None else min(clause.stop, after + 2 + MAX_GAP)
        for index in range(start, stop):
            slot = ordered[slot_index]
            if _fills(slot, forms[index]) and not (
                slot.kind == "noun"
                and (slot_index == 0 or ordered[slot_index - 1].kind != "prep")
                and _governed(forms, index, clause)
            ):
                rest = place(slot_index + 1, index)
                if rest is not None:
                    return [index, *rest]
        return None

    placed = place(0, None)
    if placed is None:
        return None
    used = set(placed)
    # Without a noun the other words are function words ("sich um etw. handeln"): they
    # must stand near the verb, not merely somewhere in a long clause.
    near = not has_noun(tuple(ordered))
    for slot in verbs:
        reach = 1 if AUXILIARIES.intersection(slot.forms) else NEAR_VERB
        verb_index = next(
            (
                i
                for i in clause
                if (i not in used or (forms[i].elided_es and used == {i}))
                and _fills(slot, forms[i])
                and not (near and placed and not _near_verb(forms, placed, i, reach))
            ),
            None,
        )
        if verb_index is None:
            return None
        used.add(verb_index)
        # A separated particle belongs to the verb: it is part of the phrase too.
        used.update(
            i for i in clause if forms[i].particle and forms[i].verb == forms[verb_index].verb
        )
    return tuple(sorted(used))


def _near_verb(forms: list[_TokenForms], placed: list[int], verb: int, reach: int) -> bool:
    """Whether the words of a phrase without a noun stand by its verb: within ``reach``
    tokens, or as a preposition whose object runs up to the verb."""
    if min(abs(verb - index) for index in placed) <= reach:
        return True
    return reach > 1 and any(
        forms[index].preposition and index < verb and _object_reaches(forms, index, verb)
        for index in placed
    )


def _object_reaches(forms: list[_TokenForms], preposition: int, verb: int) -> bool:
    """Whether every token between a preposition and the verb belongs to the preposition's
    object: a long object does not part a prepositional verb from its preposition."""
    between = forms[preposition + 1 : verb]
    return bool(between) and all(
        token.pos.startswith(OBJECT_TAGS)
        or (token.preposition and token.words & ATTRIBUTE_PREPOSITIONS)
        for token in between
    )


def _article_kind(phrase: DingPhrase) -> str:
    """definite, indefinite or "" for the article a phrase begins with."""
    first = phrase.text.split()[0].casefold() if phrase.text else ""
    return "definite" if first in DEFINITE else "indefinite" if first in ARTICLES else ""


def _article_agrees(phrase: DingPhrase, forms: list[_TokenForms], noun: int) -> bool:
    """Whether the sentence has an article of the phrase's kind just before its first noun."""
    wanted = _article_kind(phrase)
    if not wanted:
        return False
    return any(forms[i].article == wanted for i in range(max(0, noun - MAX_GAP), noun))


def find_phrases(
    tagged: Sequence[TaggedToken], dictionary: DingDictionary | None
) -> tuple[PhraseMatch, ...]:
    """Every dictionary phrase in a tagged sentence, the most specific first."""
    if dictionary is None or not tagged:
        return ()
    return _find(tuple(tagged), dictionary)


@lru_cache(maxsize=2048)
def _find(tagged: tuple[TaggedToken, ...], dictionary: DingDictionary) -> tuple[PhraseMatch, ...]:
    forms = _token_forms(tagged)
    units = sentence_units(tagged)
    keys = {word for token in forms for word in token.words}
    keys.update(token.verb for token in forms if token.verb)
    bigrams = unit_bigrams(units)
    candidates = dictionary.phrases_with(keys | bigrams.keys())
    if not candidates:
        return ()
    clauses = _clauses(tagged)
    found: dict[Key, Value] = {}
    words = {word for token in forms for word in token.words}
    stems = {word for token in forms for word in token.stems}
    verbs = {token.verb for token in forms if token.verb}
    for phrase in candidates:
        sequence = is_expression(phrase.slots)
        if not sequence and not _possible(phrase.slots, words, stems, verbs):
            continue
        for clause in [range(len(tagged))] if sequence else clauses:
            indexes = (
                match_sequence(phrase.slots, units, bigrams)
                if sequence
                else _match_in(phrase.slots, forms, clause)
            )
            if indexes is None or refused(
                phrase, indexes, tagged, clause, dictionary, _verb_at(phrase, forms, indexes)
            ):
                continue
            # Variants on the same tokens are one phrase ("Druck ausüben", "auf jdn. Druck
            # ausüben"; "aus etw. bestehen", "aus/in etw. bestehen"): their English is joined.
            key = (tuple(slot.kind for slot in phrase.slots), indexes, _article_kind(phrase))
            noun = next(
                (
                    i
                    for i in indexes
                    if any(_fills(s, forms[i]) for s in phrase.slots if s.kind == "noun")
                ),
                None,
            )
            agrees = noun is not None and _article_agrees(phrase, forms, noun)
            score = (-len(phrase.slots), not agrees, phrase.sub)
            if key in found:
                best, phrases = found[key]
                found[key] = (min(best, score), [*phrases, phrase])
            else:
                found[key] = (score, [phrase])
            break
    ranked = sorted(found.items(), key=lambda item: (item[1][0], item[1][1][0].line))
    ranked = longest([item for item in ranked if not one_restricted_sense(item[1][1])])
    results = []
    sentence_words = {word for token in forms for word in token.words}
    for (_, indexes, _), (_, phrases) in ranked:
        renderings = [part for phrase in phrases for part in renderings_of(phrase.english)]
        english = sorted(dict.fromkeys(renderings), key=marked)
        shown = max(phrases, key=lambda phrase: fit(phrase.text, sentence_words))
        results.append(
            PhraseMatch(
                phrase=shown.text,
                english="; ".join(english),
                token_indexes=indexes,
                lines=tuple(phrase.line for phrase in phrases),
            )
        )
    return tuple(results)


def _verb_at(phrase: DingPhrase, forms: list[_TokenForms], indexes: tuple[int, ...]) -> int | None:
    """The token holding the phrase's verb, or None for an expression without one."""
    slots = [slot for slot in phrase.slots if slot.kind == "verb"]
    return next((i for i in indexes for slot in slots if _fills(slot, forms[i])), None)


def _possible(slots: tuple[Slot, ...], words: set[str], stems: set[str], verbs: set[str]) -> bool:
    """Whether every slot has a filler somewhere in the sentence: a few set lookups that spare
    most candidates the search clause by clause."""
    for slot in slots:
        if slot.kind == "verb":
            pool, forms = verbs, slot.forms
        elif slot.kind == "word":
            if slot.forms[0].startswith("kein"):
                continue
            pool, forms = stems, tuple(map(stem, slot.forms))
        else:
            pool, forms = words, slot.forms
        if not any(form in pool for form in forms):
            return False
    return True


def phrases_at(matches: Sequence[PhraseMatch], token_index: int) -> tuple[PhraseMatch, ...]:
    """The phrases among ``matches`` that contain token ``token_index``."""
    return tuple(match for match in matches if token_index in match.token_indexes)
