"""Property tests for the vocabulary CSV import (outside data): thousands of generated files.

Whatever the bytes, ``words import`` ends in statuses stored, rows skipped with a message, or
one :class:`~reader.core.errors.UserError`; nothing else escapes and nothing is written outside
the test's folder. And what ``words export`` writes, ``words import`` reads back.
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from reader.core.errors import UserError
from reader.spreadsheet import from_cell, to_cell
from reader.store import Store
from reader.vocabulary import STATUSES, Vocabulary
from reader.vocabulary_import import read_statuses

# Pieces that make the CSV parser work: delimiters, quotes, line ends, formula starts,
# our header and status spellings, NUL, BOM and long runs.
PIECES = st.sampled_from(
    [
        ",",
        ";",
        "\t",
        '"',
        "'",
        "\n",
        "\r\n",
        "\r",
        "=",
        "+",
        "-",
        "@",
        "\x00",
        "\ufeff",
        "lemma",
        "term",
        "status",
        "word",
        "known",
        "W",
        "99",
        "98",
        "learning-2",
        "1",
        "7",
        "Hund",
        "Straße",
        "x" * 200,
        " ",
        "\\",
        "\u2028",
    ]
)
CSV_TEXT = st.lists(st.one_of(PIECES, st.text(max_size=8)), max_size=60).map("".join)
HEADERS = st.sampled_from(["lemma,status\n", "term;status\n", "word\tstatus\n", ""])


def _import(data: bytes) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        source = root / "words.csv"
        source.write_bytes(data)
        store = Store(root / "store.sqlite3")
        try:
            result = Vocabulary(store).import_csv(source)
            assert result.imported >= 0
            assert all("\n" not in problem for problem in result.skipped)
        except UserError as error:
            assert "\n" not in error.message
        finally:
            store.close()
        written = {path.name for path in root.iterdir()}
        assert written <= {"words.csv", "store.sqlite3", "store.sqlite3-wal", "store.sqlite3-shm"}


@settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=HEADERS, body=CSV_TEXT)
@example(header="", body='"\n"')  # a header cell holding a newline (found by Hypothesis)
def test_any_csv_text_ends_in_statuses_skips_or_one_user_error(header: str, body: str) -> None:
    try:
        statuses, skipped = read_statuses(header + body, "words.csv")
    except UserError as error:
        assert "\n" not in error.message
        return
    assert all(status in STATUSES for status in statuses.values())
    assert all("\n" not in problem for problem in skipped)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(header=HEADERS, body=CSV_TEXT)
def test_any_csv_file_is_imported_or_refused_and_nothing_else_written(
    header: str, body: str
) -> None:
    _import((header + body).encode("utf-8", "surrogatepass"))


@settings(max_examples=300, deadline=None)
@given(st.binary(max_size=300))
def test_any_bytes_end_in_statuses_skips_or_one_user_error(data: bytes) -> None:
    _import(b"lemma,status\n" + data)


@settings(max_examples=2000, deadline=None)
@given(st.text())
def test_cells_round_trip_and_never_start_a_formula(value: str) -> None:
    cell = to_cell(value)
    assert cell[:1] not in ("=", "+", "-", "@", "\t", "\r", "\n") or cell == ""
    assert from_cell(cell) == value.replace("\r\n", "\n").replace("\r", "\n")


# Lemmas are words: no line breaks (a cell over several lines is reported as an unclosed
# quote), no whitespace around them (import strips it).
LEMMAS = st.text(
    alphabet=st.characters(blacklist_categories=["Cs"], blacklist_characters="\x00"),
    min_size=1,
    max_size=30,
).filter(lambda lemma: lemma.strip() == lemma != "" and "\r" not in lemma and "\n" not in lemma)


@settings(max_examples=50, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.dictionaries(LEMMAS, st.sampled_from(STATUSES), min_size=1, max_size=8))
def test_export_then_import_gives_the_same_statuses(statuses: dict[str, str]) -> None:
    with tempfile.TemporaryDirectory() as folder:
        root = Path(folder)
        first = Store(root / "first.sqlite3")
        second = Store(root / "second.sqlite3")
        try:
            Vocabulary(first).set_statuses(statuses)
            Vocabulary(first).export_csv(root / "words.csv")
            result = Vocabulary(second).import_csv(root / "words.csv")
            assert result.skipped == ()
            assert Vocabulary(second).statuses() == statuses
        finally:
            first.close()
            second.close()
