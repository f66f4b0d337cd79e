"""The width rules of the reading screen (reader.screen_fit; issue 11, bug 7)."""

from __future__ import annotations

from reader.screen_fit import StatusPart, fit_status, fit_width


def test_the_panel_goes_first_then_the_columns() -> None:
    wide = fit_width(160, True, False)
    assert (wide.panel, wide.stacked, wide.note) == (True, False, "")
    at_80 = fit_width(80, True, False)
    assert (at_80.panel, at_80.stacked) == (False, False)
    assert "panel hidden" in at_80.note
    at_60 = fit_width(60, True, False)
    assert (at_60.panel, at_60.stacked) == (False, True)
    assert "stacked" in at_60.note
    assert fit_width(60, False, True).note == ""  # the reader's own choice: nothing to say


def test_the_status_line_shortens_its_least_important_parts_first() -> None:
    parts = (
        StatusPart((" A long title ", " A… ", "")),
        StatusPart(("│ ¶ 6/11 ",)),
        StatusPart(("│ EN: best · machine · model", "│ EN: best")),
    )
    full = fit_status(parts, (0, 2), 200)
    assert "".join(full) == " A long title │ ¶ 6/11 │ EN: best · machine · model"
    assert fit_status(parts, (0, 2), 30) == [" A… ", "│ ¶ 6/11 ", "│ EN: best"]
    assert fit_status(parts, (0, 2), 20) == ["", "│ ¶ 6/11 ", "│ EN: best"]
