"""The layers contract in pyproject.toml names every module of reader, so none escapes it."""

from __future__ import annotations

import ast
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


def private_imports(source: str) -> list[str]:
    """``module._name`` for each private name imported from reader or glossary in ``source``."""
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.ImportFrom) or node.level or not node.module:
            continue
        if node.module.split(".")[0] not in {"reader", "glossary"}:
            continue
        found += [
            f"{node.module}.{alias.name}"
            for alias in node.names
            if alias.name.startswith("_") and not alias.name.startswith("__")
        ]
    return found


def test_the_scan_finds_a_private_import() -> None:
    source = "from reader.search import _pattern, find_matches\nfrom os import _exit\n"
    assert private_imports(source) == ["reader.search._pattern"]


def test_the_ui_imports_only_public_names() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {name}"
        for path in sorted((ROOT / "reader" / "ui").rglob("*.py"))
        for name in private_imports(path.read_text(encoding="utf-8"))
    ]
    assert found == []
