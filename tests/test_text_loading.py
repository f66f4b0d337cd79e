"""Tests of reading texts from disk (formats, front matter, errors, the CLI) and of the store."""

from __future__ import annotations

import sqlite3
import threading
import time
from pathlib import Path

import pytest

from reader.cli import main
from reader.cli.common import open_document
from reader.core.errors import UserError
from reader.core.text import (
    TextLoadError,
    load_document,
    load_reference,
    parse_document,
)
from reader.store import MIGRATIONS, SCHEMA_VERSION, ReadingPosition, Store, StoreError

DATA = Path(__file__).parent / "data"

PNG_HEADER = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06"


# Formats and block kinds ----------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "kinds", "title"),
    [
        pytest.param(
            "text-plain.txt",
            ["title", "paragraph", "heading", "paragraph"],
            "Ein Abend in Leipzig",
            id="txt without front matter",
        ),
        pytest.param(
            "text-teaser.txt",
            ["title", "teaser", "paragraph", "paragraph"],
            "Neue Brücke eröffnet",
            id="txt with teaser before a dateline",
        ),
        pytest.param(
            "text-markdown.md",
            ["title", "paragraph", "heading", "paragraph"],
            "Der Markt",
            id="md without front matter",
        ),
        pytest.param(
            "text-front-matter.md",
            ["title", "teaser", "heading", "paragraph"],
            "Ein Brief aus Wien",
            id="md with front matter title and teaser",
        ),
    ],
)
def test_block_kinds_and_title(name: str, kinds: list[str], title: str) -> None:
    document = load_document(DATA / name)
    assert [block.kind for block in document.blocks] == kinds
    assert document.title == title
    assert document.blocks[0].text == title
    for block in document.blocks:
        assert document.source[block.start : block.end] == block.text
        assert not block.text.startswith("#"), "Markdown marks are not part of the text"


def test_dateline_is_measured_for_an_agency_paragraph() -> None:
    document = load_document(DATA / "text-teaser.txt")
    assert document.blocks[2].dateline_length == len("LEIPZIG dpa | ")
    assert document.blocks[1].dateline_length == 0


def test_front_matter_fields_become_metadata() -> None:
    document = load_document(DATA / "text-front-matter.md")
    assert document.metadata.source == "Beispiel"
    assert document.metadata.date == "2024-05"
    assert dict(document.metadata.extra) == {"author": "Lesepult-Team"}
    assert document.path == (DATA / "text-front-matter.md").resolve()


def test_markdown_title_line_is_not_duplicated_by_the_front_matter_title() -> None:
    text = "---\ntitle: Der Markt\n---\n\n# Der Markt\n\nJeden Samstag ist Markt.\n"
    document = parse_document(text, "markt.md", path=Path("markt.md"))
    assert [block.text for block in document.blocks] == ["Der Markt", "Jeden Samstag ist Markt."]


def test_text_without_a_title_line_takes_its_title_from_the_file_name() -> None:
    text = "Es regnete. Niemand ging hinaus.\n\nAm Abend hörte es auf.\n"
    document = parse_document(text, "regen.txt", path=Path("/texte/regen.txt"))
    assert [block.kind for block in document.blocks] == ["paragraph", "paragraph"]
    assert document.title == "regen"


def test_utf8_byte_order_mark_is_not_part_of_the_text(tmp_path: Path) -> None:
    path = tmp_path / "bom.txt"
    path.write_bytes("\ufeffTitel\n\nEin Satz.\n".encode())
    document = load_document(path)
    assert document.blocks[0].text == "Titel"


def test_explicit_encoding_reads_a_cp1252_file() -> None:
    document = load_document(DATA / "text-cp1252.txt", encoding="cp1252")
    assert document.title == "Größe"
    assert [s.text for s in document.sentences(1)] == [
        "Die Straße war leer.",
        "„Komisch“, dachte sie.",
    ]


def test_open_document_finds_a_bundled_text_by_its_stem() -> None:
    document = open_document("belarus-im-ukraine-krieg")
    assert document.title.startswith("Belarus im Ukraine-Krieg")


def test_windows_line_endings_give_the_same_blocks(tmp_path: Path) -> None:
    unix = (DATA / "text-plain.txt").read_bytes()
    path = tmp_path / "windows.txt"
    path.write_bytes(unix.replace(b"\n", b"\r\n"))
    windows_document = load_document(path)
    unix_document = load_document(DATA / "text-plain.txt")
    assert [b.text for b in windows_document.blocks] == [b.text for b in unix_document.blocks]


def test_empty_front_matter_is_ignored() -> None:
    document = parse_document("---\n---\n\nTitel\n\nEin Satz.\n", "leer.md", path=Path("x.md"))
    assert [block.text for block in document.blocks] == ["Titel", "Ein Satz."]


# Loader errors ------------------------------------------------------------------------------


def write_bad_input(kind: str, tmp_path: Path) -> Path:
    """Create a file (or directory) of the given kind of bad input and return its path."""
    if kind == "missing":
        return tmp_path / "fehlt.txt"
    if kind == "directory":
        path = tmp_path / "ordner"
        path.mkdir()
        return path
    if kind == "cp1252":
        return DATA / "text-cp1252.txt"
    if kind == "empty":
        path = tmp_path / "leer.txt"
        path.write_bytes(b"")
        return path
    if kind == "whitespace":
        path = tmp_path / "leer.txt"
        path.write_bytes(b"  \n\n\t\n")
        return path
    if kind == "binary":
        path = tmp_path / "bild.txt"
        path.write_bytes(PNG_HEADER * 20)
        return path
    if kind == "control characters":
        path = tmp_path / "steuer.txt"
        path.write_bytes(bytes(range(1, 9)) * 10 + b"Text")
        return path
    if kind == "front matter list":
        return DATA / "text-list-front-matter.md"
    if kind == "front matter only":
        path = tmp_path / "nur-kopf.md"
        path.write_text("---\nsource: taz\n---\n\n", encoding="utf-8")
        return path
    raise AssertionError(kind)


LOADER_ERRORS = [
    ("missing", "no such file"),
    ("directory", "is a directory"),
    ("cp1252", "--encoding cp1252"),
    ("empty", "is empty"),
    ("whitespace", "is empty"),
    ("binary", "binary"),
    ("control characters", "binary"),
    ("front matter list", "front matter must be a mapping"),
    ("front matter only", "no text after its front matter"),
]


@pytest.mark.parametrize(("kind", "expected"), LOADER_ERRORS, ids=[k for k, _ in LOADER_ERRORS])
def test_bad_input_is_a_one_line_text_load_error(kind: str, expected: str, tmp_path: Path) -> None:
    path = write_bad_input(kind, tmp_path)
    with pytest.raises(TextLoadError) as raised:
        load_document(path)
    message = str(raised.value)
    assert "\n" not in message
    assert expected in message
    assert message.startswith(str(path))


def test_not_utf8_message_names_the_byte_and_cp1252() -> None:
    with pytest.raises(TextLoadError, match=r"not UTF-8 \(byte \d+\); it reads as cp1252"):
        load_document(DATA / "text-cp1252.txt")


def test_wrong_explicit_encoding_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "utf8.txt"
    path.write_text("Titel\n\nSchöne Grüße.\n", encoding="utf-8")
    with pytest.raises(TextLoadError, match="cannot be decoded as ascii") as raised:
        load_document(path, encoding="ascii")
    assert "\n" not in str(raised.value)


def test_unknown_encoding_is_a_one_line_error(tmp_path: Path) -> None:
    path = tmp_path / "text.txt"
    path.write_text("Titel\n\nEin Satz.\n", encoding="utf-8")
    with pytest.raises(TextLoadError, match="cannot be decoded as klingonisch"):
        load_document(path, encoding="klingonisch")


def test_broken_front_matter_is_a_text_load_error() -> None:
    with pytest.raises(TextLoadError, match="front matter is not valid YAML"):
        load_document(DATA / "text-broken-front-matter.md")


def test_broken_front_matter_message_is_one_line_with_the_line_number() -> None:
    with pytest.raises(TextLoadError) as raised:
        load_document(DATA / "text-broken-front-matter.md")
    message = str(raised.value)
    assert "\n" not in message
    assert "line " in message


@pytest.mark.parametrize(("kind", "expected"), LOADER_ERRORS, ids=[k for k, _ in LOADER_ERRORS])
def test_cli_read_reports_bad_input_on_one_line_with_status_2(
    kind: str, expected: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = write_bad_input(kind, tmp_path)
    status = main(["read", str(path)])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.out == ""
    assert captured.err.startswith("lesepult: ")
    assert captured.err.count("\n") == 1
    assert expected in captured.err
    assert "Traceback" not in captured.err


def test_cli_read_reports_broken_front_matter_without_traceback(
    capsys: pytest.CaptureFixture[str],
) -> None:
    status = main(["read", str(DATA / "text-broken-front-matter.md")])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.startswith("lesepult: ")
    assert "Traceback" not in captured.err


def test_open_document_turns_load_errors_into_user_errors(tmp_path: Path) -> None:
    with pytest.raises(UserError) as raised:
        open_document(str(tmp_path / "fehlt.txt"))
    assert raised.value.status == 2
    assert "no such file" in raised.value.message


# The reference translation loader -------------------------------------------------------------


def test_text_without_reference_has_none() -> None:
    assert load_reference(load_document(DATA / "text-plain.txt")) is None


def test_misaligned_reference_is_refused(tmp_path: Path) -> None:
    german = tmp_path / "markt.md"
    german.write_text("# Der Markt\n\nJeden Samstag ist Markt.\n\nEs gibt Obst.\n", "utf-8")
    (tmp_path / "markt.en.md").write_text("# The market\n\nThere is a market.\n", "utf-8")
    with pytest.raises(TextLoadError, match="has 2 blocks but the German text has 3") as raised:
        load_reference(load_document(german))
    assert "\n" not in str(raised.value)


def test_reference_beside_the_text_is_found_by_name(tmp_path: Path) -> None:
    german = tmp_path / "markt.md"
    german.write_text("# Der Markt\n\nJeden Samstag ist Markt. Es gibt Obst.\n", "utf-8")
    (tmp_path / "markt.en.md").write_text(
        "---\nlanguage: en\n---\n\n# The market\n\nThere is a market every Saturday.\n"
        "There is fruit.\n",
        "utf-8",
    )
    reference = load_reference(load_document(german))
    assert reference is not None
    assert reference.blocks == (
        ("The market",),
        ("There is a market every Saturday.", "There is fruit."),
    )


# The store --------------------------------------------------------------------------------


def table_names(path: Path) -> set[str]:
    with sqlite3.connect(path) as connection:
        rows = connection.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        return {name for (name,) in rows}


def user_version(path: Path) -> int:
    with sqlite3.connect(path) as connection:
        (version,) = connection.execute("PRAGMA user_version").fetchone()
    return int(version)


def test_fresh_store_is_migrated_to_the_schema_version(store: Store) -> None:
    store.read()
    assert user_version(store.path) == SCHEMA_VERSION
    assert {"texts", "translations", "corrections", "words", "lookups"} <= table_names(store.path)


def test_older_store_is_migrated_and_keeps_its_data(tmp_path: Path) -> None:
    path = tmp_path / "alt.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.executescript(MIGRATIONS[0])
        connection.execute("INSERT INTO texts VALUES ('abc', 'Alter Text', NULL, 1.0, 4, 2)")
        connection.execute("PRAGMA user_version = 1")
    opened = Store(path)
    try:
        position = opened.position("abc")
    finally:
        opened.close()
    assert position == ReadingPosition("abc", "Alter Text", None, 1.0, 4, 2)
    assert user_version(path) == SCHEMA_VERSION
    assert "translations" in table_names(path)


def test_store_from_a_newer_version_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "neu.sqlite3"
    with sqlite3.connect(path) as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    with pytest.raises(StoreError, match="newer than this Lesepult understands") as raised:
        Store(path).read()
    assert "\n" not in str(raised.value)
    assert user_version(path) == SCHEMA_VERSION + 1, "a newer store is left untouched"


def test_cli_refuses_a_newer_store_on_one_line(
    isolated_user_directories: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    data = isolated_user_directories / "data"
    data.mkdir(parents=True, exist_ok=True)
    with sqlite3.connect(data / "lesepult.sqlite3") as connection:
        connection.execute(f"PRAGMA user_version = {SCHEMA_VERSION + 1}")
    status = main(["texts"])
    captured = capsys.readouterr()
    assert status == 2
    assert captured.err.startswith("lesepult: ")
    assert captured.err.count("\n") == 1


def test_file_that_is_not_a_database_is_a_store_error(tmp_path: Path) -> None:
    path = tmp_path / "kaputt.sqlite3"
    path.write_bytes(b"Das ist keine Datenbank, sondern ein Einkaufszettel.\n" * 100)
    with pytest.raises(StoreError, match="cannot open the data store"):
        Store(path).read()


def test_unknown_text_has_no_position(store: Store) -> None:
    assert store.position("unbekannt") is None
    assert store.opened_texts() == []


@pytest.mark.parametrize(
    ("path", "block", "sentence"),
    [("/texte/a.md", 0, 0), (None, 10, 3), ("/texte/ä ö ü.txt", 2500, 17)],
)
def test_position_round_trips(store: Store, path: str | None, block: int, sentence: int) -> None:
    store.remember_position("text-1", "Ein Titel", path, block, sentence)
    position = store.position("text-1")
    assert position is not None
    assert (position.text_id, position.title, position.path) == ("text-1", "Ein Titel", path)
    assert (position.block, position.sentence) == (block, sentence)
    assert position.last_opened > 0


def test_position_update_keeps_a_known_path(store: Store) -> None:
    store.remember_position("text-1", "Titel", "/texte/a.md", 1, 1)
    store.remember_position("text-1", "Neuer Titel", None, 5, 2)
    position = store.position("text-1")
    assert position is not None
    assert (position.title, position.path, position.block, position.sentence) == (
        "Neuer Titel",
        "/texte/a.md",
        5,
        2,
    )
    assert len(store.opened_texts()) == 1


def test_opened_texts_are_listed_most_recent_first(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    clock = iter([100.0, 300.0, 200.0])
    monkeypatch.setattr(time, "time", lambda: next(clock))
    store.remember_position("erster", "Erster", None, 0, 0)
    store.remember_position("zweiter", "Zweiter", None, 0, 0)
    store.remember_position("dritter", "Dritter", None, 0, 0)
    assert [p.text_id for p in store.opened_texts()] == ["zweiter", "dritter", "erster"]


def test_positions_survive_reopening_the_store(tmp_path: Path) -> None:
    path = tmp_path / "store.sqlite3"
    first = Store(path)
    first.remember_position("text-1", "Titel", None, 7, 1)
    first.close()
    second = Store(path)
    try:
        position = second.position("text-1")
    finally:
        second.close()
    assert position is not None
    assert (position.block, position.sentence) == (7, 1)


def test_two_stores_on_one_file_write_alternately(tmp_path: Path) -> None:
    path = tmp_path / "geteilt.sqlite3"
    first, second = Store(path), Store(path)
    try:
        for number in range(20):
            writer = first if number % 2 == 0 else second
            writer.remember_position(f"text-{number}", f"Text {number}", None, number, 0)
            # Each store sees what the other has just committed.
            reader = second if writer is first else first
            seen = reader.position(f"text-{number}")
            assert seen is not None and seen.block == number
        assert len(first.opened_texts()) == len(second.opened_texts()) == 20
    finally:
        first.close()
        second.close()


def test_a_rolled_back_transaction_leaves_nothing(store: Store) -> None:
    with pytest.raises(RuntimeError), store.transaction() as connection:
        connection.execute(
            "INSERT INTO words (lemma, status, updated) VALUES ('Haus', 'known', 1.0)"
        )
        raise RuntimeError("abgebrochen")
    assert store.read().execute("SELECT COUNT(*) FROM words").fetchone() == (0,)


def test_two_stores_writing_from_threads_lose_no_rows(tmp_path: Path) -> None:
    path = tmp_path / "geteilt.sqlite3"
    stores = [Store(path), Store(path)]
    stores[0].read()  # migrate once up front, so both threads only write
    errors: list[BaseException] = []

    def write(which: int) -> None:
        try:
            for number in range(50):
                with stores[which].transaction() as connection:
                    connection.execute(
                        "INSERT INTO lookups (lemma, word, sentence, text_id, seen)"
                        " VALUES (?, ?, ?, ?, ?)",
                        (f"lemma-{which}-{number}", "Wort", "Ein Satz.", None, 1.0),
                    )
        except BaseException as error:  # surfaced to the main thread below
            errors.append(error)
        finally:
            stores[which].close()

    threads = [threading.Thread(target=write, args=(which,)) for which in (0, 1)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    checker = Store(path)
    try:
        (count,) = checker.read().execute("SELECT COUNT(*) FROM lookups").fetchone()
    finally:
        checker.close()
    assert count == 100
