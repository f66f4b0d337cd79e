"""Per-block analysis for the reading view: lemmas, glossary terms and dictionary phrases.

Runs in a worker (HanTa tags about two thousand tokens a second), once per block; the screen
turns the result into marks (glossary terms, vocabulary colours, fixed phrases) and into the
checks of the English column.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from glossary.ding import DingDictionary
from glossary.lemmas import sentence_lemmas, tag_sentence
from glossary.matching import GlossaryMatcher, TermMatch
from glossary.phrases import PhraseMatch, find_phrases
from reader.core.text import Document, Sentence


@dataclass(frozen=True)
class SentenceAnalysis:
    """What the analysis found in one sentence."""

    lemmas: tuple[str, ...]
    """One lemma per token of the sentence."""
    matches: tuple[TermMatch, ...]
    """Glossary terms found in the sentence."""
    phrases: tuple[PhraseMatch, ...] = ()
    """Dictionary phrases found in the sentence (empty without the dictionary)."""
    names: tuple[int, ...] = ()
    """Indexes of the tokens that are names (:func:`name_tokens`)."""


@dataclass(frozen=True)
class BlockAnalysis:
    """The analysis of one block."""

    block: int
    """The block's index."""
    sentences: tuple[SentenceAnalysis, ...]
    """Per sentence, in order."""

    def word_lemmas(self, document: Document) -> tuple[str, ...]:
        """The lemmas of the block's word tokens (not punctuation or numbers)."""
        lemmas: list[str] = []
        for sentence, analysis in zip(document.sentences(self.block), self.sentences, strict=True):
            for token, lemma in zip(sentence.tokens, analysis.lemmas, strict=True):
                if token.is_word:
                    lemmas.append(lemma)
        return tuple(lemmas)

    def unnamed_word_lemmas(self, document: Document) -> tuple[str, ...]:
        """The lemmas of the block's words that are not names: what "paragraph known" marks
        (a lemma that is a name anywhere in the block is left out)."""
        names: set[str] = set()
        lemmas: list[str] = []
        for sentence, analysis in zip(document.sentences(self.block), self.sentences, strict=True):
            for index, (token, lemma) in enumerate(
                zip(sentence.tokens, analysis.lemmas, strict=True)
            ):
                if index in analysis.names:
                    names.add(lemma)
                elif token.is_word:
                    lemmas.append(lemma)
        return tuple(lemma for lemma in dict.fromkeys(lemmas) if lemma not in names)


def analyse_block(
    document: Document,
    index: int,
    matcher: GlossaryMatcher | None,
    dictionary: DingDictionary | None = None,
) -> BlockAnalysis:
    """Lemmas, glossary matches and (with ``dictionary``) phrases for one block's sentences."""
    return BlockAnalysis(
        index,
        tuple(
            analyse_sentence(sentence, matcher, dictionary)
            for sentence in document.sentences(index)
        ),
    )


def analyse_sentence(
    sentence: Sentence, matcher: GlossaryMatcher | None, dictionary: DingDictionary | None = None
) -> SentenceAnalysis:
    """Lemmas, glossary matches and dictionary phrases for one sentence."""
    matches = matcher.matches(sentence) if matcher is not None else ()
    tagged = tag_sentence(sentence)
    phrases = find_phrases(tagged, dictionary) if dictionary is not None else ()
    names = name_tokens(sentence, tuple(token.pos for token in tagged), matches)
    return SentenceAnalysis(sentence_lemmas(sentence), matches, phrases, names)


NAME_TAG = "NE"
"""HanTa's (STTS) tag of proper nouns."""
NAME_KINDS = frozenset({"name", "place", "organisation"})
"""Glossary entry kinds that are names."""


def name_tokens(
    sentence: Sentence, tags: tuple[str, ...], matches: tuple[TermMatch, ...]
) -> tuple[int, ...]:
    """The indexes of the tokens of ``sentence`` that are names: those the tagger tags as
    proper nouns (capitalised, not all capitals, so a dateline's BERLIN stays a word) and
    those of the glossary's names, places and organisations."""
    found = {
        index
        for index, (token, tag) in enumerate(zip(sentence.tokens, tags, strict=True))
        if tag == NAME_TAG and token.text[:1].isupper() and not token.text.isupper()
    }
    for match in matches:
        if match.entry.kind in NAME_KINDS:
            found.update(match.token_indexes)
    return tuple(sorted(found))


MARK_BY_KIND: Mapping[str, str] = {
    "name": "glossary-name",
    "place": "glossary-name",
    "organisation": "glossary-name",
    "expression": "glossary-expression",
    "idiom": "glossary-expression",
    "separable-verb": "glossary-expression",
}
"""The mark style of a glossary term, by entry kind (others: ``glossary``)."""

STATUS_MARKS: Mapping[str, str] = {
    "new": "status-new",
    "1": "status-1",
    "2": "status-2",
    "3": "status-3",
    "4": "status-4",
}
"""The colour of a word by vocabulary status (known and ignored words stay plain)."""


PHRASE_MARK = "phrase"
"""The mark style of a dictionary phrase's words."""


def block_marks(
    document: Document,
    analysis: BlockAnalysis,
    statuses: Mapping[str, str] | None,
    phrases: bool = False,
) -> list[tuple[int, int, str]]:
    """Styled spans ``(start, end, style name)`` for a block: statuses, phrases, terms on top.

    ``statuses`` maps lemmas to vocabulary statuses (missing: new); None turns colouring off.
    ``phrases`` marks the words of the dictionary phrases found.
    """
    marks: list[tuple[int, int, str]] = []
    sentences = document.sentences(analysis.block)
    if statuses is not None:
        for sentence, result in zip(sentences, analysis.sentences, strict=True):
            for token, lemma in zip(sentence.tokens, result.lemmas, strict=True):
                style = STATUS_MARKS.get(statuses.get(lemma, "new")) if token.is_word else None
                if style:
                    marks.append((token.start, token.end, style))
    if phrases:
        for sentence, result in zip(sentences, analysis.sentences, strict=True):
            for phrase in result.phrases:
                for index in phrase.token_indexes:
                    token = sentence.tokens[index]
                    marks.append((token.start, token.end, PHRASE_MARK))
    for result in analysis.sentences:
        for match in result.matches:
            style = MARK_BY_KIND.get(match.entry.kind, "glossary")
            marks.extend((start, end, style) for start, end in match.spans)
    return marks
