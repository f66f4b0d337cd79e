"""A small prompt that asks for a paragraph number."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Input, Label


class GoToParagraphScreen(ModalScreen[int | None]):
    """Returns the chosen block index (0-based), or None when cancelled."""

    CSS_PATH = "goto.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="goto.cancel")]

    def __init__(self, paragraphs: int, current: int) -> None:
        super().__init__()
        self.paragraphs = paragraphs
        self.current = current

    def compose(self) -> ComposeResult:
        with Vertical(id="goto-box"):
            yield Label(f"Go to paragraph (1–{self.paragraphs}):")
            yield Input(placeholder=str(self.current + 1), type="integer", id="goto-input")
            yield Label("", id="goto-error")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        value = event.value.strip()
        if not value:
            self.dismiss(None)
            return
        number = int(value)
        if not 1 <= number <= self.paragraphs:
            self.query_one("#goto-error", Label).update(
                f"There are paragraphs 1 to {self.paragraphs}."
            )
            return
        self.dismiss(number - 1)

    def action_cancel(self) -> None:
        self.dismiss(None)
