"""CLI subcommands for the translation features (filled in by the translation work)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the ``lesepult`` parser."""
