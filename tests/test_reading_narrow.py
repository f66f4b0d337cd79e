"""Narrow terminals (issue 11, bug 7): the panel and the columns fit the width, the status
line shortens its parts instead of being cut, and the footer keeps "? Help"."""

from __future__ import annotations

from typing import Any

import pytest
from textual.widgets import Footer

from reader.core.text import Document
from reader.store import Store
from reader.ui.widgets.lookup_panel import LookupPanel
from reader.ui.widgets.parallel_view import ParallelTextView
from reader.ui.widgets.status_bar import StatusBar
from reader.view_layout import column_widths
from tests.ui_support import open_reader, settle

MIN_COLUMN = 30  # reader.screen_fit.MIN_COLUMN (not imported: the test predates it)


def _text_column(screen: Any) -> int:
    view = screen.query_one(ParallelTextView)
    width = view.scrollable_content_region.width
    return column_widths(width, view.stacked)[0 if not view.stacked else 1]


def _footer_actions(screen: Any) -> list[str]:
    footer = screen.query_one(Footer)
    return [getattr(widget, "action", "") for widget in footer.children]


@pytest.mark.parametrize(
    ("size", "panel", "stacked"),
    [((160, 45), True, False), ((80, 24), False, False), ((60, 20), False, True)],
)
async def test_the_reading_screen_fits_the_terminal(
    article: Document, store: Store, size: tuple[int, int], panel: bool, stacked: bool
) -> None:
    async with open_reader(article, store, (160, 45)) as (app, pilot, screen):
        await pilot.resize_terminal(*size)
        await settle(pilot)
        assert screen.query_one(LookupPanel).display is panel
        assert screen.query_one(ParallelTextView).stacked is stacked
        assert _text_column(screen) >= MIN_COLUMN
        status = screen.query_one(StatusBar)
        line = status.render().plain
        assert len(line) <= size[0]
        assert "EN: " in line and "¶ 1/11" in line
        if size[0] < 140:
            assert _footer_actions(screen)[0] == "show_help"
            assert "narrow" in status.message
        await pilot.resize_terminal(160, 45)  # wide again: the reader's layout comes back
        await settle(pilot)
        assert screen.query_one(LookupPanel).display
        assert not screen.query_one(ParallelTextView).stacked
