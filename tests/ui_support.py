"""Helpers for Pilot tests: build the app on a document and wait for its workers."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

from textual.app import App
from textual.pilot import Pilot
from textual.worker import WorkerCancelled, WorkerState

from reader.core.text import Document
from reader.store import Store
from reader.ui.app import LesepultApp, make_app
from reader.ui.screens.reading import ReadingScreen

ACTIVE = (WorkerState.PENDING, WorkerState.RUNNING)


def reading_app(document: Document, store: Store) -> LesepultApp:
    """The app as the CLI builds it."""
    return make_app(document, store)


def reading_screen(pilot: Pilot[Any]) -> ReadingScreen:
    """The reading screen (the bottom of the screen stack)."""
    screen = pilot.app.screen_stack[1] if len(pilot.app.screen_stack) > 1 else pilot.app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


async def wait_for_workers(app: App[Any]) -> None:
    """Wait until no worker runs; a worker replaced by a newer exclusive one counts as done."""
    while any(worker.state in ACTIVE for worker in app.workers):
        try:
            await app.workers.wait_for_complete()
        except WorkerCancelled:
            continue


async def settle(pilot: Pilot[Any]) -> None:
    """Wait until every worker has finished and the screen has processed its messages."""
    for _ in range(2):  # messages from finished workers may start new workers
        await wait_for_workers(pilot.app)
        await pilot.pause()


@asynccontextmanager
async def open_reader(
    document: Document, store: Store, size: tuple[int, int] = (150, 40)
) -> AsyncIterator[tuple[LesepultApp, Pilot[Any], ReadingScreen]]:
    """The app on ``document``, running headless with its start-up work done."""
    app = reading_app(document, store)
    async with app.run_test(size=size) as pilot:
        await settle(pilot)
        yield app, pilot, reading_screen(pilot)
