"""Study sheet exports: Markdown, printable HTML, Anki decks and CSV from one sheet model.

:func:`render` turns a :class:`~reader.export.sheet.StudySheet` into a format's bytes (the
same inputs always give the same bytes); :func:`write_export` writes them atomically and
refuses to overwrite an existing file unless forced, and anything but a regular file (a
symlink, FIFO, device) or the input text even when forced (:mod:`reader.outputs`).
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from reader.export.options import parse_paragraph_range
from reader.export.sheet import (
    TRANSLATION_CHOICES,
    SheetEnglish,
    SheetNote,
    SheetParagraph,
    SheetSources,
    SheetWord,
    StudySheet,
    TermHit,
    WordInfo,
    build_study_sheet,
)
from reader.outputs import check_output, write_output

FORMATS: dict[str, str] = {"md": ".md", "html": ".html", "anki": ".apkg", "csv": ".csv"}

__all__ = [
    "FORMATS",
    "TRANSLATION_CHOICES",
    "SheetEnglish",
    "SheetNote",
    "SheetParagraph",
    "SheetSources",
    "SheetWord",
    "StudySheet",
    "TermHit",
    "WordInfo",
    "build_study_sheet",
    "default_export_path",
    "parse_paragraph_range",
    "render",
    "write_export",
]


def render(sheet: StudySheet, format: str) -> bytes:
    """The sheet in ``format`` (md, html, anki or csv) as bytes."""
    if format == "md":
        from reader.export.markdown import render_markdown

        return render_markdown(sheet).encode("utf-8")
    if format == "html":
        from reader.export.html import render_html

        return render_html(sheet).encode("utf-8")
    if format == "csv":
        from reader.export.csv import render_csv

        return render_csv(sheet).encode("utf-8")
    if format == "anki":
        from reader.export.anki import render_anki

        return render_anki(sheet)
    raise ValueError(f"unknown export format {format!r}; use one of {', '.join(FORMATS)}")


def default_export_path(sheet: StudySheet, format: str, folder: Path | None = None) -> Path:
    """``<text name>.study<ext>`` in ``folder`` (the current directory by default)."""
    return (folder or Path.cwd()) / f"{sheet.text_name}.study{FORMATS[format]}"


def write_export(
    sheet: StudySheet, format: str, path: Path, force: bool = False, inputs: Iterable[Path] = ()
) -> Path:
    """Render and write the sheet atomically; an existing file needs ``force`` (UserError).

    ``inputs`` (the text's file) are never overwritten; checked before rendering, so a
    refused target costs nothing.
    """
    inputs = tuple(inputs)
    check_output(path, force, inputs)
    return write_output(path, render(sheet, format), force, inputs)
