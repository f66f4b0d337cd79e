"""What a clause's word order tells the phrase finder: subjects, contractions, conjuncts.

The phrase finder (:mod:`glossary.phrases`) matches a phrase's words within one clause; the
rules here read a little of the clause's syntax from the tagger's parts of speech (STTS
tags): the existential "es gibt" is told from "er gibt es ihm", a contraction ("zum Ende")
from a preposition without article ("zu Ende gehen"), a "genug" after its adjective from a
predicate, and a preposition after "und" from the verb before it. No parser is used: spaCy
and stanza are too heavy to start with the app (non-negotiable 5), and these cases need
only the tags and the order of the words.
"""

from __future__ import annotations

from collections.abc import Sequence

from glossary.ding_phrases import EXPANDED
from glossary.lemmas import TaggedToken

# Personal pronouns that are a subject of their own ("er gibt es ihm").
SUBJECT_PRONOUNS = frozenset("ich du er sie wir ihr man".split())
# Datives that make "gibt es" a giving: a pronoun or an article in the dative.
DATIVES = frozenset("mir dir ihm ihr uns euch ihnen dem einem meinem deinem seinem".split())
# Words that follow the adjective they modify.
POST_MODIFIERS = frozenset({"genug", "genügend"})
# Tokens that open a verb-final clause, after which "es" is the subject ("dass es … gibt").
CLAUSE_OPENERS = ("KOUS", "PRELS", "PWAV", "PWS")


def existential_es(
    es: int, verb: int, tagged: Sequence[TaggedToken], clause: Sequence[int]
) -> bool:
    """Whether "es" at ``es`` and a form of "geben" at ``verb`` are "es gibt" (there is).

    "es" stands right before or after the finite verb ("es gibt", "gibt es", "gab es",
    "es hat … gegeben") or opens a verb-final clause ("dass es … gibt"); and where it follows
    the verb, no subject pronoun stands before the verb and no dative follows ("er gibt es
    ihm").
    """
    finite = _finite_verb(verb, tagged, clause)
    if es == verb:
        return True  # "gibt's"
    if es == finite - 1:
        return True
    if es == finite + 1:
        before = [i for i in clause if i < finite]
        return not any(
            tagged[i].pos == "PPER" and tagged[i].text.casefold() in SUBJECT_PRONOUNS
            for i in before
        ) and not _dative_follows(es, tagged, clause)
    return es - 1 in clause and tagged[es - 1].pos.startswith(CLAUSE_OPENERS) and es < verb


def _dative_follows(es: int, tagged: Sequence[TaggedToken], clause: Sequence[int]) -> bool:
    """Whether a dative stands right after "es" ("gibt es ihm", "gibt es dem Kind"): someone
    is given it. A fronted noun is no sign of a subject: "Die Firma gibt es seit 1990"."""
    after = es + 1
    return after in clause and tagged[after].text.casefold() in DATIVES


def _finite_verb(verb: int, tagged: Sequence[TaggedToken], clause: Sequence[int]) -> int:
    """The finite verb of the verb at ``verb``: itself, or the auxiliary before it."""
    if "FIN" in tagged[verb].pos:
        return verb
    return next((i for i in clause if i < verb and tagged[i].pos.startswith(("VA", "VM"))), verb)


def contraction_unlike_phrase(
    phrase_text: str, indexes: Sequence[int], tagged: Sequence[TaggedToken]
) -> bool:
    """Whether a contraction of the match ("zum" = "zu dem") stands where the phrase has its
    preposition right before a noun without an article ("zu Ende gehen"): "zum Ende des
    Jahres … ging" is another phrase. A placeholder takes the article ("zu etw. kommen":
    "zum Ergebnis kommen")."""
    words = phrase_text.split()
    for index in indexes:
        expanded = EXPANDED.get(tagged[index].text.casefold())
        if expanded is None:
            continue
        preposition = expanded[0]  # "zum" is "zu dem"
        for word, following in zip(words, words[1:], strict=False):
            if word.casefold() == preposition and following[:1].isupper():
                return True
    return False


def post_modifies(indexes: Sequence[int], tagged: Sequence[TaggedToken]) -> bool:
    """Whether a "genug" of the match follows an adjective it modifies ("rein genug waren"
    is no "genug sein")."""
    return any(
        tagged[index].text.casefold() in POST_MODIFIERS
        and index - 1 not in indexes
        and index > 0
        and tagged[index - 1].pos.startswith(("ADJ", "ADV"))
        for index in indexes
    )


def preposition_in_next_conjunct(
    verb: int, indexes: Sequence[int], tagged: Sequence[TaggedToken]
) -> bool:
    """Whether a preposition of the match stands after its verb and an "und" that closes
    the verb's conjunct ("diese zu gewinnen und gemeinsam für den Umbau zu werben"): it
    belongs to the next one. An "und" between nouns joins them ("fuhren Mannschaft und
    Betreuer mit dem Zug")."""
    return any(
        tagged[index].pos.startswith("APPR")
        and any(
            tagged[between].pos == "KON" and tagged[between - 1].pos.startswith(("V", "PTKVZ"))
            for between in range(verb + 1, index)
        )
        for index in indexes
        if index > verb
    )
