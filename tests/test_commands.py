"""The command table is the single source of keys: bindings, help, palette and README agree."""

from __future__ import annotations

import pytest

from reader.core.paths import PROJECT_ROOT
from reader.ui.app import LesepultApp
from reader.ui.commands import READING_COMMANDS, bindings_for, key_label
from reader.ui.screens.reading import ReadingScreen

README = (PROJECT_ROOT / "README.md").read_text(encoding="utf-8")


def test_every_command_has_a_unique_id_and_unique_keys() -> None:
    ids = [command.id for command in READING_COMMANDS]
    assert len(ids) == len(set(ids))
    keys = [key.strip() for command in READING_COMMANDS for key in command.keys.split(",")]
    assert len(keys) == len(set(keys)), "a key is bound to two commands"


@pytest.mark.parametrize("command", READING_COMMANDS, ids=lambda command: command.id)
def test_every_command_is_bound_runnable_and_documented(command: object) -> None:
    from reader.ui.commands import ReaderCommand

    assert isinstance(command, ReaderCommand)
    action = command.action.split("(")[0]
    # "app.name" runs on the app (screens opened over the reading screen without it).
    host = LesepultApp if action.startswith("app.") else ReadingScreen
    assert callable(getattr(host, f"action_{action.removeprefix('app.')}", None)), command.action
    assert f"| {command.title} | {command.description} |" in README
    first_key = key_label(command.keys).split(", ")[0]
    assert f"`{first_key}`" in README


def test_bindings_carry_ids_and_descriptions() -> None:
    bindings = bindings_for(READING_COMMANDS)
    assert [b.id for b in bindings if not isinstance(b, tuple)] == [c.id for c in READING_COMMANDS]
    assert all(not isinstance(b, tuple) and b.description for b in bindings)
