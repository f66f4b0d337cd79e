"""Migration 6: vocabulary keys whose lemma changed keep their status (issue 9)."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from reader.store import MIGRATIONS, Store
from reader.vocabulary import Vocabulary


def old_store(path: Path, words: list[tuple[str, str]], lookups: list[tuple[str, str]]) -> None:
    """A version-5 store with ``words`` (lemma, status) and ``lookups`` (lemma, word)."""
    connection = sqlite3.connect(path)
    for statement in "".join(MIGRATIONS[:5]).split(";"):
        if statement.strip():
            connection.execute(statement)
    for lemma, status in words:
        connection.execute("INSERT INTO words VALUES (?, ?, 1.0, NULL)", (lemma, status))
    for lemma, word in lookups:
        connection.execute(
            "INSERT INTO lookups (lemma, word, sentence, text_id, seen)"
            " VALUES (?, ?, 'Satz.', 't', 1.0)",
            (lemma, word),
        )
    connection.execute("PRAGMA user_version = 5")
    connection.commit()
    connection.close()


def test_changed_keys_move_and_others_stay(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    old_store(
        path,
        [
            ("Eu", "2"),
            ("Beschluß", "3"),
            ("hab'", "known"),
            ("schließen", "1"),
            ("Tag", "known"),
            ("Spd", "4"),
            ("SPD", "1"),
        ],
        [
            ("Eu", "EU"),
            ("Beschluß", "Beschlüsse"),
            ("hab'", "hab'"),
            ("schließen", "geschlossen"),
            ("Tag", "Tage"),
            ("Spd", "SPD"),
        ],
    )
    store = Store(path)
    vocabulary = Vocabulary(store)
    statuses = {entry.lemma: entry.status for entry in vocabulary.entries()}
    store.close()
    assert statuses == {
        "EU": "2",
        "Beschluss": "3",
        "haben": "known",
        "schließen": "1",  # a verb keeps its ß: "geschlossen" is no old spelling
        "Tag": "known",
        "SPD": "1",  # both existed: the new key's status is kept
    }
    connection = sqlite3.connect(path)
    lookups = {row[0] for row in connection.execute("SELECT lemma FROM lookups")}
    connection.close()
    assert lookups == {"EU", "Beschluss", "haben", "schließen", "Tag", "SPD"}
