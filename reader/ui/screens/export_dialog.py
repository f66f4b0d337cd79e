"""The export dialog: choose format, paragraphs, translation source and path; write the sheet.

A :class:`~textual.screen.ModalScreen` that builds and writes the study sheet in a thread
worker, asks before overwriting an existing file (press Export again), shows where the file
went, and dismisses with that path (None when cancelled).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Grid, Horizontal, Vertical
from textual.message import Message
from textual.screen import ModalScreen
from textual.widgets import Button, Input, Label, Select, Static

from reader.core.display import displayable
from reader.core.errors import FieldError, UserError
from reader.core.text import Document
from reader.export import FORMATS, StudySheet, write_export
from reader.export.options import parse_paragraph_range
from reader.store import Store

SheetBuilder = Callable[[str, tuple[int, int]], StudySheet]
"""Builds a sheet from a translation choice and a paragraph range (runs in a worker)."""

FORMAT_LABELS = (
    ("Markdown (.md)", "md"),
    ("Printable HTML (.html)", "html"),
    ("Anki deck (.apkg)", "anki"),
    ("CSV (.csv)", "csv"),
)
TRANSLATION_LABELS = (
    ("Best: edited > machine > reference", "best"),
    ("Machine translation", "machine"),
    ("Curated reference", "reference"),
    ("My corrections only", "edited"),
)


def dialog_wording(error: UserError) -> str:
    """The error as the dialog says it: a field by its label (``Paragraphs: …``)."""
    if isinstance(error, FieldError):
        return f"{error.field.replace('_', ' ').capitalize()}: {error.message}"
    return error.message


class ExportDialog(ModalScreen[Path | None]):
    """Asks for export choices, writes the file in a worker and reports where it went."""

    CSS_PATH = "export_dialog.tcss"
    BINDINGS = [Binding("escape", "close", "Close", id="export.close")]

    @dataclass
    class Finished(Message):
        """The worker wrote the file."""

        path: Path
        summary: str

    @dataclass
    class Failed(Message):
        """The worker could not write the file; ``message`` is one line for the reader."""

        message: str

    def __init__(
        self,
        document: Document,
        store: Store | None = None,
        folder: Path | None = None,
        build_sheet: SheetBuilder | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.store = store
        self.folder = folder or Path.cwd()
        self.build_sheet = build_sheet or self._build_real_sheet
        self.confirm_overwrite: Path | None = None
        self.written: Path | None = None

    def _build_real_sheet(self, translation: str, paragraphs: tuple[int, int]) -> StudySheet:
        from reader.export.sources import build_sheet_for

        if self.store is None:
            raise UserError("no data store is open")
        return build_sheet_for(self.document, self.store, translation, paragraphs)

    def _default_path(self, format: str) -> Path:
        name = self.document.path.stem if self.document.path else self.document.text_id
        return self.folder / f"{name}.study{FORMATS[format]}"

    def compose(self) -> ComposeResult:
        with Vertical(id="export-box"):
            yield Label(
                f"Export a study sheet of “{self.document.title}”", id="export-title", markup=False
            )
            with Grid(id="export-fields"):
                yield Label("Format")
                yield Select(FORMAT_LABELS, value="md", allow_blank=False, id="export-format")
                yield Label("Paragraphs")
                yield Input(
                    placeholder=f"all (1-{len(self.document.blocks)}), or e.g. 3-5",
                    id="export-paragraphs",
                )
                yield Label("Translation")
                yield Select(
                    TRANSLATION_LABELS, value="best", allow_blank=False, id="export-translation"
                )
                yield Label("File")
                yield Input(str(self._default_path("md")), id="export-path")
            yield Static("", id="export-status", markup=False)
            with Horizontal(id="export-buttons"):
                yield Button("Export", variant="primary", id="export-run")
                yield Button("Close", id="export-close")

    @on(Select.Changed, "#export-format")
    def _format_changed(self, event: Select.Changed) -> None:
        path_input = self.query_one("#export-path", Input)
        current = Path(path_input.value)
        if current.suffix in FORMATS.values():
            path_input.value = str(current.with_suffix(FORMATS[str(event.value)]))

    @on(Select.Changed)
    @on(Input.Changed)
    def _choice_changed(self) -> None:
        """Any new choice cancels a pending overwrite and its (now stale) warning or error."""
        self.confirm_overwrite = None
        status = self.query_one("#export-status", Static)
        if status.has_class("warning") or status.has_class("error"):
            self._status("")

    def _status(self, text: str, kind: str = "") -> None:
        status = self.query_one("#export-status", Static)
        status.update(displayable(text))
        status.set_classes(kind)

    @on(Button.Pressed, "#export-run")
    def action_export(self) -> None:
        """Validate the choices, ask before overwriting, then write in a worker."""
        format = str(self.query_one("#export-format", Select).value)
        translation = str(self.query_one("#export-translation", Select).value)
        raw_path = self.query_one("#export-path", Input).value.strip()
        try:
            paragraphs = parse_paragraph_range(
                self.query_one("#export-paragraphs", Input).value, len(self.document.blocks)
            )
        except UserError as error:
            self._status(dialog_wording(error), "error")
            return
        if not raw_path:
            self._status("Give a file name.", "error")
            return
        path = Path(raw_path).expanduser()
        if not path.is_absolute():
            path = self.folder / path
        if path.exists() and self.confirm_overwrite != path:
            self.confirm_overwrite = path
            self._status(f"{path} exists. Press Export again to overwrite it.", "warning")
            return
        self._status("Exporting…")
        self.query_one("#export-run", Button).disabled = True
        self._export(format, translation, paragraphs, path, force=self.confirm_overwrite == path)

    @work(thread=True, exclusive=True, exit_on_error=False, group="export")
    def _export(
        self, format: str, translation: str, paragraphs: tuple[int, int], path: Path, force: bool
    ) -> None:
        try:
            sheet = self.build_sheet(translation, paragraphs)
            inputs = [self.document.path] if self.document.path else []
            write_export(sheet, format, path, force, inputs)
        except UserError as error:
            self.post_message(self.Failed(dialog_wording(error)))
            return
        except OSError as error:
            self.post_message(self.Failed(f"{path}: {error.strerror or error}"))
            return
        self.post_message(self.Finished(path, sheet.summary))

    @on(Finished)
    def _finished(self, message: Finished) -> None:
        self.written = message.path
        self.confirm_overwrite = None
        self.query_one("#export-run", Button).disabled = False
        self._status(f"Wrote {message.path}\n{message.summary}", "success")

    @on(Failed)
    def _failed(self, message: Failed) -> None:
        self.query_one("#export-run", Button).disabled = False
        self._status(message.message, "error")

    @on(Button.Pressed, "#export-close")
    def action_close(self) -> None:
        """Close, returning the written file's path (None if nothing was written)."""
        self.dismiss(self.written)
