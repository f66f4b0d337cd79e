"""The help screen: every key of the reading screen, grouped, from the command table, and
the colour legend (each status colour and mark drawn in the reading view's own style)."""

from __future__ import annotations

from rich.style import Style
from rich.table import Table
from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Static

from reader.ui.commands import ReaderCommand, key_label
from reader.ui.legend import LEGEND_SAMPLE


class HelpScreen(ModalScreen[None]):
    """Lists the commands with their keys; any of escape, q, ? closes it."""

    CSS_PATH = "help.tcss"
    BINDINGS = [
        Binding("escape,q,question_mark,f1", "dismiss", "Close", id="help.close"),
        Binding("j,down", "scroll_body(1)", "Down", id="help.down"),
        Binding("k,up", "scroll_body(-1)", "Up", id="help.up"),
        Binding("pagedown,space", "scroll_body(10)", "Page down", id="help.page_down"),
        Binding("pageup,b", "scroll_body(-10)", "Page up", id="help.page_up"),
    ]

    def __init__(
        self, commands: tuple[ReaderCommand, ...], legend: tuple[tuple[Style, str], ...] = ()
    ) -> None:
        super().__init__()
        self.commands = commands
        self.legend = legend
        """(style, meaning) per colour and mark of the reading view."""

    def compose(self) -> ComposeResult:
        table = Table(box=None, expand=True, show_header=False, padding=(0, 1))
        table.add_column("keys", style="bold", no_wrap=True)
        table.add_column("what")
        group = None
        for command in self.commands:
            if command.group != group:
                group = command.group
                table.add_row(f"[reverse] {group} [/]", "")
            table.add_row(Text(key_label(command.keys)), Text(command.description))
        table.add_row("", "")
        table.add_row("ctrl+p", "Command palette: every command by name")
        if self.legend:
            table.add_row("", "")
            table.add_row("[reverse] Colours [/]", "")
            for style, meaning in self.legend:
                # Styled as a span, so underlines and backgrounds stop at the word.
                table.add_row(Text.assemble((LEGEND_SAMPLE, style)), Text(meaning))
        with VerticalScroll(id="help-body"):
            yield Static("Lesepult — keys  (j/k scroll, Esc closes)", id="help-title")
            yield Static(table, id="help-table")

    def action_scroll_body(self, lines: int) -> None:
        body = self.query_one("#help-body", VerticalScroll)
        body.scroll_to(y=body.scroll_y + lines, animate=False)

    async def action_dismiss(self, result: None = None) -> None:
        self.dismiss(result)
