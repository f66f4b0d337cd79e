"""The layers contract in pyproject.toml names every module of reader, so none escapes it."""

from __future__ import annotations

import tomllib
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Entry points and data, not layers: __main__ only calls reader.cli, bundled_texts holds texts.
NOT_A_LAYER = {"__init__", "__main__", "bundled_texts", "__pycache__"}


def _layered_modules() -> set[str]:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    names: set[str] = set()
    for layer in layers:
        names.update(part.strip() for part in layer.replace("|", ":").split(":"))
    return names


def test_every_reader_module_is_in_a_layer() -> None:
    present = {
        f"reader.{path.stem}"
        for path in (ROOT / "reader").iterdir()
        if path.stem not in NOT_A_LAYER and (path.suffix == ".py" or path.is_dir())
    }
    assert present - _layered_modules() == set()


def test_the_foundation_is_the_bottom_layer_and_the_glossary_above_it() -> None:
    config = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))
    contracts = config["tool"]["importlinter"]["contracts"]
    (layers,) = [c["layers"] for c in contracts if c["type"] == "layers"]
    assert layers[-2:] == ["glossary", "reader.core"]
