"""Build an Anki deck (``.apkg``) from a study sheet with genanki.

One note per glossary term and per vocabulary word: the German and the sentence it was seen
in (the term highlighted) on the front, the English and the explanation on the back, tagged
with the text. Ids come from hashes, so a re-export updates the cards already imported
instead of duplicating them: the model id is fixed, the deck id derives from the text id and
the note guid from the term. The package is written byte for byte the same for the same
inputs (fixed zip dates, timestamps from the sheet), which genanki's own writer does not do.
"""

from __future__ import annotations

import hashlib
import re
import sqlite3
import tempfile
import zipfile
from html import escape
from pathlib import Path
from typing import Any

from reader.export.markdown import grammar
from reader.export.sheet import SheetNote, SheetWord, StudySheet

MODEL_NAME = "Lesepult study card"
FIELDS = ("Term", "Sentence", "English", "Explanation", "Grammar", "Text")
FRONT = '<div class="term">{{Term}}</div><div class="sentence">{{Sentence}}</div>'
BACK = (
    '{{FrontSide}}<hr id="answer"><div class="english">{{English}}</div>'
    '<div class="grammar">{{Grammar}}</div><div class="explanation">{{Explanation}}</div>'
    '<div class="text">{{Text}}</div>'
)
CARD_CSS = (
    ".card { font-family: serif; font-size: 20px; text-align: center; }"
    " .term { font-size: 28px; font-weight: bold; } .sentence { margin-top: 1em; }"
    " .sentence b { color: #7a3b00; } .english { font-size: 24px; font-style: italic; }"
    " .grammar, .text { color: #666; font-size: 16px; } .explanation { margin-top: .6em; }"
)


def stable_id(*parts: str) -> int:
    """A 31-bit positive id from a hash of ``parts`` (Anki wants ids in a signed 64-bit range)."""
    digest = hashlib.sha256("\x1f".join(parts).encode("utf-8")).digest()
    return (1 << 30) + int.from_bytes(digest[:4], "big") % (1 << 30)


def note_guid(kind: str, term: str) -> str:
    """The stable guid of the note for one term: the same term always updates the same note."""
    return hashlib.sha256(f"lesepult\x1f{kind}\x1f{term}".encode()).hexdigest()[:20]


def text_tag(sheet: StudySheet) -> str:
    """The Anki tag of the text (no spaces allowed in tags)."""
    return "lesepult::" + (re.sub(r"[^\w-]+", "-", sheet.text_name).strip("-") or sheet.text_id)


def _highlight(sentence: str, span: tuple[int, int]) -> str:
    start, end = span
    return (
        escape(sentence[:start])
        + "<b>"
        + escape(sentence[start:end])
        + "</b>"
        + escape(sentence[end:])
    )


def build_package(sheet: StudySheet) -> Any:
    """The genanki package (one deck for the text) for ``sheet``."""
    import genanki

    model = genanki.Model(
        stable_id("lesepult", "model", "v1"),
        MODEL_NAME,
        fields=[{"name": name} for name in FIELDS],
        templates=[{"name": "German to English", "qfmt": FRONT, "afmt": BACK}],
        css=CARD_CSS,
    )
    deck = genanki.Deck(stable_id("lesepult", "deck", sheet.text_id), f"Lesepult::{sheet.title}")
    tags = ["lesepult", text_tag(sheet)]
    text_field = escape(f"{sheet.title} ({sheet.date}; {sheet.translation_source})")

    def card(kind: str, item: SheetNote | SheetWord, front: str, meaning: str, more: str) -> None:
        deck.add_note(
            genanki.Note(
                model=model,
                fields=[
                    escape(front),
                    _highlight(item.sentence, item.highlight),
                    escape(meaning),
                    escape(more),
                    escape(grammar(item.gender, item.plural)),
                    text_field,
                ],
                tags=[*tags, kind],
                guid=note_guid(kind, front),
            )
        )

    for note in sheet.notes:
        card("glossary", note, note.term, note.rendering, note.explanation)
    for word in sheet.words:
        if word.note is None:  # otherwise the glossary card of its note already teaches it
            card("vocabulary", word, word.lemma, word.meaning, "")
    return genanki.Package(deck)


def render_anki(sheet: StudySheet) -> bytes:
    """The ``.apkg`` file's bytes: a zip holding the SQLite collection and an empty media map."""
    import itertools

    package = build_package(sheet)
    with tempfile.TemporaryDirectory(prefix="lesepult-anki-") as folder:
        database_path = Path(folder) / "collection.anki2"
        connection = sqlite3.connect(database_path)
        try:
            cursor = connection.cursor()
            # Card and note ids count up from the sheet time, as genanki does from "now".
            package.write_to_db(cursor, sheet.timestamp, itertools.count(sheet.timestamp * 1000))
            connection.commit()
        finally:
            connection.close()
        collection = database_path.read_bytes()
    buffer = _zip({"collection.anki2": collection, "media": b"{}"})
    return buffer


def _zip(members: dict[str, bytes]) -> bytes:
    import io

    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", compression=zipfile.ZIP_DEFLATED) as archive:
        for name, data in members.items():
            # A fixed date: zip entries otherwise carry the time of writing.
            info = zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0))
            info.compress_type = zipfile.ZIP_DEFLATED
            info.external_attr = 0o644 << 16
            archive.writestr(info, data)
    return buffer.getvalue()
