"""Render a :class:`~reader.export.sheet.StudySheet` as Markdown.

Each paragraph: the German as a quote, its English, the glossary notes as a numbered list
(numbers continue across the sheet) and the reader's vocabulary of the paragraph.

Every string from outside (the text, corrections, machine output, glossary entries) is
escaped: Markdown renderers pass raw HTML through, so ``<script>`` or ``<img onerror>`` in a
text would run in the reader's browser. ``<``, ``>`` and ``&`` become entities, and ``](``
cannot open an inline link.
"""

from __future__ import annotations

from reader.export.sheet import SheetNote, SheetWord, StudySheet
from reader.vocabulary import status_label

GENDER_ARTICLES = {"m": "der", "f": "die", "n": "das"}


def grammar(gender: str, plural: str) -> str:
    """``der, pl. Partisanen`` style grammar for a noun; "" when nothing is known."""
    parts = []
    if gender:
        parts.append(GENDER_ARTICLES.get(gender, gender))
    if plural:
        parts.append(f"pl. {plural}")
    return ", ".join(parts)


def _html(text: str) -> str:
    """``text`` with no raw HTML and no inline link (for the German and the English)."""
    return (
        text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("](", "]\\(")
    )


def _escape(text: str) -> str:
    # The characters that would start Markdown emphasis or links inside running text, and HTML.
    return _html(
        text.replace("\\", "\\\\").replace("*", "\\*").replace("_", "\\_").replace("[", "\\[")
    )


def _note_line(note: SheetNote) -> str:
    details = grammar(note.gender, note.plural)
    head = f"**{_escape(note.term)}**" + (f" ({details})" if details else "")
    return f"{note.number}. {head}: *{_escape(note.rendering)}*. {_escape(note.explanation)}"


def _word_line(word: SheetWord, missing_meaning: str) -> str:
    details = grammar(word.gender, word.plural)
    head = f"**{_escape(word.lemma)}**"
    if word.word != word.lemma:
        head += f" (in the text: {_escape(word.word)})"
    extras = ", ".join(part for part in (details, status_label(word.status)) if part)
    meaning = _escape(word.meaning) if word.meaning else missing_meaning
    if word.note is not None:
        meaning += f" (see note {word.note})"
    return f"- {head}, {extras}: {meaning}"


def render_markdown(sheet: StudySheet) -> str:
    """The sheet as a Markdown document."""
    first, last = sheet.paragraph_range
    lines = [
        f"# Study sheet: {_escape(sheet.title)}",
        "",
        f"- Text: {_escape(sheet.title)}"
        + (f" ({_escape(sheet.origin)})" if sheet.origin else "")
        + f", id {sheet.text_id}",
        f"- Paragraphs: {first}-{last} of {sheet.paragraph_total}",
        f"- Translation: {_escape(sheet.translation_source)}",
        f"- Glossary: {_escape(sheet.glossary_version or 'none')}",
        f"- Meanings: {_escape(sheet.meanings_from)}",
        f"- Date: {sheet.date}",
        f"- Made with {sheet.generator}",
    ]
    for paragraph in sheet.paragraphs:
        lines += ["", f"## {paragraph.number}. {paragraph.kind.capitalize()}", ""]
        lines += [f"> {_html(line)}" if line else ">" for line in paragraph.german.splitlines()]
        lines += ["", _html(paragraph.english)]
        if paragraph.notes:
            lines += ["", "**Glossary**", ""]
            lines += [_note_line(note) for note in paragraph.notes]
        if paragraph.words:
            lines += ["", "**Your vocabulary**", ""]
            lines += [_word_line(word, sheet.missing_meaning) for word in paragraph.words]
    return "\n".join(lines) + "\n"
