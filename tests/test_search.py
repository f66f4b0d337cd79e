"""The one search (reader.search): the sentence a match belongs to, the app, the CLI and the
glossary screen's occurrences all agreeing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.matching import GlossaryMatcher
from glossary.schema import GlossaryEntry, GlossarySet
from reader.cli import main
from reader.core.text import parse_document
from reader.search import (
    compile_pattern,
    find_matches,
    first_match_from,
    sentence_of,
    term_occurrences,
)
from reader.store import Store
from reader.ui.screens.glossary import GlossaryScreen
from tests.ui_support import open_reader, settle

# Three sentences in one block: "Der Hund bellt." "Die Katze schläft." "Dann kam der Regen."
TEXT = "# Titel\n\nDer Hund bellt. Die Katze schläft. Dann kam der Regen.\n"


@pytest.mark.parametrize(
    ("query", "sentence"),
    [
        (r"\s+dann", 2),  # starts between sentences 1 and 2: its first word is in 2
        (r"schläft\.\s+dann", 1),  # starts inside sentence 1
        (r"\.\s+dann", 2),  # starts on sentence 1's full stop: its first word is in 2
        (r"\.\s+", 0),  # no word character: where it starts
        (r"(?<=\.)\s+", 1),  # no word character, between sentences: the following one
        ("hund", 0),
        ("regen", 2),
    ],
)
def test_a_match_belongs_to_the_sentence_of_its_first_word_character(
    query: str, sentence: int
) -> None:
    document = parse_document(TEXT, "test")
    (match, *_) = find_matches(document, compile_pattern(query))
    found = sentence_of(document, match)
    assert found is not None and found.index == sentence


def test_queries_are_regular_expressions_or_else_literal_and_without_case() -> None:
    document = parse_document("# T\n\nEr sagte (leise) nein. LEISE.\n", "test")
    assert [m.text for m in find_matches(document, compile_pattern("(leise"))] == ["(leise"]
    assert [m.text for m in find_matches(document, compile_pattern("lei.e"))] == [
        "leise",
        "LEISE",
    ]
    assert find_matches(document, compile_pattern("x*")) == ()  # empty matches are no hits


@pytest.mark.parametrize(("offset", "index"), [(0, 0), (5, 0), (6, 1), (8, 1), (9, 0)])
def test_the_next_match_from_an_offset_wraps_around(offset: int, index: int) -> None:
    document = parse_document("# T\n\nab ab\n", "test")
    matches = find_matches(document, compile_pattern("ab"))
    assert [m.start for m in matches] == [5, 8]
    assert first_match_from(matches, offset) == index


def test_the_cli_places_a_match_between_sentences_as_the_app_does(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "drei.md"
    text.write_text(TEXT, "utf-8")
    assert main(["search", r"\s+dann", str(text), "--json"]) == 0
    (hit,) = json.loads(capsys.readouterr().out)
    assert (hit["block"], hit["sentence"]) == (1, 2)  # was 1: the sentence before


async def test_the_app_places_a_match_between_sentences_as_the_cli_does(store: Store) -> None:
    document = parse_document(TEXT, "test")
    async with open_reader(document, store) as (app, pilot, screen):
        screen.search(r"\s+dann")
        await settle(pilot)
        assert (screen.cursor.block, screen.cursor.sentence) == (1, 2)  # was (1, 0)


TWICE = "# Titel\n\nDer Unionsvertrag und der Unionsvertrag. Gut.\n\nDer Unionsvertrag gilt.\n"


def test_occurrences_count_each_place_once_in_text_order(sample_glossary: GlossarySet) -> None:
    document = parse_document(TWICE, "test")
    matches = GlossaryMatcher(sample_glossary).matches_in(document.all_sentences())
    found = term_occurrences([*matches, *matches])  # a match seen twice is one place
    (entry,) = (entry for entry in found if entry.term == "Unionsvertrag")
    places = found[entry]
    assert [(o.match.block, o.sentence) for o in places] == [(1, 0), (1, 0), (2, 0)]
    assert [o.match.start for o in places] == sorted(o.match.start for o in places)


async def test_glossary_screen_and_n_count_the_same_occurrences(
    sample_glossary: GlossarySet, store: Store
) -> None:
    document = parse_document(TWICE, "test")
    entry: GlossaryEntry = next(e for e in sample_glossary.entries if e.term == "Unionsvertrag")
    matches = GlossaryMatcher(sample_glossary).matches_in(document.all_sentences())
    glossary_screen = GlossaryScreen(sample_glossary, matches)
    position = sample_glossary.entries.index(entry)
    assert len(glossary_screen.occurrences[position]) == 3  # was 2: sentences, not places
    async with open_reader(document, store) as (app, pilot, screen):
        screen.glossary = sample_glossary
        screen.matcher = GlossaryMatcher(sample_glossary)
        screen.analyses.clear()
        screen._analyse_visible(force=True)
        await settle(pilot)
        screen.show_occurrences(entry, tuple(glossary_screen.occurrences[position]))
        assert screen.status.message.startswith("Unionsvertrag: occurrence 1/3")
        screen.action_next_match()
        assert screen.status.message == "match 2/3"
        assert (screen.cursor.block, screen.cursor.sentence) == (1, 0)
        screen.action_next_match()
        assert screen.status.message == "match 3/3"
        assert (screen.cursor.block, screen.cursor.sentence) == (2, 0)
