"""Free combinations: a fixed expression whose English is only its own words' glosses.

:mod:`glossary.phrase_rules` refuses a found expression that teaches the learner nothing
beyond the word lookup: a preposition, article and noun ("an der Grenze": at the border), an
adverb and an adjective ("sehr groß"), a preposition and an adverb ("nach oben": up), whose
every English rendering is made of the glosses of its content words. One rendering that is
not ("in der Tat": indeed; "am Ende": eventually) keeps it.
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
# As many senses as the lookup shows (bench/lookup_quality.py looks at its first 15 lines).
SENSES_PER_WORD = 15
WORD = re.compile(r"[a-z]+(?:'[a-z]+)?")


def _shape(tokens: Sequence[TaggedToken]) -> tuple[TaggedToken, ...] | None:
    """The content words of a preposition + article + noun, adverb + adjective or
    preposition + adverb, or None."""
    tags = tuple(token.pos for token in tokens)
    if tags[:1] == ("APPRART",) and len(tags) == 2 and tags[1].startswith("N"):
        return (tokens[1],)
    if len(tags) == 3 and tags[0] == "APPR" and tags[1] == "ART" and tags[2].startswith("N"):
        return (tokens[2],)
    if len(tags) == 2 and tags[0] == "ADV" and tags[1].startswith("ADJ"):
        return tuple(tokens)
    if len(tags) == 2 and tags[0] == "APPR" and tags[1] == "ADV":
        return (tokens[1],)  # "nach oben" (up), "von hinten": a preposition and an adverb
    return None


def free_combination(
    phrase: DingPhrase, tokens: Sequence[TaggedToken], dictionary: DingDictionary
) -> bool:
    """Whether a fixed expression is a free combination: its shape is one above, and every
    English rendering is made of its words' glosses. A preposition and an adverb often
    render as particles only ("nach oben": up), so there the particles count too."""
    content = _shape(tokens)
    if content is None:
        return False
    particles = tokens[0].pos == "APPR" and tokens[-1].pos == "ADV"
    glosses: set[str] = set()
    for token in content:
        glosses |= _glosses(token.lemma, dictionary, particles)
        glosses |= _glosses(token.text, dictionary, particles)
    renderings = [english_words(part, particles) for part in re.split(r";|\|", phrase.english)]
    renderings = [words for words in renderings if words]
    return bool(renderings) and all(words <= glosses for words in renderings)


def english_words(text: str, particles: bool = False) -> set[str]:
    """The content words of an English rendering, annotations dropped, plural -s folded
    (with ``particles``, the function words too)."""
    text = re.sub(r"\[[^]]*\]|\{[^}]*\}|/[^/ ]+/", " ", text.casefold())
    text = text.replace("(", " ").replace(")", " ")
    return {
        _fold(word)
        for word in WORD.findall(text)
        if particles or word not in ENGLISH_FUNCTION_WORDS
    }


def _fold(word: str) -> str:
    return word[:-1] if word.endswith("s") and len(word) > 3 else word


@lru_cache(maxsize=4096)
def _glosses_cached(word: str, dictionary: DingDictionary, particles: bool) -> frozenset[str]:
    words: set[str] = set()
    for sense in dictionary.senses(word, limit=SENSES_PER_WORD):
        words |= english_words(sense.english, particles)
    return frozenset(words)


def _glosses(word: str, dictionary: DingDictionary, particles: bool = False) -> frozenset[str]:
    """The English words of the first senses the lookup gives for ``word``."""
    return _glosses_cached(word, dictionary, particles) if word else frozenset()
