"""Exit codes and error wording: one code per kind of failure, each front end words a field.

The "no model" failure had two codes (``translate`` 3, ``export`` and ``glossary check`` 2);
it is :attr:`ExitCode.NO_MODEL` everywhere. Core errors name the field (``paragraphs``) or say
only that an output exists; the CLI adds ``--paragraphs:`` and "use --force", the export
dialog says ``Paragraphs:``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.common import cli_wording
from reader.core.errors import ExitCode, FieldError, OutputExistsError, UserError
from reader.draft import refuse_existing
from reader.export.options import parse_paragraph_range
from reader.outputs import check_output
from reader.translation import MISSING_MODEL_HELP
from reader.ui.screens.export_dialog import dialog_wording


def test_exit_codes_keep_their_documented_numbers() -> None:
    assert [int(code) for code in ExitCode] == [0, 1, 2, 3, 130, 141]
    assert UserError("x").status is ExitCode.USER_ERROR


@pytest.fixture
def short_text(tmp_path: Path) -> Path:
    text = tmp_path / "kurz.md"
    text.write_text("# Kurz\n\nDer Hund schläft.\n", encoding="utf-8")
    return text


@pytest.mark.parametrize(
    "command",
    [
        ["translate"],
        ["alternatives", "--sentence", "1.1"],
        ["export", "--translation", "machine", "-o", "{folder}/sheet.md"],
        ["glossary", "check", "--translation", "machine"],
    ],
)
def test_no_model_is_the_same_exit_code_in_every_command(
    command: list[str], short_text: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = [part.format(folder=short_text.parent) for part in command]
    assert main([*argv[:1], *argv[1:], str(short_text)]) == ExitCode.NO_MODEL == 3
    out, err = capsys.readouterr()
    assert out == "" and err == f"lesepult: {MISSING_MODEL_HELP}\n"


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("20-30", "'20-30' is outside 1-11, the text's paragraphs"),
        ("5-3", "'5-3' is reversed; write the first paragraph first (3-5)"),
        ("x", "'x' is not a range like 3-5, 3, 3- or -5"),
    ],
)
def test_the_core_names_the_field_and_each_front_end_words_it(value: str, message: str) -> None:
    with pytest.raises(FieldError) as caught:
        parse_paragraph_range(value, 11)
    error = caught.value
    assert (error.field, error.message, str(error)) == ("paragraphs", message, message)
    assert "--" not in error.message
    assert cli_wording(error) == f"--paragraphs: {message}"
    assert dialog_wording(error) == f"Paragraphs: {message}"


def test_the_cli_says_paragraphs_with_its_option(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["export", "--paragraphs", "5-3"]) == ExitCode.USER_ERROR
    assert capsys.readouterr().err == (
        "lesepult: --paragraphs: '5-3' is reversed; write the first paragraph first (3-5)\n"
    )


def test_an_existing_output_is_told_without_the_cli_option(tmp_path: Path) -> None:
    target = tmp_path / "da.md"
    target.write_text("x", encoding="utf-8")
    for refuse in (check_output, refuse_existing):
        with pytest.raises(OutputExistsError) as caught:
            refuse(target, False)
        assert caught.value.message == f"{target}: exists already"
        assert "--force" not in caught.value.message
        assert cli_wording(caught.value) == f"{target}: exists already; use --force to overwrite it"
        assert dialog_wording(caught.value) == f"{target}: exists already"


def test_the_draft_command_says_use_force(
    short_text: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    output = tmp_path / "draft.yaml"
    output.write_text("x", encoding="utf-8")
    assert main(["glossary", "draft", str(short_text), "-o", str(output)]) == ExitCode.USER_ERROR
    assert capsys.readouterr().err == (
        f"lesepult: {output}: exists already; use --force to overwrite it\n"
    )


def test_a_missing_reference_names_the_translation_field(
    short_text: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    argv = ["export", "--translation", "reference", "-o", str(short_text.parent / "s.md")]
    assert main([*argv, str(short_text)]) == ExitCode.USER_ERROR
    assert capsys.readouterr().err == (
        f"lesepult: --translation: {short_text}: has no reference translation;"
        " choose machine, edited or best\n"
    )
