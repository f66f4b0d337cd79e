"""Tests for HanTa lemmas on the reader's sentences."""

from __future__ import annotations

import pytest

from glossary.lemmas import sentence_lemmas, tag_sentence
from reader.text import Document, parse_document


def first_sentence(text: str) -> object:
    document = parse_document(text, "test")
    return document.sentences(0)[0]


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Die Reaktionen fielen verhalten aus.", "fielen", "fallen"),
        ("Die Reaktionen fielen verhalten aus.", "Reaktionen", "Reaktion"),
        ("Er kündigte ein Manöver an.", "kündigte", "kündigen"),
        ("Das steht im Unionsvertrag.", ".", "."),
    ],
)
def test_sentence_lemmas_gives_one_lemma_per_token(text: str, word: str, lemma: str) -> None:
    document = parse_document(text, "test")
    sentence = document.sentences(0)[0]
    lemmas = sentence_lemmas(sentence)
    assert len(lemmas) == len(sentence.tokens)
    position = [token.text for token in sentence.tokens].index(word)
    assert lemmas[position] == lemma


def test_separable_particle_is_tagged_ptkvz() -> None:
    document = parse_document("Die Reaktionen fielen verhalten aus.", "test")
    tags = {tagged.text: tagged.pos for tagged in tag_sentence(document.sentences(0)[0])}
    assert tags["aus"] == "PTKVZ"


def test_article_sentences_all_get_lemmas(article: Document) -> None:
    for sentence in article.all_sentences():
        assert len(sentence_lemmas(sentence)) == len(sentence.tokens)
