"""Tests for reading Ding's line syntax and for the index built from real Ding lines (issue 9).

``tests/data/ding-real-lines.txt`` holds lines copied from the Ding dictionary (GPL-2.0 or
later, compatible with the project's GPL-3.0-or-later), so every pattern is checked on the
file's real syntax even where the Debian package is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.ding import DingDictionary, lookup_key, parse_entry, split_synonyms
from glossary.ding_parse import markers_of, plural_of, shares_stem, strip_placeholders
from glossary.ding_phrases import phrase_slots

REAL_LINES = Path(__file__).resolve().parent / "data" / "ding-real-lines.txt"


@pytest.fixture
def real_lines() -> DingDictionary:
    """The index of the real-lines sample."""
    return DingDictionary.open(REAL_LINES)


@pytest.mark.parametrize(
    ("sub_entry", "synonyms"),
    [
        ("zufolge {prp; +Dat.}", ["zufolge {prp; +Dat.}"]),
        (
            "in {prp; wohin?, bis wann? +Akk.}",
            ["in {prp; wohin?, bis wann? +Akk.}"],
        ),
        (
            "sich weigern; sich sträuben {vr} (etw. zu tun)",
            ["sich weigern", "sich sträuben {vr} (etw. zu tun)"],
        ),
        (
            "Kenntnis {f} (von etw.); Kenntnisse {pl} (in einem Sachgebiet)",
            ["Kenntnis {f} (von etw.)", "Kenntnisse {pl} (in einem Sachgebiet)"],
        ),
    ],
)
def test_markers_are_parsed_before_synonyms_are_split(sub_entry: str, synonyms: list[str]) -> None:
    assert split_synonyms(sub_entry) == synonyms


@pytest.mark.parametrize(
    ("text", "markers"),
    [
        ("zufolge {prp; +Dat.}", ("prp", "+Dat.")),
        ("Rote {m,f}", ("m", "f")),
        ("sich weigern {vr}", ("vr",)),
    ],
)
def test_markers_are_split_into_parts(text: str, markers: tuple[str, ...]) -> None:
    assert markers_of(text) == markers


@pytest.mark.parametrize(
    ("text", "bare"),
    [
        ("sich weigern", "weigern"),
        ("etw. verlangen", "verlangen"),
        ("jdn. beschuldigen", "beschuldigen"),
        ("jdm. etw. vorwerfen", "vorwerfen"),
        ("sich etw. vornehmen", "vornehmen"),
        ("gegen etw. vorgehen", "vorgehen"),
        ("jdn./etw. anerkennen", "anerkennen"),
        ("einen Ort räumen", "räumen"),
        ("jdn. unter Druck setzen", "unter Druck setzen"),
        ("etw. zur Kenntnis nehmen", "zur Kenntnis nehmen"),
        ("etw. nach sich ziehen", "nach ziehen"),
        ("Vertrag", "Vertrag"),
    ],
)
def test_placeholders_are_dropped_for_the_bare_key(text: str, bare: str) -> None:
    assert strip_placeholders(text) == bare


def test_a_slash_inside_a_phrase_is_no_abbreviation() -> None:
    assert lookup_key("die Sache/den Fall/den Stein [geh.] ins Rollen bringen {v}") == (
        "die sache/den fall/den stein ins rollen bringen"
    )
    assert lookup_key("Ukraine {f} /UA/ [geogr.]") == "ukraine"


@pytest.mark.parametrize(
    ("word", "form", "english"),
    [
        ("weigern", "sich weigern", "to refuse"),  # issue 9 bug 1: found under the bare verb
        ("zufolge", "zufolge", "according to"),  # bug 2: "{prp; +Dat.}" kept whole
        ("vorgehen", "gegen etw. vorgehen", "to fight sth."),
        ("anerkennen", "jdn./etw. anerkennen", "to recognize"),
        ("vornehmen", "sich etw. vornehmen", "to intend"),
        ("hinzufügen", "etw. hinzufügen", "to add sth."),
    ],
)
def test_verbs_are_found_under_the_bare_verb(
    real_lines: DingDictionary, word: str, form: str, english: str
) -> None:
    senses = real_lines.senses(word, 10)
    assert senses, word
    assert any(english in sense.english for sense in senses), [s.english for s in senses]
    matched = next(sense for sense in senses if english in sense.english)
    assert matched.form == form  # the full form, placeholders kept, is shown


def test_reflexive_form_is_found_as_written_too(real_lines: DingDictionary) -> None:
    assert real_lines.senses("sich weigern")[0].english == "to refuse"


def test_preposition_senses_are_found(real_lines: DingDictionary) -> None:
    senses = real_lines.senses("in", 10)
    assert [sense.english for sense in senses][:2] == ["in; at", "into; to"]
    assert senses[0].part_of_speech == "preposition"


def test_plural_is_paired_with_the_synonym_sharing_its_stem(real_lines: DingDictionary) -> None:
    # issue 9 bug: "lookup Kenntnis" said "plural Fachkenntnisse"
    plurals = {sense.plural for sense in real_lines.senses("Kenntnis", 10)}
    assert "Fachkenntnisse" not in plurals
    assert "Kenntnisse" in plurals


@pytest.mark.parametrize(
    ("singular", "plural", "pairs"),
    [
        ("Vertrag", "Verträge", True),
        ("Kenntnis", "Kenntnisse", True),
        ("Kenntnis", "Fachkenntnisse", False),
        ("Mutter", "Mütter", True),
        ("Rolle", "Rädchen", False),
    ],
)
def test_shares_stem(singular: str, plural: str, pairs: bool) -> None:
    assert shares_stem(singular, plural) is pairs


def test_plural_of_a_later_synonym() -> None:
    line = parse_entry("Rolle {f}; Rädchen {n} | Rollen {pl}; Rädchen {pl} :: roll | rolls")
    assert line is not None
    assert plural_of(line, 0, 0) == "Rollen"
    assert plural_of(line, 0, 1) == "Rädchen"


@pytest.mark.parametrize(
    ("phrase", "slots"),
    [
        ("eine Rolle spielen", [("rolle", "noun"), ("spielen", "verb")]),
        ("keine Rolle spielen", [("keine", "word"), ("rolle", "noun"), ("spielen", "verb")]),
        ("jdn. unter Druck setzen", [("unter", "prep"), ("druck", "noun"), ("setzen", "verb")]),
        ("etw. zur/zu Kenntnis nehmen", [("zu", "prep"), ("kenntnis", "noun"), ("nehmen", "verb")]),
        ("die Weichen für etw. stellen", [("weichen", "noun"), ("stellen", "verb")]),
        (
            "die Sache/den Fall/den Stein ins Rollen bringen",
            [("in", "prep"), ("rollen", "noun"), ("bringen", "verb")],
        ),
    ],
)
def test_phrase_slots(phrase: str, slots: list[tuple[str, str]]) -> None:
    found = phrase_slots(phrase)
    assert found is not None
    assert [(slot.forms[0], slot.kind) for slot in found] == slots


@pytest.mark.parametrize(
    "text",
    [
        "Der Preis spielt keine Rolle.",  # an example sentence
        "etw. tun",  # one word once placeholders are gone
        "mit der",  # function words only (a reflexive verb or "unter hohem Druck" is a phrase)
        "etw. zur Folge haben, was",
        "ausmachen",
    ],
)
def test_not_phrases(text: str) -> None:
    assert phrase_slots(text) is None


def test_phrases_are_indexed_by_their_nouns(real_lines: DingDictionary) -> None:
    texts = {phrase.text for phrase in real_lines.phrases_with(["rolle"])}
    assert {"eine Rolle spielen", "keine Rolle spielen"} <= texts
    druck = [(p.text, p.english) for p in real_lines.phrases_with(["druck"])]
    assert any(t == "jdn. unter Druck setzen" and "to pressurize" in e for t, e in druck)


@settings(max_examples=2000, deadline=None)
@given(st.text(max_size=200))
def test_any_line_parses_without_error(line: str) -> None:
    entry = parse_entry(line)
    if entry is not None:
        assert len(entry.synonyms) == len(entry.german)
        for synonyms in entry.synonyms:
            for synonym in synonyms:
                phrase_slots(synonym.cased)
                strip_placeholders(synonym.cased)
