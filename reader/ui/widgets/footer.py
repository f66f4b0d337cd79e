"""The reading screen's footer: on a narrow terminal compact, with the help key first.

Textual's footer cuts off whatever does not fit on the right, and the help key (which lists
everything else) is near the end of the command table; on a narrow terminal it comes first.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.widgets import Footer

HELP_ACTION = "show_help"


class ReadingFooter(Footer):
    """A footer that keeps "? Help" on screen when it is compact (narrow terminals)."""

    def compose(self) -> ComposeResult:
        widgets = list(super().compose())
        if self.compact:
            # A stable sort: the help key first, the others in the command table's order.
            widgets.sort(key=lambda widget: getattr(widget, "action", None) != HELP_ACTION)
        yield from widgets
