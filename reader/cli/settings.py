"""CLI subcommand ``settings``: show or change the reader's settings (shared with the app)."""

from __future__ import annotations

import argparse

from reader.cli.common import open_store, print_json
from reader.core.errors import ExitCode
from reader.settings import SETTINGS, get_setting, set_setting


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``lesepult settings`` to the parser."""
    parser = subparsers.add_parser(
        "settings",
        help="show or change settings (word colours, layout, theme)",
        description="Without arguments, list every setting with its value; with KEY, show one;"
        " with KEY VALUE, change it. The app's keys (c for colours, v for layout) change the"
        " same settings.",
    )
    parser.add_argument("key", nargs="?", metavar="KEY", help="a setting's name")
    parser.add_argument("value", nargs="?", metavar="VALUE", help="its new value")
    parser.add_argument("--json", action="store_true", help="print JSON")
    parser.set_defaults(func=command_settings)


def command_settings(arguments: argparse.Namespace) -> int:
    """List, show or change settings."""
    store = open_store()
    if arguments.key and arguments.value:
        set_setting(store, arguments.key, arguments.value)
    keys = [arguments.key] if arguments.key else [setting.key for setting in SETTINGS]
    values = {key: get_setting(store, key) for key in keys}
    if arguments.json:
        print_json(values)
        return ExitCode.OK
    descriptions = {setting.key: setting for setting in SETTINGS}
    for key, value in values.items():
        setting = descriptions[key]
        print(f"{key} = {value}    ({' | '.join(setting.choices)}: {setting.description})")
    return ExitCode.OK
