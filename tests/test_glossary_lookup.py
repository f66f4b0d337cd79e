"""Tests for the word lookup: glossary first, then the dictionary, in the documented order."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.loading import load_glossaries
from glossary.lookup import WordLookup
from glossary.schema import GlossarySet
from reader.core.text import Document, Sentence, parse_document
from tests.fixtures_glossary import REAL_DING


def paragraph_sentence(text: str) -> Sentence:
    document = parse_document(f"# Titel\n\n{text}\n", "test")
    return document.sentences(1)[0]


def lookup_in(lookup: WordLookup, text: str, word: str):  # type: ignore[no-untyped-def]
    sentence = paragraph_sentence(text)
    index = [token.text for token in sentence.tokens].index(word)
    return lookup.lookup(word, sentence, index)


@pytest.mark.parametrize(
    ("text", "word", "found_by", "first_english"),
    [
        ("Die Verträge gelten.", "Verträge", "as written", "contracts; treaties"),
        ("Der rote Teppich liegt.", "rote", "lemma", "red"),
        (
            "Die Reaktionen fielen heftig aus.",
            "fielen",
            "separable verb",
            "to fall out; to be cancelled",
        ),
        (
            "Die Reaktionen fielen heftig aus.",
            "aus",
            "separable verb",
            "to fall out; to be cancelled",
        ),
        ("Die Reaktionen fielen heftig.", "fielen", "lemma", "to fall"),
        ("Er droht einzugreifen.", "einzugreifen", "lemma", "to intervene (in sth.)"),
        ("Ein Angriffskrieg begann.", "Angriffskrieg", "compound", "war (on sb.)"),
    ],
)
def test_dictionary_lookup_order(
    sample_lookup: WordLookup, text: str, word: str, found_by: str, first_english: str
) -> None:
    result = lookup_in(sample_lookup, text, word)
    assert result.found_by == found_by
    assert result.senses[0].english == first_english


def test_glossary_note_comes_with_the_lookup(sample_lookup: WordLookup) -> None:
    result = lookup_in(sample_lookup, "Laut des Unionsvertrages ist das so.", "Unionsvertrages")
    assert [entry.term for entry in result.glossary] == ["Unionsvertrag"]
    assert result.lemma == "Unionsvertrag"
    assert result.gender == "m"
    assert result.plural == "Unionsverträge"


def test_separable_verb_gets_its_glossary_entry(sample_lookup: WordLookup) -> None:
    result = lookup_in(sample_lookup, "Lukaschenko kündigte eine Reise an.", "kündigte")
    assert result.separable_verb == "ankündigen"
    assert [entry.term for entry in result.glossary] == ["ankündigen"]
    assert "separable verb ankündigen" in result.notes[0]


def test_compound_parts_are_each_glossed(sample_lookup: WordLookup) -> None:
    result = lookup_in(sample_lookup, "Die Eisenbahnpartisanen kämpfen.", "Eisenbahnpartisanen")
    parts = {part.part: part for part in result.compound_parts}
    assert list(parts) == ["Eisenbahn", "Partisan"]
    assert parts["Eisenbahn"].senses[0].english.startswith("railway")
    assert [entry.term for entry in parts["Partisan"].glossary] == ["Partisan"]
    assert result.plural is None  # the head's plural is not the compound's


def test_without_dictionary_the_glossary_still_answers(
    sample_glossary: GlossarySet, tmp_path: Path
) -> None:
    lookup = WordLookup.create(sample_glossary, tmp_path / "missing-de-en")
    result = lookup.lookup("Nowitsckok")
    assert [entry.term for entry in result.glossary] == ["Nowitschok"]
    assert result.senses == ()
    assert "dictionary not installed" in result.notes[0]
    assert "apt-get install trans-de-en" in result.notes[0]


def test_user_entries_come_after_curated_ones(
    sample_glossary_file: Path, ding_sample: Path, tmp_path: Path
) -> None:
    user_file = tmp_path / "glossary.yaml"
    user_file.write_text(
        'glossary: mine\nversion: "1"\nentries:\n'
        "  - {term: Partisan, kind: name, renderings: [Partisan], explanation: A band.}\n",
        encoding="utf-8",
    )
    lookup = WordLookup.create(load_glossaries([sample_glossary_file], user_file), ding_sample)
    result = lookup.lookup("Partisan")
    assert [entry.origin for entry in result.glossary] == ["curated", "user"]


@pytest.mark.skipif(not REAL_DING.is_file(), reason="Debian package trans-de-en not installed")
def test_every_word_of_the_article_gets_an_answer_or_a_reason(article: Document) -> None:
    lookup = WordLookup.create(load_glossaries(), REAL_DING)
    unanswered = []
    words = 0
    for sentence in article.all_sentences():
        for index, token in enumerate(sentence.tokens):
            if token.is_word:
                words += 1
                if not lookup.lookup(token.text, sentence, index).found:
                    unanswered.append(token.text)
    # Names and the article's slips are for the curated glossary; almost all else is found.
    assert len(unanswered) / words < 0.05, unanswered
