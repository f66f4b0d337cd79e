"""Install, translate and alternatives on every package layout (issue 13).

``lesepult`` is the tiny package as the tests always built it; ``real-1.0`` is laid out exactly
as the real ``translate-de_en-1_0.argosmodel`` (six-field metadata, README.md, text vocabulary,
stanza/, directory entries); ``bpe-1.9`` has a ``bpe.model`` tokenizer as the Opus-MT ports.
Random weights: plumbing is checked, never wording.
"""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.cli import main
from reader.translation import TranslationEngine, installed_model
from reader.translation.models import argos_packages_dir, install_from_file, installed_models
from tests.fixtures_translation import PackageServer
from tests.tiny_argos import REAL_METADATA_FIELDS, index_entry

GERMAN = [
    "Der Kremlchef wollte das Nachbarland in den Krieg zwingen.",
    "Lukaschenko weigert sich.",
    "Kurz.",
]


def test_the_real_layout_looks_like_the_real_package(layout_packages: dict[str, Path]) -> None:
    with zipfile.ZipFile(layout_packages["real-1.0"]) as archive:
        names = archive.namelist()
        metadata = json.loads(archive.read("translate-de_en-1_0/metadata.json"))
    assert set(metadata) == set(REAL_METADATA_FIELDS)
    for name in ("translate-de_en-1_0/", "translate-de_en-1_0/README.md",
                 "translate-de_en-1_0/sentencepiece.model", "translate-de_en-1_0/model/model.bin",
                 "translate-de_en-1_0/model/shared_vocabulary.txt",
                 "translate-de_en-1_0/stanza/de/tokenize/gsd.pt"):  # fmt: skip
        assert name in names
    assert "translate-de_en-1_0/model/shared_vocabulary.json" not in names


def test_install_translate_and_alternatives_on_each_layout(layout_package: Path) -> None:
    model = install_from_file(layout_package)
    assert model.code == "translate-de_en"
    assert model.path.name == f"translate-de_en-{model.version.replace('.', '_')}"
    assert installed_model() == model
    engine = TranslationEngine(model)
    english = engine.translate(GERMAN)
    assert len(english) == len(GERMAN)
    assert all(isinstance(line, str) for line in english)
    options = engine.alternatives(GERMAN[0], 4)
    assert 1 <= len(options) <= 4 and len(set(options)) == len(options)


def test_the_cli_translates_and_lists_alternatives_on_each_layout(
    layout_package: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "install", "--file", str(layout_package)]) == 0
    model = installed_model()
    assert model is not None
    text = tmp_path / "text.md"
    text.write_text("# Titel\n\n" + " ".join(GERMAN) + "\n")
    capsys.readouterr()
    assert main(["translate", str(text), "--format", "json"]) == 0
    result = json.loads(capsys.readouterr().out)
    assert result["model"] == model.model_id
    assert [pair["german"] for pair in result["sentences"]][-3:] == GERMAN
    assert main(["alternatives", str(text), "--sentence", "2.1", "-n", "3", "--json"]) == 0
    alternatives = json.loads(capsys.readouterr().out)["alternatives"]
    assert 1 <= len(alternatives) <= 3


def test_the_real_layout_installs_from_an_index_on_loopback(
    package_server: PackageServer,
    layout_packages: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
) -> None:
    name = "translate-de_en-1_0.argosmodel"
    package_server.files[name] = layout_packages["real-1.0"].read_bytes()
    entry = index_entry("translate-de_en", "1.0", [package_server.base_url + name])
    package_server.publish([{key: entry[key] for key in (*REAL_METADATA_FIELDS, "links", "code")}])
    assert main(["models", "install"]) == 0
    assert "installed translate-de_en 1.0" in capsys.readouterr().out


def test_installing_another_version_replaces_it_and_says_so(
    layout_packages: dict[str, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["models", "install", "--file", str(layout_packages["bpe-1.9"])]) == 0
    capsys.readouterr()
    assert main(["models", "install", "--file", str(layout_packages["real-1.0"])]) == 0
    out = capsys.readouterr().out
    assert "installed translate-de_en 1.0" in out
    assert "replaced translate-de_en 1.9" in out
    assert [m.model_id for m in installed_models().models] == ["translate-de_en 1.0"]
    assert [path.name for path in argos_packages_dir().iterdir()] == ["translate-de_en-1_0"]
    assert installed_model() is not None and installed_model().version == "1.0"  # type: ignore[union-attr]


def test_models_list_marks_the_package_in_use(
    layout_packages: dict[str, Path],
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
    tmp_path: Path,
) -> None:
    # Two versions side by side, as Argos's own tools can leave them.
    packages = argos_packages_dir()
    install_from_file(layout_packages["bpe-1.9"])
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(tmp_path / "elsewhere"))
    old = install_from_file(layout_packages["lesepult"])
    monkeypatch.setenv("ARGOS_PACKAGES_DIR", str(packages))
    old.path.rename(packages / old.path.name)
    capsys.readouterr()
    assert main(["models", "list", "--offline", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)["installed"]
    assert [(row["version"], row["in_use"]) for row in rows] == [("0.1", False), ("1.9", True)]
    assert [row["tokenizer"] for row in rows] == ["sentencepiece", "bpe"]
    assert main(["models", "list", "--offline"]) == 0
    lines = [line for line in capsys.readouterr().out.splitlines() if "(in use)" in line]
    assert len(lines) == 1 and "translate-de_en 1.9" in lines[0]


def test_the_tokenizer_module_stays_light() -> None:
    code = (
        "import sys, argostranslate.tokenizer;"
        "print(sorted(m for m in ('torch', 'stanza', 'spacy', 'argostranslate.translate')"
        " if m in sys.modules))"
    )
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True)
    assert result.stdout.strip() == "[]", result.stderr
