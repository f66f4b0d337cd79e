"""The study sheet's options as the user gives them: which paragraphs, and the sheet's time.

Both front ends parse the same way: the CLI's ``--paragraphs`` and the export dialog's
Paragraphs field. A bad range is a :class:`~reader.core.errors.FieldError` naming ``paragraphs``,
which each front end words for its user.
"""

from __future__ import annotations

import os
import re
from collections.abc import Mapping
from datetime import UTC, datetime

from reader.core.errors import FieldError, UserError


def sheet_time(environ: Mapping[str, str] | None = None) -> int:
    """The sheet time: ``SOURCE_DATE_EPOCH`` when set (reproducible builds), else now."""
    environ = os.environ if environ is None else environ
    value = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if value:
        try:
            return int(value)
        except ValueError as error:
            raise UserError(
                f"SOURCE_DATE_EPOCH must be whole seconds since 1970, not {value!r}"
            ) from error
    return int(datetime.now(UTC).timestamp())


def parse_paragraph_range(value: str | None, total: int) -> tuple[int, int]:
    """Parse ``3-5``, ``3``, ``3-`` or ``-5`` (1-based, inclusive) against ``total`` blocks.

    A bad range is a :class:`FieldError` for the field ``paragraphs``.
    """
    if not isinstance(value, str | None):
        # argparse gives a list for ``--paragraphs=--`` (Python 3.11): not a range either.
        raise FieldError("paragraphs", "give a range like 3-5, 3, 3- or -5")
    if value is None or not value.strip():
        return (1, total)
    match = re.fullmatch(r"\s*(\d*)\s*[-–]\s*(\d*)\s*|\s*(\d+)\s*", value)
    if not match or (match.group(3) is None and not (match.group(1) or match.group(2))):
        raise FieldError("paragraphs", f"{value!r} is not a range like 3-5, 3, 3- or -5")
    if match.group(3) is not None:
        first = last = int(match.group(3))
    else:
        first = int(match.group(1)) if match.group(1) else 1
        last = int(match.group(2)) if match.group(2) else total
    if first > last:
        raise FieldError(
            "paragraphs",
            f"{value!r} is reversed; write the first paragraph first ({last}-{first})",
        )
    if first < 1 or last > total:
        raise FieldError("paragraphs", f"{value!r} is outside 1-{total}, the text's paragraphs")
    return (first, last)
