"""The search line that opens at the bottom of the reading screen on ``/``."""

from __future__ import annotations

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Input


class SearchBar(Input):
    """An input for a search pattern; posts Submitted (via Input) or Cancelled."""

    DEFAULT_CSS = """
    SearchBar {
        dock: bottom;
        display: none;
        height: 3;
    }
    SearchBar.-active {
        display: block;
    }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel search", id="search.cancel")]

    class Cancelled(Message):
        """The reader closed the search line without searching."""

    def open(self) -> None:
        """Show the bar and focus it."""
        self.add_class("-active")
        self.focus()

    def close(self) -> None:
        """Hide the bar."""
        self.remove_class("-active")

    def action_cancel(self) -> None:
        self.post_message(self.Cancelled())
