"""Tests for ``lesepult words ...`` and ``lesepult export`` through the CLI entry point."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.common import open_store
from reader.translation import ModelInfo, TranslationStore
from tests.fixtures_glossary import DING_SAMPLE


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_words_set_list_export_import(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    assert run(capsys, "words", "set", "--exact", "Umarmung", "learning-2")[0] == 0
    assert run(capsys, "words", "set", "--exact", "Putin", "I")[0] == 0
    status, out, _ = run(capsys, "words", "list", "--json")
    assert status == 0
    assert [(row["lemma"], row["status"]) for row in json.loads(out)] == [
        ("Putin", "ignored"),
        ("Umarmung", "learning-2"),
    ]
    status, out, _ = run(capsys, "words", "list", "--status", "ignored")
    assert out.split() == ["ignored", "Putin"]
    target = tmp_path / "words.csv"
    assert run(capsys, "words", "export", str(target))[0] == 0
    status, _, err = run(capsys, "words", "export", str(target))
    assert (status, err) == (
        2,
        f"lesepult: {target}: exists already; use --force to overwrite it\n",
    )
    target.write_text("term,status\nHaus,99\nBaum,9\n")
    status, out, _ = run(capsys, "words", "import", str(target))
    assert status == 0
    assert "imported 1 status from" in out and f"skipped {target}:3: status:" in out
    status, out, _ = run(capsys, "words", "stats")
    assert "learning-2 1" in out and "known 1" in out


@pytest.mark.parametrize(
    ("argv", "message"),
    [
        (["words", "set", "Haus", "sort-of"], "unknown status 'sort-of'"),
        (["words", "list", "--status", "nope"], "--status: unknown status"),
        (["words", "import", "missing.csv"], "missing.csv: no such file"),
        (["export", "--paragraphs", "20-30"], "--paragraphs: '20-30' is outside 1-11"),
        (["export", "--paragraphs", "5-3"], "--paragraphs: '5-3' is reversed; write"),
        (["words", "set", "", "known"], "WORD is empty; give a word"),
        (["words", "set", "  ", "known"], "WORD is empty; give a word"),
        (["words", "set", "--exact", " ", "known"], "WORD is empty; give a word"),
        (["words", "set", "Haus", " "], "unknown status ' '"),
        (["words", "list", "--status", ""], "--status: unknown status ''"),
        (["words", "list", "--text", ""], "--text: no such text ''"),
        (["words", "list", "--text", "nope"], "--text: no such text 'nope'; name a bundled"),
        (["words", "import", ""], "give a CSV file"),
        (["words", "export", ""], "give a file name"),
    ],
)
def test_errors_are_one_line(
    capsys: pytest.CaptureFixture[str], argv: list[str], message: str
) -> None:
    status, out, err = run(capsys, *argv)
    assert (status, out) == (2, "")
    assert err.startswith("lesepult: ") and message in err and err.count("\n") == 1
    assert err.lower().count("is installed") <= 1  # said once, not twice


def test_text_names_in_the_no_such_text_message(capsys: pytest.CaptureFixture[str]) -> None:
    _, _, err = run(capsys, "words", "list", "--text", "nope")
    assert "belarus-im-ukraine-krieg" in err and "path" in err and "text id" in err
    assert "no such file" not in err


def test_export_writes_each_format_once(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    for format in ("md", "html", "csv", "anki"):
        target = tmp_path / f"sheet.{format}"
        argv = ["export", "--format", format, "--translation", "edited", "-o", str(target)]
        status, out, _ = run(capsys, *argv, "--paragraphs", "2-3")
        assert status == 0 and target.exists() and str(target) in out
        status, _, err = run(capsys, *argv)
        assert status == 2 and "--force" in err
        assert run(capsys, *argv, "--force")[0] == 0
    assert "## 2. Teaser" in (tmp_path / "sheet.md").read_text()


@pytest.mark.parametrize(
    ("dictionary", "line", "meanings"),
    [
        (DING_SAMPLE, "- **Krieg**, der, pl. Kriege, learning-2: war (on sb.)", "glossary, then"),
        (None, "- **Krieg**, learning-2: not in the glossary", "glossary only (no dictionary"),
    ],
)
def test_export_takes_meanings_from_the_dictionary(
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
    dictionary: Path | None,
    line: str,
    meanings: str,
) -> None:
    monkeypatch.setenv("LESEPULT_DING_PATH", str(dictionary or tmp_path / "no-dictionary"))
    assert run(capsys, "words", "set", "--exact", "Krieg", "2")[0] == 0
    target = tmp_path / "sheet.md"
    argv = ["export", "--translation", "edited", "--paragraphs", "4", "-o", str(target)]
    assert run(capsys, *argv)[0] == 0
    sheet = target.read_text()
    assert line + "\n" in sheet
    assert f"- Meanings: {meanings}" in sheet


def test_export_machine_keeps_the_machine_english_of_corrected_sentences(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, tiny_model: ModelInfo
) -> None:
    # Issue 11, bug 5: a sentence the reader corrected lost its machine English under
    # --translation machine ([no translation]), although the store has it.
    first, second = "Der Schlüssel liegt im Flur.", "Wo ist der Schlüssel?"
    text = tmp_path / "schluessel.md"
    text.write_text(f"# Der Schlüssel\n\n{first} {second}\n", encoding="utf-8")
    store = open_store()
    try:
        translations = TranslationStore(store)
        translations.save_machine(
            tiny_model.model_id,
            [("Der Schlüssel", "The key"), (first, "It lies in the hall."), (second, "Where?")],
        )
        translations.correct(second, "Where is the key?")
    finally:
        store.close()
    sheets = {}
    for choice in ("machine", "edited", "best"):
        target = tmp_path / f"{choice}.md"
        assert run(capsys, "export", str(text), "--translation", choice, "-o", str(target))[0] == 0
        sheets[choice] = target.read_text(encoding="utf-8")
    assert "It lies in the hall. Where?\n" in sheets["machine"]
    assert "[no translation]" not in sheets["machine"]
    assert "[no translation] Where is the key?\n" in sheets["edited"]
    assert "It lies in the hall. Where is the key?\n" in sheets["best"]
