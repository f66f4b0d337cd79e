"""CSV cells that a spreadsheet cannot run, and that Lesepult reads back exactly.

A cell starting with ``=``, ``+``, ``-``, ``@``, a tab or a carriage return is a formula to
Excel, LibreOffice and Google Sheets (CSV injection). As the OWASP guidance says, such a
cell is written with a single quote in front (``'=HYPERLINK(...)``), which spreadsheets
show as text. :func:`from_cell` undoes it, so ``words import`` reads its own files back
unchanged. Cells that already start with quotes before a trigger get one more, so the
round trip is exact for every string without a carriage return.
"""

from __future__ import annotations

FORMULA_TRIGGERS = frozenset("=+-@\t\r\n")
"""First characters that make a spreadsheet read a cell as a formula (OWASP; and newline,
which some spreadsheets strip before they look)."""


def _looks_like_formula(value: str) -> bool:
    return value.lstrip("'")[:1] in FORMULA_TRIGGERS


def to_cell(value: str) -> str:
    """``value`` made safe for a spreadsheet: a leading ``'`` when it could be a formula.

    A carriage return becomes a newline: Python's csv writer (lineterminator ``\\n``) does
    not quote a cell for it, and a reader would end the row there.
    """
    value = value.replace("\r\n", "\n").replace("\r", "\n")
    return f"'{value}" if _looks_like_formula(value) else value


def from_cell(value: str) -> str:
    """The value :func:`to_cell` was given (a cell from another tool comes back unchanged)."""
    if value.startswith("'") and _looks_like_formula(value[1:]):
        return value[1:]
    return value


def safe_row(*values: object) -> tuple[str, ...]:
    """A CSV row with every cell passed through :func:`to_cell`."""
    return tuple("" if value is None else to_cell(str(value)) for value in values)
