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


def _dialog_cases() -> list[tuple[type, object]]:
    from reader.ui.dialog_commands import (
        EDIT_TRANSLATION_COMMANDS,
        ENTRY_FORM_COMMANDS,
        GLOSSARY_COMMANDS,
    )
    from reader.ui.screens.edit_translation import EditTranslationScreen
    from reader.ui.screens.entry_form import EntryFormScreen
    from reader.ui.screens.glossary import GlossaryScreen

    screens: list[tuple[type, tuple[object, ...]]] = [
        (GlossaryScreen, GLOSSARY_COMMANDS),
        (EntryFormScreen, ENTRY_FORM_COMMANDS),
        (EditTranslationScreen, EDIT_TRANSLATION_COMMANDS),
    ]
    return [(screen, command) for screen, table in screens for command in table]


@pytest.mark.parametrize(
    ("screen", "command"),
    _dialog_cases(),
    ids=lambda value: getattr(value, "id", getattr(value, "__name__", "")),
)
def test_every_dialog_command_is_bound_runnable_and_documented(
    screen: type, command: object
) -> None:
    from reader.ui.commands import ReaderCommand

    assert isinstance(command, ReaderCommand)
    action = command.action.split("(")[0]
    assert callable(getattr(screen, f"action_{action}", None)), command.action
    assert command.id in {binding.id for binding in screen.BINDINGS}  # type: ignore[attr-defined]
    assert f"| {command.title} | {command.description} |" in README
    assert f"`{key_label(command.keys).split(', ')[0]}`" in README


def test_dialog_tables_have_unique_ids_and_keys() -> None:
    from reader.ui.dialog_commands import DIALOG_COMMANDS

    for table in DIALOG_COMMANDS:
        keys = [key for command in table for key in command.keys.split(",")]
        assert len(keys) == len(set(keys))
    ids = [command.id for table in DIALOG_COMMANDS for command in table]
    assert len(ids) == len(set(ids))
