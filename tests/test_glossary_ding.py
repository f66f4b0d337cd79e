"""Tests for the Ding dictionary reader and its cached index."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from glossary.ding import (
    DictionaryMissing,
    DingDictionary,
    dictionary_path,
    lookup_key,
    parse_line,
)
from tests.fixtures_glossary import REAL_DING


@pytest.mark.parametrize(
    ("text", "key"),
    [
        ("Vertrag {m}", "vertrag"),
        ("Krieg {m} (gegen jdn.) [mil.]", "krieg"),
        ("Ukraine {f} /UA/ [geogr.]", "ukraine"),
        ("Aalmolche {pl} <Aalmolch>", "aalmolche"),
        ("  es  fällt aus ", "es fällt aus"),
    ],
)
def test_lookup_key_drops_annotations(text: str, key: str) -> None:
    assert lookup_key(text) == key


@pytest.mark.parametrize(
    "line", ["# Version :: devel", "", "no separator here", "#Vertrag :: contract"]
)
def test_header_and_bad_lines_are_skipped(line: str) -> None:
    assert parse_line(line) is None


def test_parallel_sub_entries_pair_the_inflected_form(ding_sample: Path) -> None:
    dictionary = DingDictionary.open(ding_sample)
    senses = dictionary.senses("Verträge")
    assert senses[0].german == "Verträge {pl}"
    assert senses[0].english == "contracts; treaties"
    assert senses[0].headword == "Vertrag {m}"
    dictionary.close()


def test_base_form_first_with_gender_and_plural(ding_sample: Path) -> None:
    dictionary = DingDictionary.open(ding_sample)
    senses = dictionary.senses("Vertrag")
    assert [sense.line for sense in senses] == [3, 4]
    assert senses[0].gender == "m"
    assert senses[0].plural == "Verträge"
    assert senses[0].part_of_speech == "noun"
    dictionary.close()


def test_exact_case_keeps_nouns_and_adjectives_apart(ding_sample: Path) -> None:
    dictionary = DingDictionary.open(ding_sample)
    assert dictionary.senses("rote", exact_case=True) == ()
    assert dictionary.senses("Rote", exact_case=True)[0].english.startswith("Red")
    assert dictionary.senses("rot")[0].english == "red"
    dictionary.close()


def test_index_is_built_once_and_rebuilt_when_the_file_changes(
    ding_sample: Path, tmp_path: Path
) -> None:
    copy = tmp_path / "de-en"
    copy.write_bytes(ding_sample.read_bytes())
    first = DingDictionary.open(copy)
    first_index = first.index_path
    first.close()
    built = first_index.stat().st_mtime_ns
    second = DingDictionary.open(copy)
    assert second.index_path == first_index
    assert first_index.stat().st_mtime_ns == built
    second.close()
    with copy.open("a", encoding="utf-8") as extra:
        extra.write("Bahnhof {m} | Bahnhöfe {pl} :: station | stations\n")
    third = DingDictionary.open(copy)
    assert third.index_path != first_index
    assert not first_index.exists()
    assert third.senses("Bahnhöfe")[0].english == "stations"
    third.close()


def test_missing_dictionary_says_how_to_install(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LESEPULT_DING_PATH", str(tmp_path / "nothing"))
    assert dictionary_path() == tmp_path / "nothing"
    with pytest.raises(DictionaryMissing, match="sudo apt-get install trans-de-en"):
        DingDictionary.open()


@pytest.mark.skipif(not REAL_DING.is_file(), reason="Debian package trans-de-en not installed")
def test_real_dictionary() -> None:
    dictionary = DingDictionary.open(REAL_DING)
    for word, english in [("Teppich", "carpet"), ("Ukraine", "Ukraine"), ("ausfallen", "fall out")]:
        assert any(english in sense.english for sense in dictionary.senses(word)), word
    assert dictionary.index_path.parent == Path(os.environ["LESEPULT_CACHE_DIR"])
    dictionary.close()
