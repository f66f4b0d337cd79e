"""The bad-input matrix of issue 8 (safety part): each hostile or broken input a named case.

Every case runs the real CLI (``reader.cli.main``) or the real module, and asserts what the
reader must see: one line on stderr, exit status 2, no traceback, no control character on
the terminal, nothing written that did not work.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.geometry import Region

from reader.cli import main
from reader.display import has_control_characters
from reader.paths import store_path
from reader.store import Store
from reader.text import Document, load_document
from reader.ui.widgets.lookup_panel import LookupPanel
from tests.ui_support import open_reader, settle

# A title change, a clipboard write, a screen clear and a C1 CSI: what a hostile text,
# glossary or correction would send to the terminal.
HOSTILE = "\x1b]2;pwned\x07\x1b]52;c;aGk=\x07\x1b[2J\x9b31m"
# The same in a YAML double-quoted string (YAML refuses raw control bytes, not escapes).
HOSTILE_YAML = r"\e]2;pwned\a\e]52;c;aGk=\a\e[2J\x9b31m"

HOSTILE_TEXT = f"""---
title: "Titel{HOSTILE_YAML}"
---

Der Hund{HOSTILE} bellt laut. Die Katze schläft.
"""

HOSTILE_GLOSSARY = f"""\
glossary: "Mine"
version: "1"
language: de
entries:
  - term: Hund
    kind: noun
    gender: m
    renderings: ["dog{HOSTILE_YAML}"]
    explanation: "A dog.{HOSTILE_YAML}"
"""


def assert_terminal_safe(output: str) -> None:
    """No control character but newline and tab in what reaches the terminal."""
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    assert not has_control_characters(output), repr(output)


@pytest.fixture
def hostile_text(tmp_path: Path) -> Path:
    """A text with control sequences in its title and body."""
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def hostile_glossary(isolated_user_directories: Path) -> Path:
    """The reader's own glossary with control sequences in a rendering and an explanation."""
    path = isolated_user_directories / "config" / "glossary.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HOSTILE_GLOSSARY, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# 1. Control sequences never reach the terminal ---------------------------------------------

TERMINAL_CASES: dict[str, Callable[[Path], list[list[str]]]] = {
    "search-hostile-text": lambda text: [["search", "Hund", str(text)]],
    "search-json-hostile-text": lambda text: [["search", "Hund", str(text), "--json"]],
    "lookup-hostile-glossary": lambda text: [["lookup", "Hund"]],
    "lookup-json-hostile-glossary": lambda text: [["lookup", "Hund", "--json"]],
    "glossary-show-hostile-entry": lambda text: [["glossary", "show", "Hund"]],
    "glossary-list-hostile-entry": lambda text: [["glossary", "list"]],
    "correct-hostile-english": lambda text: [
        ["correct", str(text), "--sentence", "1.1", "--english", f"The dog{HOSTILE}"]
    ],
    "texts-hostile-title": lambda text: [
        ["correct", str(text), "--sentence", "1.1", "--english", "x"],
        ["search", "Hund", str(text)],
        ["texts"],
    ],
    "error-message-hostile-argument": lambda text: [["search", "x", f"{text}{HOSTILE}"]],
}


@pytest.mark.parametrize("case", sorted(TERMINAL_CASES))
def test_no_control_sequence_reaches_the_terminal(
    case: str,
    hostile_text: Path,
    hostile_glossary: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv in TERMINAL_CASES[case](hostile_text):
        status, out, err = _run(capsys, *argv)
        assert status in (0, 1, 2), (argv, err)
        assert "Traceback" not in err
        assert_terminal_safe(out)
        assert_terminal_safe(err)


def test_texts_lists_the_hostile_title_visibly(
    hostile_text: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli_common import open_document, open_store

    document = open_document(str(hostile_text))
    open_store().remember_position(document.text_id, document.title, str(hostile_text), 0, 0)
    status, out, _ = _run(capsys, "texts")
    assert status == 0
    assert re.search("Titel\u241b\\]2;pwned", out)
    assert_terminal_safe(out)


def _screen_text(app: App[Any]) -> str:
    """Everything the widgets of the current screen would draw, as plain text."""
    lines: list[str] = []
    for widget in app.screen.query("*"):
        width, height = widget.size
        if not widget.display or width == 0 or height == 0:
            continue
        for strip in widget.render_lines(Region(0, 0, width, height)):
            lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)


@pytest.fixture
def hostile_reader(
    hostile_text: Path, hostile_glossary: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Document, Store]:
    """The hostile text with a hostile correction stored, and the user's store."""
    english = f"The dog{HOSTILE} barks."
    assert main(["correct", str(hostile_text), "--sentence", "1.1", "--english", english]) == 0
    capsys.readouterr()
    return load_document(hostile_text), Store(store_path())


UI_CASES = {
    "app-lookup-panel-german-english-status": (),
    "app-vocabulary-screen": ("2", "V"),
    "app-glossary-screen": ("o", "H", "u", "n", "d"),
    "app-edit-dialog": ("e",),
}


@pytest.mark.parametrize("case", sorted(UI_CASES))
async def test_no_control_sequence_reaches_the_app_screen(
    case: str, hostile_reader: tuple[Document, Store]
) -> None:
    document, store = hostile_reader
    async with open_reader(document, store) as (app, pilot, screen):
        await pilot.press("J", "right", "right")  # block 1, "Der", "Hund"
        await settle(pilot)
        panel = screen.query_one(LookupPanel)
        assert panel.result is not None and panel.result.glossary
        await pilot.press(*UI_CASES[case])
        await settle(pilot)
        drawn = _screen_text(app)
        assert "pwned" in drawn or case == "app-edit-dialog"
        assert_terminal_safe(drawn)
        if case == "app-lookup-panel-german-english-status":
            assert "A dog.\u241b]2;pwned" in drawn  # the explanation, made visible
            assert "The dog\u241b]2;pwned" in drawn  # the correction in the English column
    store.close()
