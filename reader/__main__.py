"""Run Lesepult as ``python -m reader``."""

from reader.cli import run

run()
