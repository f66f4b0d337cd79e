"""Reading vocabulary statuses from a CSV file (ours, Lute's, LWT's, LingQ's), bounded.

Outside data: the file is read up to :data:`MAXIMUM_CSV_BYTES`, a field may hold up to
:data:`MAXIMUM_FIELD` characters, and a quote that is never closed is reported with the
line it opens on, instead of swallowing the rest of the file as one field. Every problem
is a :class:`~reader.core.errors.UserError` or a skipped row; nothing else escapes.
"""

from __future__ import annotations

import csv
import io
import stat
from pathlib import Path

from reader.core.display import one_line
from reader.core.errors import UserError
from reader.spreadsheet import from_cell
from reader.vocabulary import parse_status

MAXIMUM_CSV_BYTES = 64 * 1024 * 1024
"""A vocabulary of a million words fits many times over; anything bigger is not one."""
MAXIMUM_FIELD = 131072
"""The csv module's default limit; its error becomes a message that names the line."""


def read_csv_file(path: Path) -> str:
    """The text of a regular UTF-8 file of bounded size (UserError otherwise)."""
    try:
        mode = path.stat().st_mode
        if stat.S_ISDIR(mode):
            raise UserError(f"{path}: is a directory; give a CSV file")
        if not stat.S_ISREG(mode):
            raise UserError(f"{path}: is not a regular file; give a CSV file")
        with path.open("rb") as source:
            data = source.read(MAXIMUM_CSV_BYTES + 1)
    except FileNotFoundError as error:
        raise UserError(f"{path}: no such file") from error
    except OSError as error:
        raise UserError(f"{path}: cannot be read ({error.strerror or error})") from error
    if len(data) > MAXIMUM_CSV_BYTES:
        raise UserError(f"{path}: larger than {MAXIMUM_CSV_BYTES // 2**20} MB; not a vocabulary")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise UserError(f"{path}: cannot be read as UTF-8 CSV ({error})") from error


class _Semicolons(csv.excel):
    delimiter = ";"


class _Tabs(csv.excel):
    delimiter = "\t"


def _dialect(text: str) -> type[csv.Dialect]:
    """Excel's dialect with the delimiter that makes the header name a ``status`` column.

    Lute writes ``;``, LWT tabs, we commas. The header decides, not a sniffer: a sniffer
    is misled by tabs inside cells and takes ``'`` for a quote character when cells start
    with it, as :mod:`reader.spreadsheet` writes them.
    """
    header = text.split("\n", 1)[0]
    for dialect in (csv.excel, _Semicolons, _Tabs):
        columns = header.split(dialect.delimiter)
        if any(column.strip().strip('"').strip().lower() == "status" for column in columns):
            return dialect
    return csv.excel


def read_statuses(text: str, name: str) -> tuple[dict[str, str], tuple[str, ...]]:
    """The status per lemma in CSV ``text``, and one message per skipped row."""
    if "\x00" in text:
        raise UserError(f"{name}: holds NUL characters; not a CSV text file")
    reader = csv.DictReader(io.StringIO(text), dialect=_dialect(text), strict=True)
    statuses: dict[str, str] = {}
    skipped: list[str] = []
    line = 1
    try:
        fields = {(field or "").strip().lower(): field for field in reader.fieldnames or ()}
        lemma_field = fields.get("lemma") or fields.get("term") or fields.get("word")
        status_field = fields.get("status")
        if lemma_field is None or status_field is None:
            found = ", ".join(str(field) for field in reader.fieldnames or ()) or "none"
            raise UserError(
                f"{name}:1: header: needs a 'lemma' (or 'term') column and a 'status' column;"
                f" found {one_line(found[:200])}"
            )
        for row in reader:
            first, line = line + 1, reader.line_num
            lemma = from_cell(row.get(lemma_field) or "").strip()
            if not lemma and lemma_field != fields.get("term") and fields.get("term"):
                lemma = from_cell(row.get(fields["term"]) or "").strip()
            raw_status = from_cell(row.get(status_field) or "").strip()
            if line > first and ("\n" in lemma or "\r" in lemma):
                skipped.append(
                    f"{name}:{first}: {lemma_field}: runs over lines {first}-{line}"
                    " (a quote that is never closed?)"
                )
                continue
            if not lemma:
                skipped.append(f"{name}:{line}: {lemma_field}: empty")
                continue
            try:
                statuses[lemma] = parse_status(raw_status)
            except ValueError as error:
                skipped.append(f"{name}:{line}: {status_field}: {error}")
    except csv.Error as error:
        start = line + 1
        if "unexpected end of data" in str(error):
            raise UserError(
                f"{name}:{start}: a quote opened on line {start} or after is never closed"
                " (the rest of the file would be one field)"
            ) from error
        if "field larger than field limit" in str(error):
            raise UserError(
                f"{name}:{start}: a field is longer than {MAXIMUM_FIELD} characters"
            ) from error
        raise UserError(f"{name}:{reader.line_num or start}: bad CSV ({error})") from error
    return statuses, tuple(skipped)
