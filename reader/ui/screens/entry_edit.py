"""The entry form, prefilled with one of the reader's own entries, for editing it (``e``).

It is :class:`EntryFormScreen` with the entry's fields filled in and a save function that
replaces the entry in the reader's file (:func:`glossary.user_entries.update_user_entry`,
which also refuses a clash with another entry, so the form is given no glossary to check).
"""

from __future__ import annotations

from textual.widgets import Input, Label, Select

from glossary.schema import GlossaryEntry
from glossary.user_entries import update_user_entry
from reader.core.display import one_line
from reader.ui.screens.entry_form import EntryFormScreen


class EditEntryFormScreen(EntryFormScreen):
    """Returns the changed entry (already saved), or None when cancelled."""

    def __init__(self, entry: GlossaryEntry) -> None:
        super().__init__(
            entry.term,
            entry.term,
            entry.kind,
            None,
            save=lambda changed: update_user_entry(entry, changed),
        )
        self.original = entry

    def on_mount(self) -> None:
        super().on_mount()
        entry = self.original
        self.query_one("#entry-title", Label).update(f"Edit your entry “{one_line(entry.term)}”")
        values = {
            "#entry-renderings": "; ".join(entry.renderings),
            "#entry-explanation": entry.explanation,
            "#entry-plural": entry.plural or "",
            "#entry-forms": "; ".join(entry.forms),
        }
        for selector, value in values.items():
            self.query_one(selector, Input).value = value
        if entry.gender:
            self.query_one("#entry-gender", Select).value = entry.gender
