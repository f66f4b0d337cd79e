"""The reading screen's workers: their results come back as messages, and a superseded
worker's results are dropped (issue 10: workers never assign the screen's state)."""

from __future__ import annotations

import ast
import dataclasses
from pathlib import Path

from reader.core.text import Document
from reader.store import Store
from reader.ui.screens.reading_messages import BlocksAnalysed
from tests.ui_support import open_reader

ROOT = Path(__file__).resolve().parent.parent


async def test_an_analysis_from_a_replaced_glossary_is_dropped(
    article: Document, store: Store
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        kept = screen.analyses[0]
        stale = dataclasses.replace(kept)  # equal, but another object
        # An older analysis worker, cancelled when the dictionary or a new glossary came,
        # may still post the batch it had finished.
        screen.post_message(BlocksAnalysed((stale,), {}, screen._analysis_run - 1))
        await pilot.pause()
        assert screen.analyses[0] is kept
        # The same batch from the current run is taken (the test can tell the two apart).
        screen.post_message(BlocksAnalysed((stale,), {}, screen._analysis_run))
        await pilot.pause()
        assert screen.analyses[0] is stale


def _thread_workers(tree: ast.Module) -> list[ast.FunctionDef]:
    """Functions decorated with ``@work(thread=True, ...)``."""
    found = []
    for node in ast.walk(tree):
        if not isinstance(node, ast.FunctionDef):
            continue
        for decorator in node.decorator_list:
            if (
                isinstance(decorator, ast.Call)
                and isinstance(decorator.func, ast.Name)
                and decorator.func.id == "work"
                and any(
                    k.arg == "thread" and isinstance(k.value, ast.Constant) and k.value.value
                    for k in decorator.keywords
                )
            ):
                found.append(node)
    return found


def _assigned_attributes(function: ast.FunctionDef) -> list[str]:
    """``self.x`` targets assigned anywhere in ``function``."""
    names = []
    for node in ast.walk(function):
        targets: list[ast.expr] = []
        if isinstance(node, ast.Assign):
            targets = list(node.targets)
        elif isinstance(node, (ast.AugAssign, ast.AnnAssign)):
            targets = [node.target]
        for target in targets:
            if (
                isinstance(target, ast.Attribute)
                and isinstance(target.value, ast.Name)
                and target.value.id == "self"
            ):
                names.append(target.attr)
    return names


def worker_assignments(source: str) -> list[str]:
    """``worker: self.attribute`` for each screen attribute a thread worker assigns."""
    tree = ast.parse(source)
    return [
        f"{worker.name}: self.{name}"
        for worker in _thread_workers(tree)
        for name in _assigned_attributes(worker)
    ]


def test_the_scan_finds_a_worker_that_assigns_the_screen() -> None:
    source = (
        "class S:\n"
        "    @work(thread=True, group='translate')\n"
        "    def run(self):\n"
        "        self.engine = make()\n"
        "    def handler(self):\n"
        "        self.engine = None\n"
    )
    assert worker_assignments(source) == ["run: self.engine"]


def test_no_thread_worker_in_the_ui_assigns_an_attribute() -> None:
    found = [
        f"{path.relative_to(ROOT)}: {hit}"
        for path in sorted((ROOT / "reader" / "ui").rglob("*.py"))
        for hit in worker_assignments(path.read_text(encoding="utf-8"))
    ]
    assert found == []
