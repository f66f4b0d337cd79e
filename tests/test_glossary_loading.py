"""Tests for reading, validating and extending glossary files."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.loading import (
    add_user_entry,
    curated_glossary_paths,
    load_glossaries,
    parse_glossary_text,
    validate_entry_data,
)
from glossary.schema import GlossaryEntry
from reader.core.errors import UserError

HEADER = 'glossary: "T"\nversion: "1"\nentries:\n'
GOOD_ENTRY = "  - term: Krieg\n    kind: noun\n    renderings: [war]\n    explanation: War.\n"


def test_sample_glossary_loads_without_problems(sample_glossary_file: Path) -> None:
    parsed = parse_glossary_text(sample_glossary_file.read_text(), "sample.yaml")
    assert parsed.problems == ()
    assert len(parsed.entries) == 10
    partisan = next(entry for entry in parsed.entries if entry.term == "Partisan")
    assert partisan.gender == "m"
    assert partisan.line == 35
    assert parsed.header is not None and parsed.header.version == "2026.1"


@pytest.mark.parametrize(
    ("text", "line", "field", "message"),
    [
        (HEADER + GOOD_ENTRY + "    colour: red\n", 8, "entries[0].colour", "not a known field"),
        (
            HEADER + "  - term: Krieg\n    kind: noun\n    explanation: War.\n",
            4,
            "entries[0].renderings",
            "required",
        ),
        (
            HEADER + "  - term: Krieg\n    kind: noun\n    renderings: []\n    explanation: W.\n",
            6,
            "entries[0].renderings",
            "empty",
        ),
        (
            HEADER + "  - term: Krieg\n    kind: noun\n    renderings: [war]\n    explanation: 3\n",
            7,
            "entries[0].explanation",
            "must be a text",
        ),
        (HEADER + GOOD_ENTRY + GOOD_ENTRY, 8, "entries[1].term", "duplicate term"),
        (
            HEADER + GOOD_ENTRY.replace("kind: noun", "kind: thing"),
            5,
            "entries[0].kind",
            "not one of",
        ),
        (HEADER + GOOD_ENTRY + "    gender: x\n", 8, "entries[0].gender", "not m, f or n"),
        (
            HEADER + GOOD_ENTRY + "    parts: [{part: Krieg}]\n",
            8,
            "entries[0].parts[0].meaning",
            "required",
        ),
        (HEADER + GOOD_ENTRY + "    forms: {a: b}\n", 8, "entries[0].forms", "list of texts"),
        ('glossary: "T"\nentries: []\n', 1, "version", "required"),
        ('glossary: "T"\nversion: 1.0\nentries: []\n', 2, "version", "must be a text"),
        (HEADER + "  - term: [unclosed\n", 5, "", "not valid YAML"),
        ("", 1, "", "empty"),
        (HEADER + GOOD_ENTRY + "    term: Frieden\n", 8, "entries[0].term", "appears twice"),
    ],
)
def test_validation_names_file_line_and_field(
    text: str, line: int, field: str, message: str
) -> None:
    parsed = parse_glossary_text(text, "broken.yaml")
    assert parsed.entries == ()
    assert any(
        problem.line == line and problem.field == field and message in problem.message
        for problem in parsed.problems
    ), [str(problem) for problem in parsed.problems]
    assert str(parsed.problems[0]).startswith("broken.yaml:")


def test_broken_file_is_left_out_and_reported(sample_glossary_file: Path, tmp_path: Path) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(HEADER + "  - term: Krieg\n", encoding="utf-8")
    loaded = load_glossaries([sample_glossary_file, broken], tmp_path / "none.yaml")
    assert len(loaded.entries) == 10
    assert loaded.problems and all(p.file == str(broken) for p in loaded.problems)
    assert loaded.version == "2026.1"


def test_user_entry_is_added_atomically_and_listed_after_curated(
    sample_glossary_file: Path, tmp_path: Path
) -> None:
    user_file = tmp_path / "config" / "glossary.yaml"
    entry = GlossaryEntry(
        term="Manöver", kind="noun", gender="n", renderings=("manoeuvre",), explanation="Drill."
    )
    add_user_entry(entry, user_file, [sample_glossary_file])
    second = GlossaryEntry(term="trotten", kind="verb", renderings=("trot",), explanation="Walk.")
    add_user_entry(second, user_file, [sample_glossary_file])
    loaded = load_glossaries([sample_glossary_file], user_file)
    assert loaded.problems == ()
    assert [e.term for e in loaded.entries[-2:]] == ["Manöver", "trotten"]
    assert loaded.entries[-1].origin == "user"
    assert not list(user_file.parent.glob(".*"))  # no temporary file left behind


def test_user_entry_keeps_the_readers_comments(sample_glossary_file: Path, tmp_path: Path) -> None:
    user_file = tmp_path / "glossary.yaml"
    user_file.write_text("# my notes\n" + HEADER + GOOD_ENTRY, encoding="utf-8")
    entry = GlossaryEntry(term="trotten", kind="verb", renderings=("trot",), explanation="Walk.")
    add_user_entry(entry, user_file, [sample_glossary_file])
    text = user_file.read_text(encoding="utf-8")
    assert text.startswith("# my notes\n")
    assert [e.term for e in load_glossaries([], user_file).entries] == ["Krieg", "trotten"]


@pytest.mark.parametrize(
    ("entry", "message"),
    [
        (
            GlossaryEntry(term="Partisan", kind="noun", renderings=("x",), explanation="x"),
            "curated",
        ),
        (GlossaryEntry(term="Krieg", kind="noun", renderings=(), explanation="x"), "renderings"),
        (
            GlossaryEntry(term="Krieg", kind="noun", renderings=("w",), explanation=""),
            "explanation",
        ),
        (GlossaryEntry(term="Krieg", kind="bogus", renderings=("w",), explanation="x"), "kind"),
    ],
)
def test_user_entry_that_breaks_the_rules_is_refused(
    entry: GlossaryEntry, message: str, sample_glossary_file: Path, tmp_path: Path
) -> None:
    user_file = tmp_path / "glossary.yaml"
    with pytest.raises(UserError, match=message):
        add_user_entry(entry, user_file, [sample_glossary_file])
    assert not user_file.exists()


def test_user_file_never_overrides_a_curated_entry(
    sample_glossary_file: Path, tmp_path: Path
) -> None:
    user_file = tmp_path / "glossary.yaml"
    user_file.write_text(
        HEADER + GOOD_ENTRY.replace("Krieg", "Partisan").replace("war]", "guerrilla]"),
        encoding="utf-8",
    )
    loaded = load_glossaries([sample_glossary_file], user_file)
    partisans = loaded.find("Partisan")
    assert [e.origin for e in partisans] == ["curated"]
    assert any("curated" in p.message for p in loaded.problems)


def test_validate_entry_data_names_plain_fields() -> None:
    problems = validate_entry_data({"term": "x", "kind": "noun", "renderings": []})
    assert {p.field for p in problems} >= {"renderings", "explanation"}


def test_curated_glossaries_validate() -> None:
    for path in curated_glossary_paths():
        parsed = parse_glossary_text(path.read_text(encoding="utf-8"), str(path))
        assert parsed.problems == (), [str(p) for p in parsed.problems]
