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


def old_store_v7(path: Path, lookups: list[tuple[str, str, str]]) -> sqlite3.Connection:
    """A version-7 store with ``lookups`` (lemma, word, sentence); the caller adds the rest."""
    connection = sqlite3.connect(path)
    for migration in MIGRATIONS[:7]:
        for statement in migration.split(";"):
            if statement.strip():
                connection.execute(statement)
    for lemma, word, sentence in lookups:
        connection.execute(
            "INSERT INTO lookups (lemma, word, sentence, text_id, seen) VALUES (?, ?, ?, 't', 1.0)",
            (lemma, word, sentence),
        )
    connection.execute("PRAGMA user_version = 7")
    return connection


def test_split_separable_verbs_move_to_the_joined_verb(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    connection = old_store_v7(
        path,
        [
            ("fügen", "fügte", "Sie fügte dem Brief einen Satz hinzu."),
            ("kommen", "kam", "Der Zug kam gestern pünktlich an, als es regnete."),
            ("kommen", "kam", "Er kam nach Hause."),  # a plain "kommen" stays
            ("stehen", "stand", "Er stand auf und ging hinaus."),  # the clause ends at "und"
            ("denken", "denke", "Ich denke oft daran."),  # a da- adverb is an object
            ("sein", "war", "Er war nicht da."),  # a predicate, no particle
            ("geben", "gab", "Die Angabe gab er schließlich auf."),  # the word, not "Angabe"
            ("hören", "hörte", "Sie hörte ihm lange zu; dann ging sie."),
        ],
    )
    for lemma, status in [
        ("fügen", "2"),
        ("kommen", "3"),
        ("stehen", "known"),
        ("denken", "1"),
        ("sein", "known"),
        ("geben", "4"),
        ("aufgeben", "known"),  # both existed: the joined verb's status is kept
        ("hören", "1"),
    ]:
        connection.execute("INSERT INTO words VALUES (?, ?, 1.0, NULL)", (lemma, status))
        connection.execute(
            "INSERT INTO status_changes (lemma, status, changed) VALUES (?, ?, 1.0)",
            (lemma, status),
        )
    connection.execute("INSERT INTO word_notes VALUES ('fügen', 'add', 'with hinzu', 1.0)")
    connection.commit()
    connection.close()
    store = Store(path)
    vocabulary = Vocabulary(store)
    statuses = vocabulary.statuses()
    fuegen = vocabulary.entry("hinzufügen")
    store.close()
    assert statuses == {
        "hinzufügen": "2",
        "ankommen": "3",
        "kommen": "3",  # its other lookup is the plain verb: kept too
        "aufstehen": "known",
        "denken": "1",
        "sein": "known",
        "aufgeben": "known",
        "zuhören": "1",
    }
    assert fuegen is not None and (fuegen.meaning, fuegen.note) == ("add", "with hinzu")
    connection = sqlite3.connect(path)
    lookups = {row[0] for row in connection.execute("SELECT lemma FROM lookups")}
    history = {row[0] for row in connection.execute("SELECT lemma FROM status_changes")}
    notes = {row[0] for row in connection.execute("SELECT lemma FROM word_notes")}
    connection.close()
    assert lookups == {
        "hinzufügen",
        "ankommen",
        "kommen",
        "aufstehen",
        "denken",
        "sein",
        "aufgeben",
        "zuhören",
    }
    assert history == lookups
    assert notes == {"hinzufügen"}
