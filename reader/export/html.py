"""Render a :class:`~reader.export.sheet.StudySheet` as one self-contained, printable HTML file.

The stylesheet (``study-sheet.css`` beside this module) is inlined, so the file needs no
other asset. On paper (A4) German and English stand in two columns with the notes under each
paragraph, and a paragraph is never split from its notes across a page break.
"""

from __future__ import annotations

from html import escape
from pathlib import Path

from reader.export.markdown import grammar
from reader.export.sheet import SheetNote, SheetParagraph, SheetWord, StudySheet
from reader.vocabulary import status_label

STYLESHEET = Path(__file__).with_name("study-sheet.css")


def _note(note: SheetNote) -> str:
    details = grammar(note.gender, note.plural)
    return (
        f'<li value="{note.number}" id="note-{note.number}">'
        f'<span class="term">{escape(note.term)}</span>'
        + (f' <span class="grammar">({escape(details)})</span>' if details else "")
        + f': <span class="rendering">{escape(note.rendering)}</span>.'
        + f" {escape(note.explanation)}</li>"
    )


def _word(word: SheetWord, missing_meaning: str) -> str:
    details = ", ".join(
        part for part in (grammar(word.gender, word.plural), status_label(word.status)) if part
    )
    in_text = f" (in the text: {escape(word.word)})" if word.word != word.lemma else ""
    meaning = escape(word.meaning) if word.meaning else escape(missing_meaning)
    if word.note is not None:
        meaning += f' (see <a href="#note-{word.note}">note {word.note}</a>)'
    return (
        f'<li><span class="term">{escape(word.lemma)}</span>{in_text}'
        f' <span class="status">{escape(details)}</span>: {meaning}</li>'
    )


def _paragraph(paragraph: SheetParagraph, missing_meaning: str) -> str:
    parts = [
        f'<section class="paragraph kind-{paragraph.kind}" id="p{paragraph.number}">',
        f"<h2>{paragraph.number}. {escape(paragraph.kind)}</h2>",
        '<div class="columns">',
        f'<div class="de" lang="de">{escape(paragraph.german)}</div>',
        f'<div class="en" lang="en">{escape(paragraph.english)}</div>',
        "</div>",
    ]
    if paragraph.notes:
        parts.append('<ol class="notes">')
        parts += [_note(note) for note in paragraph.notes]
        parts.append("</ol>")
    if paragraph.words:
        parts.append('<ul class="vocabulary">')
        parts += [_word(word, missing_meaning) for word in paragraph.words]
        parts.append("</ul>")
    parts.append("</section>")
    return "\n".join(parts)


def render_html_body(sheet: StudySheet) -> str:
    """The ``<body>`` element of the sheet (what the golden test compares)."""
    first, last = sheet.paragraph_range
    text = escape(sheet.title) + (f" ({escape(sheet.origin)})" if sheet.origin else "")
    stamp = [
        ("Text", f"{text}, id {sheet.text_id}"),
        ("Paragraphs", f"{first}-{last} of {sheet.paragraph_total}"),
        ("Translation", escape(sheet.translation_source)),
        ("Glossary", escape(sheet.glossary_version or "none")),
        ("Meanings", escape(sheet.meanings_from)),
        ("Date", sheet.date),
        ("Made with", escape(sheet.generator)),
    ]
    header = (
        '<header class="stamp">\n'
        f"<h1>Study sheet: {escape(sheet.title)}</h1>\n<dl>\n"
        + "\n".join(f"<dt>{name}</dt><dd>{value}</dd>" for name, value in stamp)
        + "\n</dl>\n</header>"
    )
    sections = "\n".join(
        _paragraph(paragraph, sheet.missing_meaning) for paragraph in sheet.paragraphs
    )
    return f"<body>\n{header}\n<main>\n{sections}\n</main>\n</body>"


def render_html(sheet: StudySheet) -> str:
    """The sheet as a complete HTML document with its stylesheet inlined."""
    css = STYLESHEET.read_text(encoding="utf-8")
    return (
        "<!DOCTYPE html>\n"
        '<html lang="de">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f'<meta name="generator" content="{escape(sheet.generator)}">\n'
        f"<title>Study sheet: {escape(sheet.title)}</title>\n"
        f"<style>\n{css}</style>\n</head>\n"
        f"{render_html_body(sheet)}\n</html>\n"
    )
