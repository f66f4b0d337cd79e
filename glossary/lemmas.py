"""Lemmas and part-of-speech tags for the reader's sentences, from HanTa.

HanTa tags a whole sentence at once (``tag_sent``), so a word's lemma is chosen in context
("Reaktionen fielen aus" gives "fallen" with the particle "aus" tagged PTKVZ). The model loads
once, lazily, on first use; a lock makes the tagger safe to share between threads because it
keeps an internal cache. Results are cached per sentence text.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from reader.text import Sentence

_tagger: Any = None
_tagger_lock = threading.Lock()


@dataclass(frozen=True)
class TaggedToken:
    """One token with HanTa's lemma and STTS part-of-speech tag."""

    text: str
    """The token as written."""
    lemma: str
    """HanTa's lemma (the token's text for punctuation and numbers)."""
    pos: str
    """HanTa's STTS tag (NN, VVFIN, PTKVZ, VVIZU, ...)."""


def tagger() -> Any:
    """The process-wide HanTa tagger for German, loaded on first call."""
    global _tagger
    with _tagger_lock:
        if _tagger is None:
            from HanTa import HanoverTagger

            _tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        return _tagger


def _is_word(text: str) -> bool:
    return any(character.isalpha() for character in text)


@lru_cache(maxsize=8192)
def tag_words(words: tuple[str, ...]) -> tuple[TaggedToken, ...]:
    """HanTa's lemma and tag for each of ``words`` (a sentence's tokens, in order)."""
    if not words:
        return ()
    model = tagger()
    with _tagger_lock:
        tagged = model.tag_sent(list(words), taglevel=1)
    result = []
    for text, (_, lemma, pos) in zip(words, tagged, strict=True):
        if not _is_word(text):
            lemma = text
        result.append(TaggedToken(text=text, lemma=str(lemma), pos=str(pos)))
    return tuple(result)


def tag_sentence(sentence: Sentence) -> tuple[TaggedToken, ...]:
    """One :class:`TaggedToken` per token of ``sentence``, tagged in context."""
    return tag_words(tuple(token.text for token in sentence.tokens))


def sentence_lemmas(sentence: Sentence) -> tuple[str, ...]:
    """One lemma per token of ``sentence`` (punctuation gives its own text); thread-safe."""
    return tuple(tagged.lemma for tagged in tag_sentence(sentence))


def analyze_compound(word: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
    """HanTa's morpheme analysis of ``word``: (stem, ((morpheme, tag), ...), part of speech)."""
    model = tagger()
    with _tagger_lock:
        stem, morphemes, pos = model.analyze(word, taglevel=3)
    return str(stem), tuple((str(m), str(t)) for m, t in morphemes), str(pos)


def word_lemma(word: str) -> tuple[str, str]:
    """HanTa's lemma and tag for a word seen on its own (no sentence context)."""
    model = tagger()
    with _tagger_lock:
        lemma, pos = model.analyze(word, taglevel=1)
    return str(lemma), str(pos)
