"""Pilot tests of reading-view bugs (issue 11): the lookup panel follows the cursor, a new
glossary entry reaches the lookup, go-to puts the paragraph on top, no model is said once."""

from __future__ import annotations

from pathlib import Path

from reader.core.text import Document, load_document
from reader.navigation import Cursor
from reader.store import Store
from reader.ui.screens.edit_translation import EditTranslationScreen
from reader.ui.widgets.lookup_panel import LookupPanel
from reader.ui.widgets.parallel_view import ParallelTextView
from reader.ui.widgets.status_bar import StatusBar
from tests.ui_support import open_reader, settle

WIDE = (160, 45)

PLAIN_TEXT = """# Ein Tag am See

Am Morgen gingen wir früh los. Der Weg war lang und steil.

Am See war es still. Wir setzten uns ans Ufer und aßen Brot.

Später kam der Regen. Wir liefen zurück ins Dorf.
"""


def plain_text(tmp_path: Path) -> Document:
    """A short text with no reference translation."""
    path = tmp_path / "see.md"
    path.write_text(PLAIN_TEXT, encoding="utf-8")
    return load_document(path)


def _panel_word(screen: object) -> str | None:
    panel = screen.query_one(LookupPanel)  # type: ignore[attr-defined]
    return None if panel.result is None else panel.result.word


async def test_clicking_a_word_looks_it_up(article: Document, store: Store) -> None:
    async with open_reader(article, store, WIDE) as (app, pilot, screen):
        view = screen.query_one(ParallelTextView)
        line = view.top_of_block(3) - round(view.scroll_offset.y)
        await pilot.click(ParallelTextView, offset=(3, line))  # padding 1: column 2
        await settle(pilot)
        assert screen.cursor.token is not None
        word = screen.current_word()
        assert word is not None
        assert _panel_word(screen) == word[0].tokens[word[1]].text


async def test_the_panel_forgets_the_word_after_escape(article: Document, store: Store) -> None:
    async with open_reader(article, store, WIDE) as (app, pilot, screen):
        await pilot.press("right")
        await settle(pilot)
        assert _panel_word(screen) is not None
        await pilot.press("j", "escape")
        await settle(pilot)
        assert screen.cursor.token is None
        assert _panel_word(screen) is None


async def test_the_panel_forgets_the_word_after_go_to(article: Document, store: Store) -> None:
    async with open_reader(article, store, WIDE) as (app, pilot, screen):
        await pilot.press("right")
        await settle(pilot)
        assert _panel_word(screen) is not None
        await pilot.press("colon", "7", "enter")
        await settle(pilot)
        assert screen.cursor == Cursor(6, 0)
        assert _panel_word(screen) is None


async def test_the_panel_forgets_the_word_after_opening_a_sentence(
    article: Document, store: Store
) -> None:
    async with open_reader(article, store, WIDE) as (app, pilot, screen):
        await pilot.press("right")
        await settle(pilot)
        assert _panel_word(screen) is not None
        sentence = article.sentences(5)[1]
        assert screen.open_sentence(article.text_id, sentence.text)  # the vocabulary's "open"
        await settle(pilot)
        assert screen.cursor == Cursor(5, 1)
        assert _panel_word(screen) is None


async def test_go_to_puts_the_paragraph_at_the_top(article: Document, store: Store) -> None:
    async with open_reader(article, store, (80, 24)) as (app, pilot, screen):
        await pilot.press("colon", "7", "enter")
        await settle(pilot)
        view = screen.query_one(ParallelTextView)
        region = view.sentence_region(screen.cursor)
        assert region is not None
        assert region.y - round(view.scroll_offset.y) <= 1


async def test_a_new_glossary_entry_reaches_the_lookup_after_reload(
    article: Document, store: Store
) -> None:
    from glossary import GlossaryEntry, add_user_entry

    async with open_reader(article, store, WIDE) as (app, pilot, screen):
        await pilot.press("right")  # "Belarus"
        await settle(pilot)
        panel = screen.query_one(LookupPanel)
        assert panel.result is not None and panel.result.word == "Belarus"
        assert not any(e.origin == "user" for e in panel.result.glossary)
        entry = GlossaryEntry(
            term="Belarus", kind="name", renderings=("Belarus",), explanation="Weißrussland."
        )
        add_user_entry(entry)
        await pilot.press("ctrl+r")
        await settle(pilot)
        await pilot.press("right", "left")  # away and back: a fresh lookup of "Belarus"
        await settle(pilot)
        assert panel.result is not None and panel.result.word == "Belarus"
        assert any(e.origin == "user" for e in panel.result.glossary)


async def test_an_edit_without_model_or_reference_is_edited_by_you(
    tmp_path: Path, store: Store
) -> None:
    document = plain_text(tmp_path)
    async with open_reader(document, store, WIDE) as (app, pilot, screen):
        await pilot.press("j")
        block = screen.cursor.block
        await pilot.press("e")
        assert isinstance(app.screen, EditTranslationScreen)
        from reader.ui.screens.edit_translation import EnglishBox

        app.screen.query_one("#edit-english", EnglishBox).text = "In the morning we left early."
        await pilot.press("enter")
        await settle(pilot)
        label = screen.english_for(block).versions[0].label
        assert label == "edited by you"
        assert "translating" not in label
        assert "translating" not in screen.query_one(StatusBar).translation


async def test_without_a_model_it_is_said_once(tmp_path: Path, store: Store) -> None:
    document = plain_text(tmp_path)
    async with open_reader(document, store, WIDE) as (app, pilot, screen):
        assert "no model" in screen.query_one(StatusBar).progress
        top = screen.english_for(0)
        assert top.versions == () and "no model" in top.placeholder
        assert "\n" not in top.placeholder and len(top.placeholder) < 80
        for block in range(1, len(document.blocks)):
            assert screen.english_for(block).placeholder == ""


def _cursor_on_screen(view: ParallelTextView, cursor: Cursor) -> bool:
    region = view.sentence_region(cursor)
    assert region is not None
    top = round(view.scroll_offset.y)
    return top <= region.y and region.y + region.height <= top + view.size.height


async def test_the_cursor_stays_on_screen_when_the_english_above_grows(
    article: Document, store: Store
) -> None:
    from reader.translation.store import SentenceTranslation

    article_path = str(article.path)
    store.remember_position(article.text_id, article.title, article_path, 5, 1)
    async with open_reader(article, store, (80, 24)) as (app, pilot, screen):
        view = screen.query_one(ParallelTextView)
        assert screen.cursor == Cursor(5, 1)
        assert _cursor_on_screen(view, screen.cursor)
        # English arrives for the paragraphs above, much longer than the reference.
        for block in range(5):
            for sentence in article.sentences(block):
                english = "A much longer English rendering of this sentence. " * 4
                screen.machine[sentence.text] = SentenceTranslation(
                    sentence.text, english, "machine", "test-model"
                )
        view.english_changed(range(5))
        await pilot.pause()
        assert _cursor_on_screen(view, screen.cursor)


async def test_english_arriving_does_not_undo_the_readers_scrolling(
    article: Document, store: Store
) -> None:
    from textual import events

    from reader.translation.store import SentenceTranslation

    async with open_reader(article, store, (80, 24)) as (app, pilot, screen):
        view = screen.query_one(ParallelTextView)
        for _ in range(8):  # the mouse wheel, away from the cursor in paragraph 1
            view.post_message(events.MouseScrollDown(view, 5, 5, 0, 1, 0, False, False, False))
            await pilot.pause()
        scrolled = round(view.scroll_offset.y)
        assert scrolled > 0 and not _cursor_on_screen(view, screen.cursor)
        for sentence in article.sentences(0):
            english = "A much longer English rendering of this sentence. " * 4
            screen.machine[sentence.text] = SentenceTranslation(
                sentence.text, english, "machine", "test-model"
            )
        view.english_changed([0])
        await pilot.pause()
        assert round(view.scroll_offset.y) == scrolled
