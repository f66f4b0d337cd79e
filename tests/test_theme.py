"""The colour theme (issue 11, bug 13): a light theme restyles the reading view at once, and
the theme is kept for the next start (a setting, shared with `lesepult settings`)."""

from __future__ import annotations

import pytest
from textual.theme import BUILTIN_THEMES

from reader.cli import main
from reader.core.text import Document
from reader.settings import THEMES, get_setting
from reader.store import Store
from reader.ui.widgets.parallel_view import ParallelTextView
from tests.ui_support import open_reader, settle


def test_the_theme_setting_offers_textuals_themes() -> None:
    assert set(THEMES) <= set(BUILTIN_THEMES)
    assert "textual-light" in THEMES


async def test_a_light_theme_restyles_the_reading_view(article: Document, store: Store) -> None:
    async with open_reader(article, store, size=(120, 36)) as (app, pilot, screen):
        view = screen.query_one(ParallelTextView)
        dark = view.rich_style.bgcolor
        assert {segment.style.bgcolor for segment in view.render_line(3) if segment.style} == {dark}
        # What the command palette's theme picker does.
        app.theme = "textual-light"
        await settle(pilot)
        light = view.rich_style.bgcolor
        assert light != dark
        backgrounds = {s.style.bgcolor for s in view.render_line(3) if s.style}
        assert backgrounds == {light}, "the text is still drawn on the dark background"


async def test_the_theme_is_kept_after_a_restart(article: Document, store: Store) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        assert app.theme == "textual-dark"
        app.theme = "textual-light"
        await settle(pilot)
    assert get_setting(store, "theme") == "textual-light"
    async with open_reader(article, store) as (app, pilot, screen):
        assert app.theme == "textual-light"


async def test_the_theme_set_on_the_command_line_is_the_apps(
    article: Document, store: Store, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["settings", "theme", "nord"]) == 0
    assert "theme = nord" in capsys.readouterr().out
    from reader.cli.common import open_store

    user_store = open_store()
    async with open_reader(article, user_store) as (app, pilot, screen):
        assert app.theme == "nord"
    user_store.close()
    assert main(["settings", "theme", "pink"]) == 2
    error = capsys.readouterr().err
    assert "theme takes one of textual-dark, textual-light" in error and error.count("\n") == 1
