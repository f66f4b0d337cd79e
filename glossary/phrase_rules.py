"""When a dictionary phrase found in a sentence is no phrase of that sentence.

:mod:`glossary.phrases` finds every dictionary phrase whose words stand in one clause. Some
of those finds teach the learner nothing or mislead them; four general rules of German
grammar and of what a phrase is refuse them:

- **Free combinations.** A preposition, article and noun ("entlang der Route", "an der
  Grenze") or an adverb and an adjective ("sehr groß") whose every English rendering is
  made of the glosses of its own words is compositional: the word lookup already says it.
  One rendering that is not ("in der Tat": indeed; "am Ende": eventually) keeps it.
- **The comparative construction.** "mehr als", "weniger als": a comparative and the
  particle "als" are grammar, as "größer als" is ("mehr als je" is no "upwards of").
- **A prepositional object belongs to the verb at the clause's end.** In "man hörte
  Regentropfen auf das Fensterblech aufschlagen" the "auf" is the infinitive's, so it is
  no "auf jdn. hören": a phrase's preposition or noun followed in its clause by another
  full verb belongs to that verb (the tags are not trusted to tell an infinitive from a
  finite verb: HanTa tags "aufschlagen" there as finite).
- **A reflexive verb is another verb.** "Gregors Blick richtete sich zum Fenster" is
  "sich richten": the accusative is taken by "sich", so a phrase whose accusative is its
  noun ("den Blick auf etw. richten") is not there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import lru_cache

from glossary.ding_index import DingDictionary, DingPhrase
from glossary.lemmas import TaggedToken

# English words a rendering needs beside the glosses of the German words: articles,
# prepositions, placeholders ("to be (on the) borderline" is "borderline").
ENGLISH_FUNCTION_WORDS = frozenset(
    "a an the to be is of in on at by for from with near along into onto over under up out"
    " off about as close next sb sth one one's oneself someone something s".split()
)
# Forms that are comparatives whatever their tag; other comparatives are adjectives in -er.
COMPARATIVES = frozenset({"mehr", "weniger", "minder", "eher", "lieber", "besser"})
UMLAUTS = str.maketrans("äöü", "aou")
REFLEXIVE = "sich"
ACCUSATIVE_MASCULINE = frozenset({"den", "einen", "keinen"})
# As many senses as the lookup shows (bench/lookup_quality.py looks at its first 15 lines).
SENSES_PER_WORD = 15
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def refused(
    phrase: DingPhrase,
    indexes: Sequence[int],
    tagged: Sequence[TaggedToken],
    clause: range,
    dictionary: DingDictionary,
    verb: int | None,
) -> bool:
    """Whether ``phrase``, found on the tokens ``indexes`` of ``clause`` with its verb at
    ``verb`` (None for an expression without a verb), is no phrase there."""
    tokens = [tagged[i] for i in indexes]
    if verb is None:
        return comparative_construction(tokens) or free_combination(phrase, tokens, dictionary)
    return belongs_to_another_verb(indexes, verb, tagged, clause) or reflexive_use(
        phrase, verb, tagged, clause
    )


def comparative_construction(tokens: Sequence[TaggedToken]) -> bool:
    """Whether the tokens are a comparative and "als" ("mehr als", "weniger als")."""
    if len(tokens) != 2 or tokens[1].text.casefold() != "als":
        return False
    first = tokens[0]
    folded = first.text.casefold()
    # The comparative may take an umlaut: groß → größer.
    return folded in COMPARATIVES or (
        first.pos.startswith(("ADJ", "ADV"))
        and folded.translate(UMLAUTS) == first.lemma.casefold().translate(UMLAUTS) + "er"
    )


def _shape(tokens: Sequence[TaggedToken]) -> tuple[TaggedToken, ...] | None:
    """The content words of a preposition + article + noun or adverb + adjective, or None."""
    tags = tuple(token.pos for token in tokens)
    if tags[:1] == ("APPRART",) and len(tags) == 2 and tags[1].startswith("N"):
        return (tokens[1],)
    if len(tags) == 3 and tags[0] == "APPR" and tags[1] == "ART" and tags[2].startswith("N"):
        return (tokens[2],)
    if len(tags) == 2 and tags[0] == "ADV" and tags[1].startswith("ADJ"):
        return tuple(tokens)
    return None


def free_combination(
    phrase: DingPhrase, tokens: Sequence[TaggedToken], dictionary: DingDictionary
) -> bool:
    """Whether a fixed expression is a free combination: its shape is preposition + article
    + noun or adverb + adjective, and every English rendering is made of its words' glosses."""
    content = _shape(tokens)
    if content is None:
        return False
    glosses: set[str] = set()
    for token in content:
        glosses |= _glosses(token.lemma, dictionary)
        glosses |= _glosses(token.text, dictionary)
    renderings = [english_words(part) for part in re.split(r";|\|", phrase.english)]
    renderings = [words for words in renderings if words]
    return bool(renderings) and all(words <= glosses for words in renderings)


def english_words(text: str) -> set[str]:
    """The content words of an English rendering, annotations dropped, plural -s folded."""
    text = re.sub(r"\[[^]]*\]|\{[^}]*\}|/[^/ ]+/", " ", text.casefold())
    text = text.replace("(", " ").replace(")", " ")
    return {_fold(word) for word in WORD.findall(text) if word not in ENGLISH_FUNCTION_WORDS}


def _fold(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


@lru_cache(maxsize=4096)
def _glosses_cached(word: str, dictionary: DingDictionary) -> frozenset[str]:
    words: set[str] = set()
    for sense in dictionary.senses(word, limit=SENSES_PER_WORD):
        words |= english_words(sense.english)
    return frozenset(words)


def _glosses(word: str, dictionary: DingDictionary) -> frozenset[str]:
    """The English words of the first senses the lookup gives for ``word``."""
    return _glosses_cached(word, dictionary) if word else frozenset()


def belongs_to_another_verb(
    indexes: Sequence[int], verb: int, tagged: Sequence[TaggedToken], clause: range
) -> bool:
    """Whether another full verb follows the phrase's first word other than its verb in
    the same clause (before an "und"/"oder"): the words before the verb at a clause's end
    are that verb's ("hörte Regentropfen auf das Fensterblech aufschlagen")."""
    # A reflexive pronoun stands by the finite verb ("fand er sich … verwandelt"): only a
    # preposition or a noun is placed by the verb it depends on.
    others = [i for i in indexes if tagged[i].pos.startswith(("APPR", "APPO", "N"))]
    if not others:
        return False
    for index in range(min(others) + 1, clause.stop):
        token = tagged[index]
        if token.pos == "KON":
            return False
        if token.pos.startswith("VV") and index not in indexes:
            return True
    return False


def reflexive_use(
    phrase: DingPhrase, verb: int, tagged: Sequence[TaggedToken], clause: range
) -> bool:
    """Whether the verb stands with "sich" right after it while the phrase, without "sich",
    gives its noun as the accusative ("den Blick … richten"): the verb is the reflexive one."""
    if any(slot.kind == "refl" for slot in phrase.slots):
        return False
    words = phrase.text.split()
    accusative = any(
        word.casefold() in ACCUSATIVE_MASCULINE and following[:1].isupper()
        for word, following in zip(words, words[1:], strict=False)
    )
    after = verb + 1
    return (
        accusative
        and after in clause
        and tagged[after].text.casefold() == REFLEXIVE
        and tagged[after].pos == "PRF"
    )
