"""Pilot tests: the vocabulary screen edits meanings and notes, removes words, filters learning."""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest
from textual.app import App
from textual.message import Message
from textual.widgets import DataTable, Input, Static

from reader.store import Store
from reader.ui.screens.confirm import ConfirmScreen
from reader.ui.screens.vocabulary import VocabularyScreen
from reader.ui.screens.word_note import WordNoteScreen
from reader.vocabulary import Vocabulary
from tests.fixtures_glossary import DING_SAMPLE
from tests.test_vocabulary_screen import filled, rows
from tests.ui_support import settle


def fake_suggestions(
    lemmas: list[str], batch: int, cancelled: Callable[[], bool]
) -> Iterator[dict[str, str]]:
    """Suggests a meaning for Umarmung only, as the glossary or dictionary would."""
    yield {lemma: "embrace; hug" for lemma in lemmas if lemma == "Umarmung"}


class Host(App[None]):
    """The vocabulary screen with made-up suggestions (the real ones need the dictionary)."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__()
        self.vocabulary = vocabulary
        self.received: list[Message] = []

    def on_mount(self) -> None:
        self.push_screen(
            VocabularyScreen(self.vocabulary, {"text-a": "Text A"}, "text-a", fake_suggestions)
        )

    def on_vocabulary_screen_status_changed(self, message: VocabularyScreen.StatusChanged) -> None:
        self.received.append(message)


def cells(screen: VocabularyScreen, column: int) -> list[str]:
    table = screen.query_one(DataTable)
    return [str(table.get_row_at(i)[column]) for i in range(table.row_count)]


async def test_edit_meaning_and_note(store: Store) -> None:
    vocabulary = filled(store)
    vocabulary.set_note("Krieg", meaning="war")
    app = Host(vocabulary)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, VocabularyScreen)
        await settle(pilot)
        assert cells(screen, 4) == ["", "war", "≈ embrace; hug"]
        await pilot.press("down", "e")
        form = app.screen
        assert isinstance(form, WordNoteScreen)
        assert form.query_one("#word-note-meaning", Input).value == "war"
        form.query_one("#word-note-meaning", Input).value = "war, conflict"
        form.query_one("#word-note-note", Input).value = "der Krieg, die Kriege"
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is screen
        entry = vocabulary.entry("Krieg")
        assert entry is not None
        assert (entry.meaning, entry.note) == ("war, conflict", "der Krieg, die Kriege")
        assert cells(screen, 4)[1] == "war, conflict"
        assert cells(screen, 5)[1] == "der Krieg, die Kriege"
        await pilot.press("e", "escape")  # cancelled: nothing changes
        await pilot.pause()
        assert vocabulary.entry("Krieg") == entry


async def test_remove_asks_first_and_keep_keeps(store: Store) -> None:
    vocabulary = filled(store)
    app = Host(vocabulary)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, VocabularyScreen)
        await pilot.press("d")
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("enter")  # the focused button is "Keep"
        await pilot.pause()
        assert app.screen is screen and vocabulary.status("erörtern") == "2"
        await pilot.press("d", "y")
        await pilot.pause()
        assert app.screen is screen
        assert rows(screen) == [("Krieg", "known"), ("Umarmung", "new")]
        assert vocabulary.entry("erörtern") is None
        changed = app.received[-1]
        assert isinstance(changed, VocabularyScreen.StatusChanged)
        assert (changed.lemma, changed.status) == ("erörtern", "new")


async def test_status_filter_offers_all_learning_levels(store: Store) -> None:
    vocabulary = filled(store)
    vocabulary.set_statuses({"Frieden": "4", "Umarmung": "1"})
    app = Host(vocabulary)
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, VocabularyScreen)
        await pilot.press(*"ssssss")  # new, 1, 2, 3, 4, then every learning level
        assert screen.status_filter == "learning"
        assert rows(screen) == [
            ("erörtern", "learning-2"),
            ("Frieden", "learning-4"),
            ("Umarmung", "learning-1"),
        ]
        header = str(screen.query_one("#vocabulary-filters", Static).render())
        assert "all learning levels" in header


async def test_suggested_meaning_is_a_placeholder_not_the_readers(store: Store) -> None:
    vocabulary = filled(store)
    app = Host(vocabulary)
    async with app.run_test(size=(120, 30)) as pilot:
        await settle(pilot)
        await pilot.press("down", "down", "e")
        form = app.screen
        assert isinstance(form, WordNoteScreen)
        meaning = form.query_one("#word-note-meaning", Input)
        assert (meaning.value, meaning.placeholder) == ("", "suggested: embrace; hug")
        await pilot.press("escape")
        entry = vocabulary.entry("Umarmung")
        assert entry is not None and entry.meaning == ""


def test_real_suggestions_come_from_the_glossary_then_the_dictionary(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.vocabulary_meanings import suggested_meanings

    monkeypatch.setenv("LESEPULT_DING_PATH", str(DING_SAMPLE))
    found: dict[str, str] = {}
    for batch in suggested_meanings(["Angriff", "Vertrag", "zzqx", ""], batch=1):
        assert len(batch) == 1
        found.update(batch)
    assert found == {"Angriff": "attack; assault", "Vertrag": "contract; treaty"}
