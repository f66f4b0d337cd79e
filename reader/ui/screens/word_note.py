"""A small form for a word's meaning and the reader's note on it (vocabulary screen, ``e``)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label

from reader.core.display import displayable
from reader.ui.widgets.shown import shown
from reader.vocabulary import MAX_NOTE_CHARS


class WordNoteScreen(ModalScreen[tuple[str, str] | None]):
    """Returns (meaning, note) when saved with Enter or ctrl+s, None when cancelled."""

    CSS_PATH = "word_note.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="word_note.cancel"),
        Binding("ctrl+s", "save", "Save", id="word_note.save"),
    ]

    def __init__(self, lemma: str, meaning: str, note: str, suggestion: str = "") -> None:
        super().__init__()
        self.lemma = lemma
        self.meaning = meaning
        self.note = note
        self.suggestion = suggestion

    def compose(self) -> ComposeResult:
        with Vertical(id="word-note-box"):
            yield Label(shown(f"“{self.lemma}”"), id="word-note-title")
            yield Label("Meaning")
            yield Input(
                self.meaning,
                placeholder=displayable(f"suggested: {self.suggestion}") if self.suggestion else "",
                max_length=MAX_NOTE_CHARS,
                id="word-note-meaning",
            )
            yield Label("Your note")
            yield Input(self.note, max_length=MAX_NOTE_CHARS, id="word-note-note")
            yield Label("Enter saves · Escape cancels · empty clears", id="word-note-help")

    def on_mount(self) -> None:
        self.query_one("#word-note-meaning", Input).focus()

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.action_save()

    def action_save(self) -> None:
        """Close with what the fields hold."""
        meaning = self.query_one("#word-note-meaning", Input).value
        note = self.query_one("#word-note-note", Input).value
        self.dismiss((meaning, note))

    def action_cancel(self) -> None:
        """Close without saving."""
        self.dismiss(None)
