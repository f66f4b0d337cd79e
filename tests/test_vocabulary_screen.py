"""Pilot tests of the vocabulary screen on a tiny host app."""

from __future__ import annotations

from textual.app import App
from textual.message import Message
from textual.widgets import DataTable, Static

from reader.store import Store
from reader.ui.screens.vocabulary import VocabularyScreen
from reader.vocabulary import Vocabulary


class Host(App[None]):
    """Pushes the screen and records the messages it posts."""

    def __init__(self, vocabulary: Vocabulary) -> None:
        super().__init__()
        self.vocabulary = vocabulary
        self.received: list[Message] = []

    def on_mount(self) -> None:
        self.push_screen(VocabularyScreen(self.vocabulary, {"text-a": "Text A"}, "text-a"))

    def on_vocabulary_screen_status_changed(self, message: VocabularyScreen.StatusChanged) -> None:
        self.received.append(message)

    def on_vocabulary_screen_sentence_opened(
        self, message: VocabularyScreen.SentenceOpened
    ) -> None:
        self.received.append(message)


def filled(store: Store) -> Vocabulary:
    vocabulary = Vocabulary(store)
    vocabulary.record_lookup("Umarmung", "Umarmung", "Eine enge Umarmung.", "text-a")
    vocabulary.record_lookup("erörtern", "erörtern", "Fragen erörtern.", "text-b")
    vocabulary.set_statuses({"Krieg": "known", "erörtern": "2"})
    return vocabulary


def rows(screen: VocabularyScreen) -> list[tuple[str, str]]:
    table = screen.query_one(DataTable)
    return [
        (str(table.get_row_at(i)[0]), str(table.get_row_at(i)[1])) for i in range(table.row_count)
    ]


async def test_status_keys_filters_and_open(store: Store) -> None:
    vocabulary = filled(store)
    app = Host(vocabulary)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, VocabularyScreen)
        assert rows(screen) == [("erörtern", "learning-2"), ("Krieg", "known"), ("Umarmung", "new")]
        statistics = str(screen.query_one("#vocabulary-statistics", Static).render())
        assert "known 1" in statistics and "Text A: 1 looked up" in statistics
        await pilot.press("down", "down", "3")
        assert vocabulary.status("Umarmung") == "3"
        assert rows(screen)[2] == ("Umarmung", "learning-3")
        assert isinstance(app.received[-1], VocabularyScreen.StatusChanged)
        assert (app.received[-1].lemma, app.received[-1].status) == ("Umarmung", "3")
        await pilot.press("enter")
        opened = app.received[-1]
        assert isinstance(opened, VocabularyScreen.SentenceOpened)
        assert (opened.text_id, opened.sentence) == ("text-a", "Eine enge Umarmung.")
        await pilot.press("t")
        assert rows(screen) == [("Umarmung", "learning-3")]
        await pilot.press("t", "s", "s")  # all texts; filter: new, then learning-1
        assert rows(screen) == []
        await pilot.press("s")  # learning-2
        assert rows(screen) == [("erörtern", "learning-2")]
        await pilot.press("k")
        assert vocabulary.status("erörtern") == "known"
        assert rows(screen) == []
        await pilot.press("escape")
        assert not isinstance(app.screen, VocabularyScreen)


async def test_words_marked_in_a_text_show_it(store: Store) -> None:
    vocabulary = Vocabulary(store)
    vocabulary.mark_new_as_known(["Minsk"], text_id="text-a")
    app = Host(vocabulary)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, VocabularyScreen)
        header = str(screen.query_one("#vocabulary-filters", Static).render())
        assert "Vocabulary: 1 word, all statuses" in header
        table = screen.query_one(DataTable)
        assert [str(cell) for cell in table.get_row_at(0)][:4] == ["Minsk", "known", "0", "Text A"]
        await pilot.press("t")  # this text only: the marked word belongs to it
        assert rows(screen) == [("Minsk", "known")]
        await pilot.press("enter")  # never looked up: nothing to open
        assert app.received == []
