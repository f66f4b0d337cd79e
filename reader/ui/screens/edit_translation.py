"""Dialogs for the English column: correct a sentence, or pick one of the model's alternatives.

The English box wraps a long sentence over several lines (a TextArea); Enter or ctrl+s saves
it (one sentence has no line breaks: any the reader pastes become spaces). Its footer shows
the keys. The revert key is offered only when there is English beneath the correction, and
says which: the curated reference or the machine translation.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import events
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Footer, Label, OptionList, Static, TextArea

from reader.core.display import displayable
from reader.english import Beneath
from reader.ui.commands import bindings_for
from reader.ui.dialog_commands import EDIT_TRANSLATION_COMMANDS
from reader.ui.widgets.shown import shown

if TYPE_CHECKING:
    from reader.core.text import Document, ReferenceTranslation
    from reader.navigation import Cursor
    from reader.translation.engine import Translator
    from reader.translation.store import TranslationStore

REVERT = ""
"""What :class:`EditTranslationScreen` returns when the reader asks to drop their correction."""

BENEATH_NAMES: dict[Beneath, str] = {
    "reference": "the reference translation (curated)",
    "machine": "the machine translation",
}
"""How the revert button names the English beneath the correction."""


def english_beneath(
    translations: TranslationStore,
    engine: Translator | None,
    document: Document,
    reference: ReferenceTranslation | None,
    cursor: Cursor,
) -> Beneath | None:
    """What the reader sees once their correction of the cursor's sentence is dropped.

    The stored machine English of the current model (no engine: none), else the aligned
    reference sentence (:func:`reader.english.english_beneath` decides), else None.
    """
    from reader.english import english_beneath as beneath_of

    german = document.sentences(cursor.block)[cursor.sentence].text
    machine = engine is not None and translations.has_machine(engine.model_id, german)
    return beneath_of(document, cursor.block, cursor.sentence, reference, machine)


class EnglishBox(TextArea):
    """The English of one sentence, wrapped; Enter posts :class:`EnglishBox.Submitted`."""

    class Submitted(Message):
        """The reader pressed Enter: save."""

    async def _on_key(self, event: events.Key) -> None:
        # Textual calls TextArea's own handler after this one unless the default is
        # prevented: only Enter is taken (TextArea would insert a line break).
        if event.key == "enter":
            event.stop()
            event.prevent_default()
            self.post_message(self.Submitted())

    @property
    def value(self) -> str:
        """The English on one line (pasted line breaks become spaces)."""
        return " ".join(self.text.split())


class EditTranslationScreen(ModalScreen[str | None]):
    """Edit one English sentence under its German; returns the new text, REVERT or None.

    Enter or ctrl+s saves (an empty box counts as cancel), Escape cancels, and ``ctrl+r``
    returns :data:`REVERT` when ``revert_to`` names the English beneath the correction.
    """

    CSS_PATH = "edit_translation.tcss"
    BINDINGS = bindings_for(EDIT_TRANSLATION_COMMANDS)

    def __init__(self, german: str, english: str, revert_to: Beneath | None = None) -> None:
        super().__init__()
        self.german = german
        self.english = english
        self.revert_to = revert_to

    def compose(self) -> ComposeResult:
        with Vertical(id="edit-box"):
            yield Label("German", classes="dialog-caption")
            yield Static(displayable(" ".join(self.german.split())), id="edit-german", markup=False)
            yield Label("English (Enter or ctrl+s saves, Escape cancels)", classes="dialog-caption")
            yield EnglishBox(
                displayable(" ".join(self.english.split())),
                id="edit-english",
                soft_wrap=True,
                show_line_numbers=False,
                tab_behavior="focus",
            )
            if self.revert_to is not None:
                yield Button(
                    f"Revert to {BENEATH_NAMES[self.revert_to]} (ctrl+r)", id="edit-revert"
                )
        yield Footer()

    def on_mount(self) -> None:
        box = self.query_one("#edit-english", EnglishBox)
        box.focus()
        box.move_cursor(box.document.end)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "revert":
            return self.revert_to is not None
        return True

    def on_english_box_submitted(self, event: EnglishBox.Submitted) -> None:
        event.stop()
        self.action_save()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        event.stop()
        if event.button.id == "edit-revert":
            self.action_revert()

    def action_save(self) -> None:
        """Return the English in the box (an empty box is a cancel)."""
        text = self.query_one("#edit-english", EnglishBox).value
        self.dismiss(text if text else None)

    def action_revert(self) -> None:
        """Ask the host to drop the correction."""
        if self.revert_to is not None:
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
