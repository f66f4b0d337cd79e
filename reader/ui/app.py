"""The Textual app: a thin shell that opens the reading screen for one document.

Everything slow (segmentation of a long text, translation, the dictionary) happens in
workers started by the screens; the app only holds the shared services.
"""

from __future__ import annotations

from textual.app import App

from reader.store import Store
from reader.text import Document, ReferenceTranslation, TextLoadError, load_reference
from reader.ui.commands import ReaderCommandsProvider
from reader.ui.screens.reading import ReadingScreen
from reader.ui.widgets.parallel_view import Cursor


class LesepultApp(App[int]):
    """Lesepult: read a German text beside its English."""

    CSS_PATH = "app.tcss"
    TITLE = "Lesepult"
    COMMANDS = App.COMMANDS | {ReaderCommandsProvider}

    def __init__(
        self,
        document: Document,
        store: Store,
        reference: ReferenceTranslation | None = None,
        reference_problem: str | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.store = store
        self.reference = reference
        self.reference_problem = reference_problem

    def on_mount(self) -> None:
        self.push_screen(
            ReadingScreen(self.document, self.store, self.reference, self._start_position())
        )
        if self.reference_problem:
            self.notify(self.reference_problem, title="Reference translation", severity="warning")

    def _start_position(self) -> Cursor:
        position = self.store.position(self.document.text_id)
        if position is None or position.block >= len(self.document.blocks):
            return Cursor(0, 0)
        return Cursor(position.block, position.sentence)


def make_app(document: Document, store: Store) -> LesepultApp:
    """The app for one document, shared by the CLI and the tests."""
    try:
        reference, problem = load_reference(document), None
    except TextLoadError as error:
        reference, problem = None, str(error)
    return LesepultApp(document, store, reference, problem)
