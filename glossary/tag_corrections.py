"""Corrections to HanTa's tags that need the dictionary: particles, participles, lower case.

:func:`glossary.lemmas.tag_words` tags a sentence with HanTa and then corrects it here
against the lexicon (the curated glossary and Ding): a verb HanTa read as a noun although it
is written in lower case, a sentence's first word that is a preposition ("Dank meiner
Großeltern"), a separated particle (also one HanTa tags as an adjective:
"steht fest", "stellt sicher") joined to its verb, and a participle in a passive or perfect
read as the verb's. The lexicon is passed in, so this module does not import the tagger.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from glossary.lemmas import Lexicon, TaggedToken

FINITE_VERB_TAGS = ("VV(FIN)", "VV(IMP)", "VVFIN", "VVIMP")
# Words that open a noun phrase: after a preposition, not after a noun of its own.
DETERMINER_TAGS = ("ART", "PPOSAT", "PDAT", "PIAT")
PREPOSITION_SENSES = 5


def lower_case_nouns(tagged: list[TaggedToken], known: Lexicon) -> None:
    """A word HanTa tags as a noun although it is written in lower case, and which the
    dictionary has as a verb, is that verb's infinitive ("daß sich ein Stein erbarmen möchte":
    HanTa reads "erbarmen" as the noun "Erbarmen"). German writes every noun capitalised."""
    if known.dictionary is None:
        return
    for index, token in enumerate(tagged):
        text = token.text
        if token.pos.startswith("N") and text.isalpha() and text.islower() and known.is_verb(text):
            tagged[index] = replace(token, lemma=text, pos="VV(INF)")


def verbal_participles(tagged: list[TaggedToken], known: Lexicon) -> None:
    """A participle HanTa reads as an adjective in a passive or perfect is the verb's.

    "Er wurde von den Rebellen gefangen": with a form of werden, sein or haben in the
    sentence, an ADJD the dictionary gives as a verb form becomes that verb (VVPP, fangen).
    """
    if known.dictionary is None:
        return
    if not any(t.pos.startswith("VA") for t in tagged):
        return
    for index, token in enumerate(tagged):
        # HanTa also reads a final participle as a particle ("gefangen" PTKVZ).
        if token.pos in {"ADJ(D)", "ADJD", "PTKVZ"} and not token.joined:
            if not _closes_the_verb_group(tagged, index):
                continue  # "Lawrow hat bestimmt Nowitschok mitgebracht": an adverb
            verb = known.verb_of_form(token.text)
            if verb is not None:
                tagged[index] = replace(token, lemma=verb, pos="VV(PP)")


def _closes_the_verb_group(tagged: Sequence[TaggedToken], index: int) -> bool:
    """Whether the token at ``index`` stands where a perfect's or passive's participle does.

    The participle closes its clause ("… gefangen.", "… gefangen, als …") or comes right
    before the verbs that end it ("gefangen worden", "gefangen werden kann").
    """
    following = tagged[index + 1] if index + 1 < len(tagged) else None
    return following is None or following.pos.startswith(("$", "V"))


def join_separated_verbs(tagged: list[TaggedToken], known: Lexicon) -> dict[int, str]:
    """For each separated particle (PTKVZ) and its finite verb, the joined verb.

    The nearest finite verb before the particle is its verb ("fügte einen Satz hinzu");
    when the dictionary is there, the joined verb must be one of its verbs.
    """
    joined: dict[int, str] = {}
    for index, token in enumerate(tagged):
        particle = token.pos == "PTKVZ" or _closing_adjective(tagged, index, known)
        if not particle or not token.text.isalpha():
            continue
        for verb_index in range(index - 1, -1, -1):
            if tagged[verb_index].pos in FINITE_VERB_TAGS:
                verb = token.text.lower() + tagged[verb_index].lemma
                if verb_index not in joined and (known.dictionary is None or known.is_verb(verb)):
                    joined[verb_index] = joined[index] = verb
                break
    return joined


def _closing_adjective(tagged: Sequence[TaggedToken], index: int, known: Lexicon) -> bool:
    """Whether an adjective or adverb that closes its clause is a verb's particle ("steht
    fest, dass", "stellt sicher, dass"): HanTa tags it ADJD, and only a verb of the
    dictionary made of it and the finite verb before it makes it one."""
    token = tagged[index]
    following = tagged[index + 1].pos if index + 1 < len(tagged) else "$."
    return (
        known.dictionary is not None
        and token.pos in {"ADJ(D)", "ADJD", "ADV"}
        and token.text.islower()
        and following.startswith("$")
    )


def initial_prepositions(tagged: list[TaggedToken], known: Lexicon) -> None:
    """A sentence's capitalised first word that HanTa reads as a noun is the preposition the
    dictionary has in lower case when an article or possessive follows ("Dank meiner
    Großeltern", "Trotz des Regens"): a noun there would need its own article."""
    if known.dictionary is None or len(tagged) < 2:
        return
    first, following = tagged[0], tagged[1]
    lower = first.text.lower()
    if not (first.pos.startswith("N") and first.text[:1].isupper() and lower.isalpha()):
        return
    if not following.pos.startswith(DETERMINER_TAGS):
        return
    senses = known.dictionary.senses(lower, PREPOSITION_SENSES, exact_case=True)
    if any("prp" in sense.markers and sense.german == sense.headword for sense in senses):
        tagged[0] = replace(first, lemma=lower, pos="APPR")
