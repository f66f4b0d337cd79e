"""Pilot tests for the lookup panel, the glossary screen and the add-entry form."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult
from textual.widgets import Input, OptionList, Static

from glossary.lookup import WordLookup
from glossary.matching import GlossaryMatcher
from glossary.schema import GlossaryEntry, GlossarySet
from reader.core.text import parse_document
from reader.ui.screens.entry_form import EntryFormScreen
from reader.ui.screens.glossary import GlossaryScreen
from reader.ui.widgets.lookup_panel import LookupPanel

TEXT = (
    "# Titel\n\nLaut des Unionsvertrages ist das so. Die Reaktionen fielen heftig aus.\n\n"
    "Der Unionsvertrag gilt.\n"
)


class PanelApp(App[None]):
    """A tiny host with only the lookup panel."""

    def compose(self) -> ComposeResult:
        yield LookupPanel()


class HostApp(App[None]):
    """A tiny host that records what the screens send back."""

    def __init__(self) -> None:
        super().__init__()
        self.requested: list[GlossaryScreen.OccurrencesRequested] = []
        self.entries: list[GlossaryEntry | None] = []

    def on_glossary_screen_occurrences_requested(
        self, message: GlossaryScreen.OccurrencesRequested
    ) -> None:
        self.requested.append(message)


def panel_body(app: App[None]) -> str:
    return str(app.query_one("#lookup-body", Static).render())


async def test_panel_shows_glossary_note_before_the_dictionary(
    sample_lookup: WordLookup,
) -> None:
    document = parse_document(TEXT, "test")
    sentence = document.sentences(1)[1]
    app = PanelApp()
    async with app.run_test(size=(100, 30)) as pilot:
        assert "Move the word cursor" in panel_body(app)
        panel = app.query_one(LookupPanel)
        panel.result = sample_lookup.lookup("fielen", sentence, 2)
        await pilot.pause()
        body = panel_body(app)
        assert "ausfallen" in body
        assert body.index("turn out") < body.index("Dictionary (separable verb)")
        assert "to fall out" in body


async def test_glossary_screen_filters_opens_and_jumps(sample_glossary: GlossarySet) -> None:
    document = parse_document(TEXT, "test")
    matches = GlossaryMatcher(sample_glossary).matches_in(document.all_sentences())
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(GlossaryScreen(sample_glossary, matches))
        await pilot.pause()
        entry_list = app.screen.query_one("#glossary-list", OptionList)
        assert entry_list.option_count == len(sample_glossary.entries)
        await pilot.click("#glossary-filter")
        await pilot.press(*"union")
        await pilot.pause()
        assert entry_list.option_count == 1
        await pilot.press("enter")
        await pilot.pause()
        detail = str(app.screen.query_one("#glossary-entry", Static).render())
        assert "Union Treaty" in detail and "2 occurrence(s)" in detail
        await pilot.press("o")
        await pilot.pause()
        assert [m.entry.term for m in app.requested] == ["Unionsvertrag"]
        assert app.requested[0].targets == ((1, 0), (2, 0))
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, GlossaryScreen)


@pytest.mark.parametrize(
    ("renderings", "explanation", "problem"),
    [("", "An explanation.", "renderings"), ("manoeuvre", "", "explanation")],
)
async def test_entry_form_shows_problems_inline(
    renderings: str, explanation: str, problem: str
) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(EntryFormScreen("Manövern", "Manöver"), app.entries.append)
        await pilot.pause()
        app.screen.query_one("#entry-renderings", Input).value = renderings
        app.screen.query_one("#entry-explanation", Input).value = explanation
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert isinstance(app.screen, EntryFormScreen)
        assert problem in str(app.screen.query_one("#entry-problems").render())
        assert app.entries == []


async def test_entry_form_returns_a_prefilled_user_entry(sample_glossary: GlossarySet) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(
            EntryFormScreen("Manövern", "Manöver", glossary=sample_glossary), app.entries.append
        )
        await pilot.pause()
        assert app.screen.query_one("#entry-term", Input).value == "Manöver"
        await pilot.press(*"manoeuvre; exercise")
        app.screen.query_one("#entry-explanation", Input).value = "A military exercise."
        await pilot.press("ctrl+s")
        await pilot.pause()
    [entry] = app.entries
    assert entry is not None
    assert (entry.term, entry.renderings, entry.forms, entry.origin) == (
        "Manöver",
        ("manoeuvre", "exercise"),
        ("Manövern",),
        "user",
    )


async def test_entry_form_refuses_a_curated_term(sample_glossary: GlossarySet) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 40)) as pilot:
        app.push_screen(EntryFormScreen("Partisanen", "Partisan", glossary=sample_glossary))
        await pilot.pause()
        app.screen.query_one("#entry-renderings", Input).value = "guerrilla"
        app.screen.query_one("#entry-explanation", Input).value = "A fighter."
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert "curated glossary" in str(app.screen.query_one("#entry-problems").render())


async def test_arrows_walk_the_list_while_the_filter_has_focus_and_the_detail_follows(
    sample_glossary: GlossarySet,
) -> None:
    from textual.widgets import Input, OptionList, Static

    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(GlossaryScreen(sample_glossary))
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, GlossaryScreen)
        await pilot.click("#glossary-filter")
        assert isinstance(screen.focused, Input)
        entry_list = screen.query_one("#glossary-list", OptionList)
        await pilot.press("down")
        first = entry_list.highlighted
        assert first is not None
        await pilot.press("down")
        assert entry_list.highlighted == first + 1
        assert isinstance(screen.focused, Input)  # the reader can keep typing
        shown = screen.glossary.entries[screen.shown[first + 1]]
        assert screen.selected == screen.shown[first + 1]
        assert shown.term in str(screen.query_one("#glossary-entry", Static).render())
        await pilot.press(*"zzzz")
        assert screen.selected is None
        summary = screen.query_one("#glossary-summary", Static)
        assert summary.region.bottom <= screen.query_one("Footer").region.y


def footer_keys(app: App[None]) -> set[str]:
    """The keys the footer offers where the focus is now."""
    return {key for key, active in app.screen.active_bindings.items() if active.binding.show}


async def test_slash_goes_to_the_filter_and_is_not_typed_into_it(
    sample_glossary: GlossarySet,
) -> None:
    """Issue 11, bug 9: "/union" filters for "union", from the filter and from the list."""
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(GlossaryScreen(sample_glossary))
        await pilot.pause()
        entry_list = app.screen.query_one("#glossary-list", OptionList)
        search = app.screen.query_one("#glossary-filter", Input)
        await pilot.press("slash", *"union")
        await pilot.pause()
        assert search.value == "union" and entry_list.option_count == 1
        await pilot.press("enter")  # to the list
        await pilot.pause()
        assert app.screen.focused is entry_list
        await pilot.press("slash")
        await pilot.pause()
        assert app.screen.focused is search and search.value == "union"


async def test_the_footer_offers_only_the_keys_that_work_where_the_focus_is(
    sample_glossary: GlossarySet,
) -> None:
    app = HostApp()
    async with app.run_test(size=(100, 30)) as pilot:
        await app.push_screen(GlossaryScreen(sample_glossary))
        await pilot.pause()
        assert isinstance(app.screen.focused, Input)
        # In the filter, o and / are letters: not offered.
        assert "o" not in footer_keys(app) and "slash" not in footer_keys(app)
        await pilot.press("o")
        await pilot.pause()
        assert app.screen.query_one("#glossary-filter", Input).value == "o"
        await pilot.press("backspace", "down", "tab")
        await pilot.pause()
        assert isinstance(app.screen.focused, OptionList)
        assert {"o", "slash", "escape"} <= footer_keys(app)
