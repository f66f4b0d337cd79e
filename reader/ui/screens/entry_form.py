"""A form for the reader's own glossary entry, prefilled with the current word and lemma.

It checks the entry with the same rules as a glossary file (``validate_entry_data``) and shows
problems inline. Given a ``save`` function (the reading screen passes ``add_user_entry``), it
saves in a thread worker and closes only when that worked: a failure (the glossary file is a
folder, the disk is full) is shown in the form, which keeps what the reader typed.
Without one it returns the new entry and leaves saving to the host.

The form fits small terminals (80×24, 60×20): the fields scroll between a fixed title and a
fixed button row, and Enter in any single-line field saves. When the term is already in the
glossary it says so at once, with the known entry, before the reader types anything: the
glossary model allows one entry per term and kind, so the reader's own entry needs another
kind (the title says which kinds are taken).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select

from glossary.loading import entry_from_data, validate_entry_data
from glossary.schema import ENTRY_KINDS, GlossaryEntry, GlossarySet
from reader.core.display import displayable, one_line
from reader.failures import describe_failure
from reader.ui.commands import bindings_for
from reader.ui.dialog_commands import ENTRY_FORM_COMMANDS


def _split_list(text: str) -> list[str]:
    separator = ";" if ";" in text else ","
    return [item.strip() for item in text.split(separator) if item.strip()]


class EntryFormScreen(ModalScreen[GlossaryEntry | None]):
    """Returns a new user :class:`GlossaryEntry`, or None when cancelled."""

    CSS_PATH = "entry_form.tcss"
    BINDINGS = bindings_for(ENTRY_FORM_COMMANDS)

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
            yield Label(self._title(self.lemma), id="entry-title", markup=False)
            yield Label(self._known_note(self.lemma), id="entry-known", markup=False)
            with VerticalScroll(id="entry-fields"):
                yield from self._fields()
            yield Label("", id="entry-problems")
            with Horizontal(id="entry-buttons"):
                yield Button("Save", variant="primary", id="entry-save")
                yield Button("Cancel", id="entry-cancel")
                yield Label("Enter or ctrl+s saves · Esc cancels", id="entry-keys")

    def _fields(self) -> ComposeResult:
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

    def on_mount(self) -> None:
        self.query_one("#entry-renderings", Input).focus()

    def known_entries(self, term: str) -> tuple[GlossaryEntry, ...]:
        """The glossary's entries for ``term`` (any case), curated ones first."""
        if self.glossary is None or not term.strip():
            return ()
        found = self.glossary.find(term.strip())
        return tuple(sorted(found, key=lambda entry: entry.origin != "curated"))

    def _title(self, term: str) -> str:
        known = self.known_entries(term)
        if not known:
            return f"New glossary entry for “{one_line(self.word)}”"
        where = "the curated glossary" if known[0].origin == "curated" else "your glossary"
        return f"“{one_line(term.strip())}” is already in {where}"

    def _known_note(self, term: str) -> str:
        """What the glossary has for the term and what the reader can still add."""
        known = self.known_entries(term)
        if not known:
            return ""
        lines = []
        for entry in known:
            where = "curated" if entry.origin == "curated" else "yours"
            lines.append(f"{entry.kind} ({where}): {'; '.join(entry.renderings)}")
        taken = {entry.kind for entry in known}
        free = [kind for kind in ENTRY_KINDS if kind not in taken]
        lines.append(
            "You can add your own entry of another kind (one entry per term and kind)."
            if free
            else "Every kind is taken: change the term to add an entry."
        )
        return one_line(lines[0]) + "".join("\n" + one_line(line) for line in lines[1:])

    @on(Input.Changed, "#entry-term")
    def _term_changed(self, event: Input.Changed) -> None:
        """Say at once whether the typed term is already in the glossary."""
        self.query_one("#entry-title", Label).update(self._title(event.value))
        self.query_one("#entry-known", Label).update(self._known_note(event.value))

    @on(Input.Submitted)
    def _enter_saves(self, event: Input.Submitted) -> None:
        """Enter in any single-line field saves (the form says so beside its buttons)."""
        event.stop()
        self.action_save()

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
