"""The glossary screen's keys for the reader's own entries: ``e`` edits one, ``d`` removes one.

A base class of :class:`~reader.ui.screens.glossary.GlossaryScreen`, kept apart so the
screen stays about browsing. The writing is done by :mod:`glossary.user_entries` (in a
thread worker for removal; the form saves in its own). Afterwards the screen's list shows
the change (:meth:`OwnEntriesScreen.show_entries`) and :class:`OwnEntriesScreen.EntryChanged`
tells the host to reload the glossary for the reading view.
"""

from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from textual import on, work
from textual.message import Message
from textual.screen import Screen

from glossary.schema import GlossaryEntry, GlossarySet
from glossary.user_entries import remove_user_entry
from reader.failures import describe_failure
from reader.ui.screens.confirm import ConfirmScreen


class OwnEntriesScreen(Screen[None]):
    """Edit and remove the reader's entries of ``glossary`` at position ``selected``."""

    # The e and d keys are bound from the glossary screen's table (reader.ui.dialog_commands).

    glossary: GlossarySet
    selected: int | None

    @dataclass
    class EntryChanged(Message):
        """One of the reader's entries was changed or removed (reload the glossary)."""

        entry: GlossaryEntry
        """The entry as it is now (the removed one when ``removed``)."""
        removed: bool

    @dataclass
    class _Removed(Message):
        position: int
        entry: GlossaryEntry

    @dataclass
    class _RemoveFailed(Message):
        message: str

    def show_entries(self, removed: int | None = None) -> None:
        """Show :attr:`glossary` again after a change; ``removed``: the position taken out."""

    def _own_entry(self) -> tuple[int, GlossaryEntry] | None:
        if self.selected is None:
            self.notify("Pick an entry first.", severity="warning")
            return None
        entry = self.glossary.entries[self.selected]
        if entry.origin != "user":
            self.notify(
                "Only your own entries (added with A) can be changed here.", severity="warning"
            )
            return None
        return self.selected, entry

    def _replace(self, position: int, entry: GlossaryEntry | None) -> None:
        entries = list(self.glossary.entries)
        if entry is None:
            del entries[position]
            self.selected = None
        else:
            entries[position] = entry
        self.glossary = dataclasses.replace(self.glossary, entries=tuple(entries))
        self.show_entries(position if entry is None else None)

    def action_edit_own_entry(self) -> None:
        """Open the entry form on the selected entry, if it is the reader's."""
        from reader.ui.screens.entry_edit import EditEntryFormScreen

        found = self._own_entry()
        if found is None:
            return
        position, entry = found

        def edited(changed: GlossaryEntry | None) -> None:
            if changed is None:
                return
            self._replace(position, changed)
            self.notify(f"Saved {changed.term}.", title="Glossary", markup=False)
            self.post_message(self.EntryChanged(changed, removed=False))

        self.app.push_screen(EditEntryFormScreen(entry), edited)

    def action_remove_own_entry(self) -> None:
        """Remove the selected entry, if it is the reader's, after asking."""
        found = self._own_entry()
        if found is None:
            return
        position, entry = found

        def answered(confirmed: bool | None) -> None:
            if confirmed:
                self._remove_in_background(position, entry)

        question = f"Remove your glossary entry “{entry.term}” ({entry.kind})?"
        self.app.push_screen(ConfirmScreen(question), answered)

    @work(thread=True, exclusive=True, group="glossary-own", exit_on_error=False)
    def _remove_in_background(self, position: int, entry: GlossaryEntry) -> None:
        try:
            remove_user_entry(entry)
        except Exception as error:  # whatever it was, the screen says so and keeps the entry
            self.post_message(self._RemoveFailed(describe_failure(error)))
            return
        self.post_message(self._Removed(position, entry))

    @on(_Removed)
    def _removed(self, event: _Removed) -> None:
        self._replace(event.position, None)
        self.notify(f"Removed {event.entry.term}.", title="Glossary", markup=False)
        self.post_message(self.EntryChanged(event.entry, removed=True))

    @on(_RemoveFailed)
    def _remove_failed(self, event: _RemoveFailed) -> None:
        self.notify(event.message, title="Not removed", severity="error", markup=False)
