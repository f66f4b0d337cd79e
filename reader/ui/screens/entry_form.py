"""A form for the reader's own glossary entry, prefilled with the current word and lemma.

It checks the entry with the same rules as a glossary file (``validate_entry_data``) and shows
problems inline. Given a ``save`` function (the reading screen passes ``add_user_entry``), it
saves in a thread worker and closes only when that worked: a failure (the glossary file is a
folder, the disk is full) is shown in the form, which keeps what the reader typed.
Without one it returns the new entry and leaves saving to the host.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from glossary.loading import entry_from_data, validate_entry_data
from glossary.schema import ENTRY_KINDS, GlossaryEntry, GlossarySet
from reader.core.display import displayable, one_line
from reader.failures import describe_failure


def _split_list(text: str) -> list[str]:
    separator = ";" if ";" in text else ","
    return [item.strip() for item in text.split(separator) if item.strip()]


class EntryFormScreen(ModalScreen[GlossaryEntry | None]):
    """Returns a new user :class:`GlossaryEntry`, or None when cancelled."""

    CSS_PATH = "entry_form.tcss"
    BINDINGS = [
        Binding("escape", "cancel", "Cancel", id="entry_form.cancel"),
        Binding("ctrl+s", "save", "Save", id="entry_form.save"),
    ]

    def __init__(
        self,
        word: str,
        lemma: str = "",
        kind: str = "noun",
        glossary: GlossarySet | None = None,
        save: Callable[[GlossaryEntry], object] | None = None,
    ) -> None:
        super().__init__()
        self.save = save
        self.word = word
        self.lemma = lemma or word
        self.kind = kind if kind in ENTRY_KINDS else "other"
        self.glossary = glossary

    def compose(self) -> ComposeResult:
        with Vertical(id="entry-box"):
            yield Label(
                f"New glossary entry for “{one_line(self.word)}”", id="entry-title", markup=False
            )
            yield Label("Term (base form)")
            yield Input(self.lemma, id="entry-term")
            yield Label("Kind")
            yield Select(
                [(kind, kind) for kind in ENTRY_KINDS],
                value=self.kind,
                allow_blank=False,
                id="entry-kind",
            )
            with Horizontal(id="entry-noun"):
                yield Select(
                    [("der (m)", "m"), ("die (f)", "f"), ("das (n)", "n")],
                    prompt="gender",
                    id="entry-gender",
                )
                yield Input(placeholder="plural", id="entry-plural")
            yield Label("English renderings (separate with ; or ,)")
            yield Input(id="entry-renderings")
            yield Label("Explanation")
            yield Input(id="entry-explanation")
            yield Label("Forms worth matching (optional, separate with ; or ,)")
            yield Input(self.word if self.word != self.lemma else "", id="entry-forms")
            yield Label("", id="entry-problems")
            with Horizontal(id="entry-buttons"):
                yield Button("Save", variant="primary", id="entry-save")
                yield Button("Cancel", id="entry-cancel")

    def on_mount(self) -> None:
        self.query_one("#entry-renderings", Input).focus()

    def entry_data(self) -> dict[str, Any]:
        """The form's content as glossary data (only filled fields)."""
        data: dict[str, Any] = {
            "term": self.query_one("#entry-term", Input).value.strip(),
            "kind": self.query_one("#entry-kind", Select).value,
        }
        gender = self.query_one("#entry-gender", Select).value
        if isinstance(gender, str):
            data["gender"] = gender
        plural = self.query_one("#entry-plural", Input).value.strip()
        if plural:
            data["plural"] = plural
        forms = _split_list(self.query_one("#entry-forms", Input).value)
        if forms:
            data["forms"] = forms
        data["renderings"] = _split_list(self.query_one("#entry-renderings", Input).value)
        data["explanation"] = self.query_one("#entry-explanation", Input).value.strip()
        return data

    def problems(self, data: dict[str, Any]) -> list[str]:
        """What is wrong with ``data``: the file rules, then a clash with a known entry."""
        messages = [f"{p.field}: {p.message}" for p in validate_entry_data(data)]
        if not messages and self.glossary is not None:
            for known in self.glossary.find(str(data["term"])):
                if known.kind == data["kind"]:
                    where = "the curated glossary" if known.origin == "curated" else "your file"
                    messages.append(f"term: {known.term!r} ({known.kind}) is already in {where}")
        return messages

    @dataclass
    class SaveFailed(Message):
        """Saving the entry failed; the form stays open and shows why."""

        message: str

    @dataclass
    class Saved(Message):
        """The entry is saved: close the form with it."""

        entry: GlossaryEntry

    def _show_problems(self, messages: list[str]) -> None:
        self.query_one("#entry-problems", Label).update(displayable("\n".join(messages)))

    @work(thread=True, exclusive=True, group="entry-save", exit_on_error=False)
    def _save_in_background(self, entry: GlossaryEntry) -> None:
        assert self.save is not None
        try:
            self.save(entry)
        except Exception as error:  # whatever it was, the form says so and stays open
            self.post_message(self.SaveFailed(describe_failure(error)))
            return
        self.post_message(self.Saved(entry))

    @on(SaveFailed)
    def _save_failed(self, event: SaveFailed) -> None:
        self._show_problems([f"Not saved: {event.message}"])
        self.query_one("#entry-save", Button).disabled = False
        self.notify(event.message, title="Not saved", severity="error")

    @on(Saved)
    def _saved(self, event: Saved) -> None:
        self.dismiss(event.entry)

    def action_save(self) -> None:
        data = self.entry_data()
        messages = self.problems(data)
        if messages:
            self._show_problems(messages)
            return
        entry = entry_from_data(data, origin="user")
        if self.save is None:
            self.dismiss(entry)
            return
        self.query_one("#entry-save", Button).disabled = True
        self._show_problems(["Saving…"])
        self._save_in_background(entry)

    def action_cancel(self) -> None:
        self.dismiss(None)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        if event.button.id == "entry-save":
            self.action_save()
        else:
            self.action_cancel()
