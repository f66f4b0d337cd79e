"""Helpers for Pilot tests: build the app on a document and wait for its workers."""

from __future__ import annotations

from textual.pilot import Pilot

from reader.store import Store
from reader.text import Document
from reader.ui.app import LesepultApp, make_app
from reader.ui.screens.reading import ReadingScreen


def reading_app(document: Document, store: Store) -> LesepultApp:
    """The app as the CLI builds it."""
    return make_app(document, store)


def reading_screen(pilot: Pilot[int]) -> ReadingScreen:
    """The reading screen (the bottom of the screen stack)."""
    screen = pilot.app.screen_stack[1] if len(pilot.app.screen_stack) > 1 else pilot.app.screen
    assert isinstance(screen, ReadingScreen)
    return screen


async def settle(pilot: Pilot[int]) -> None:
    """Wait until every worker has finished and the screen has processed its messages."""
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
    await pilot.app.workers.wait_for_complete()
    await pilot.pause()
