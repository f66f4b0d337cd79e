"""``lesepult correct``, ``alternatives`` and ``search`` end to end through ``main``."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.cli.common import open_document, open_store, sentence_at
from reader.core.errors import UserError
from reader.translation import ModelInfo, TranslationStore


def stored(german: str, model: str | None = None) -> tuple[str, str] | None:
    """The (English, origin) the store gives for a German sentence."""
    found = TranslationStore(open_store()).lookup(model, [german]).get(german)
    return (found.english, found.origin) if found else None


def run_json(capsys: pytest.CaptureFixture[str], *argv: str) -> Any:
    """Run a command that must succeed and return its parsed JSON output."""
    assert main([*argv, "--json"]) == 0
    return json.loads(capsys.readouterr().out)


# --- sentence addresses ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("address", "block", "sentence"), [("1.1", 0, 0), ("4.2", 3, 1), (" 11.1 ", 10, 0)]
)
def test_sentence_at_counts_from_one(address: str, block: int, sentence: int) -> None:
    found = sentence_at(open_document(None), address)
    assert (found.block, found.index) == (block, sentence)


@pytest.mark.parametrize(
    ("address", "message"),
    [
        ("12.1", "there is no block 12; 'Belarus im Ukraine-Krieg: Auf alles vorbereitet' has 11"),
        ("0.1", "there is no block 0"),
        ("1.2", "there is no sentence 2 in block 1; it has 1 sentence(s)"),
        ("4.0", "there is no sentence 0 in block 4"),
        ("4", "expected BLOCK.SENTENCE"),
        ("a.b", "expected BLOCK.SENTENCE"),
        ("1.²", "expected BLOCK.SENTENCE"),
    ],
)
def test_bad_addresses_say_what_exists(
    address: str, message: str, capsys: pytest.CaptureFixture[str]
) -> None:
    with pytest.raises(UserError) as raised:
        sentence_at(open_document(None), address)
    assert message in raised.value.message
    assert main(["correct", "--sentence", address, "--english", "x"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("lesepult: --sentence") and message in error
    assert "Traceback" not in error


# --- correct -----------------------------------------------------------------------------


def test_correct_stores_prints_and_reverts(capsys: pytest.CaptureFixture[str]) -> None:
    german = sentence_at(open_document(None), "4.2").text
    assert main(["correct", "--sentence", "4.2", "--english", "  Lavrov spoke there.  "]) == 0
    output = capsys.readouterr().out
    assert output.splitlines()[:2] == ["block 4, sentence 2", f"DE {' '.join(german.split())}"]
    assert "EN Lavrov spoke there.  (your correction)" in output
    assert stored(german) == ("Lavrov spoke there.", "edited")

    result = run_json(capsys, "correct", "--sentence", "4.2", "--revert")
    assert result == {
        "address": "4.2",
        "block": 3,
        "sentence": 1,
        "german": german,
        "english": None,
        "origin": None,
        "model": None,
        "reverted": True,
    }
    assert stored(german) is None
    assert main(["correct", "--sentence", "4.2", "--revert"]) == 1
    assert capsys.readouterr().err == "lesepult: sentence 4.2 has no correction to revert\n"


def test_correct_needs_english_or_revert_and_rejects_empty_english(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as raised:
        main(["correct", "--sentence", "1.1"])
    assert raised.value.code == 2
    capsys.readouterr()
    assert main(["correct", "--sentence", "1.1", "--english", "   "]) == 2
    assert "cannot be empty" in capsys.readouterr().err


def test_correct_on_another_text(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    text = tmp_path / "kurz.txt"
    text.write_text("Der Hund bellt.\n\nDie Katze schläft. Der Vogel singt.\n", encoding="utf-8")
    result = run_json(capsys, "correct", str(text), "--sentence", "2.2", "--english", "A bird")
    assert (result["german"], result["english"], result["origin"]) == (
        "Der Vogel singt.",
        "A bird",
        "edited",
    )
    assert main(["correct", str(text), "--sentence", "2.3", "--english", "x"]) == 2
    assert "it has 2 sentence(s)" in capsys.readouterr().err


def test_revert_falls_back_to_the_machine_translation(
    tiny_model: ModelInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translate", "--format", "json", "--beam", "1"]) == 0
    machine = json.loads(capsys.readouterr().out)["sentences"][1]
    assert machine["origin"] == "machine"
    corrected = run_json(capsys, "correct", "--sentence", "2.1", "--english", "Mine")
    assert (corrected["english"], corrected["origin"]) == ("Mine", "edited")
    reverted = run_json(capsys, "correct", "--sentence", "2.1", "--revert")
    assert reverted["english"] == machine["english"]
    assert (reverted["origin"], reverted["model"]) == ("machine", tiny_model.model_id)


# --- alternatives ------------------------------------------------------------------------


def test_alternatives_without_a_model_prints_the_install_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["alternatives", "--sentence", "1.1"]) == 3
    error = capsys.readouterr().err
    assert error.startswith("lesepult: No German→English translation model is installed")
    assert "lesepult models install" in error


@pytest.mark.parametrize("count", [1, 3])
def test_alternatives_are_numbered_and_distinct(
    tiny_model: ModelInfo, capsys: pytest.CaptureFixture[str], count: int
) -> None:
    assert main(["alternatives", "--sentence", "4.2", "-n", str(count)]) == 0
    output = capsys.readouterr()
    lines = output.out.splitlines()
    assert lines[0] == "block 4, sentence 2" and lines[1].startswith("DE Lawrow")
    numbered = lines[2:]
    assert 1 <= len(numbered) <= count
    assert [line[:3] for line in numbered] == [f"{n:2d}." for n in range(1, len(numbered) + 1)]
    assert f"{len(numbered)} alternative(s) from translate-de_en 0.1" in output.err

    result = run_json(capsys, "alternatives", "--sentence", "4.2", "-n", str(count))
    options = result["alternatives"]
    assert [option["number"] for option in options] == list(range(1, len(options) + 1))
    assert len({option["english"] for option in options}) == len(options) == len(numbered)
    assert result["picked"] is None and result["origin"] is None


def test_alternatives_pick_stores_a_correction(
    tiny_model: ModelInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    german = sentence_at(open_document(None), "3.1").text
    result = run_json(capsys, "alternatives", "--sentence", "3.1", "-n", "2", "--pick", "1")
    first = result["alternatives"][0]["english"]
    assert (result["english"], result["origin"], result["picked"]) == (first, "edited", 1)
    assert stored(german) == (first, "edited")
    assert main(["translate", "--format", "json", "--beam", "1"]) == 0
    pairs = json.loads(capsys.readouterr().out)["sentences"]
    assert [pair["origin"] for pair in pairs if pair["german"] == german] == ["edited"]


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["--pick", "99"], "--pick 99: the model gave"),
        (["--pick", "0"], "--pick counts from 1"),
        (["-n", "0"], "-n must be at least 1"),
        (["--sentence", "1.9"], "there is no sentence 9 in block 1"),
    ],
)
def test_alternatives_rejects_bad_numbers(
    tiny_model: ModelInfo, capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    german = sentence_at(open_document(None), "3.1").text
    assert main(["alternatives", "--sentence", "3.1", *argv]) == 2
    assert message in capsys.readouterr().err
    assert stored(german) is None


# --- search ------------------------------------------------------------------------------


def test_search_prints_sentences_with_brackets_and_a_count(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["search", "KRIEG"]) == 0
    output = capsys.readouterr()
    lines = output.out.splitlines()
    assert lines[0] == "block 1, sentence 1: Belarus im Ukraine-[Krieg]: Auf alles vorbereitet"
    assert "block 6, sentence 1: Mit ein Grund dafür ist Russlands aktueller Angriffs[krieg]" in (
        output.out
    )
    assert output.err.startswith(f"{output.out.count('[')} match(es) in {len(lines)} sentence(s)")


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        ("lukaschenk[oa]", "Lukaschenk"),  # a regular expression
        ("Ukraine-(", None),  # not one: searched literally, and not in the text
        ("(Minsk", None),
        ("Ukraine-K", "Ukraine-K"),
    ],
)
def test_search_regex_or_literal(
    pattern: str, expected: str | None, capsys: pytest.CaptureFixture[str]
) -> None:
    status = main(["search", pattern, "--json"])
    hits = json.loads(capsys.readouterr().out)
    assert status == (0 if expected else 1)
    assert bool(hits) == bool(expected)
    document = open_document(None)
    for hit in hits:
        assert hit["match"].startswith(expected)
        assert document.source[hit["start"] : hit["end"]] == hit["match"]
        sentence = sentence_at(document, hit["address"])
        assert (sentence.block, sentence.index) == (hit["block"], hit["sentence"])
        assert sentence.start <= hit["start"] < sentence.end


def test_search_literal_fallback_finds_brackets(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "klammer.txt"
    text.write_text("Er sagte (leise) nein.\n\nDer Hund\nbellt. Dann schlief er.\n", "utf-8")
    assert main(["search", "(leise", str(text)]) == 0
    assert capsys.readouterr().out == "block 1, sentence 1: Er sagte [(leise]) nein.\n"
    # A match across a sentence boundary is shown in the sentence it starts in, on one line.
    assert main(["search", r"hund\s+bellt\. dann", str(text)]) == 0
    assert capsys.readouterr().out == "block 2, sentence 1: Der [Hund bellt.]\n"


def test_search_without_a_match_or_pattern(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["search", "Quetzalcoatl"]) == 1
    output = capsys.readouterr()
    assert output.out == "" and output.err.startswith("0 match(es)")
    assert main(["search", "  "]) == 2
    assert capsys.readouterr().err == "lesepult: the search pattern is empty\n"


def test_json_into_a_closed_pipe_ends_quietly(tmp_path: Path) -> None:
    import os
    import subprocess
    import sys

    command = f"{sys.executable} -m reader glossary list --json | head -n 1"
    environment = {**os.environ, "LESEPULT_DATA_DIR": str(tmp_path)}
    result = subprocess.run(
        ["bash", "-c", command], capture_output=True, text=True, env=environment, timeout=120
    )
    assert result.stdout.strip() in ("[", "{")  # the first line of the JSON, then the pipe closed
    assert "Traceback" not in result.stderr and "BrokenPipeError" not in result.stderr
