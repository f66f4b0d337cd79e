"""The command palette's view of the reading screen's command table (reader.ui.commands)."""

from __future__ import annotations

from collections.abc import Iterable
from functools import partial

from rich.markup import escape
from textual.command import DiscoveryHit, Hit, Hits, Provider

from reader.ui.commands import ReaderCommand, key_label


def palette_help(command: ReaderCommand) -> str:
    """The palette's help line: the description and the keys (escaped: "/" and "[" are
    markup to Rich)."""
    return escape(f"{command.description} · keys: {key_label(command.keys)}")


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
                help=palette_help(command),
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
                    help=palette_help(command),
                )
