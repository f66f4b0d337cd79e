"""The add-entry form (issue 11, bugs 6 and 12): it fits small terminals, Enter saves, a known
term is named at once, and the kind follows the lookup."""

from __future__ import annotations

from typing import Any

import pytest
from textual.app import App
from textual.pilot import Pilot
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Select

from glossary.lookup import LookupResult
from glossary.schema import GlossaryEntry, GlossarySet
from reader.reading_state import entry_kind
from reader.ui.screens.entry_form import EntryFormScreen

FIELDS = ("#entry-term", "#entry-kind", "#entry-plural", "#entry-renderings", "#entry-explanation")


class FormHost(App[None]):
    """A tiny host that records what the form returns."""

    def __init__(self) -> None:
        super().__init__()
        self.entries: list[GlossaryEntry | None] = []


def on_screen(pilot: Pilot[Any], widget: Widget) -> bool:
    """Whether the widget is really drawn where the reader can see and click it."""
    region = widget.region
    if region.width == 0 or region.height == 0:
        return False
    centre = region.offset + (region.width // 2, region.height // 2)
    try:
        found, _ = pilot.app.screen.get_widget_at(*centre)
    except Exception:  # off the screen
        return False
    return found is widget or widget in found.ancestors


@pytest.mark.parametrize("size", [(80, 24), (60, 20)])
async def test_the_form_fits_and_every_field_scrolls_into_view(size: tuple[int, int]) -> None:
    app = FormHost()
    async with app.run_test(size=size) as pilot:
        app.push_screen(EntryFormScreen("Manövern", "Manöver"), app.entries.append)
        await pilot.pause()
        # The first focus scrolls (smoothly) too: a scroll still under way would carry on
        # past a field focused meanwhile.
        await pilot.wait_for_scheduled_animations()
        form = app.screen
        for button in form.query(Button):
            assert on_screen(pilot, button), f"{button.id} is cut off at {size}"
        for selector in FIELDS:
            field = form.query_one(selector)
            field.focus()
            await pilot.pause()
            await pilot.wait_for_scheduled_animations()  # focusing scrolls, smoothly
            await pilot.pause()
            assert on_screen(pilot, field), f"{selector} cannot be reached at {size}"
            for button in form.query(Button):
                assert on_screen(pilot, button), f"{button.id} scrolled away at {size}"
        await pilot.click("#entry-cancel")
        await pilot.pause()
    assert app.entries == [None]


@pytest.mark.parametrize("field", ["#entry-term", "#entry-renderings", "#entry-explanation"])
async def test_enter_in_a_one_line_field_saves(field: str) -> None:
    app = FormHost()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EntryFormScreen("Manövern", "Manöver"), app.entries.append)
        await pilot.pause()
        form = app.screen
        form.query_one("#entry-renderings", Input).value = "manoeuvre"
        form.query_one("#entry-explanation", Input).value = "A military exercise."
        form.query_one(field, Input).focus()
        await pilot.press("enter")
        await pilot.pause()
    [entry] = app.entries
    assert entry is not None and entry.renderings == ("manoeuvre",)


async def test_a_curated_term_is_named_at_once_with_what_can_be_added(
    sample_glossary: GlossarySet,
) -> None:
    app = FormHost()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EntryFormScreen("Partisanen", "Partisan", "noun", sample_glossary))
        await pilot.pause()
        form = app.screen
        title = str(form.query_one("#entry-title", Label).render())
        assert "New glossary entry" not in title
        assert "already in the curated glossary" in title
        known = str(form.query_one("#entry-known", Label).render())
        assert "noun (curated): partisan" in known and "another kind" in known
        # Typing a new term says so at once, too (no save needed).
        term = form.query_one("#entry-term", Input)
        term.value = "Partisanin"
        await pilot.pause()
        assert "New glossary entry" in str(form.query_one("#entry-title", Label).render())
        assert str(form.query_one("#entry-known", Label).render()) == ""


def lookup_of(word: str, part_of_speech_tag: str, separable: str | None = None) -> LookupResult:
    return LookupResult(word, word, part_of_speech_tag, (), (), "none", separable, (), ())


@pytest.mark.parametrize(
    ("word", "tag", "separable", "kind"),
    [
        ("weigerte", "VVFIN", None, "verb"),
        ("heftig", "ADJD", None, "adjective"),
        ("fielen", "VVFIN", "ausfallen", "separable-verb"),
        ("Minsk", "NE", None, "name"),
        ("oft", "ADV", None, "adverb"),
        ("Krieg", "NN", None, "noun"),
    ],
)
def test_the_default_kind_follows_the_lookup(
    word: str, tag: str, separable: str | None, kind: str
) -> None:
    assert entry_kind(lookup_of(word, tag, separable), word) == kind


def test_a_word_of_a_glossary_phrase_keeps_its_own_part_of_speech(
    sample_glossary: GlossarySet,
) -> None:
    (idiom,) = sample_glossary.find("Großer Bahnhof")
    result = LookupResult("Großer", "groß", "ADJA", (idiom,), (), "none", None, (), ())
    assert entry_kind(result, "Großer") == "adjective"


def test_without_a_lookup_of_the_word_a_capital_means_noun() -> None:
    assert entry_kind(None, "Krieg") == "noun"
    assert entry_kind(lookup_of("heftig", "ADJD"), "Krieg") == "noun"  # another word's lookup


async def test_the_form_starts_with_the_kind_it_is_given() -> None:
    app = FormHost()
    async with app.run_test(size=(80, 24)) as pilot:
        app.push_screen(EntryFormScreen("weigerte", "weigern", entry_kind(None, "weigerte")))
        await pilot.pause()
        assert app.screen.query_one("#entry-kind", Select).value == "other"
        app.push_screen(EntryFormScreen("weigerte", "weigern", "verb"))
        await pilot.pause()
        assert app.screen.query_one("#entry-kind", Select).value == "verb"
