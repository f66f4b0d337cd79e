"""The English edit dialog (issue 11): revert says what is beneath (bug 15), the box wraps a
long sentence and Enter or ctrl+s saves it."""

from __future__ import annotations

from textual.app import App
from textual.widgets import Button

from reader.core.text import Document, parse_document
from reader.english import english_beneath
from reader.store import Store
from reader.ui.screens.edit_translation import REVERT, EditTranslationScreen, EnglishBox
from tests.ui_support import open_reader, settle

LONG_ENGLISH = (
    "Kremlin chief Putin visits Belarus, where the president, who has ruled since 1994, has"
    " received him with military honours and a long list of agreements on trade and defence."
)


class DialogHost(App[None]):
    """A tiny host that records what the dialog returns."""

    def __init__(self) -> None:
        super().__init__()
        self.results: list[str | None] = []


def revert_label(app: App[None]) -> str | None:
    buttons = app.screen.query("#edit-revert").results(Button)
    return next((str(button.label) for button in buttons), None)


async def test_revert_names_the_reference_when_the_reference_is_beneath(
    article: Document, store: Store
) -> None:
    """Bug 15: no model, a curated reference: the edit covers the reference, not a machine
    translation."""
    async with open_reader(article, store) as (app, pilot, screen):
        await pilot.press("j", "e")  # the teaser's first sentence
        assert isinstance(app.screen, EditTranslationScreen)
        app.screen.query_one("#edit-english", EnglishBox).text = "Kremlin boss Putin visits."
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("e")
        await pilot.pause()
        label = revert_label(app)
        assert label is not None
        assert "reference" in label and "machine" not in label
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.english_for(1).versions[0].sentences[0].origin == "reference"


async def test_nothing_beneath_offers_no_revert() -> None:
    app = DialogHost()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EditTranslationScreen("Ein Satz.", "My sentence."), app.results.append)
        await pilot.pause()
        assert revert_label(app) is None
        assert "ctrl+r" not in app.screen.active_bindings
        await pilot.press("ctrl+r", "escape")
        await pilot.pause()
    assert app.results == [None]


def test_what_is_beneath_a_correction() -> None:
    document = parse_document("# Titel\n\nEin Satz. Noch einer.\n", "test")
    for _ in document.all_sentences():
        pass
    assert english_beneath(document, 1, 0, None, machine_stored=True) == "machine"
    assert english_beneath(document, 1, 0, None, machine_stored=False) is None


async def test_a_long_sentence_wraps_and_enter_saves_it_on_one_line() -> None:
    app = DialogHost()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EditTranslationScreen("Ein Satz.", LONG_ENGLISH, "machine"))
        await pilot.pause()
        box = app.screen.query_one("#edit-english", EnglishBox)
        assert app.focused is box
        assert box.wrapped_document.height >= 2  # wrapped, not scrolled sideways
        assert box.region.height >= 3
        assert {"enter", "ctrl+s", "escape", "ctrl+r"} <= {
            key for key, active in app.screen.active_bindings.items() if active.binding.show
        }


async def test_enter_saves_the_folded_text() -> None:
    app = DialogHost()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EditTranslationScreen("Ein Satz.", LONG_ENGLISH), app.results.append)
        await pilot.pause()
        box = app.screen.query_one("#edit-english", EnglishBox)
        box.text = "A pasted\nsentence"
        box.move_cursor(box.document.end)
        await pilot.press("space", *"too.", "enter")
        await pilot.pause()
        app.push_screen(EditTranslationScreen("Ein Satz.", "A sentence."), app.results.append)
        await pilot.pause()
        await pilot.press("ctrl+s")
        await pilot.pause()
        app.push_screen(
            EditTranslationScreen("Ein Satz.", "A sentence.", "reference"), app.results.append
        )
        await pilot.pause()
        await pilot.press("ctrl+r")
        await pilot.pause()
    assert app.results == ["A pasted sentence too.", "A sentence.", REVERT]
