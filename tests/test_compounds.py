"""Compounds split with the dictionary's own headwords (issue 9, item 5)."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.compounds import split_compound, split_particle_verb
from glossary.loading import load_glossaries
from glossary.lookup import WordLookup
from tests.fixtures_glossary import REAL_DING

KNOWN = {
    "Angriff": "Angriff",
    "Krieg": "Krieg",
    "Eisenbahn": "Eisenbahn",
    "Partisanen": "Partisan",  # a plural headword, brought to its singular
    "Schule": "Schule",
    "Buch": "Buch",
    "drohen": "drohen",
    "Brief": "Brief",
    "groß": "groß",
    "Stadt": "Stadt",
    "Verfassung": "Verfassung",
    "Gericht": "Gericht",
    "Bund": "Bund",
}


def known(text: str) -> str | None:
    return KNOWN.get(text)


@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Angriffskrieg", ["Angriff", "Krieg"]),  # linking -s-
        ("Eisenbahnpartisanen", ["Eisenbahn", "Partisan"]),  # plural head reached
        ("Schulbuch", ["Schule", "Buch"]),  # dropped -e
        ("Drohbrief", ["drohen", "Brief"]),  # a verb's stem, never "droh"
        ("Großstadt", ["groß", "Stadt"]),
        ("Bundesverfassungsgericht", ["Bund", "Verfassung", "Gericht"]),  # -es-, -s-
    ],
)
def test_split_with_known_parts(word: str, parts: list[str]) -> None:
    assert [part.headword for part in split_compound(word, known)] == parts


@pytest.mark.parametrize("word", ["Krieg", "Kriegx", "Haus", "", "Brie"])
def test_no_split(word: str) -> None:
    assert split_compound(word, known) == ()


@settings(max_examples=1000, deadline=None)
@given(st.text(max_size=80))
def test_any_word_splits_without_error(word: str) -> None:
    for part in split_compound(word, known):
        assert part.headword in KNOWN.values()


@pytest.fixture(scope="module")
def real_lookup() -> Iterator[WordLookup]:
    lookup = WordLookup.create(load_glossaries([]), REAL_DING)
    yield lookup
    lookup.close()


@pytest.mark.skipif(not REAL_DING.is_file(), reason="Debian package trans-de-en not installed")
@pytest.mark.parametrize(
    ("word", "parts"),
    [
        ("Drohkulisse", ["drohen", "Kulisse"]),  # issue 9: was "droh — ?"
        ("Drohszenarien", ["drohen", "Szenario"]),  # was "droh — ?", "Szenari — ?"
        ("Bahnhofsvorplätze", ["Bahnhof", "Vorplatz"]),  # plural head: was no parts
        ("Angriffskrieg", ["Angriff", "Krieg"]),
        ("Haustürschlüssel", ["Haustür", "Schlüssel"]),
        ("Regierungserklärung", ["Regierung", "Erklärung"]),
        ("Eisenbahnpartisanen", ["Eisenbahn", "Partisan"]),
    ],
)
def test_real_compounds(real_lookup: WordLookup, word: str, parts: list[str]) -> None:
    result = real_lookup.lookup(word)
    assert [part.part for part in result.compound_parts] == parts
    assert all(part.senses for part in result.compound_parts)


@pytest.mark.skipif(not REAL_DING.is_file(), reason="Debian package trans-de-en not installed")
@pytest.mark.parametrize("word", ["Vorsicht", "Bahnhof", "Regierung"])
def test_simple_words_are_no_compounds(real_lookup: WordLookup, word: str) -> None:
    assert real_lookup.lookup(word).compound_parts == ()


def test_particle_verb_split_takes_the_longest_particle() -> None:
    verbs = {"wehen", "sitzen", "heben"}
    assert split_particle_verb("davonwehen", verbs.__contains__) == ("davon", "wehen")
    assert split_particle_verb("dasitzen", verbs.__contains__) == ("da", "sitzen")
    assert split_particle_verb("entgegenheben", verbs.__contains__) == ("entgegen", "heben")
    assert split_particle_verb("davonlaufen", verbs.__contains__) is None
    assert split_particle_verb("Dasitzen", verbs.__contains__) is None  # a noun


@pytest.mark.skipif(not REAL_DING.is_file(), reason="Debian package trans-de-en not installed")
@pytest.mark.parametrize(
    ("word", "part", "english"),
    [
        # Ding's first line for the part is a rare sense; the part's common one comes first.
        ("Hauptstadt", "Haupt", "head"),  # was "Haupt {n} :: pilot"
        ("Bundeskanzler", "Bund", "federation; league"),  # "Bund [in Zusammensetzungen]"
        ("Staatsanwalt", "Anwalt", "lawyer"),  # was "Anwalt {m} :: procurator"
        # Where the first line was right it stays first.
        ("Angriffskrieg", "Angriff", "attack"),
        ("Wasserflasche", "Flasche", "bottle"),
        ("Lebensmittel", "Mittel", "means"),
        ("Regierungserklärung", "Erklärung", "explanation"),
        # Its own lines keep Ding's order: a common homograph is no common sense.
        ("Pelzmuff", "Muff", "muff"),  # not "Muff; muffiger Geruch :: must"
    ],
)
def test_parts_glossed_with_their_common_sense(
    real_lookup: WordLookup, word: str, part: str, english: str
) -> None:
    parts = {gloss.part: gloss for gloss in real_lookup.lookup(word).compound_parts}
    assert parts[part].senses[0].english.startswith(english)
