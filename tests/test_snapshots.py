"""SVG snapshots of the reader at a fixed terminal size (pytest-textual-snapshot).

Update with ``pytest tests/test_snapshots.py --snapshot-update`` only after looking at the
report of what changed.
"""

from __future__ import annotations

from typing import Any

from textual.pilot import Pilot

from reader.core.text import Document
from reader.store import Store
from tests.ui_support import reading_app, settle

SIZE = (120, 36)


async def wait_for_workers(pilot: Pilot[Any]) -> None:
    await settle(pilot)


def test_article_side_by_side(snap_compare: Any, article: Document, store: Store) -> None:
    app = reading_app(article, store)
    assert snap_compare(app, press=["J", "J", "j"], terminal_size=SIZE, run_before=wait_for_workers)


def test_article_stacked_with_search(snap_compare: Any, article: Document, store: Store) -> None:
    app = reading_app(article, store)
    assert snap_compare(
        app,
        press=["v", "slash", *"Teppich", "enter"],
        terminal_size=(80, 36),
        run_before=wait_for_workers,
    )


def test_help_screen(snap_compare: Any, article: Document, store: Store) -> None:
    app = reading_app(article, store)
    assert snap_compare(
        app, press=["question_mark"], terminal_size=SIZE, run_before=wait_for_workers
    )


def test_word_cursor_with_lookup_panel(snap_compare: Any, article: Document, store: Store) -> None:
    app = reading_app(article, store)
    assert snap_compare(
        app,
        press=["J", "J", "right", "right", "right"],  # "Großer" of "Großer Bahnhof"
        terminal_size=(140, 40),
        run_before=wait_for_workers,
    )


def test_glossary_screen_filtered(snap_compare: Any, article: Document, store: Store) -> None:
    app = reading_app(article, store)

    async def open_glossary(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("o", *"Teppich")
        await settle(pilot)

    assert snap_compare(app, terminal_size=SIZE, run_before=open_glossary)


def test_add_entry_form_at_80x24(snap_compare: Any, article: Document, store: Store) -> None:
    """Issue 11, bug 6: the whole form, Save and Cancel included, in an 80×24 terminal."""
    app = reading_app(article, store)

    async def open_form(pilot: Pilot[Any]) -> None:
        await settle(pilot)
        await pilot.press("J", "J", "right", "right", "right")  # "Großer"
        await settle(pilot)
        await pilot.press("A")
        await settle(pilot)
        await pilot.wait_for_scheduled_animations()

    assert snap_compare(app, terminal_size=(80, 24), run_before=open_form)


def test_help_colour_legend(snap_compare: Any, article: Document, store: Store) -> None:
    """The end of the help: the colour legend, each sample in the view's own style."""
    app = reading_app(article, store)
    assert snap_compare(
        app,
        press=["question_mark", *["space"] * 8],
        terminal_size=SIZE,
        run_before=wait_for_workers,
    )


def test_article_at_80_by_24(snap_compare: Any, article: Document, store: Store) -> None:
    app = reading_app(article, store)
    assert snap_compare(app, press=["J", "j"], terminal_size=(80, 24), run_before=wait_for_workers)
