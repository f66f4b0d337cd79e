"""Pilot tests of the reading screen: cursor, highlighted pair, search, go to, memory."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.core.text import Document, load_document
from reader.navigation import Cursor
from reader.store import Store
from reader.ui.screens.goto import GoToParagraphScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.parallel_view import ParallelTextView
from reader.ui.widgets.status_bar import StatusBar
from tests.longtext import write_long_text
from tests.ui_support import reading_app, reading_screen, settle

SIZE = (120, 40)


async def test_opens_on_the_first_sentence_with_the_reference_beside_it(
    article: Document, store: Store
) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = reading_screen(pilot)
        view = screen.query_one(ParallelTextView)
        assert view.cursor == Cursor(0, 0)
        english = screen.english_for(0)
        assert english.versions[0].origin == "reference"
        assert english.versions[0].label == "reference (curated)"
        status = screen.query_one(StatusBar)
        assert status.title == "Belarus im Ukraine-Krieg: Auf alles vorbereitet"
        assert (status.paragraph, status.paragraphs) == (1, 11)
        assert "reference" in status.translation


@pytest.mark.parametrize(
    ("keys", "expected"),
    [
        (["j"], Cursor(1, 0)),
        (["down", "down"], Cursor(1, 1)),
        (["j", "j", "j", "k"], Cursor(1, 1)),
        (["J", "J"], Cursor(2, 0)),
        (["J", "J", "j", "K"], Cursor(2, 0)),
        (["J", "J", "K"], Cursor(1, 0)),
        (["G"], Cursor(10, 3)),
        (["G", "g"], Cursor(0, 0)),
        (["end", "up"], Cursor(10, 2)),
        (["pagedown"], None),
    ],
)
async def test_sentence_cursor_keys(
    article: Document, store: Store, keys: list[str], expected: Cursor | None
) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press(*keys)
        screen = reading_screen(pilot)
        if expected is None:
            assert screen.cursor.block > 1
        else:
            assert screen.cursor == expected
            assert screen.query_one(ParallelTextView).cursor == expected
            assert screen.query_one(StatusBar).paragraph == expected.block + 1


async def test_the_highlighted_english_sentence_is_the_pair_of_the_german_one(
    article: Document, store: Store
) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "J", "j")  # block 2, second sentence: the red carpet
        screen = reading_screen(pilot)
        assert "roter Teppich" not in screen.current_sentence().text
        assert "rote Teppich" in screen.current_sentence().text
        version = screen.english_for(2).versions[0]
        assert version.aligned
        assert "red carpet" in version.sentences[screen.cursor.sentence].text
        view = screen.query_one(ParallelTextView)
        region = view.sentence_region(view.cursor)
        assert region is not None
        assert view.scroll_offset.y <= region.y < view.scroll_offset.y + view.size.height


async def test_search_goes_to_matches_and_counts_them(article: Document, store: Store) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"lawrow", "enter")
        screen = reading_screen(pilot)
        status = screen.query_one(StatusBar)
        assert len(screen.matches) == 3
        assert "Lawrow" in screen.current_sentence().text
        assert status.message == "match 1/3"
        first = screen.cursor
        await pilot.press("n")
        assert status.message == "match 2/3"
        assert screen.cursor != first
        await pilot.press("N")
        assert screen.cursor == first
        await pilot.press("escape")
        assert screen.matches == []
        assert screen.query_one(ParallelTextView).search_pattern is None


async def test_search_without_match_says_so(article: Document, store: Store) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("slash", *"Zebra", "enter")
        screen = reading_screen(pilot)
        assert screen.cursor == Cursor(0, 0)
        assert "no match" in screen.query_one(StatusBar).message


async def test_go_to_paragraph_prompt(article: Document, store: Store) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("colon")
        assert isinstance(app.screen, GoToParagraphScreen)
        await pilot.press("9", "9", "enter")
        assert isinstance(app.screen, GoToParagraphScreen)  # out of range: stays open
        await pilot.press("backspace", "backspace", "7", "enter")
        assert reading_screen(pilot).cursor == Cursor(6, 0)


async def test_translation_mode_and_layout_toggle(article: Document, store: Store) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = reading_screen(pilot)
        modes = [screen.translation_mode]
        for _ in range(4):
            await pilot.press("t")
            modes.append(screen.translation_mode)
        assert modes == ["best", "machine", "reference", "both", "best"]
        await pilot.press("t")  # machine: no model, so the placeholder, never the reference
        english = screen.english_for(1)
        assert english.versions == ()
        assert screen.english_for(0).placeholder  # said once, at the top (issue 11, bug 14)
        await pilot.press("v")
        assert screen.query_one(ParallelTextView).stacked


async def test_help_lists_every_command(article: Document, store: Store) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("question_mark")
        assert isinstance(app.screen, HelpScreen)
        assert app.screen.commands == reading_screen(pilot).COMMAND_TABLE
        await pilot.press("escape")
        assert not isinstance(app.screen, HelpScreen)


async def test_reopening_returns_to_the_last_position(article: Document, store: Store) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        await pilot.press("J", "J", "J", "j", "j")
        await pilot.press("q")
    position = store.position(article.text_id)
    assert position is not None
    assert (position.block, position.sentence) == (3, 2)
    again = reading_app(article, store)
    async with again.run_test(size=SIZE) as pilot:
        assert reading_screen(pilot).cursor == Cursor(3, 2)


async def test_clicking_a_word_moves_the_cursor_there(article: Document, store: Store) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=SIZE) as pilot:
        view = reading_screen(pilot).query_one(ParallelTextView)
        line = view.top_of_block(3)
        await pilot.click(ParallelTextView, offset=(3, line))
        await settle(pilot)
        assert reading_screen(pilot).cursor.block == 3


async def test_a_novel_opens_without_segmenting_everything(tmp_path: Path, store: Store) -> None:
    novel = load_document(write_long_text(tmp_path / "novel.md"))
    assert len(novel.blocks) > 2000
    app = reading_app(novel, store)
    async with app.run_test(size=SIZE) as pilot:
        screen = reading_screen(pilot)
        view = screen.query_one(ParallelTextView)
        assert view.virtual_size.height > 10 * len(novel.blocks) // 4
        assert len(novel._cache) < 50
        await pilot.press("G")
        assert screen.cursor.block == len(novel.blocks) - 1
        assert view.scroll_offset.y > 0
        await pilot.press("pageup", "pageup")
        assert screen.cursor.block < len(novel.blocks) - 1
        assert len(novel._cache) < 100
