"""Render a :class:`~reader.export.sheet.StudySheet` as CSV: one row per glossary term and word.

The first seven columns are the vocabulary CSV's (term, lemma, status, translation, sentence,
text, added), so the same column mapping works in Lute, LWT, LingQ or a spreadsheet; the rest
add what a flashcard needs (kind, explanation, gender, plural, paragraph). Cells that a
spreadsheet would run as formulas get a leading ``'`` (:mod:`reader.spreadsheet`).
"""

from __future__ import annotations

import csv
import io

from reader.export.sheet import StudySheet
from reader.spreadsheet import safe_row
from reader.vocabulary import CSV_HEADER, status_label

SHEET_CSV_HEADER: tuple[str, ...] = (
    *CSV_HEADER,
    "kind",
    "explanation",
    "gender",
    "plural",
    "paragraph",
)


def render_csv(sheet: StudySheet) -> str:
    """The sheet's glossary notes and vocabulary words as CSV text."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(SHEET_CSV_HEADER)
    for paragraph in sheet.paragraphs:
        for note in paragraph.notes:
            start, end = note.highlight
            writer.writerow(
                safe_row(
                    note.sentence[start:end],
                    note.term,
                    "",
                    note.rendering,
                    note.sentence,
                    sheet.title,
                    sheet.date,
                    f"glossary {note.kind}",
                    note.explanation,
                    note.gender,
                    note.plural,
                    paragraph.number,
                )
            )
        for word in paragraph.words:
            writer.writerow(
                safe_row(
                    word.word,
                    word.lemma,
                    status_label(word.status),
                    word.meaning,
                    word.sentence,
                    sheet.title,
                    sheet.date,
                    "vocabulary",
                    "",
                    word.gender,
                    word.plural,
                    paragraph.number,
                )
            )
    return buffer.getvalue()
