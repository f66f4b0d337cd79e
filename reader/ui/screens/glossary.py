"""The glossary screen: every entry, a filter that narrows as you type, one entry in full.

The host pushes it with the loaded glossary and the matches it already computed for the text;
"jump to occurrences" posts :class:`GlossaryScreen.OccurrencesRequested` with (block,
sentence) targets and leaves the moving to the host.

Keys work as the footer shows them: ``/`` goes to the filter from the list and is never typed
into it (so "/teppich" filters for "teppich"); ``o`` works in the list, and while the filter
has focus it is a letter, so the footer does not offer it there.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.containers import Horizontal, VerticalScroll
from textual.message import Message
from textual.widgets import Footer, Input, OptionList, Static
from textual.widgets.option_list import Option

from glossary.matching import TermMatch
from glossary.schema import GlossaryEntry, GlossarySet
from reader.core.display import displayable
from reader.search import term_occurrences
from reader.ui.commands import bindings_for
from reader.ui.dialog_commands import GLOSSARY_COMMANDS
from reader.ui.screens.glossary_own import OwnEntriesScreen
from reader.ui.widgets.lookup_panel import entry_text
from reader.ui.widgets.shown import shown, shown_text


def entry_matches_filter(entry: GlossaryEntry, query: str) -> bool:
    """Whether ``query`` (any case) occurs in the entry's term, forms, renderings or name."""
    folded = query.casefold().strip()
    if not folded:
        return True
    haystack = (entry.term, *entry.forms, *entry.renderings, entry.english_name or "")
    return any(folded in text.casefold() for text in haystack)


class GlossaryFilter(Input):
    """The filter line: ``/`` (the key that comes here) is never typed into it."""

    def __init__(self, placeholder: str, id: str) -> None:
        super().__init__(placeholder=placeholder, id=id, restrict=r"[^/]*")

    def restricted(self) -> None:
        """A refused ``/`` is the key that brought the reader here: no bell."""


class GlossaryScreen(OwnEntriesScreen):
    """All glossary entries with a filter; Enter opens one, o jumps to its occurrences.

    ``e`` and ``d`` edit and remove the reader's own entries (:class:`OwnEntriesScreen`).
    """

    CSS_PATH = "glossary.tcss"
    # While typing in the filter the arrows still walk the list (the list, when focused,
    # handles them itself first).
    BINDINGS = bindings_for(GLOSSARY_COMMANDS)

    @dataclass
    class OccurrencesRequested(Message):
        """The reader wants to go to where an entry occurs in the text."""

        entry: GlossaryEntry
        """The entry."""
        targets: tuple[tuple[int, int], ...]
        """(block, sentence) of every occurrence, in text order (a sentence holding the
        term twice is there twice)."""

    def __init__(self, glossary: GlossarySet, matches: Sequence[TermMatch] = ()) -> None:
        super().__init__()
        self.glossary = glossary
        # Counted as the reading screen's n/N visits them (reader.search.term_occurrences).
        found = term_occurrences(matches)
        self.occurrences: dict[int, list[tuple[int, int]]] = {
            position: [(o.match.block, o.sentence) for o in found[entry]]
            for position, entry in enumerate(glossary.entries)
            if entry in found
        }
        self.shown: list[int] = list(range(len(glossary.entries)))
        self.selected: int | None = None

    def compose(self) -> ComposeResult:
        yield GlossaryFilter(placeholder="Filter: term, form or English", id="glossary-filter")
        with Horizontal(id="glossary-body"):
            yield OptionList(*self._options(), id="glossary-list")
            with VerticalScroll(id="glossary-detail"):
                yield Static("", id="glossary-entry", markup=False)
        yield Static(self._summary(), id="glossary-summary")
        yield Footer()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """In the filter, ``o``, ``/``, ``e`` and ``d`` are letters (the footer leaves them out)."""
        if action in ("occurrences", "focus_filter", "edit_own_entry", "remove_own_entry"):
            return not isinstance(self.focused, GlossaryFilter)
        return True

    def _options(self) -> list[Option]:
        options = []
        for position in self.shown:
            entry = self.glossary.entries[position]
            count = len(self.occurrences.get(position, ()))
            mine = " (draft)" if entry.draft else " (yours)" if entry.origin == "user" else ""
            label = f"{entry.term}  [{entry.kind}]{mine}" + (f"  ×{count}" if count else "")
            # A Text, not a str: "[idiom]" would be read as Rich markup and vanish.
            options.append(Option(shown(label), id=str(position)))
        return options

    def _summary(self) -> str:
        total = len(self.glossary.entries)
        return displayable(
            f"{len(self.shown)} of {total} entries · glossary {self.glossary.version}"
            " · Enter in the filter goes to the list"
        )

    @on(Input.Changed, "#glossary-filter")
    def filter_entries(self, event: Input.Changed) -> None:
        """Narrow the list to entries that contain the filter text."""
        self.shown = [
            position
            for position, entry in enumerate(self.glossary.entries)
            if entry_matches_filter(entry, event.value)
        ]
        entry_list = self.query_one("#glossary-list", OptionList)
        entry_list.clear_options()
        entry_list.add_options(self._options())
        self.query_one("#glossary-summary", Static).update(self._summary())
        # The detail pane follows the list: the first entry shown, or nothing.
        if self.shown:
            entry_list.highlighted = 0
            self.open_entry(self.shown[0])
        else:
            self.selected = None
            self.query_one("#glossary-entry", Static).update("No entry matches the filter.")

    @on(Input.Submitted, "#glossary-filter")
    def open_first(self) -> None:
        """Enter in the filter opens the first entry shown."""
        if self.shown:
            self.open_entry(self.shown[0])
            self.query_one("#glossary-list", OptionList).focus()

    @on(OptionList.OptionHighlighted, "#glossary-list")
    @on(OptionList.OptionSelected, "#glossary-list")
    def show_option(self, event: OptionList.OptionHighlighted | OptionList.OptionSelected) -> None:
        """Show the highlighted entry in full."""
        if event.option.id is not None:
            self.open_entry(int(event.option.id))

    def open_entry(self, position: int) -> None:
        """Show the entry at ``position`` (in the glossary) in the detail pane."""
        self.selected = position
        entry = self.glossary.entries[position]
        body = entry_text(entry)
        count = len(self.occurrences.get(position, ()))
        body.append(
            f"\n{count} occurrence(s) in this text" + (" · o in the list jumps" if count else ""),
            style="dim",
        )
        self.query_one("#glossary-entry", Static).update(shown_text(body))

    def action_occurrences(self) -> None:
        """Post the open entry's occurrences for the host to jump to."""
        if self.selected is None:
            return
        targets = tuple(self.occurrences.get(self.selected, ()))
        if not targets:
            self.notify("This entry does not occur in the text.", severity="warning")
            return
        self.post_message(self.OccurrencesRequested(self.glossary.entries[self.selected], targets))

    def action_move_in_list(self, step: int) -> None:
        """Move the list's highlight (used while the filter has focus)."""
        entry_list = self.query_one("#glossary-list", OptionList)
        if entry_list.option_count:
            current = entry_list.highlighted if entry_list.highlighted is not None else -step
            entry_list.highlighted = max(0, min(entry_list.option_count - 1, current + step))

    def action_focus_filter(self) -> None:
        self.query_one("#glossary-filter", Input).focus()

    def action_close(self) -> None:
        self.dismiss(None)

    def show_entries(self, removed: int | None = None) -> None:
        """Show the glossary again after one of the reader's entries changed or was removed."""
        keep = self.selected
        if removed is not None:
            self.occurrences = {
                position - (position > removed): found
                for position, found in self.occurrences.items()
                if position != removed
            }
        filter_input = self.query_one("#glossary-filter", Input)
        self.filter_entries(Input.Changed(filter_input, filter_input.value))
        if keep is not None and removed is None and keep in self.shown:
            self.query_one("#glossary-list", OptionList).highlighted = self.shown.index(keep)
            self.open_entry(keep)
