"""Tests for checking English translations against the glossary's renderings."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from glossary.checking import (
    contains_rendering,
    expected_renderings,
    glossary_names,
    missing_renderings,
    words,
)
from glossary.loading import curated_glossary_paths, load_glossaries, user_glossary_path
from glossary.matching import GlossaryMatcher, TermMatch
from glossary.schema import GlossaryEntry, GlossarySet
from reader.cli import main
from reader.cli.common import open_store
from reader.core.paths import BUNDLED_TEXTS_DIR
from reader.core.text import Document, load_reference
from reader.translation import MISSING_MODEL_HELP, ModelInfo, TranslationStore
from reader.translation.checks import untranslated_words

# Flags the curated reference translation is known to get, each because the English is
# freer than the glossary's renderings (see the report in the README's glossary section).
KNOWN_REFERENCE_FLAGS = {
    ("bereits", 7, 0),  # "Bereits seit Wochen" = "For weeks now"
    ("ausfallen", 10, 0),  # "Entsprechend fielen die Reaktionen aus" = "reacted accordingly"
}


def entry(
    term: str,
    kind: str,
    *renderings: str,
    forms: tuple[str, ...] = (),
    english_name: str | None = None,
) -> GlossaryEntry:
    return GlossaryEntry(
        term=term,
        kind=kind,
        renderings=renderings,
        explanation="-",
        forms=forms,
        english_name=english_name,
    )


def found(glossary_entry: GlossaryEntry, *tokens: int, how: str = "exact") -> TermMatch:
    return TermMatch(
        entry=glossary_entry,
        block=1,
        sentence=0,
        token_indexes=tokens,
        spans=tuple((i, i + 1) for i in tokens),
        how="compound" if how == "compound" else "exact",
    )


@pytest.mark.parametrize(
    ("english", "rendering"),
    [
        ("The rail-partisans sabotaged trains.", "rail partisan"),
        ("They are closely bound by a union treaty.", "Union Treaty"),
        ("KREMLIN CHIEF Putin visits Belarus.", "Kremlin chief"),
        ("Their last “talks among friends” were in Moscow.", "talks among friends"),
        ("Russia’s war goes on.", "Russia"),
        ("Lukashenko's army waits.", "Lukashenko"),
        ("The partisans' attacks go on.", "partisan"),
        ("Both treaties were signed.", "treaty"),
        ("He announced a trip.", "announce"),
        ("They are holding drills.", "hold"),
        ("The trip was planned.", "plan"),
        ("They rolled out the red carpet.", "roll out the red carpet"),
        ("Air strikes are flown from there.", "airstrike"),
        ("Airstrikes are flown from there.", "air strike"),
        ("Users of Charter 97 reacted.", "Charter'97"),
        ("The two heads of state met.", "head of state"),
        ("It is the Kremlin's decision.", "the Kremlin"),
        ("Kremlin officials agree.", "the Kremlin"),
        ("The taz reported it.", "taz (die tageszeitung)"),
        ("This so-called peace is fragile.", "so called"),
    ],
)
def test_renderings_are_found_however_inflected(english: str, rendering: str) -> None:
    assert contains_rendering(words(english), rendering)


@pytest.mark.parametrize(
    ("english", "rendering"),
    [
        ("It was an award.", "war"),
        ("The warden came.", "war"),
        ("He sat on the bed.", "bet"),
        ("The union of the two states.", "union treaty"),
        ("The carpet was red.", "red carpet"),
        ("They used it.", "us"),
        ("", "war"),
    ],
)
def test_renderings_are_not_found_inside_other_words(english: str, rendering: str) -> None:
    assert not contains_rendering(words(english), rendering)


def test_words_ignore_case_quotes_hyphens_and_possessives() -> None:
    assert words("Russia’s „rail-partisans“ (Belarus) PARTISANS'") == (
        "russia",
        "rail",
        "partisans",
        "partisans",
    )


def test_missing_rendering_is_flagged_with_what_the_glossary_expects() -> None:
    treaty = entry("Unionsvertrag", "noun", "union treaty", "Union State treaty")
    checks = missing_renderings([found(treaty, 1)], "The agreement of 1999 binds them.")
    assert [(c.match.entry.term, c.expected) for c in checks] == [
        ("Unionsvertrag", ("union treaty", "Union State treaty"))
    ]
    assert missing_renderings([found(treaty, 1)], "The Union Treaties of 1999.") == ()


@pytest.mark.parametrize(
    ("glossary_entry", "english", "flagged"),
    [
        (entry("Genderstern", "grammar", "gender star"), "The experts argue.", False),
        (entry("Quatsch", "noun", "—", "..."), "Nonsense.", False),
        (entry("Kyjiw", "place", "Kyiv", english_name="Kiev"), "Kiev prepares.", False),
        (entry("Kyjiw", "noun", "Kyiv", english_name="Kiev"), "Kiev prepares.", True),
        (entry("Kreml", "organisation", "Kremlin"), "Moscow decides.", True),
    ],
)
def test_grammar_empty_and_english_names(
    glossary_entry: GlossaryEntry, english: str, flagged: bool
) -> None:
    assert bool(missing_renderings([found(glossary_entry, 0)], english)) is flagged


def test_compound_part_covered_by_a_longer_term_is_not_checked() -> None:
    air_strike = entry("Luftangriff", "noun", "air strike")
    attack = entry("Angriff", "noun", "attack")
    matches = [found(air_strike, 2), found(attack, 2, how="compound")]
    assert missing_renderings(matches, "Air strikes are flown.") == ()
    alone = missing_renderings([found(attack, 2, how="compound")], "Air strikes are flown.")
    assert [check.match.entry.term for check in alone] == ["Angriff"]


def test_each_entry_is_checked_once_per_sentence() -> None:
    war = entry("Krieg", "noun", "war")
    checks = missing_renderings([found(war, 1), found(war, 5)], "The fighting goes on.")
    assert len(checks) == 1
    assert checks[0].match.token_indexes == (1,)


def test_expected_renderings_add_the_english_name_of_names_only() -> None:
    assert expected_renderings(entry("Lawrow", "name", "Lavrov", english_name="Sergei Lavrov")) == (
        "Lavrov",
        "Sergei Lavrov",
    )
    assert expected_renderings(entry("Genderstern", "grammar", "gender star")) == ()


def test_glossary_names_are_german_spellings_of_names_places_organisations() -> None:
    glossary = GlossarySet(
        entries=(
            entry("Putin", "name", "Putin", forms=("Wladimir Putin",)),
            entry("Schönbrunn", "place", "Schönbrunn"),
            entry("Unionsvertrag", "noun", "union treaty"),
        )
    )
    names = glossary_names(glossary)
    assert {"Putin", "Wladimir Putin", "Wladimir", "Schönbrunn"} <= names
    assert "Unionsvertrag" not in names
    german, english = "Wir besuchen Schönbrunn heute.", "We visit Schönbrunn today."
    assert untranslated_words(german, english) == ("Schönbrunn",)
    assert untranslated_words(german, english, names=names) == ()


@pytest.fixture(scope="module")
def curated() -> GlossarySet:
    paths = curated_glossary_paths()
    if not paths:
        pytest.skip("no curated glossary yet in glossary/data/")
    return load_glossaries(paths, BUNDLED_TEXTS_DIR / "no-user-file.yaml")


def reference_checks(
    glossary: GlossarySet, document: Document
) -> tuple[list[tuple[str, int, int]], dict[str, list[str]]]:
    """Flags on the reference as (term, block, sentence), and each term's English sentences."""
    reference = load_reference(document)
    assert reference is not None
    matcher = GlossaryMatcher(glossary)
    flags: list[tuple[str, int, int]] = []
    english_of: dict[str, list[str]] = {}
    for block, english_sentences in zip(document.blocks, reference.blocks, strict=True):
        german_sentences = document.sentences(block.index)
        assert len(german_sentences) == len(english_sentences)
        for sentence, english in zip(german_sentences, english_sentences, strict=True):
            matches = matcher.matches(sentence)
            for match in matches:
                english_of.setdefault(match.entry.term, []).append(english)
            flags += [
                (check.match.entry.term, block.index, sentence.index)
                for check in missing_renderings(matches, english)
            ]
    return flags, english_of


def test_reference_translation_gets_only_the_known_flags(
    curated: GlossarySet, article: Document
) -> None:
    flags, english_of = reference_checks(curated, article)
    assert sum(len(sentences) for sentences in english_of.values()) > 100
    assert set(flags) <= KNOWN_REFERENCE_FLAGS, flags


@pytest.mark.parametrize(
    ("term", "english"),
    [
        ("Eisenbahnpartisan", "rail partisans"),
        ("Unionsvertrag", "union treaty"),
        ("Kremlchef", "Kremlin chief"),
        ("Luftangriff", "Air strikes"),
        ("Lukaschenko", "Lukashenko"),
        ("Außenministerium", "Foreign Ministry"),
        ("den roten Teppich ausrollen", "red carpet"),
    ],
)
def test_obviously_fine_reference_pairs_are_not_flagged(
    curated: GlossarySet, article: Document, term: str, english: str
) -> None:
    flags, english_of = reference_checks(curated, article)
    assert any(english in sentence for sentence in english_of[term])
    assert term not in {flagged for flagged, _, _ in flags}


USER_GLOSSARY = """\
glossary: "Mine"
version: "1"
entries:
  - term: Schlüsselbund
    kind: noun
    renderings: [bunch of keys, key ring]
    explanation: Keys on a ring.
"""


@pytest.fixture
def keys_text(tmp_path: Path) -> Path:
    """A two-sentence text with a reference that misses the user's term in sentence one."""
    user_glossary_path().parent.mkdir(parents=True, exist_ok=True)
    user_glossary_path().write_text(USER_GLOSSARY, encoding="utf-8")
    text = tmp_path / "schluessel.md"
    text.write_text(
        "# Der Schlüssel\n\nDer Schlüsselbund liegt im Flur. Wo ist der Schlüsselbund?\n",
        encoding="utf-8",
    )
    text.with_name("schluessel.en.md").write_text(
        "# The key\n\nThe keys are in the hall.\nWhere is the bunch of keys?\n",
        encoding="utf-8",
    )
    return text


def test_check_reference_prints_sentence_term_and_english(
    keys_text: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "check", str(keys_text), "--translation", "reference"]) == 0
    out = capsys.readouterr().out.splitlines()
    assert out == [
        "block 2, sentence 1: Schlüsselbund — the glossary says: bunch of keys; key ring",
        "  reference: The keys are in the hall.",
    ]


def test_check_machine_uses_stored_translations_and_corrections(
    keys_text: Path, tiny_model: ModelInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    first, second = "Der Schlüsselbund liegt im Flur.", "Wo ist der Schlüsselbund?"
    store = open_store()
    try:
        translations = TranslationStore(store)
        translations.save_machine(
            tiny_model.model_id, [(first, "The bunch of keys lies in the hall.")]
        )
        translations.correct(second, "Where are my keys?")
    finally:
        store.close()
    assert main(["glossary", "check", str(keys_text), "--translation", "machine", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["model"] == tiny_model.model_id
    assert report["sentences_checked"] == 2
    assert [(f["sentence"], f["term"], f["origin"]) for f in report["flags"]] == [
        (1, "Schlüsselbund", "edited")
    ]


def test_check_best_without_model_falls_back_to_the_reference(
    keys_text: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "check", str(keys_text), "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["model"] is None
    assert [(f["sentence"], f["origin"]) for f in report["flags"]] == [(0, "reference")]


def test_check_machine_without_model_says_how_to_install(
    keys_text: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "check", str(keys_text), "--translation", "machine"]) == 3
    err = capsys.readouterr().err
    assert err.startswith("lesepult: ") and MISSING_MODEL_HELP in err


def test_check_reference_of_a_text_without_one_is_a_one_line_error(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "alone.md"
    text.write_text("# Allein\n\nNiemand übersetzt das.\n", encoding="utf-8")
    assert main(["glossary", "check", str(text), "--translation", "reference"]) == 2
    assert capsys.readouterr().err.strip() == "lesepult: 'Allein' has no reference translation"


def test_check_on_the_bundled_article_reports_the_reference_flags(
    curated: GlossarySet, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "check", "--translation", "reference", "--json"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["sentences_checked"] > 20
    assert {(f["term"], f["block"], f["sentence"]) for f in report["flags"]} <= (
        KNOWN_REFERENCE_FLAGS
    )
    assert main(["glossary", "check", "--translation", "reference"]) == 0
    captured = capsys.readouterr()
    assert captured.out.count("— the glossary says:") == len(report["flags"])
    assert f"{len(report['flags'])} missing rendering(s)" in captured.err
