"""The reading screen at the terminal's width: the lookup panel, the layout and the footer.

The rule is reader.screen_fit's: below the width where the columns can be read beside the
panel, the panel is hidden, then the English goes below the German; the status bar says so
once. The reader's own choices (p, v) are kept and come back when the terminal is wide again.
"""

from __future__ import annotations

from textual import events

from reader.screen_fit import fit_width
from reader.ui.screens.reading_base import ReadingBase
from reader.ui.widgets.footer import ReadingFooter
from reader.ui.widgets.lookup_panel import LookupPanel

COMPACT_FOOTER_BELOW = 140
"""Terminals narrower than this get the compact footer (with the help key first)."""


class FitMixin(ReadingBase):
    """Fits the reading screen to the terminal's width."""

    _fit_note = ""

    def on_resize(self, event: events.Resize) -> None:
        self.fit_to_width(event.size.width)

    def fit_to_width(self, width: int) -> None:
        """Show or hide the panel and stack the columns as the width allows."""
        fit = fit_width(width, self.panel_wanted, self.stacked_wanted)
        self.query_one(LookupPanel).display = fit.panel
        self.view.stacked = fit.stacked
        footer = self.query_one(ReadingFooter)
        compact = width < COMPACT_FOOTER_BELOW
        if footer.compact != compact:
            footer.compact = compact
            footer.refresh(recompose=True)
        if fit.note and fit.note != self._fit_note:
            self.say(fit.note)  # once per change, not on every resize
        self._fit_note = fit.note
