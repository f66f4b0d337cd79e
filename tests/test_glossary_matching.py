"""Tests for finding glossary terms in sentences, however they are inflected."""

from __future__ import annotations

import pytest

from glossary.loading import curated_glossary_paths, load_glossaries
from glossary.matching import GlossaryMatcher
from glossary.schema import GlossarySet
from reader.paths import BUNDLED_TEXTS_DIR
from reader.text import Sentence, load_document, parse_document


def paragraph_sentence(text: str) -> Sentence:
    document = parse_document(f"# Titel\n\n{text}\n", "test")
    return document.sentences(1)[0]


@pytest.mark.parametrize(
    ("text", "term", "words", "how"),
    [
        ("Laut des Unionsvertrages ist das so.", "Unionsvertrag", ["Unionsvertrages"], "exact"),
        ("Die Unionsverträge gelten.", "Unionsvertrag", ["Unionsverträge"], "exact"),
        (
            "Dem Kremlchef wurde ihm buchstäblich der rote Teppich ausgerollt.",
            "den roten Teppich ausrollen",
            ["rote", "Teppich", "ausgerollt"],
            "exact",
        ),
        (
            "Entsprechend fielen die Reaktionen von Leuten aus.",
            "ausfallen",
            ["fielen", "aus"],
            "exact",
        ),
        (
            "Lukaschenko kündigte am Montag eine Reise an.",
            "ankündigen",
            ["kündigte", "an"],
            "exact",
        ),
        (
            "Sie halten gemeinsam ein Manöver in Belarus ab.",
            "abhalten",
            ["halten", "ab"],
            "exact",
        ),
        ("Er droht, in den Krieg einzugreifen.", "eingreifen", ["einzugreifen"], "exact"),
        (
            "Die Eisenbahnpartisanen sabotieren Züge.",
            "Partisan",
            ["Eisenbahnpartisanen"],
            "compound",
        ),
        ("Das war ein großer Bahnhof für ihn.", "Großer Bahnhof", ["großer", "Bahnhof"], "exact"),
        ("Die Expert*innen streiten.", "Gendersternchen", ["Expert*innen"], "compound"),
        ("Lawrow hat bestimmt Nowitsckok mitgebracht.", "Nowitschok", ["Nowitsckok"], "exact"),
        ("NOWITSCHOK ist ein Gift.", "Nowitschok", ["NOWITSCHOK"], "exact"),
    ],
)
def test_term_is_found_however_inflected(
    sample_glossary: GlossarySet, text: str, term: str, words: list[str], how: str
) -> None:
    sentence = paragraph_sentence(text)
    matches = [
        m for m in GlossaryMatcher(sample_glossary).matches(sentence) if m.entry.term == term
    ]
    assert len(matches) == 1
    match = matches[0]
    assert [sentence.tokens[i].text for i in match.token_indexes] == words
    assert match.how == how
    assert (match.block, match.sentence) == (sentence.block, sentence.index)
    assert match.spans == tuple(
        (sentence.tokens[i].start, sentence.tokens[i].end) for i in match.token_indexes
    )


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Der Vertrag ist alt.", "Unionsvertrag"),
        ("Der Teppich ist rot.", "den roten Teppich ausrollen"),
        ("Die Reaktionen fielen heftig.", "ausfallen"),
        ("Sie halten das für falsch.", "abhalten"),
        ("Der Bahnhof ist neu.", "Großer Bahnhof"),
        ("Die Organisation tagt.", "Partisan"),
    ],
)
def test_near_misses_are_not_matched(sample_glossary: GlossarySet, text: str, absent: str) -> None:
    sentence = paragraph_sentence(text)
    found = {m.entry.term for m in GlossaryMatcher(sample_glossary).matches(sentence)}
    assert absent not in found


def test_empty_glossary_matches_nothing() -> None:
    sentence = paragraph_sentence("Nichts zu finden.")
    assert GlossaryMatcher(GlossarySet()).matches(sentence) == ()


def test_every_curated_entry_with_in_text_is_found_there() -> None:
    paths = curated_glossary_paths()
    if not paths:
        pytest.skip("no curated glossary yet in glossary/data/")
    glossary = load_glossaries(paths, BUNDLED_TEXTS_DIR / "no-user-file.yaml")
    assert glossary.problems == (), [str(p) for p in glossary.problems]
    matcher = GlossaryMatcher(glossary)
    found_in: dict[str, set[str]] = {}
    stems = {stem for entry in glossary.entries for stem in entry.in_text}
    for stem in stems:
        document = load_document(BUNDLED_TEXTS_DIR / f"{stem}.md")
        for match in matcher.matches_in(document.all_sentences()):
            found_in.setdefault(stem, set()).add(f"{match.entry.term}/{match.entry.kind}")
    missing = [
        f"{entry.file}:{entry.line}: {entry.term} not found in {stem}"
        for entry in glossary.entries
        for stem in entry.in_text
        if f"{entry.term}/{entry.kind}" not in found_in.get(stem, set())
    ]
    assert missing == []
