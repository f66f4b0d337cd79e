"""Dialogs for the English column: correct a sentence, or pick one of the model's alternatives."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, OptionList, Static

from reader.core.display import displayable
from reader.ui.widgets.shown import shown

REVERT = ""
"""What :class:`EditTranslationScreen` returns when the reader asks to drop their correction."""


class EditTranslationScreen(ModalScreen[str | None]):
    """Edit one English sentence under its German; returns the new text, REVERT or None.

    Enter saves (an empty field counts as cancel), Escape cancels, and ``ctrl+r`` returns
    :data:`REVERT` when ``can_revert`` (the sentence has a correction to drop).
    """

    CSS_PATH = "edit_translation.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="edit_translation.cancel"),
        Binding("ctrl+r", "revert", "Revert to machine", id="edit_translation.revert"),
    ]

    def __init__(self, german: str, english: str, can_revert: bool = False) -> None:
        super().__init__()
        self.german = german
        self.english = english
        self.can_revert = can_revert

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-box"):
            yield Label("German", classes="dialog-caption")
            yield Static(displayable(" ".join(self.german.split())), id="edit-german", markup=False)
            yield Label("English (Enter saves, Escape cancels)", classes="dialog-caption")
            yield Input(value=displayable(self.english), id="edit-english")
            if self.can_revert:
                yield Button("Revert to machine translation (ctrl+r)", id="edit-revert")

    def on_mount(self) -> None:
        self.query_one("#edit-english", Input).focus()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "revert":
            return self.can_revert
        return True

    def on_input_submitted(self, event: Input.Submitted) -> None:
        event.stop()
        text = event.value.strip()
        self.dismiss(text if text else None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "edit-revert":
            self.action_revert()

    def action_revert(self) -> None:
        """Ask the host to drop the correction."""
        if self.can_revert:
            self.dismiss(REVERT)

    def action_cancel(self) -> None:
        """Close without a change."""
        self.dismiss(None)


class AlternativesScreen(ModalScreen[str | None]):
    """Pick one of the model's n-best translations of a sentence; returns it or None."""

    CSS_PATH = "edit_translation.tcss"
    BINDINGS = [Binding("escape", "cancel", "Cancel", id="alternatives.cancel")]

    def __init__(self, german: str, alternatives: tuple[str, ...]) -> None:
        super().__init__()
        self.german = german
        self.alternatives = alternatives

    def compose(self) -> ComposeResult:
        with Vertical(id="alternatives-box"):
            yield Label("German", classes="dialog-caption")
            yield Static(
                displayable(" ".join(self.german.split())), id="alternatives-german", markup=False
            )
            yield Label("Alternatives (Enter picks one, Escape cancels)", classes="dialog-caption")
            # Text options: model output is not markup (a "[" would break or vanish).
            yield OptionList(*(shown(a) for a in self.alternatives), id="alternatives-list")

    def on_mount(self) -> None:
        self.query_one("#alternatives-list", OptionList).focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        self.dismiss(self.alternatives[event.option_index])

    def action_cancel(self) -> None:
        """Close without a choice."""
        self.dismiss(None)
