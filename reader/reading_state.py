"""Small rules of the reading view's state: which blocks hold a sentence, which English an
edit starts from, what the status bar says about a looked-up word and about the English.

Plain functions and one index class, so the reading screen only applies what they return.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import replace
from typing import TYPE_CHECKING

from glossary.lookup import LookupResult
from glossary.schema import ENTRY_KINDS
from reader.core.text import Document
from reader.english import EnglishBlock, TranslationMode

if TYPE_CHECKING:
    from glossary.lookup import LookupResult
    from glossary.matching import TermMatch
    from reader.analysis import BlockAnalysis
    from reader.translation import SentenceTranslation


class SentenceBlocks:
    """The blocks each sentence text occurs in. Blocks are indexed once, as they come out of
    segmentation, so a batch of translations costs its own sentences, not a scan of the text.
    Used on the UI thread only."""

    def __init__(self) -> None:
        self._blocks_by_sentence: dict[str, set[int]] = {}
        self._indexed_blocks: set[int] = set()

    def holding(self, document: Document, germans: Iterable[str]) -> set[int]:
        """The blocks containing these sentences (among the blocks segmented so far)."""
        for index in document.segmented_blocks():
            if index not in self._indexed_blocks:
                self._indexed_blocks.add(index)
                for sentence in document.sentences(index):
                    self._blocks_by_sentence.setdefault(sentence.text, set()).add(index)
        by_sentence = self._blocks_by_sentence
        return {block for german in germans for block in by_sentence.get(german, ())}


def english_to_edit(
    current: SentenceTranslation | None,
    shown: EnglishBlock,
    mode: TranslationMode,
    sentence_index: int,
) -> str:
    """The English an edit of one sentence starts from: the machine (or edited) English, or,
    in reference mode or without it, the aligned reference sentence the reader is looking at."""
    english = current.english if current else ""
    if mode == "reference" or not english:
        version = shown.versions[0] if shown.versions else None
        if version is not None and version.aligned and sentence_index < len(version.sentences):
            english = version.sentences[sentence_index].text
    return english


def all_matches(analyses: Mapping[int, BlockAnalysis]) -> list[TermMatch]:
    """Glossary matches of every analysed block, in text order."""
    return [
        match
        for block in sorted(analyses)
        for sentence in analyses[block].sentences
        for match in sentence.matches
    ]


def lemma_at(
    document: Document, analyses: Mapping[int, BlockAnalysis], block: int, sentence: int, token: int
) -> str:
    """The lemma of one token (its text until its block is analysed)."""
    analysis = analyses.get(block)
    if analysis is not None:
        return analysis.sentences[sentence].lemmas[token]
    return document.sentences(block)[sentence].tokens[token].text


def guessed_kind(word: str) -> str:
    """The entry kind a new glossary entry starts with: a capitalised word is a noun."""
    return "noun" if word[:1].isupper() else "other"


def translation_status(mode: TranslationMode, english: EnglishBlock) -> str:
    """The status bar's translation field: the mode and the labels of what is shown."""
    source = " + ".join(version.label for version in english.versions) or "none"
    return f"{mode} · {source}"


def lookup_gist(result: LookupResult) -> str:
    """One line about a looked-up word: lemma, grammar and its first meaning."""
    head = result.word if result.lemma in ("", result.word) else f"{result.word} → {result.lemma}"
    if result.glossary:
        meaning = result.glossary[0].renderings[0]
    elif result.senses:
        meaning = result.senses[0].english
    else:
        meaning = "not found (p shows the panel)"
    grammar = f" ({', '.join(result.grammar)})" if result.grammar else ""
    return f"{head}{grammar}: {meaning}"


# The lookup's parts of speech (glossary.lookup's STTS names, the Ding dictionary's) that are
# not themselves entry kinds; the rest ("noun", "verb", "adjective"...) are.
_KIND_OF_PART_OF_SPEECH = {
    "auxiliary verb": "verb",
    "modal verb": "verb",
    "verb particle": "separable-verb",
    "preposition + article": "grammar",
    "preposition": "grammar",
    "article": "grammar",
    "conjunction": "grammar",
    "particle": "grammar",
    "pronoun": "grammar",
}


def entry_kind(result: LookupResult | None, word: str) -> str:
    """The kind a new entry for ``word`` starts with: what its lookup says it is.

    A separable verb (``fielen … aus``) is a separable-verb, a dictionary phrase the word
    starts is an expression; without a lookup of this word, a capitalised word is a noun.
    """
    if result is None or result.word != word:
        return guessed_kind(word)
    if result.separable_verb:
        return "separable-verb"
    if result.glossary and " " in result.glossary[0].term:
        # The word is part of a glossary phrase ("Großer" of "Großer Bahnhof", an idiom):
        # its own part of speech is the dictionary's or the tagger's.
        result = replace(result, glossary=())
    part = result.part_of_speech
    if part in ENTRY_KINDS:
        return part
    if part in _KIND_OF_PART_OF_SPEECH:
        return _KIND_OF_PART_OF_SPEECH[part]
    return guessed_kind(word)
