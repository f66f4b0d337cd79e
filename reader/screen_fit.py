"""What the reading screen shows at a given terminal width, and how its status line shortens.

Pure rules (no Textual): below the width where German and English side by side beside the
lookup panel can still be read, the panel goes first, then the columns are stacked; the
status line drops or abbreviates its less important parts instead of being cut off.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.view_layout import column_widths

PANEL_WIDTH = 40
"""The lookup panel's width with its border (reader/ui/widgets/lookup_panel.py)."""
VIEW_CHROME = 3
"""The parallel view's padding (one cell each side) and its scrollbar."""
MIN_COLUMN = 30
"""The narrowest text column a German sentence reads well in, side by side."""
MIN_STACKED = 40
"""The narrowest view that still leaves room for the panel in the stacked layout."""


@dataclass(frozen=True)
class Fit:
    """How the reading screen lays itself out at one width."""

    panel: bool
    """Whether the lookup panel is shown."""
    stacked: bool
    """Whether English goes below German."""
    note: str
    """What the status bar says about it once ("" when the reader's choice fits)."""


def _columns_fit(view_width: int) -> bool:
    return column_widths(view_width - VIEW_CHROME, False)[0] >= MIN_COLUMN


def fit_width(width: int, panel_wanted: bool, stacked_wanted: bool) -> Fit:
    """The layout for a terminal ``width`` cells wide, given what the reader chose."""
    panel = panel_wanted
    if panel and stacked_wanted:
        panel = width - PANEL_WIDTH - VIEW_CHROME >= MIN_STACKED
    elif panel:
        panel = _columns_fit(width - PANEL_WIDTH)
    view = width - (PANEL_WIDTH if panel else 0)
    stacked = stacked_wanted or not _columns_fit(view)
    notes = []
    if panel_wanted and not panel:
        notes.append("panel hidden (p)")
    if stacked and not stacked_wanted:
        notes.append("stacked (v)")
    note = "narrow: " + ", ".join(notes) if notes else ""  # short: it shares the line
    return Fit(panel, stacked, note)


@dataclass(frozen=True)
class StatusPart:
    """One part of the status line, with its shorter forms."""

    forms: tuple[str, ...]
    """The full text first, then shorter ones; "" as the last form means it may go."""
    style: str = ""
    """The rich style it is drawn in."""


def fit_status(parts: tuple[StatusPart, ...], order: tuple[int, ...], width: int) -> list[str]:
    """The text of each part so that the line fits ``width`` if it can: the parts are
    shortened one step at a time, the part at ``order[0]`` first, round after round."""
    chosen = [0] * len(parts)

    def length() -> int:
        return sum(len(part.forms[index]) for part, index in zip(parts, chosen, strict=True))

    shortened = True
    while length() > width and shortened:
        shortened = False
        for position in order:  # one step each, round after round
            if chosen[position] + 1 < len(parts[position].forms):
                chosen[position] += 1
                shortened = True
                if length() <= width:
                    break
    return [part.forms[index] for part, index in zip(parts, chosen, strict=True)]
