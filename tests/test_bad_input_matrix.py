"""The bad-input matrix of issue 8 (safety part): each hostile or broken input a named case.

Every case runs the real CLI (``reader.cli.main``) or the real module, and asserts what the
reader must see: one line on stderr, exit status 2, no traceback, no control character on
the terminal, nothing written that did not work.
"""

from __future__ import annotations

import csv
import os
import re
import sqlite3
import stat
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from textual.app import App
from textual.geometry import Region
from textual.widgets import Input, Label

from reader.cli import main
from reader.core.display import has_control_characters
from reader.core.paths import store_path
from reader.core.text import Document, load_document
from reader.store import Store
from reader.ui.screens.entry_form import EntryFormScreen
from reader.ui.widgets.lookup_panel import LookupPanel
from reader.vocabulary import Vocabulary
from tests.ui_support import open_reader, reading_app, settle

# A title change, a clipboard write, a screen clear and a C1 CSI: what a hostile text,
# glossary or correction would send to the terminal.
HOSTILE = "\x1b]2;pwned\x07\x1b]52;c;aGk=\x07\x1b[2J\x9b31m"
# The same in a YAML double-quoted string (YAML refuses raw control bytes, not escapes).
HOSTILE_YAML = r"\e]2;pwned\a\e]52;c;aGk=\a\e[2J\x9b31m"

HOSTILE_TEXT = f"""---
title: "Titel{HOSTILE_YAML}"
---

Der Hund{HOSTILE} bellt laut. Die Katze schläft.
"""

HOSTILE_GLOSSARY = f"""\
glossary: "Mine"
version: "1"
language: de
entries:
  - term: Hund
    kind: noun
    gender: m
    renderings: ["dog{HOSTILE_YAML}"]
    explanation: "A dog.{HOSTILE_YAML}"
"""


def assert_terminal_safe(output: str) -> None:
    """No control character but newline and tab in what reaches the terminal."""
    assert "\x1b" not in output and "\x07" not in output and "\x9b" not in output
    assert not has_control_characters(output), repr(output)


@pytest.fixture
def hostile_text(tmp_path: Path) -> Path:
    """A text with control sequences in its title and body."""
    path = tmp_path / "hostile.md"
    path.write_text(HOSTILE_TEXT, encoding="utf-8")
    return path


@pytest.fixture
def hostile_glossary(isolated_user_directories: Path) -> Path:
    """The reader's own glossary with control sequences in a rendering and an explanation."""
    path = isolated_user_directories / "config" / "glossary.yaml"
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(HOSTILE_GLOSSARY, encoding="utf-8")
    return path


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


# 1. Control sequences never reach the terminal ---------------------------------------------

TERMINAL_CASES: dict[str, Callable[[Path], list[list[str]]]] = {
    "search-hostile-text": lambda text: [["search", "Hund", str(text)]],
    "search-json-hostile-text": lambda text: [["search", "Hund", str(text), "--json"]],
    "lookup-hostile-glossary": lambda text: [["lookup", "Hund"]],
    "lookup-json-hostile-glossary": lambda text: [["lookup", "Hund", "--json"]],
    "glossary-show-hostile-entry": lambda text: [["glossary", "show", "Hund"]],
    "glossary-list-hostile-entry": lambda text: [["glossary", "list"]],
    "correct-hostile-english": lambda text: [
        ["correct", str(text), "--sentence", "1.1", "--english", f"The dog{HOSTILE}"]
    ],
    "texts-hostile-title": lambda text: [
        ["correct", str(text), "--sentence", "1.1", "--english", "x"],
        ["search", "Hund", str(text)],
        ["texts"],
    ],
    "error-message-hostile-argument": lambda text: [["search", "x", f"{text}{HOSTILE}"]],
}


@pytest.mark.parametrize("case", sorted(TERMINAL_CASES))
def test_no_control_sequence_reaches_the_terminal(
    case: str,
    hostile_text: Path,
    hostile_glossary: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    for argv in TERMINAL_CASES[case](hostile_text):
        status, out, err = _run(capsys, *argv)
        assert status in (0, 1, 2), (argv, err)
        assert "Traceback" not in err
        assert_terminal_safe(out)
        assert_terminal_safe(err)


def test_texts_lists_the_hostile_title_visibly(
    hostile_text: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.cli.common import open_document, open_store

    document = open_document(str(hostile_text))
    open_store().remember_position(document.text_id, document.title, str(hostile_text), 0, 0)
    status, out, _ = _run(capsys, "texts")
    assert status == 0
    assert re.search("Titel\u241b\\]2;pwned", out)
    assert_terminal_safe(out)


def _screen_text(app: App[Any]) -> str:
    """Everything the widgets of the current screen would draw, as plain text."""
    lines: list[str] = []
    for widget in app.screen.query("*"):
        width, height = widget.size
        if not widget.display or width == 0 or height == 0:
            continue
        for strip in widget.render_lines(Region(0, 0, width, height)):
            lines.append("".join(segment.text for segment in strip))
    return "\n".join(lines)


@pytest.fixture
def hostile_reader(
    hostile_text: Path, hostile_glossary: Path, capsys: pytest.CaptureFixture[str]
) -> tuple[Document, Store]:
    """The hostile text with a hostile correction stored, and the user's store."""
    english = f"The dog{HOSTILE} barks."
    assert main(["correct", str(hostile_text), "--sentence", "1.1", "--english", english]) == 0
    capsys.readouterr()
    return load_document(hostile_text), Store(store_path())


UI_CASES = {
    "app-lookup-panel-german-english-status": (),
    "app-vocabulary-screen": ("2", "V"),
    "app-glossary-screen": ("o", "H", "u", "n", "d"),
    "app-edit-dialog": ("e",),
}


@pytest.mark.parametrize("case", sorted(UI_CASES))
async def test_no_control_sequence_reaches_the_app_screen(
    case: str, hostile_reader: tuple[Document, Store]
) -> None:
    document, store = hostile_reader
    async with open_reader(document, store) as (app, pilot, screen):
        await pilot.press("J", "right", "right")  # block 1, "Der", "Hund"
        await settle(pilot)
        panel = screen.query_one(LookupPanel)
        assert panel.result is not None and panel.result.glossary
        await pilot.press(*UI_CASES[case])
        await settle(pilot)
        drawn = _screen_text(app)
        assert "pwned" in drawn or case == "app-edit-dialog"
        assert_terminal_safe(drawn)
        if case == "app-lookup-panel-german-english-status":
            assert "A dog.\u241b]2;pwned" in drawn  # the explanation, made visible
            assert "The dog\u241b]2;pwned" in drawn  # the correction in the English column
    store.close()


# 2. CSV formula injection ------------------------------------------------------------------

FORMULAS = {
    "equals": '=HYPERLINK("http://evil","x")',
    "plus": "+1+cmd|' /C calc'!A0",
    "minus": "-2+3",
    "at": "@SUM(A1:A2)",
    "tab": "\t=1+1",
    "carriage-return": "\r=1+1",
    "quote-then-equals": "'=1+1",
}


def _formula(cell: str) -> bool:
    return cell != "" and cell[0] in "=+-@\t\r"


@pytest.mark.parametrize("case", sorted(FORMULAS))
def test_words_export_neutralises_formulas_and_imports_them_back(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    lemma = FORMULAS[case]
    store = Store(store_path())
    Vocabulary(store).set_status(lemma, "2")
    target = tmp_path / "words.csv"
    status, _, err = _run(capsys, "words", "export", str(target))
    assert status == 0, err
    with target.open(newline="", encoding="utf-8") as source:
        rows = list(csv.reader(source))
    # Shown as text by spreadsheets; a carriage return is written as a newline.
    assert rows[1][0] == rows[1][1] == "'" + lemma.replace("\r", "\n")
    for row in rows[1:]:
        assert not any(_formula(cell) for cell in row), row
    other = Vocabulary(Store(tmp_path / "other.sqlite3"))
    assert other.import_csv(target).imported == 1
    # Read back exactly, but for the whitespace import strips around every lemma.
    assert other.statuses() == {lemma.strip(): "2"}
    store.close()


def test_sheet_csv_export_neutralises_formulas(
    tmp_path: Path, hostile_glossary: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "formeln.txt"
    text.write_text("=Hund bellt. @Katze +schläft -heute.\n", encoding="utf-8")
    Vocabulary(Store(store_path())).set_status("=Hund", "1")
    target = tmp_path / "sheet.csv"
    status, _, err = _run(capsys, "export", str(text), "--format", "csv", "-o", str(target))
    assert status == 0, err
    with target.open(newline="", encoding="utf-8") as source:
        rows = list(csv.reader(source))
    assert len(rows) > 1
    for row in rows:
        assert not any(_formula(cell) for cell in row), row
    assert any(cell.startswith("'=Hund") for row in rows for cell in row)


# 3. HTML in Markdown and HTML exports ------------------------------------------------------

SCRIPT = "<script>alert(1)</script>"
IMAGE = '<img src=x onerror="alert(2)">'
LINK = "[klick](javascript:alert(3))"

HTML_TEXT = f"""---
title: "Titel {SCRIPT}"
---

Der Hund {SCRIPT} bellt {IMAGE} laut {LINK}. Die Katze schläft.
"""

HTML_GLOSSARY = f"""\
glossary: "Mine"
version: "1 {SCRIPT}"
language: de
entries:
  - term: Katze
    kind: noun
    gender: f
    renderings: ['cat {IMAGE}']
    explanation: 'A cat. {SCRIPT} {LINK}'
"""

HTML_SOURCES = ("text", "correction", "glossary")


@pytest.mark.parametrize("fmt", ["md", "html"])
@pytest.mark.parametrize("source", HTML_SOURCES)
def test_exports_escape_html_from_outside(
    source: str,
    fmt: str,
    tmp_path: Path,
    isolated_user_directories: Path,
    capsys: pytest.CaptureFixture[str],
) -> None:
    text = tmp_path / "html.md"
    if source == "text":
        text.write_text(HTML_TEXT, encoding="utf-8")
    else:
        text.write_text("Der Hund bellt laut. Die Katze schläft.\n", encoding="utf-8")
    if source == "glossary":
        glossary = isolated_user_directories / "config" / "glossary.yaml"
        glossary.parent.mkdir(parents=True, exist_ok=True)
        glossary.write_text(HTML_GLOSSARY, encoding="utf-8")
    if source == "correction":
        english = f"The dog {SCRIPT} barks {IMAGE} {LINK}."
        assert main(["correct", str(text), "--sentence", "1.1", "--english", english]) == 0
    target = tmp_path / f"sheet.{fmt}"
    status, _, err = _run(capsys, "export", str(text), "--format", fmt, "-o", str(target))
    assert status == 0, err
    written = target.read_text(encoding="utf-8")
    assert "<script" not in written and "<img" not in written
    if fmt == "md":
        assert "](javascript:" not in written  # in HTML it is only text
    assert "&lt;script&gt;" in written  # kept, as text


# 6. Failed writes, bad targets, bad arguments, broken CSV -----------------------------------


def _regular(tmp_path: Path) -> Path:
    path = tmp_path / "a-file"
    path.write_text("not a folder\n")
    return path


def _fifo(tmp_path: Path) -> Path:
    path = tmp_path / "fifo"
    os.mkfifo(path)
    return path


def _symlink(tmp_path: Path) -> Path:
    path = tmp_path / "link.md"
    (tmp_path / "elsewhere.md").write_text("keep me\n")
    path.symlink_to(tmp_path / "elsewhere.md")
    return path


def _device(tmp_path: Path) -> Path:
    # A node like /dev/full (1, 7), made here: a regression must not replace the real one.
    path = tmp_path / "full"
    try:
        os.mknod(path, 0o600 | stat.S_IFCHR, os.makedev(1, 7))
    except PermissionError:
        pytest.skip("making a device node needs root")
    return path


# As root, permission bits do not stop a write: each target fails for root too. /proc
# refuses new files; a path below a regular file cannot exist; /dev/full is a device.
EXPORT_TARGETS: dict[str, tuple[Callable[[Path], Path], list[str], str]] = {
    "export-to-proc": (lambda tmp: Path("/proc/lesepult-test.md"), [], "cannot be written"),
    "export-to-proc-forced": (lambda tmp: Path("/proc/self/status"), ["--force"], "cannot be"),
    "export-below-a-regular-file": (
        lambda tmp: _regular(tmp) / "sheet.md",
        [],
        "not a directory",
    ),
    "export-over-a-fifo-forced": (_fifo, ["--force"], "named pipe"),
    "export-over-a-symlink-forced": (_symlink, ["--force"], "symbolic link"),
    "export-over-a-device-node-forced": (_device, ["--force"], "character device"),
    "export-over-the-input-text": (lambda tmp: tmp / "text.txt", ["--force"], "input text"),
}


@pytest.mark.parametrize("case", sorted(EXPORT_TARGETS))
def test_export_refuses_or_reports_a_bad_target(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "text.txt"
    text.write_text("Der Hund bellt.\n", encoding="utf-8")
    make, extra, message = EXPORT_TARGETS[case]
    target = make(tmp_path)
    before = sorted(p.name for p in tmp_path.iterdir())
    status, out, err = _run(capsys, "export", str(text), "-o", str(target), *extra)
    assert (status, out) == (2, "")
    assert err.startswith("lesepult: ") and err.count("\n") == 1 and message in err, err
    assert text.read_text(encoding="utf-8") == "Der Hund bellt.\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == before  # no stray temporary file
    if case == "export-over-a-symlink-forced":
        assert target.is_symlink() and (tmp_path / "elsewhere.md").read_text() == "keep me\n"


WORDS_EXPORT_TARGETS: dict[str, tuple[Callable[[Path], Path], str]] = {
    "words-export-to-proc": (lambda tmp: Path("/proc/lesepult-words.csv"), "cannot be written"),
    "words-export-below-a-regular-file": (
        lambda tmp: _regular(tmp) / "words.csv",
        "not a directory",
    ),
    "words-export-over-a-fifo": (_fifo, "named pipe"),
}


@pytest.mark.parametrize("case", sorted(WORDS_EXPORT_TARGETS))
def test_words_export_reports_a_bad_target(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make, message = WORDS_EXPORT_TARGETS[case]
    status, out, err = _run(capsys, "words", "export", str(make(tmp_path)), "--force")
    assert (status, out) == (2, "")
    assert err.startswith("lesepult: ") and err.count("\n") == 1 and message in err, err


def test_export_paragraphs_double_dash_is_a_one_line_error(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    status, out, err = _run(capsys, "export", "--paragraphs=--", "-o", str(tmp_path / "x.md"))
    assert (status, out) == (2, "")
    assert err == "lesepult: --paragraphs: give a range like 3-5, 3, 3- or -5\n"


BROKEN_CSV = {
    "csv-field-over-131072-characters": (
        'lemma,status\nHund,known\n"' + "x" * 140_000 + '",1\n',
        "3: a field is longer than 131072 characters",
    ),
    "csv-unclosed-quote": (
        'lemma,status\nHund,known\n"Katze,known\nMaus,known\nVogel,1\n',
        "3: a quote opened on line 3 or after is never closed",
    ),
    "csv-nul-bytes": ("lemma,status\nHu\x00nd,known\n", "NUL"),
    "csv-not-utf8": ("lemma,status\n\udcff,known\n", "UTF-8"),
}


@pytest.mark.parametrize("case", sorted(BROKEN_CSV))
def test_words_import_reports_a_broken_csv_and_stores_nothing(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    content, message = BROKEN_CSV[case]
    source = tmp_path / "words.csv"
    source.write_bytes(content.encode("utf-8", "surrogateescape"))
    status, out, err = _run(capsys, "words", "import", str(source))
    assert (status, out) == (2, "")
    assert err.startswith("lesepult: ") and err.count("\n") == 1 and message in err, err
    assert Vocabulary(Store(store_path())).statuses() == {}


def test_words_import_flags_a_quote_closed_lines_later(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    source = tmp_path / "words.csv"
    source.write_text('lemma,status\n"Katze,known\nMaus",1\nVogel,known\n', encoding="utf-8")
    status, out, _ = _run(capsys, "words", "import", str(source))
    assert status == 0
    assert "words.csv:2: lemma: runs over lines 2-3 (a quote that is never closed?)" in out
    assert Vocabulary(Store(store_path())).statuses() == {"Vogel": "known"}


# 4. A damaged store ------------------------------------------------------------------------


def _damage_store(path: Path) -> None:
    """A store with words and lookups, then four pages in the middle overwritten."""
    store = Store(path)
    vocabulary = Vocabulary(store)
    vocabulary.set_statuses({f"Wort{i:05d}" * 3: "2" for i in range(3000)})
    for i in range(100):
        vocabulary.record_lookup(f"Wort{i:05d}", "Wort", "Ein Satz " * 20, "t")
    store.read().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    store.close()
    data = bytearray(path.read_bytes())
    for page in (5, 6, 7, 8):
        data[page * 4096 : (page + 1) * 4096] = b"\xde\xad\xbe\xef" * 1024
    path.write_bytes(bytes(data))


DAMAGED_STORE_COMMANDS = {
    "words-list-damaged-store": ["words", "list"],
    "words-export-damaged-store": ["words", "export", "{tmp}/words.csv"],
    "words-stats-damaged-store": ["words", "stats"],
}


@pytest.mark.parametrize("case", sorted(DAMAGED_STORE_COMMANDS))
def test_a_damaged_store_is_reported_copied_and_explained(
    case: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = store_path()
    _damage_store(path)
    argv = [part.replace("{tmp}", str(tmp_path)) for part in DAMAGED_STORE_COMMANDS[case]]
    status, out, err = _run(capsys, *argv)
    assert status == 2
    assert err.startswith("lesepult: ") and err.count("\n") == 1 and "Traceback" not in err
    assert "is damaged" in err and "To recover" in err
    copies = list(path.parent.glob("lesepult.sqlite3.damaged-*"))
    assert [copy.name for copy in copies if not copy.name.endswith("-wal")]
    assert str(copies[0]).removesuffix("-wal") in err
    assert not (tmp_path / "words.csv").exists()
    # Running again keeps the one copy instead of making another.
    _run(capsys, *argv)
    assert len(list(path.parent.glob("lesepult.sqlite3.damaged-*"))) == len(copies)


async def test_vocabulary_screen_on_a_damaged_store_shows_the_problem(
    tmp_path: Path,
) -> None:
    text = tmp_path / "text.txt"
    text.write_text("Der Hund bellt.\n", encoding="utf-8")
    store = Store(store_path())
    document = load_document(text)
    async with open_reader(document, store) as (app, pilot, screen):
        _damage_store_under(store)
        await pilot.press("V")
        await settle(pilot)
        messages = [notification.message for notification in app._notifications]
        assert any("is damaged" in message for message in messages), messages
        assert app.is_running
    store.close()


def _damage_store_under(store: Store) -> None:
    """Damage the store file an open app uses (its connections stay open)."""
    path = store.path
    other = Store(path)
    vocabulary = Vocabulary(other)
    vocabulary.set_statuses({f"Wort{i:05d}" * 3: "2" for i in range(3000)})
    Store.remember_position(other, "t" * 16, "Titel " * 50, None, 0, 0)
    other.read().execute("PRAGMA wal_checkpoint(TRUNCATE)")
    other.close()
    with path.open("r+b") as file:
        for page in range(1, path.stat().st_size // 4096):
            file.seek(page * 4096)
            file.write(b"\xde\xad\xbe\xef" * 1024)


# 5. A full disk ----------------------------------------------------------------------------


class FullStore(Store):
    """A store whose database cannot grow by a page: SQLite's own "database or disk is full".

    ``PRAGMA max_page_count`` at the current size is set on every connection (one per
    thread), so every write that needs a new page fails as on a full disk.
    """

    def _connect(self) -> sqlite3.Connection:
        connection = super()._connect()
        (pages,) = connection.execute("PRAGMA page_count").fetchone()
        connection.execute(f"PRAGMA max_page_count = {pages}")
        return connection


def test_words_import_on_a_full_disk_says_so_and_stores_nothing(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.cli.common

    monkeypatch.setattr(reader.cli.common, "Store", FullStore)
    source = tmp_path / "words.csv"
    source.write_text(
        "lemma,status\n" + "".join(f"Wort{i:05d},known\n" for i in range(3000)), encoding="utf-8"
    )
    status, out, err = _run(capsys, "words", "import", str(source))
    assert (status, out) == (2, "")
    assert err.startswith("lesepult: the disk is full: nothing was saved") and err.count("\n") == 1
    assert "cannot rollback" not in err and "Traceback" not in err
    assert Vocabulary(Store(store_path())).statuses() == {}


@pytest.fixture
def full_disk(tmp_path: Path) -> Iterator[Path]:
    """A real, tiny, full file system (tmpfs) holding a migrated store; needs root.

    Reads still work; every write that needs a byte more fails with ENOSPC, which SQLite
    reports as "database or disk is full".
    """
    folder = tmp_path / "full"
    folder.mkdir()
    mounted = subprocess.run(
        ["mount", "-t", "tmpfs", "-o", "size=2m", "tmpfs", str(folder)],
        capture_output=True,
        check=False,
    )
    if mounted.returncode != 0:
        pytest.skip("mounting a tiny tmpfs needs root")
    try:
        # A connection stays open: the WAL index (-shm) exists, as for a store in use.
        holder = Store(folder / "store.sqlite3")
        holder.read().execute("PRAGMA wal_checkpoint(TRUNCATE)")
        filler = os.open(folder / "filler", os.O_WRONLY | os.O_CREAT)
        for size in (65536, 4096, 512, 1):
            try:
                while os.write(filler, b"\0" * size):
                    pass
            except OSError:
                pass
        os.close(filler)
        yield folder / "store.sqlite3"
        holder.close()
    finally:
        subprocess.run(["umount", "-l", str(folder)], check=False)


async def test_status_key_on_a_full_disk_claims_nothing_and_says_not_saved(
    tmp_path: Path, full_disk: Path
) -> None:
    text = tmp_path / "text.txt"
    text.write_text("Der Hund bellt.\n", encoding="utf-8")
    store = Store(full_disk)
    async with open_reader(load_document(text), store) as (app, pilot, screen):
        await pilot.press("right", "right", "2")  # "Hund", learning-2
        await settle(pilot)
        assert screen.current_lemma() == "Hund"
        assert "Hund" not in screen.statuses  # not coloured as if stored
        assert screen.status.message.startswith("not saved: the disk is full")
        messages = [notification.message for notification in app._notifications]
        assert any(message.startswith("the disk is full") for message in messages), messages
        assert Vocabulary(store).statuses() == {}
    store.close()


async def test_quit_on_a_full_disk_quits_and_says_the_position_was_not_saved(
    tmp_path: Path, full_disk: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    text = tmp_path / "text.txt"
    text.write_text("Der Hund bellt.\n", encoding="utf-8")
    store = Store(full_disk)
    app = reading_app(load_document(text), store)
    messages: list[object] = []
    exit_app = app.exit

    def exit_and_record(*arguments: Any, **keywords: Any) -> None:
        messages.append(keywords.get("message"))
        exit_app(*arguments, **keywords)

    monkeypatch.setattr(app, "exit", exit_and_record)
    async with app.run_test() as pilot:
        await settle(pilot)
        await pilot.press("q")
        await pilot.pause()
    assert app.return_code == 1
    assert messages and "position not saved: the disk is full" in str(messages[-1])
    store.close()


# 7. The add-entry form with a glossary file that cannot be written --------------------------


async def test_add_entry_with_the_glossary_file_a_folder_keeps_the_form_and_says_why(
    tmp_path: Path, isolated_user_directories: Path
) -> None:
    folder = isolated_user_directories / "config" / "glossary.yaml"
    folder.mkdir(parents=True)
    text = tmp_path / "text.txt"
    text.write_text("Der Flughafen ist groß.\n", encoding="utf-8")
    store = Store(tmp_path / "store.sqlite3")
    async with open_reader(load_document(text), store) as (app, pilot, screen):
        await pilot.press("right", "right", "A")  # "Flughafen"
        await settle(pilot)
        form = app.screen
        assert isinstance(form, EntryFormScreen)
        form.query_one("#entry-renderings", Input).value = "airport"
        form.query_one("#entry-explanation", Input).value = "Where planes land."
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is form  # still open, with what was typed
        assert form.query_one("#entry-renderings", Input).value == "airport"
        problems = str(form.query_one("#entry-problems", Label).render())
        assert problems.startswith("Not saved: ") and "glossary.yaml" in problems, problems
        assert "directory" in problems
        assert folder.is_dir() and not list(folder.iterdir())
    store.close()


# 8. The UI without a terminal --------------------------------------------------------------

NOT_A_TERMINAL = {
    "no-arguments-stdin-devnull-stdout-file": [],
    "read-stdin-devnull-stdout-file": ["read"],
    "read-a-file-stdout-file": ["read", "{text}"],
}


@pytest.mark.parametrize("case", sorted(NOT_A_TERMINAL))
def test_the_reader_without_a_terminal_says_so_and_exits_2(case: str, tmp_path: Path) -> None:
    text = tmp_path / "text.txt"
    text.write_text("Der Hund bellt.\n", encoding="utf-8")
    argv = [part.replace("{text}", str(text)) for part in NOT_A_TERMINAL[case]]
    output = tmp_path / "out"
    with output.open("wb") as stdout:
        finished = subprocess.run(
            [sys.executable, "-m", "reader", *argv],
            stdin=subprocess.DEVNULL,
            stdout=stdout,
            stderr=subprocess.PIPE,
            timeout=120,
            check=False,
            cwd=Path(__file__).resolve().parent.parent,
        )
    err = finished.stderr.decode()
    assert finished.returncode == 2, err
    assert err.startswith("lesepult: not a terminal") and err.count("\n") == 1, err
    assert output.read_bytes() == b""  # no escape codes written into the file


def test_damage_elsewhere_is_not_blamed_on_a_healthy_store(tmp_path: Path) -> None:
    from reader.store_damage import describe_store_error

    path = tmp_path / "store.sqlite3"
    Store(path).read()
    message = describe_store_error(sqlite3.DatabaseError("database disk image is malformed"), path)
    assert "checks ok" in message and "dictionary index" in message
    assert not list(tmp_path.glob("*.damaged-*"))
