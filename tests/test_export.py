"""Tests for the study sheet builder and its Markdown, HTML, CSV and Anki exports."""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import zipfile
from pathlib import Path

import pytest

from reader.core.errors import FieldError, OutputExistsError, UserError
from reader.core.text import Document, Sentence
from reader.export import render, write_export
from reader.export.anki import note_guid
from reader.export.html import render_html, render_html_body
from reader.export.sheet import (
    NO_TRANSLATION,
    StudySheet,
    TermHit,
    build_study_sheet,
    describe_translation_source,
    parse_paragraph_range,
    sheet_time,
)
from tests.fixtures_study import SHEET_TIMESTAMP, make_test_sources

GOLDEN = Path(__file__).parent / "golden"


def check_golden(name: str, text: str) -> None:
    """Compare with tests/golden/<name>; UPDATE_GOLDEN=1 rewrites the file instead."""
    path = GOLDEN / name
    if os.environ.get("UPDATE_GOLDEN") == "1":
        path.write_text(text, encoding="utf-8")
    assert path.exists(), f"{path} missing; run with UPDATE_GOLDEN=1 and read it"
    assert text == path.read_text(encoding="utf-8")


@pytest.mark.parametrize(
    ("name", "renderer"),
    [
        ("article.study.md", lambda sheet: render(sheet, "md").decode()),
        ("article.study.csv", lambda sheet: render(sheet, "csv").decode()),
        ("article.study.body.html", render_html_body),
    ],
)
def test_golden_files(study_sheet: StudySheet, name: str, renderer: object) -> None:
    check_golden(name, renderer(study_sheet))  # type: ignore[operator]


@pytest.mark.parametrize("format", ["md", "html", "csv", "anki"])
def test_same_inputs_give_identical_bytes(article: Document, format: str) -> None:
    first = build_study_sheet(article, make_test_sources(), timestamp=SHEET_TIMESTAMP)
    second = build_study_sheet(article, make_test_sources(), timestamp=SHEET_TIMESTAMP)
    assert render(first, format) == render(second, format)


def test_sheet_content(study_sheet: StudySheet) -> None:
    assert study_sheet.date == "2023-11-14"
    assert study_sheet.paragraph_range == (1, 11)
    assert [note.term for note in study_sheet.notes] == ["Lawrow", "Eisenbahnpartisan"]
    assert [note.number for note in study_sheet.notes] == [1, 2]
    # Learning and looked-up words are listed; known and ignored ones are not.
    assert [word.lemma for word in study_sheet.words] == ["Umarmung", "Aufmarschgebiet", "Lawrow"]
    note = study_sheet.notes[1]
    start, end = note.highlight
    assert note.sentence[start:end] == "Eisenbahnpartisanen"
    assert NO_TRANSLATION in study_sheet.paragraphs[2].english
    assert "edited by the reader" in study_sheet.translation_source
    assert "no translation: 1 sentence" in study_sheet.translation_source


def test_word_noted_in_an_earlier_paragraph_is_listed_with_the_note(
    study_sheet: StudySheet,
) -> None:
    # Lawrow (learning-3) has glossary note 1 under paragraph 4 and appears again in 11.
    paragraph_4, paragraph_11 = study_sheet.paragraphs[3], study_sheet.paragraphs[10]
    assert [note.term for note in paragraph_4.notes] == ["Lawrow"]
    assert [word.lemma for word in paragraph_4.words] == []  # the note stands right there
    (word,) = paragraph_11.words
    assert (word.lemma, word.status, word.note, word.meaning) == ("Lawrow", "3", 1, "Lavrov")
    assert "- **Lawrow**, learning-3: Lavrov (see note 1)" in render(study_sheet, "md").decode()
    assert '(see <a href="#note-1">note 1</a>)' in render_html_body(study_sheet)


def test_word_noted_earlier_and_not_looked_up_again_is_left_to_its_note(
    article: Document,
) -> None:
    sources = make_test_sources(lookup_sentences={})
    sheet = build_study_sheet(article, sources, timestamp=SHEET_TIMESTAMP)
    assert [word.lemma for word in sheet.words] == ["Umarmung", "Aufmarschgebiet"]


def test_word_noted_in_the_same_paragraph_is_left_to_the_note(article: Document) -> None:
    # The note is found in a later sentence than the word: the word is still left to it.
    def hits_in_second_sentence(sentence: Sentence) -> list[TermHit]:
        if (sentence.block, sentence.index) != (4, 1):
            return []
        token = sentence.tokens[0]
        return [TermHit("Zuvor", "adverb", "before", "Earlier.", token.start, token.end)]

    sources = make_test_sources(
        term_hits=hits_in_second_sentence, statuses={"Zuvor": "3", "Beide": "2"}
    )
    sheet = build_study_sheet(article, sources, (5, 5), timestamp=SHEET_TIMESTAMP)
    (paragraph,) = sheet.paragraphs
    assert [note.term for note in paragraph.notes] == ["Zuvor"]
    assert [word.lemma for word in paragraph.words] == ["Beide"]


def test_missing_meaning_says_what_was_asked(article: Document) -> None:
    with_dictionary = build_study_sheet(
        article, make_test_sources(statuses={"Minsk": "1"}), (3, 3), timestamp=SHEET_TIMESTAMP
    )
    without = build_study_sheet(
        article,
        make_test_sources(statuses={"Minsk": "1"}, dictionary=""),
        (3, 3),
        timestamp=SHEET_TIMESTAMP,
    )
    assert "- **Minsk**, learning-1: no meaning found" in render(with_dictionary, "md").decode()
    markdown = render(without, "md").decode()
    assert "- **Minsk**, learning-1: not in the glossary" in markdown
    assert "- Meanings: glossary only (no dictionary installed)" in markdown


def test_paragraph_range_limits_the_sheet(article: Document) -> None:
    sheet = build_study_sheet(article, make_test_sources(), (3, 5), timestamp=SHEET_TIMESTAMP)
    assert [paragraph.number for paragraph in sheet.paragraphs] == [3, 4, 5]
    markdown = render(sheet, "md").decode()
    assert "Paragraphs: 3-5 of 11" in markdown
    assert "Eisenbahnpartisan" not in markdown


@pytest.mark.parametrize(
    ("value", "expected"),
    [(None, (1, 11)), ("3-5", (3, 5)), ("3", (3, 3)), ("3-", (3, 11)), ("-4", (1, 4))],
)
def test_parse_paragraph_range(value: str | None, expected: tuple[int, int]) -> None:
    assert parse_paragraph_range(value, 11) == expected


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("0-3", "'0-3' is outside 1-11"),
        ("5-3", "'5-3' is reversed; write the first paragraph first \\(3-5\\)"),
        ("3-12", "'3-12' is outside 1-11"),
        ("abc", "'abc' is not a range"),
        ("-", "'-' is not a range"),
        ("1-2-3", "'1-2-3' is not a range"),
    ],
)
def test_parse_paragraph_range_refuses(value: str, message: str) -> None:
    # The core names the field; the CLI adds "--paragraphs: " (tests/test_exit_codes.py).
    with pytest.raises(FieldError, match=f"^{message}") as caught:
        parse_paragraph_range(value, 11)
    assert caught.value.field == "paragraphs"


@pytest.mark.parametrize(
    ("origins", "model", "expected"),
    [
        ({"machine": 3}, "translate-de_en 1.9", "machine translation (translate-de_en 1.9)"),
        ({"reference": 3}, None, "curated reference translation"),
        ({"edited": 1}, None, "edited by the reader"),
        ({}, None, "no translation"),
        (
            {"machine": 2, "edited": 1},
            "m 1",
            "machine translation (m 1): 2 sentences; edited by the reader: 1 sentence",
        ),
    ],
)
def test_describe_translation_source(
    origins: dict[str, int], model: str | None, expected: str
) -> None:
    assert describe_translation_source(origins, model) == expected


@pytest.mark.parametrize(
    ("environ", "expected"), [({"SOURCE_DATE_EPOCH": "1700000000"}, 1700000000)]
)
def test_source_date_epoch(environ: dict[str, str], expected: int) -> None:
    assert sheet_time(environ) == expected


def test_bad_source_date_epoch_is_a_user_error() -> None:
    with pytest.raises(UserError, match="SOURCE_DATE_EPOCH"):
        sheet_time({"SOURCE_DATE_EPOCH": "yesterday"})


def test_write_refuses_to_overwrite(study_sheet: StudySheet, tmp_path: Path) -> None:
    target = tmp_path / "sheet.md"
    write_export(study_sheet, "md", target)
    target.write_text("mine")
    # The core says the file exists; the CLI adds "use --force" (tests/test_exit_codes.py).
    with pytest.raises(OutputExistsError, match="exists already"):
        write_export(study_sheet, "md", target)
    assert target.read_text() == "mine"
    write_export(study_sheet, "md", target, force=True)
    assert target.read_text().startswith("# Study sheet")
    assert [path.name for path in tmp_path.iterdir()] == ["sheet.md"]  # no temporary left


def test_html_is_self_contained(study_sheet: StudySheet) -> None:
    html = render_html(study_sheet)
    assert "<link" not in html and "src=" not in html and "@import" not in html
    assert "size: A4" in html and "break-inside: avoid" in html


def read_apkg(data: bytes, tmp_path: Path) -> list[tuple[str, str, str]]:
    """The (guid, fields, tags) of every note in an .apkg's collection."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert sorted(archive.namelist()) == ["collection.anki2", "media"]
        assert json.loads(archive.read("media")) == {}
        database = tmp_path / "collection.anki2"
        database.write_bytes(archive.read("collection.anki2"))
    connection = sqlite3.connect(database)
    try:
        return connection.execute("SELECT guid, flds, tags FROM notes ORDER BY id").fetchall()
    finally:
        connection.close()


def test_anki_round_trip(article: Document, tmp_path: Path) -> None:
    sheet = build_study_sheet(article, make_test_sources(), timestamp=SHEET_TIMESTAMP)
    notes = read_apkg(render(sheet, "anki"), tmp_path)
    assert len(notes) == 4  # two glossary terms, two vocabulary words
    guid, fields, tags = notes[1]
    assert guid == note_guid("glossary", "Eisenbahnpartisan")
    term, sentence, english, explanation, grammar, text = fields.split("\x1f")
    assert term == "Eisenbahnpartisan"
    assert "<b>Eisenbahnpartisanen</b>" in sentence
    assert english == "rail partisan"
    assert "saboteur" in explanation
    assert grammar == "der, pl. Eisenbahnpartisanen"
    assert "Belarus im Ukraine-Krieg" in text
    assert "lesepult::belarus-im-ukraine-krieg" in tags.split()
    # A later export (another day, fewer paragraphs) keeps the same guids: Anki updates.
    later = build_study_sheet(
        article, make_test_sources(), (8, 10), timestamp=SHEET_TIMESTAMP + 86400
    )
    again = read_apkg(render(later, "anki"), tmp_path)
    assert note_guid("glossary", "Eisenbahnpartisan") in {row[0] for row in again}
    assert {row[0] for row in again} <= {row[0] for row in notes}


def test_anki_deck_and_model_ids_are_stable(article: Document, tmp_path: Path) -> None:
    def ids(timestamp: int) -> tuple[str, str]:
        sheet = build_study_sheet(article, make_test_sources(), timestamp=timestamp)
        with zipfile.ZipFile(io.BytesIO(render(sheet, "anki"))) as archive:
            (tmp_path / "c.anki2").write_bytes(archive.read("collection.anki2"))
        connection = sqlite3.connect(tmp_path / "c.anki2")
        try:
            models, decks = connection.execute("SELECT models, decks FROM col").fetchone()
        finally:
            connection.close()
        return (
            str(sorted(json.loads(models))),
            str(sorted(key for key in json.loads(decks) if key != "1")),
        )

    assert ids(SHEET_TIMESTAMP) == ids(SHEET_TIMESTAMP + 5000)


CHROMIUM = shutil.which("chromium") or (
    "/usr/bin/chromium" if Path("/usr/bin/chromium").exists() else None
)


@pytest.mark.slow
@pytest.mark.skipif(CHROMIUM is None, reason="chromium is not installed (Debian: chromium)")
@pytest.mark.skipif(shutil.which("pdfinfo") is None, reason="poppler-utils is not installed")
def test_html_prints_to_pdf_in_chromium(study_sheet: StudySheet, tmp_path: Path) -> None:
    page = tmp_path / "sheet.html"
    write_export(study_sheet, "html", page)
    pdf = tmp_path / "sheet.pdf"
    assert CHROMIUM is not None
    subprocess.run(
        [
            CHROMIUM,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--no-pdf-header-footer",
            f"--user-data-dir={tmp_path / 'profile'}",
            f"--print-to-pdf={pdf}",
            page.as_uri(),
        ],
        check=True,
        capture_output=True,
        timeout=120,
    )
    info = subprocess.run(["pdfinfo", str(pdf)], check=True, capture_output=True, text=True)
    pages = int(
        next(line for line in info.stdout.splitlines() if line.startswith("Pages:")).split()[1]
    )
    size = next(line for line in info.stdout.splitlines() if line.startswith("Page size:"))
    assert 2 <= pages <= 8
    assert "(A4)" in size
    text = subprocess.run(
        ["pdftotext", "-layout", str(pdf), "-"], check=True, capture_output=True, text=True
    ).stdout
    assert "Eisenbahnpartisan" in text
    assert "rail partisan" in text
    assert "(test English 10.1)" in text
    assert "Study sheet" in text
