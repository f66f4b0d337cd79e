"""How a glossary entry becomes match targets: the words that must occur, and where not.

A target is one way of finding an entry: one slot per word that must occur, each slot a set
of lower-cased keys (as written, HanTa's lemma, the entry's forms). Expressions keep their
content words and drop function words; short phrases and names keep every word, adjacent
and in order. Which parts of speech an entry never marks is decided here too, so the matcher
(``glossary.matching``) applies one rule per kind. The rules are described in SCHEMA.md.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from glossary.lemmas import tag_words
from glossary.schema import NAME_KINDS, GlossaryEntry

# Function words carry no meaning of their own in an expression: "den roten Teppich
# ausrollen" is found from "rot", "Teppich" and "ausrollen".
FUNCTION_TAG_PREFIXES = ("ART", "APP", "KO", "PTKZU", "PRF", "PPER", "PPOS", "PD", "PI", "$")
NOUN_LIKE_KINDS = frozenset({"noun", *NAME_KINDS})
# HanTa tags a noun-like entry never marks: verbs, adjectives, adverbs, verb particles.
NOT_NOUN_TAGS = ("V", "ADJ", "ADV", "PTKVZ")
# HanTa tags an adjective entry never marks: verb forms, participles included ("für ihn
# bestimmt"); an adverb entry not those, nor an adjective with an ending before its noun.
NOT_ADJECTIVE_TAGS = ("V",)
NOT_ADVERB_TAGS = ("V", "ADJ(A)", "ADJA")


@dataclass(frozen=True)
class MatchTarget:
    """One way of finding an entry: the words that must occur, each as a set of keys."""

    slots: tuple[frozenset[str], ...]
    """Per word, the lower-cased strings (as written, lemma, forms) that fill it."""
    contiguous: bool = False
    """Whether the words must occur adjacent and in this order (short phrases, names)."""
    written: tuple[frozenset[str], ...] = ()
    """Names: per word, the spellings as written (case kept) a token or its lemma must have."""


def fold(text: str) -> str:
    """The key form of a text: case-folded."""
    return text.casefold()


def _is_function_word(tag: str) -> bool:
    return tag.startswith(FUNCTION_TAG_PREFIXES)


def _expression_target(words: list[str], one_word_keys: set[str]) -> MatchTarget:
    """The target of a multi-word term or form: its content words, each as {written, lemma}.

    With one content word or none left, the phrase keeps all its words, adjacent and in
    order: "statt gefunden" must not be found as "gefunden", nor "mit ein Grund" as "Grund".
    So does a one-word form written apart ("zusammen getroffen" for "zusammengetroffen"):
    "zusammen" and "getroffen" far apart in a sentence are something else.
    """
    tagged = tag_words(tuple(words))
    content = [t for t in tagged if not _is_function_word(t.pos)]
    written_apart = fold("".join(words)) in one_word_keys
    if len(content) > 1 and not written_apart:
        return MatchTarget(tuple(frozenset({fold(t.text), fold(t.lemma)}) for t in content))
    return MatchTarget(
        tuple(frozenset({fold(t.text), fold(t.lemma)}) for t in tagged), contiguous=True
    )


def _name_target(words: Sequence[str]) -> MatchTarget:
    """A name of one or more words: each as written, adjacent and in order ("Wladimir Putin")."""
    tagged = tag_words(tuple(words))
    return MatchTarget(
        tuple(frozenset({fold(t.text), fold(t.lemma)}) for t in tagged),
        contiguous=True,
        written=tuple(frozenset({t.text}) for t in tagged),
    )


def entry_targets(entry: GlossaryEntry) -> list[MatchTarget]:
    """The ways ``entry`` can be found: each a target of one or more words (slots).

    A single-word term and its single-word forms and plural make one slot; an expression
    and each multi-word form ("zusammen getroffen") are their own alternative.
    """
    if entry.kind in NAME_KINDS:
        spellings = [entry.term, *([entry.plural] if entry.plural else []), *entry.forms]
        spellings = [s.strip() for s in spellings if s.strip()]
        one_word = frozenset(s for s in spellings if " " not in s)
        name_targets = (
            [MatchTarget((frozenset(fold(s) for s in one_word),), written=(one_word,))]
            if one_word
            else []
        )
        return name_targets + [_name_target(s.split()) for s in spellings if " " in s]
    single = {fold(entry.term)} if " " not in entry.term.strip() else set()
    if entry.plural and " " not in entry.plural.strip():
        single.add(fold(entry.plural))
    targets: list[MatchTarget] = []
    phrases = [entry.term] if not single else []
    for form in entry.forms:
        if " " in form.strip():
            phrases.append(form)
        else:
            single.add(fold(form))
    if single:
        targets.append(MatchTarget((frozenset(single),)))
    for phrase in phrases:
        targets.append(_expression_target(phrase.split(), single))
    return targets


def excluded_tags(entry: GlossaryEntry, slot_count: int) -> tuple[str, ...]:
    """The HanTa tags a one-word target of ``entry`` never marks (none for phrases)."""
    if slot_count != 1:
        return ()
    if entry.kind in NOUN_LIKE_KINDS:
        return NOT_NOUN_TAGS
    if entry.kind == "adjective":
        return NOT_ADJECTIVE_TAGS
    if entry.kind == "adverb":
        return NOT_ADVERB_TAGS
    return ()
