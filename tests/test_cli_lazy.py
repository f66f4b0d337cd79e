"""The command line imports only the command group it runs (issue 9: lookup as a new process)."""

from __future__ import annotations

import argparse
import importlib
import subprocess
import sys

import pytest

from reader.cli import COMMAND_GROUPS, build_parser, groups_for


def commands_of(parser: argparse.ArgumentParser) -> list[str]:
    (subparsers,) = (a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return list(subparsers.choices)


@pytest.mark.parametrize(("group", "commands"), COMMAND_GROUPS)
def test_the_table_names_each_groups_commands(group: str, commands: tuple[str, ...]) -> None:
    parser = argparse.ArgumentParser()
    importlib.import_module(f"reader.cli.{group}").register(parser.add_subparsers())
    assert tuple(commands_of(parser)) == commands


def test_every_command_is_listed_without_a_command() -> None:
    listed = ["read", "texts", *(c for _, commands in COMMAND_GROUPS for c in commands)]
    assert commands_of(build_parser()) == listed
    assert commands_of(build_parser(["--help"])) == listed
    assert commands_of(build_parser(["nosuchcommand"])) == listed


@pytest.mark.parametrize(("group", "commands"), COMMAND_GROUPS)
def test_a_command_registers_only_its_group(group: str, commands: tuple[str, ...]) -> None:
    for command in commands:
        assert groups_for([command, "x"]) == (group,)
        assert commands_of(build_parser([command])) == ["read", "texts", *commands]


def test_lookup_does_not_import_the_translation_group() -> None:
    # A new interpreter: this one has imported every group already.
    code = (
        "import sys\n"
        "from reader.cli import build_parser\n"
        "arguments = build_parser(['lookup', 'weigern']).parse_args(['lookup', 'weigern'])\n"
        "print(arguments.command, sorted(m for m in ('reader.cli.translation', 'http.client',"
        " 'reader.cli.study') if m in sys.modules))\n"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=60
    )
    assert result.stdout.strip() == "lookup []"
