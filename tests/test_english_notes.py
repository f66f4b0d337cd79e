"""The checks shown under a block's machine English (reader.english.machine_notes) and the
findings they come from, as data (reader.translation.checks.check_translation)."""

from __future__ import annotations

import pytest

from glossary.matching import GlossaryMatcher
from glossary.schema import GlossarySet
from reader.analysis import BlockAnalysis, SentenceAnalysis
from reader.core.text import parse_document
from reader.english import machine_notes
from reader.translation.checks import CheckFinding, check_translation, translation_flags
from reader.translation.store import SentenceTranslation


@pytest.mark.parametrize(
    ("german", "english", "names", "expected"),
    [
        ("Der Hund bellt.", "The dog barks.", (), ()),
        (
            "Die Verhandlungen über den neuen Vertrag dauerten sehr lange.",
            "Talks.",
            (),
            (CheckFinding("short"),),
        ),
        (
            "Die Verwaltung tagte.",
            "The Verwaltung met.",
            (),
            (CheckFinding("untranslated", "Verwaltung"),),
        ),
        ("Die Verwaltung tagte.", "The Verwaltung met.", ("Verwaltung",), ()),
    ],
)
def test_findings_are_data_and_flags_are_their_text(
    german: str, english: str, names: tuple[str, ...], expected: tuple[CheckFinding, ...]
) -> None:
    assert check_translation(german, english, names) == expected
    assert translation_flags(german, english, names) == tuple(f.flag for f in expected)


def test_flag_text_is_what_the_store_keeps() -> None:
    assert CheckFinding("short").flag == "short"
    assert CheckFinding("untranslated", "Krieg").flag == "untranslated: Krieg"


TEXT = "# T\n\nDie Verwaltung tagte. Der Hund bellt. Der Unionsvertrag gilt.\n"


def test_machine_notes_name_each_sentence_with_findings(sample_glossary: GlossarySet) -> None:
    document = parse_document(TEXT, "test")
    sentences = document.sentences(1)
    machine = {
        sentences[0].text: SentenceTranslation(
            sentences[0].text, "The Verwaltung met.", "machine", "m"
        ),
        sentences[1].text: SentenceTranslation(sentences[1].text, "The dog barks.", "machine", "m"),
        sentences[2].text: SentenceTranslation(
            sentences[2].text, "The pact applies.", "machine", "m"
        ),
    }
    assert machine_notes(sentences, machine, None, ()) == (
        "⚑ sentence 1: left in German: Verwaltung",
    )
    matches = GlossaryMatcher(sample_glossary).matches_in(sentences)
    analysis = BlockAnalysis(
        1,
        tuple(
            SentenceAnalysis(
                tuple(t.text for t in s.tokens), tuple(m for m in matches if m.sentence == s.index)
            )
            for s in sentences
        ),
    )
    notes = machine_notes(sentences, machine, analysis, ("Verwaltung",))
    assert notes == ("⚑ sentence 3: Unionsvertrag → the glossary says “Union Treaty”",)


def test_the_readers_own_english_is_not_checked() -> None:
    document = parse_document(TEXT, "test")
    sentences = document.sentences(1)
    german = sentences[0].text
    edited = {german: SentenceTranslation(german, "The Verwaltung met.", "edited", None)}
    assert machine_notes(sentences, edited, None, ()) == ()
    pending = {german: SentenceTranslation(german, "", "machine", "m")}
    assert machine_notes(sentences, pending, None, ()) == ()
