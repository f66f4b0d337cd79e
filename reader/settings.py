"""The reader's settings: a few named values kept in the user store, shared by app and CLI."""

from __future__ import annotations

from dataclasses import dataclass

from reader.core.errors import UserError
from reader.store import Store


@dataclass(frozen=True)
class Setting:
    """A setting the reader can change."""

    key: str
    """Its name on the command line and in the store."""
    default: str
    """Its value when never set."""
    choices: tuple[str, ...]
    """The values it takes."""
    description: str
    """One line for `lesepult settings`."""


THEMES: tuple[str, ...] = (
    "textual-dark",
    "textual-light",
    "nord",
    "gruvbox",
    "catppuccin-mocha",
    "dracula",
    "tokyo-night",
    "monokai",
    "flexoki",
    "catppuccin-latte",
    "catppuccin-frappe",
    "catppuccin-macchiato",
    "solarized-light",
    "solarized-dark",
    "rose-pine",
    "rose-pine-moon",
    "rose-pine-dawn",
    "atom-one-dark",
    "atom-one-light",
    "ansi-dark",
    "ansi-light",
)
"""The UI's colour themes (Textual's built-in ones; a test checks they still exist). Listed
here because the settings are read without importing Textual (the CLI)."""

SETTINGS: tuple[Setting, ...] = (
    Setting("word-colours", "on", ("on", "off"), "colour German words by vocabulary status"),
    Setting("layout", "columns", ("columns", "stacked"), "English beside the German, or below it"),
    Setting(
        "level",
        "B1",
        ("A1", "A2", "B1", "B2", "C1", "C2"),
        "your CEFR level: glossary drafts and the level marks propose words rarer than it",
    ),
    Setting("level-marks", "off", ("on", "off"), "underline the words above your level"),
    Setting("phrase-marks", "off", ("on", "off"), "mark the dictionary's fixed phrases"),
    Setting(
        "theme",
        "textual-dark",
        THEMES,
        "the colour theme (the command palette's Theme command changes it too)",
    ),
    Setting(
        "check-lines",
        "on",
        ("on", "off"),
        "show the translation checks (⚑ lines) under the machine English",
    ),
    Setting(
        "translation",
        "background",
        ("background", "on-demand"),
        "translate the whole text in the background, or only what you ask for (s, S)",
    ),
)


def find_setting(key: str) -> Setting:
    """The setting called ``key``; a UserError names the known ones otherwise."""
    for setting in SETTINGS:
        if setting.key == key:
            return setting
    known = ", ".join(setting.key for setting in SETTINGS)
    raise UserError(f"no setting called {key!r}; the settings are: {known}")


def get_setting(store: Store, key: str) -> str:
    """The current value of a setting."""
    setting = find_setting(key)
    value = store.setting(key, setting.default)
    return value if value in setting.choices else setting.default


def set_setting(store: Store, key: str, value: str) -> None:
    """Change a setting, refusing values it does not take."""
    setting = find_setting(key)
    if value not in setting.choices:
        choices = " or ".join(setting.choices)
        if len(setting.choices) > 3:
            choices = "one of " + ", ".join(setting.choices)
        raise UserError(f"{key} takes {choices}, not {value!r}")
    store.set_setting(key, value)
