"""``lesepult translate`` and ``lesepult models`` end to end, with an index on loopback."""

from __future__ import annotations

import hashlib
import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.paths import cache_dir
from reader.translation import ModelInfo, installed_model
from reader.translation.models import argos_packages_dir
from tests.fixtures_translation import PackageServer

PACKAGE_NAME = "translate-de_en-0_1.argosmodel"


def leftovers() -> list[Path]:
    """Files left in the package folder and the download cache."""
    found: list[Path] = []
    for folder in (argos_packages_dir(), cache_dir() / "downloads"):
        if folder.exists():
            found += list(folder.iterdir())
    return found


def test_models_install_downloads_verifies_and_installs(
    package_server: PackageServer, tiny_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = tiny_package.read_bytes()
    package_server.publish_package(PACKAGE_NAME, data, sha256=hashlib.sha256(data).hexdigest())
    assert main(["models", "install"]) == 0
    output = capsys.readouterr()
    assert "installed translate-de_en 0.1" in output.out
    assert "100%" in output.err
    model = installed_model()
    assert model is not None and model.model_id == "translate-de_en 0.1"
    assert not (cache_dir() / "downloads").exists() or not list(
        (cache_dir() / "downloads").iterdir()
    )
    assert main(["models", "install"]) == 0
    assert "already installed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("damage", "message"),
    [
        ("bad zip", "not an Argos model package"),
        ("dropped", "connection dropped"),
        ("checksum", "checksum mismatch"),
        ("missing", "HTTP Error 404"),
    ],
)
def test_models_install_failures_are_one_line_and_leave_nothing(
    package_server: PackageServer,
    tiny_package: Path,
    capsys: pytest.CaptureFixture[str],
    damage: str,
    message: str,
) -> None:
    data = tiny_package.read_bytes()
    extra: dict[str, object] = {}
    if damage == "bad zip":
        data = b"this is not a zip file" * 100
    elif damage == "dropped":
        package_server.drop_after[PACKAGE_NAME] = len(data) // 3
    elif damage == "checksum":
        extra["sha256"] = "0" * 64
    package_server.publish_package(PACKAGE_NAME, data, **extra)
    if damage == "missing":
        del package_server.files[PACKAGE_NAME]
    assert main(["models", "install"]) == 2
    error = capsys.readouterr().err.strip().splitlines()[-1]
    assert error.startswith("lesepult: ")
    assert message in error
    assert "Traceback" not in error
    assert installed_model() is None
    assert leftovers() == []


def test_models_install_without_an_index_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["models", "install"]) == 2
    assert "cannot reach the model index http://127.0.0.1:9/index.json" in capsys.readouterr().err


def test_models_install_file_list_and_remove(
    package_server: PackageServer, tiny_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package_server.publish_package(PACKAGE_NAME, tiny_package.read_bytes())
    assert main(["models", "install", "--file", str(tiny_package)]) == 0
    capsys.readouterr()
    assert main(["models", "list", "--json"]) == 0
    listing = json.loads(capsys.readouterr().out)
    assert [row["code"] for row in listing["installed"]] == ["translate-de_en"]
    assert listing["available"][0]["installed"] is True
    assert main(["models", "remove", "translate-de_en"]) == 0
    assert installed_model() is None
    capsys.readouterr()
    assert main(["models", "remove", "translate-de_en"]) == 2
    assert "no installed model package" in capsys.readouterr().err


def test_models_list_works_without_the_index(
    tiny_model: ModelInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "list"]) == 0
    output = capsys.readouterr().out
    assert "translate-de_en 0.1" in output
    assert "Available: unknown (cannot reach the model index" in output


def test_translate_without_a_model_prints_the_install_help(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["translate"]) == 3
    assert "lesepult models install" in capsys.readouterr().err


def test_translate_json_pairs_every_sentence_and_fills_the_store(
    tiny_model: ModelInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translate", "--format", "json", "--beam", "1"]) == 0
    first = json.loads(capsys.readouterr().out)
    assert first["model"] == "translate-de_en 0.1"
    assert len(first["sentences"]) == 33
    assert {pair["origin"] for pair in first["sentences"]} == {"machine"}
    # Second run: same output, served from the store even with the model folder gone.
    (tiny_model.path / "model" / "model.bin").write_bytes(b"broken")
    assert main(["translate", "--format", "json", "--beam", "1"]) == 0
    assert json.loads(capsys.readouterr().out) == first


def test_translate_markdown_shows_pairs_and_corrections(
    tiny_model: ModelInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli.common import open_document, open_store
    from reader.translation import TranslationStore

    title = open_document(None).blocks[0].text
    TranslationStore(open_store()).correct(title, "Belarus in the Ukraine war")
    assert main(["translate"]) == 0
    output = capsys.readouterr().out
    assert output.count("**DE**") == output.count("**EN**") == 33
    assert "**EN** Belarus in the Ukraine war  _(edited)_" in output


def test_translate_rejects_a_bad_beam(
    tiny_model: ModelInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translate", "--beam", "0"]) == 2
    assert "--beam must be at least 1" in capsys.readouterr().err


@pytest.mark.parametrize(
    ("name", "make_directory", "message"),
    [
        ("models-folder", True, "is a directory; give an .argosmodel file"),
        ("absent.argosmodel", False, "no such file (expected an .argosmodel file)"),
    ],
)
def test_models_install_file_names_a_directory_or_a_missing_file(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    name: str,
    make_directory: bool,
    message: str,
) -> None:
    target = tmp_path / name
    if make_directory:
        target.mkdir()
    assert main(["models", "install", "--file", str(target)]) == 2
    error = capsys.readouterr().err.strip()
    assert error == f"lesepult: {target}: {message}"
