"""The core never imports Textual; starting the UI never imports the heavy NLP stack.

Both are checked in a fresh interpreter, because this test process has imported everything.
"""

from __future__ import annotations

import json
import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import glossary
import reader

HEAVY_MODULES = ("torch", "stanza", "spacy", "argostranslate.translate")


def core_modules() -> list[str]:
    """Every module of ``glossary`` and ``reader`` outside the UI package."""
    names = []
    for package in (reader, glossary):
        for module in pkgutil.walk_packages(package.__path__, package.__name__ + "."):
            if not module.name.startswith("reader.ui") and module.name != "reader.__main__":
                names.append(module.name)
    return names


def run_python(code: str, tmp_path: Path) -> dict[str, object]:
    environment = {**os.environ, "LESEPULT_DATA_DIR": str(tmp_path / "data")}
    result = subprocess.run(
        [sys.executable, "-c", code],
        capture_output=True,
        text=True,
        env=environment,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    loaded: dict[str, object] = json.loads(result.stdout.strip().splitlines()[-1])
    return loaded


def test_the_core_does_not_import_textual(tmp_path: Path) -> None:
    modules = core_modules()
    assert "reader.core.text" in modules and "glossary.matching" in modules
    code = (
        "import importlib, json, sys\n"
        f"for name in {modules!r}: importlib.import_module(name)\n"
        "print(json.dumps({'textual': [m for m in sys.modules if m.split('.')[0] == 'textual']}))"
    )
    assert run_python(code, tmp_path) == {"textual": []}


@pytest.mark.parametrize("with_model", [False, True], ids=["no model", "tiny model"])
def test_starting_the_app_imports_no_heavy_module(
    tmp_path: Path, request: pytest.FixtureRequest, with_model: bool
) -> None:
    if with_model:  # then the translation worker loads and runs the model, still no torch
        request.getfixturevalue("tiny_model")
    code = f"""
import asyncio, json, sys
from pathlib import Path
from reader.core.paths import DEFAULT_TEXT
from reader.store import Store
from reader.core.text import load_document
from reader.ui.app import make_app
from tests.ui_support import settle

async def main():
    store = Store(Path({str(tmp_path)!r}) / "s.db")
    app = make_app(load_document(DEFAULT_TEXT), store)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle(pilot)
        await pilot.press('j', 'right', 'right')
        await settle(pilot)
        screen = app.screen
        return len(screen.machine), 'ctranslate2' in sys.modules

translated, engine_loaded = asyncio.run(main())
heavy = [m for m in {HEAVY_MODULES!r} if m in sys.modules]
print(json.dumps({{'heavy': heavy, 'translated': translated > 0, 'engine': engine_loaded}}))
"""
    expected = {"heavy": [], "translated": with_model, "engine": with_model}
    assert run_python(code, tmp_path) == expected
