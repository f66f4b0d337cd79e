"""Meanings, notes, removal, the "learning" filter and the status history (issue 11)."""

from __future__ import annotations

import json
import sqlite3
from datetime import datetime
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.core.errors import UserError
from reader.store import MIGRATIONS, SCHEMA_VERSION, Store
from reader.vocabulary import MAX_NOTE_CHARS, Vocabulary
from reader.vocabulary_stats import bar
from reader.word_status import parse_status_filter

NOON = datetime(2026, 11, 20, 12, 0).timestamp()
DAY = 86400.0


class Clock:
    """A settable clock."""

    def __init__(self, now: float) -> None:
        self.now = now

    def __call__(self) -> float:
        return self.now


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def test_learning_filter_lists_every_learning_level(store: Store) -> None:
    vocabulary = Vocabulary(store)
    vocabulary.set_statuses({"a": "1", "b": "4", "c": "known", "d": "new", "e": "3"})
    assert [e.lemma for e in vocabulary.entries(status="learning")] == ["a", "b", "e"]
    assert parse_status_filter("Learning") == frozenset({"1", "2", "3", "4"})
    with pytest.raises(ValueError, match="learning \\(all learning levels\\)"):
        parse_status_filter("lerning")


def test_meaning_and_note_are_kept_listed_and_cleared(store: Store) -> None:
    vocabulary = Vocabulary(store)
    vocabulary.set_status("erörtern", "2")
    vocabulary.set_note("erörtern", meaning="to discuss\tin depth", note=None)
    vocabulary.set_note("erörtern", note="formal; taz uses it")
    vocabulary.set_note("Teppich", meaning="carpet")  # a note alone lists the word
    entries = {entry.lemma: entry for entry in vocabulary.entries()}
    assert (entries["erörtern"].meaning, entries["erörtern"].note) == (
        "to discuss in depth",
        "formal; taz uses it",
    )
    assert (entries["Teppich"].status, entries["Teppich"].meaning) == ("new", "carpet")
    vocabulary.set_note("Teppich", meaning="", note="")
    assert vocabulary.entry("Teppich") is None
    with pytest.raises(UserError, match="meaning: .* too long"):
        vocabulary.set_note("erörtern", meaning="x" * (MAX_NOTE_CHARS + 1))


def test_remove_forgets_status_lookups_note_and_history(store: Store) -> None:
    vocabulary = Vocabulary(store)
    vocabulary.record_lookup("Krieg", "Krieges", "Der Krieg.", "t")
    vocabulary.set_status("Krieg", "known", "t")
    vocabulary.set_note("Krieg", meaning="war")
    vocabulary.set_status("Frieden", "1")
    assert vocabulary.remove("Krieg") is True
    assert vocabulary.entry("Krieg") is None
    assert vocabulary.status("Krieg") == "new"
    assert vocabulary.remove("Krieg") is False
    assert [p.known for p in vocabulary.known_over_time()] == [0]
    assert [e.lemma for e in vocabulary.entries()] == ["Frieden"]


def test_history_records_changes_only_and_replays_known_per_day_and_week(store: Store) -> None:
    clock = Clock(NOON)
    vocabulary = Vocabulary(store, clock=clock)
    vocabulary.set_statuses({"a": "known", "b": "1"})
    vocabulary.set_status("a", "known")  # no change: not a new history row
    clock.now = NOON + 2 * DAY
    vocabulary.set_status("b", "known")
    vocabulary.mark_new_as_known(["c", "a"])
    clock.now = NOON + 9 * DAY
    points = vocabulary.known_over_time("day")
    assert [(p.period, p.known, p.learning, p.changes) for p in points[:4]] == [
        ("2026-11-20", 1, 1, 2),
        ("2026-11-21", 1, 1, 0),
        ("2026-11-22", 3, 0, 2),
        ("2026-11-23", 3, 0, 0),
    ]
    assert len(points) == 10 and points[-1].period == "2026-11-29"
    weeks = vocabulary.known_over_time("week")
    # 2026-11-20 is a Friday: week 47 holds the first days, week 48 the last.
    assert [(p.period, p.known) for p in weeks] == [("2026-W47", 3), ("2026-W48", 3)]
    count = store.read().execute("SELECT COUNT(*) FROM status_changes").fetchone()[0]
    assert count == 4


def old_store_v6(path: Path) -> None:
    """A version-6 store (before meanings, notes and history) with two statuses."""
    connection = sqlite3.connect(path)
    for migration in MIGRATIONS[:6]:
        for statement in migration.split(";"):
            if statement.strip():
                connection.execute(statement)
    connection.execute("INSERT INTO words VALUES ('Haus', 'known', ?, 'text-a')", (NOON,))
    connection.execute("INSERT INTO words VALUES ('Baum', '2', ?, NULL)", (NOON + DAY,))
    connection.execute("PRAGMA user_version = 6")
    connection.commit()
    connection.close()


def test_migration_7_starts_the_history_with_the_stored_statuses(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old_store_v6(path)
    store = Store(path)
    clock = Clock(NOON + 2 * DAY)
    vocabulary = Vocabulary(store, clock=clock)
    assert vocabulary.statuses() == {"Haus": "known", "Baum": "2"}
    assert [(p.period, p.known, p.learning) for p in vocabulary.known_over_time()] == [
        ("2026-11-20", 1, 0),
        ("2026-11-21", 1, 1),
        ("2026-11-22", 1, 1),
    ]
    vocabulary.set_note("Haus", meaning="house")
    assert vocabulary.entry("Haus") is not None
    version = store.read().execute("PRAGMA user_version").fetchone()[0]
    store.close()
    assert version == SCHEMA_VERSION >= 7


def test_bar_draws_eighths_and_never_overflows() -> None:
    assert bar(0, 10, 8) == ""
    assert bar(10, 10, 8) == "█" * 8
    assert bar(5, 10, 3) == "█▌"
    assert bar(50, 10, 4) == "████"
    assert bar(1, 1000, 4) == "▏"


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=60), st.text(max_size=60))
def test_any_meaning_and_note_round_trip_on_one_line(meaning: str, note: str) -> None:
    store = Store(Path(":memory:"))
    vocabulary = Vocabulary(store)
    vocabulary.set_status("Wort", "1")
    vocabulary.set_note("Wort", meaning, note)
    entry = vocabulary.entry("Wort")
    assert entry is not None
    assert (entry.meaning, entry.note) == (" ".join(meaning.split()), " ".join(note.split()))
    store.close()


def test_cli_words_learning_edit_remove_and_stats(capsys: pytest.CaptureFixture[str]) -> None:
    for word, status in (("Umarmung", "2"), ("Krieg", "known"), ("Frieden", "4")):
        assert run(capsys, "words", "set", "--exact", word, status)[0] == 0
    status, out, _ = run(capsys, "words", "list", "--status", "learning")
    assert (status, out.split()) == (0, ["learning-4", "Frieden", "learning-2", "Umarmung"])
    status, out, _ = run(
        capsys, "words", "edit", "--exact", "Umarmung", "--meaning", "hug", "--note", "warm"
    )
    assert (status, out) == (0, "Umarmung: meaning hug; note warm\n")
    status, out, _ = run(capsys, "words", "list", "--json")
    rows = {row["lemma"]: row for row in json.loads(out)}
    assert (rows["Umarmung"]["meaning"], rows["Umarmung"]["note"]) == ("hug", "warm")
    assert run(capsys, "words", "list", "--status", "learning")[1].count("= hug") == 1
    assert run(capsys, "words", "remove", "--exact", "Frieden") == (0, "removed Frieden\n", "")
    status, _, err = run(capsys, "words", "remove", "--exact", "Frieden")
    assert (status, err) == (
        1,
        "lesepult: 'Frieden' is not in your vocabulary (see: lesepult words list)\n",
    )
    status, _, err = run(capsys, "words", "edit", "Umarmung")
    assert (status, err) == (2, "lesepult: give --meaning TEXT and/or --note TEXT\n")
    status, out, _ = run(capsys, "words", "stats")
    assert status == 0 and "Words known per day" in out and "1 known, 1 learning" in out
    status, out, _ = run(capsys, "words", "stats", "--per", "week", "--json")
    over_time = json.loads(out)["known_over_time"]
    assert over_time["per"] == "week"
    assert [(p["known"], p["learning"]) for p in over_time["points"]] == [(1, 1)]


def test_cli_stats_without_changes_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    status, out, _ = run(capsys, "words", "stats")
    assert status == 0 and "no status changes yet" in out


def test_cli_suggests_meanings_and_csv_exports_the_readers(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    from tests.fixtures_glossary import DING_SAMPLE

    monkeypatch.setenv("LESEPULT_DING_PATH", str(DING_SAMPLE))
    run(capsys, "words", "set", "--exact", "Angriff", "2")
    run(capsys, "words", "set", "--exact", "Manöver", "1")
    run(capsys, "words", "edit", "--exact", "Manöver", "--meaning", "exercise")
    status, out, _ = run(capsys, "words", "list", "--meanings")
    assert status == 0
    assert "Angriff ≈ attack; assault" in out and "Manöver = exercise" in out
    target = tmp_path / "words.csv"
    assert run(capsys, "words", "export", str(target))[0] == 0
    rows = target.read_text(encoding="utf-8").splitlines()
    assert any(row.startswith("Manöver,Manöver,learning-1,exercise,") for row in rows)
