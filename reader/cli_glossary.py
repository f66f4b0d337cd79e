"""CLI subcommands for the glossary features (filled in by the glossary work)."""

from __future__ import annotations

import argparse


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the ``lesepult`` parser."""
