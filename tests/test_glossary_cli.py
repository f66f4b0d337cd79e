"""Tests for the glossary CLI: lookup, list, show, validate, where."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from tests.fixtures_glossary import DING_SAMPLE


@pytest.fixture(autouse=True)
def sample_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every CLI test uses the small Ding sample."""
    monkeypatch.setenv("LESEPULT_DING_PATH", str(DING_SAMPLE))


def test_lookup_with_context_finds_the_separable_verb(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(["lookup", "fielen", "--context", "Die Reaktionen fielen heftig aus.", "--json"])
    data = json.loads(capsys.readouterr().out)
    assert status == 0
    assert data["separable_verb"] == "ausfallen"
    assert data["found_by"] == "separable verb"
    assert data["senses"][0]["english"].startswith("to fall out")


def test_lookup_text_output_puts_the_dictionary_after_the_glossary(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["lookup", "Verträge"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0].startswith("Verträge → Vertrag")
    assert "contracts; treaties" in out


def test_lookup_word_missing_from_context_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["lookup", "Hund", "--context", "Die Katze schläft."]) == 2
    assert capsys.readouterr().err.strip() == (
        "lesepult: 'Hund' does not occur in the --context sentence"
    )


def test_lookup_without_dictionary_says_how_to_install(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("LESEPULT_DING_PATH", str(tmp_path / "absent"))
    main(["lookup", "Teppich"])
    assert "sudo apt-get install trans-de-en" in capsys.readouterr().out


def test_validate_reports_file_line_field_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    broken = tmp_path / "broken.yaml"
    broken.write_text(
        'glossary: T\nversion: "1"\nentries:\n  - term: Krieg\n    kind: noun\n'
        "    renderings: [war]\n    explanation: War.\n    colour: red\n",
        encoding="utf-8",
    )
    assert main(["glossary", "validate", str(broken)]) == 1
    assert capsys.readouterr().out.strip() == (
        f"{broken}:8: entries[0].colour: is not a known field"
    )


def test_validate_sound_file_exits_0(
    sample_glossary_file: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["glossary", "validate", str(sample_glossary_file)]) == 0
    assert "no problems" in capsys.readouterr().out


def test_list_show_and_where_on_the_curated_glossary(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    if not listing["entries"]:
        pytest.skip("no curated glossary yet")
    assert main(["glossary", "show", "unionsvertrag", "--json"]) == 0
    shown = json.loads(capsys.readouterr().out)
    assert shown[0]["term"] == "Unionsvertrag"
    assert main(["glossary", "where", "Unionsvertrag", "--json"]) == 0
    places = json.loads(capsys.readouterr().out)
    assert places and all("Unionsvertrag" in place["words"][0] for place in places)


def test_show_unknown_term_exits_1(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["glossary", "show", "Quatschwort"]) == 1
    assert "no glossary entry for 'Quatschwort'" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("nope.yaml", None, "no such file"),
        ("bin.txt", b"\xff\xfe\x00binary\x80", "not UTF-8 text (a glossary is a UTF-8 YAML file)"),
        ("folder", "directory", "is a directory, not a glossary file"),
    ],
)
def test_validate_unreadable_files_gets_one_clean_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    content: bytes | str | None,
    message: str,
) -> None:
    path = tmp_path / name
    if content == "directory":
        path.mkdir()
    elif isinstance(content, bytes):
        path.write_bytes(content)
    assert main(["glossary", "validate", str(path)]) == 1
    assert capsys.readouterr().out.strip() == f"{path}: {message}"
