"""What a clause's word order tells the phrase finder: subjects, objects and embedded clauses.

The phrase finder (:mod:`glossary.phrases`) matches a phrase's words within one clause; the
rules here read a little of the clause's syntax from the tagger's parts of speech (STTS
tags), so that a long object does not part a verb from its preposition, the existential
"es gibt" is told from "er gibt es ihm", and a relative clause inside a clause does not split it.
No parser is used: spaCy and stanza are too heavy to start with the app (non-negotiable 5),
and the three cases need only the tags and the order of the words.
"""

from __future__ import annotations

from collections.abc import Sequence

from glossary.lemmas import TaggedToken

# Personal pronouns that are a subject of their own ("er gibt es ihm").
SUBJECT_PRONOUNS = frozenset("ich du er sie wir ihr man".split())
# Datives that make "gibt es" a giving: a pronoun or an article in the dative.
DATIVES = frozenset("mir dir ihm ihr uns euch ihnen dem einem meinem deinem seinem".split())
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
