"""The reader's commands: one table that makes the key bindings, the help screen and the
command palette, so the three never disagree.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from functools import partial

from textual.binding import Binding
from textual.command import DiscoveryHit, Hit, Hits, Provider


@dataclass(frozen=True)
class ReaderCommand:
    """A command of the reading screen."""

    id: str
    """Stable id (users can remap keys by id)."""
    keys: str
    """Comma-separated Textual key names."""
    action: str
    """The screen action it runs."""
    title: str
    """Short name (footer, palette)."""
    description: str
    """One line for the help screen and the palette."""
    group: str
    """Heading in the help screen."""
    footer: bool = False
    """Whether the footer shows it."""


READING_COMMANDS: tuple[ReaderCommand, ...] = (
    # Moving
    ReaderCommand("sentence.next", "down,j", "next_sentence", "Next sentence",
                  "Move the sentence cursor to the next sentence", "Moving"),
    ReaderCommand("sentence.previous", "up,k", "previous_sentence", "Previous sentence",
                  "Move the sentence cursor to the previous sentence", "Moving"),
    ReaderCommand("paragraph.next", "ctrl+down,right_curly_bracket,J", "next_paragraph",
                  "Next paragraph", "Jump to the first sentence of the next paragraph", "Moving"),
    ReaderCommand("paragraph.previous", "ctrl+up,left_curly_bracket,K", "previous_paragraph",
                  "Previous paragraph", "Jump to the start of this or the previous paragraph",
                  "Moving"),
    ReaderCommand("page.down", "pagedown,space", "page_down", "Page down",
                  "Move a screen down", "Moving"),
    ReaderCommand("page.up", "pageup,b", "page_up", "Page up", "Move a screen up", "Moving"),
    ReaderCommand("text.top", "home,g", "top", "Top", "Go to the first sentence", "Moving"),
    ReaderCommand("text.bottom", "end,G", "bottom", "Bottom", "Go to the last sentence",
                  "Moving"),
    ReaderCommand("paragraph.goto", "colon", "goto_paragraph", "Go to paragraph",
                  "Jump to a paragraph by number", "Moving", footer=True),
    # Searching
    ReaderCommand("search.start", "slash", "start_search", "Search",
                  "Search the German text (a regular expression; case-insensitive)",
                  "Searching", footer=True),
    ReaderCommand("search.next", "n", "next_match", "Next match",
                  "Go to the next search match", "Searching"),
    ReaderCommand("search.previous", "N", "previous_match", "Previous match",
                  "Go to the previous search match", "Searching"),
    ReaderCommand("search.clear", "escape", "clear_search", "Clear search",
                  "Remove the search highlight (and the word cursor)", "Searching"),
    # Viewing
    ReaderCommand("translation.mode", "t", "cycle_translation", "Translation",
                  "Cycle the English column: best / machine / reference / both",
                  "Viewing", footer=True),
    ReaderCommand("layout.toggle", "v", "toggle_layout", "Layout",
                  "Switch between side-by-side columns and German above English", "Viewing",
                  footer=True),
    ReaderCommand("help.show", "question_mark,f1", "show_help", "Help",
                  "Show every key", "Viewing", footer=True),
    ReaderCommand("app.quit", "q", "quit", "Quit", "Quit Lesepult (your position is kept)",
                  "Viewing", footer=True),
)


def bindings_for(commands: Iterable[ReaderCommand]) -> list[Binding]:
    """Textual bindings, with ids and descriptions, for a command table."""
    return [
        Binding(
            command.keys,
            command.action,
            command.title,
            show=command.footer,
            id=command.id,
            tooltip=command.description,
        )
        for command in commands
    ]


def key_label(keys: str) -> str:
    """Human-readable keys ("down, j")."""
    names = {
        "right_curly_bracket": "}",
        "left_curly_bracket": "{",
        "question_mark": "?",
        "slash": "/",
        "colon": ":",
        "space": "space",
    }
    return ", ".join(names.get(key, key) for key in keys.split(","))


class ReaderCommandsProvider(Provider):
    """The command palette's view of the reading screen's commands."""

    def _commands(self) -> Iterable[ReaderCommand]:
        commands: tuple[ReaderCommand, ...] = getattr(self.screen, "COMMAND_TABLE", ())
        return commands

    async def discover(self) -> Hits:
        for command in self._commands():
            yield DiscoveryHit(
                command.title,
                partial(self.screen.run_action, command.action),
                help=f"{command.description}  [{key_label(command.keys)}]",
            )

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for command in self._commands():
            score = max(matcher.match(command.title), matcher.match(command.description) * 0.8)
            if score > 0:
                yield Hit(
                    score,
                    matcher.highlight(command.title),
                    partial(self.screen.run_action, command.action),
                    help=f"{command.description}  [{key_label(command.keys)}]",
                )
