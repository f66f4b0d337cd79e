"""The chapter list: every heading of the text (an EPUB's chapter titles), to jump to one.

The host pushes it with the document and the current block; it is dismissed with the chosen
heading's block index, or None.
"""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from reader.core.display import one_line
from reader.core.text import Document


def chapter_blocks(document: Document) -> list[int]:
    """The block indexes of the text's headings, in order (the title when there are none)."""
    headings = [block.index for block in document.blocks if block.kind == "heading"]
    return headings or [0]


def current_chapter(chapters: list[int], block: int) -> int:
    """The position in ``chapters`` of the chapter that holds ``block``."""
    before = [number for number, start in enumerate(chapters) if start <= block]
    return before[-1] if before else 0


class ChapterListScreen(ModalScreen[int | None]):
    """Lists the headings; Enter jumps to one, Escape goes back."""

    CSS_PATH = "chapters.tcss"
    BINDINGS = [Binding("escape", "cancel", "Back", id="chapters.cancel")]

    def __init__(self, document: Document, current_block: int) -> None:
        super().__init__()
        self.document = document
        self.chapters = chapter_blocks(document)
        self.current_block = current_block

    def compose(self) -> ComposeResult:
        with Vertical(id="chapters-box"):
            yield Label(f"Chapters of {one_line(self.document.title)}", id="chapters-title")
            yield OptionList(
                *(
                    Option(f"{number}. {one_line(self.document.blocks[block].text)}", id=str(block))
                    for number, block in enumerate(self.chapters, 1)
                ),
                id="chapters-list",
            )

    def on_mount(self) -> None:
        options = self.query_one(OptionList)
        options.highlighted = current_chapter(self.chapters, self.current_block)
        options.focus()

    def on_option_list_option_selected(self, event: OptionList.OptionSelected) -> None:
        self.dismiss(int(event.option.id or 0))

    def action_cancel(self) -> None:
        self.dismiss(None)
