"""Tests for the vocabulary store: statuses, lookups, statistics, CSV and concurrent writers."""

from __future__ import annotations

import multiprocessing
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest

from reader.core.errors import OutputExistsError, UserError
from reader.store import MIGRATIONS, SCHEMA_VERSION, Store
from reader.vocabulary import CSV_HEADER, Vocabulary, parse_status, status_label, statuses_for

NOON = datetime(2026, 11, 20, 12, 0).timestamp()
DAY = 86400.0


class Clock:
    """A settable clock for deterministic days."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


@pytest.mark.parametrize(
    ("spelling", "status"),
    [
        ("new", "new"),
        ("0", "new"),
        ("1", "1"),
        ("learning-3", "3"),
        (" Learning-4 ", "4"),
        ("5", "known"),
        ("99", "known"),
        ("W", "known"),
        ("known", "known"),
        ("98", "ignored"),
        ("I", "ignored"),
        ("ignored", "ignored"),
    ],
)
def test_parse_status(spelling: str, status: str) -> None:
    assert parse_status(spelling) == status


@pytest.mark.parametrize("spelling", ["", "6", "learning-5", "maybe"])
def test_parse_status_refuses(spelling: str) -> None:
    with pytest.raises(ValueError, match="unknown status"):
        parse_status(spelling)


def test_status_label() -> None:
    assert [status_label(s) for s in ("new", "2", "known")] == ["new", "learning-2", "known"]


def test_fresh_store_has_the_vocabulary_tables(store: Store) -> None:
    connection = store.read()
    assert connection.execute("PRAGMA user_version").fetchone()[0] == SCHEMA_VERSION
    tables = {row[0] for row in connection.execute("SELECT name FROM sqlite_master")}
    assert {"words", "lookups"} <= tables


def test_set_and_get_status(store: Store) -> None:
    vocabulary = Vocabulary(store)
    assert vocabulary.status("Umarmung") == "new"
    vocabulary.set_status("Umarmung", "learning-2")
    assert vocabulary.status("Umarmung") == "2"
    vocabulary.set_status("Umarmung", "known")
    assert vocabulary.status("Umarmung") == "known"
    assert statuses_for(vocabulary, ["Umarmung", "Krieg"]) == ("known", "new")
    with pytest.raises(ValueError):
        vocabulary.set_status("Krieg", "sort of")
    assert vocabulary.status("Krieg") == "new"


def test_mark_new_as_known_leaves_other_statuses(store: Store) -> None:
    vocabulary = Vocabulary(store)
    vocabulary.set_statuses({"Umarmung": "2", "Putin": "ignored", "Krieg": "new"})
    changed = vocabulary.mark_new_as_known(["Umarmung", "Putin", "Krieg", "Minsk", "Minsk"])
    assert changed == ("Krieg", "Minsk")
    assert vocabulary.statuses() == {
        "Umarmung": "2",
        "Putin": "ignored",
        "Krieg": "known",
        "Minsk": "known",
    }


def test_statuses_remember_the_text_they_were_set_in(store: Store) -> None:
    clock = Clock(NOON)
    vocabulary = Vocabulary(store, clock=clock)
    store.remember_position("text-a", "Der Text A", None, 0, 0)
    assert vocabulary.mark_new_as_known(["Minsk", "Krieg"], text_id="text-a") == (
        "Minsk",
        "Krieg",
    )
    vocabulary.set_status("Umarmung", "2", text_id="text-a")
    vocabulary.set_statuses({"erörtern": "3"}, text_id="text-b")
    vocabulary.set_status("Putin", "ignored")  # outside any text
    entries = {entry.lemma: entry for entry in vocabulary.entries()}
    assert {lemma: entry.text_id for lemma, entry in entries.items()} == {
        "erörtern": "text-b",
        "Krieg": "text-a",
        "Minsk": "text-a",
        "Putin": None,
        "Umarmung": "text-a",
    }
    in_a = [entry.lemma for entry in vocabulary.entries(text_id="text-a")]
    assert in_a == ["Krieg", "Minsk", "Umarmung"]
    by_text = {text.text_id: text for text in vocabulary.statistics().by_text}
    assert (by_text["text-a"].looked_up, by_text["text-a"].known) == (0, 2)
    assert by_text["text-a"].learning == 1
    assert by_text["text-a"].title == "Der Text A"
    # The latest text wins; a status set outside a text keeps the text recorded before.
    vocabulary.set_status("Umarmung", "3", text_id="text-b")
    vocabulary.set_status("Umarmung", "4")
    assert [entry.lemma for entry in vocabulary.entries(text_id="text-b")] == [
        "erörtern",
        "Umarmung",
    ]
    # A lookup's text (with its sentence) comes before the status's text.
    vocabulary.record_lookup("Krieg", "Krieg", "Krieg ist Krieg.", "text-c")
    (krieg,) = [entry for entry in vocabulary.entries() if entry.lemma == "Krieg"]
    assert (krieg.text_id, krieg.sentence) == ("text-c", "Krieg ist Krieg.")
    assert "Krieg" in {entry.lemma for entry in vocabulary.entries(text_id="text-a")}
    assert (
        vocabulary.to_csv().splitlines()[2]
        == "Krieg,Krieg,known,,Krieg ist Krieg.,text-c,2026-11-20"
    )


def test_a_version_4_store_gains_the_text_column(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    connection = sqlite3.connect(path)
    for statement in "".join(MIGRATIONS[:4]).split(";"):
        if statement.strip():
            connection.execute(statement)
    connection.execute("INSERT INTO words VALUES ('Krieg', 'known', 1.0)")
    connection.execute("PRAGMA user_version = 4")
    connection.commit()
    connection.close()
    vocabulary = Vocabulary(Store(path))
    assert [(e.lemma, e.status, e.text_id) for e in vocabulary.entries()] == [
        ("Krieg", "known", None)
    ]
    vocabulary.set_status("Krieg", "2", text_id="text-a")
    assert [e.text_id for e in vocabulary.entries()] == ["text-a"]


def test_lookups_and_filters(store: Store) -> None:
    vocabulary = Vocabulary(store, clock=Clock(NOON))
    vocabulary.record_lookup("Umarmung", "Umarmung", "Eine enge Umarmung.", "text-a")
    vocabulary.record_lookup("erörtern", "erörtern", "Fragen erörtern.", "text-a")
    vocabulary.record_lookup("erörtern", "erörterten", "Sie erörterten es.", "text-b")
    vocabulary.set_status("erörtern", "3")
    vocabulary.set_status("Krieg", "known")
    entries = {entry.lemma: entry for entry in vocabulary.entries()}
    assert list(entries) == ["erörtern", "Krieg", "Umarmung"]
    assert entries["erörtern"].lookups == 2
    assert entries["erörtern"].word == "erörterten"
    assert entries["erörtern"].sentence == "Sie erörterten es."
    assert entries["erörtern"].text_id == "text-b"
    assert entries["Umarmung"].status == "new"
    assert entries["Krieg"].lookups == 0
    assert [e.lemma for e in vocabulary.entries(status="learning-3")] == ["erörtern"]
    assert [e.lemma for e in vocabulary.entries(text_id="text-a")] == ["erörtern", "Umarmung"]
    assert [e.lemma for e in vocabulary.entries(status="new", text_id="text-b")] == []
    assert vocabulary.looked_up_lemmas("text-b") == {"erörtern"}


def test_statistics_per_text_and_day(store: Store) -> None:
    clock = Clock(NOON)
    vocabulary = Vocabulary(store, clock=clock)
    store.remember_position("text-a", "Der Text A", None, 0, 0)
    vocabulary.record_lookup("Umarmung", "Umarmung", "s", "text-a")
    vocabulary.record_lookup("Krieg", "Krieg", "s", "text-a")
    vocabulary.set_status("Krieg", "known")
    clock.now = NOON + DAY
    vocabulary.record_lookup("Krieg", "Krieges", "s", "text-b")
    vocabulary.set_status("Umarmung", "1")
    stats = vocabulary.statistics()
    assert stats.by_status == (("1", 1), ("known", 1))
    by_text = {text.text_id: text for text in stats.by_text}
    assert by_text["text-a"].title == "Der Text A"
    assert (by_text["text-a"].looked_up, by_text["text-a"].known) == (2, 1)
    assert by_text["text-a"].learning == 1
    assert (by_text["text-b"].looked_up, by_text["text-b"].known) == (1, 1)
    assert [(d.day, d.looked_up, d.marked_known) for d in stats.by_day] == [
        ("2026-11-20", 2, 1),
        ("2026-11-21", 1, 0),
    ]


def test_csv_export_and_import_round_trip(store: Store, tmp_path: Path) -> None:
    vocabulary = Vocabulary(store, clock=Clock(NOON))
    vocabulary.record_lookup("erörtern", "erörterten", 'Sie erörterten, ob "es" geht.', "t")
    vocabulary.set_statuses({"erörtern": "2", "Krieg": "known", "Putin": "ignored"})
    target = tmp_path / "words.csv"
    assert vocabulary.export_csv(target, translation={"Krieg": "war"}.get) == 3  # type: ignore[arg-type]
    lines = target.read_text().splitlines()
    assert lines[0] == ",".join(CSV_HEADER)
    assert (
        lines[1] == 'erörterten,erörtern,learning-2,,"Sie erörterten, ob ""es"" geht.",t,2026-11-20'
    )
    assert lines[2] == "Krieg,Krieg,known,war,,,2026-11-20"
    # The core says the file exists; the CLI adds "use --force" (tests/test_exit_codes.py).
    with pytest.raises(OutputExistsError, match="exists already"):
        vocabulary.export_csv(target)
    other = Vocabulary(Store(tmp_path / "other.sqlite3"))
    result = other.import_csv(target)
    assert (result.imported, result.skipped) == (3, ())
    assert other.statuses() == {"erörtern": "2", "Krieg": "known", "Putin": "ignored"}


def test_import_understands_lute_and_reports_bad_rows(store: Store, tmp_path: Path) -> None:
    source = tmp_path / "lute.csv"
    source.write_text(
        "term;parent;status;translation\nHaus;;W;house\nBaum;;1;tree\nAst;;7;\n;;1;x\n"
    )
    result = Vocabulary(store).import_csv(source)
    assert result.imported == 2
    assert result.skipped == (
        f"{source}:4: status: unknown status '7'; use one of new, 1, 2, 3, 4"
        " (or learning-1..4), known, ignored",
        f"{source}:5: term: empty",
    )
    assert Vocabulary(store).statuses() == {"Haus": "known", "Baum": "1"}


@pytest.mark.parametrize(
    ("content", "message"),
    [("word,translation\nHaus,house\n", "1: header: needs"), (b"\xff\xfe\x00", "UTF-8")],
)
def test_import_refuses_unusable_files(
    store: Store, tmp_path: Path, content: str | bytes, message: str
) -> None:
    source = tmp_path / "bad.csv"
    if isinstance(content, bytes):
        source.write_bytes(content)
    else:
        source.write_text(content)
    with pytest.raises(UserError, match=message):
        Vocabulary(store).import_csv(source)


def test_import_of_a_missing_file(store: Store, tmp_path: Path) -> None:
    with pytest.raises(UserError, match="no such file"):
        Vocabulary(store).import_csv(tmp_path / "nope.csv")


def _write_many(path: str, prefix: str) -> None:
    vocabulary = Vocabulary(Store(Path(path)))
    for number in range(60):
        vocabulary.set_status(f"{prefix}{number}", "1")
        vocabulary.record_lookup(f"{prefix}{number}", "w", "s", "t")


def test_two_processes_write_at_once(tmp_path: Path) -> None:
    path = tmp_path / "shared.sqlite3"
    Store(path).read()  # migrate once so both writers start from the same schema
    context = multiprocessing.get_context("spawn")
    writers = [context.Process(target=_write_many, args=(str(path), p)) for p in ("a", "b")]
    for writer in writers:
        writer.start()
    for writer in writers:
        writer.join(timeout=120)
        assert writer.exitcode == 0
    connection = sqlite3.connect(path)
    assert connection.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert connection.execute("SELECT COUNT(*) FROM words").fetchone() == (120,)
    assert connection.execute("SELECT COUNT(*) FROM lookups").fetchone() == (120,)
    connection.close()
