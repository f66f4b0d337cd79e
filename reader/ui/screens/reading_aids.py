"""The reading screen's learner aids: jumps to new and learning words, undo, check lines.

The rules are the core's: the jumps are reader.navigation.find_word over the statuses of
reader.cursor_status, undo is reader.status_history (run in a worker, since it writes to the
store), and the check lines follow the ``check-lines`` setting. This part binds them to keys
and shows what they did; the colour legend for the help screen is drawn in the view's styles.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.style import Style
from textual import on, work
from textual.message import Message

from reader import navigation
from reader.cursor_status import NEW_OR_LEARNING, NEW_STATUSES, has_status
from reader.navigation import Cursor
from reader.status_history import UndoResult
from reader.ui.legend import LEGEND
from reader.ui.screens.reading_words import WordsMixin
from reader.word_status import LEARNING_STATUSES

WANTED_STATUSES: dict[str, frozenset[str]] = {
    "new": NEW_STATUSES,
    "learning": LEARNING_STATUSES,
    "unknown": NEW_OR_LEARNING,
}
"""The statuses each jump looks for, by the name the command table gives it."""
WANTED_WORDS = {"new": "new word", "learning": "learning word", "unknown": "new or learning word"}


@dataclass
class StatusesUndone(Message):
    """The last status change was undone in the store (or there was none)."""

    result: UndoResult | None
    """What the undo did; None when there was nothing to undo."""


class AidsMixin(WordsMixin):
    """Jumps by word status, undo of status changes, the check lines' toggle, the legend."""

    # Jumps --------------------------------------------------------------------------------

    def _jump(self, step: int, kind: str) -> None:
        wanted = WANTED_STATUSES[kind]
        search = navigation.find_word(
            self.document,
            self.cursor,
            step,
            lambda block, sentence, token: has_status(
                self.analyses, self.statuses, wanted, block, sentence, token
            ),
            lambda block: block in self.analyses,
        )
        if search.found is not None:
            self.move_to(search.found)
            self.look_up_current_word()
            return
        where = "after" if step > 0 else "before"
        if search.unanalysed is None:
            self.say(f"no {WANTED_WORDS[kind]} {where} the cursor")
        elif search.unanalysed == self.cursor.block:
            self.say("this paragraph is still being analysed")
        else:
            # Go there, so it is analysed; the next press searches on from there.
            block = search.unanalysed
            last = len(self.document.sentences(block)) - 1 if step < 0 else 0
            self.move_to(Cursor(block, last))
            self.say(f"¶ {block + 1} is being analysed: press again")

    def action_next_word_with_status(self, kind: str) -> None:
        self._jump(+1, kind)

    def action_previous_word_with_status(self, kind: str) -> None:
        self._jump(-1, kind)

    # Undo ---------------------------------------------------------------------------------

    def action_undo_status(self) -> None:
        self.undo_in_store()

    @work(thread=True, group="vocabulary", exit_on_error=False)
    def undo_in_store(self) -> None:
        """Undo the last status change in the store (off the UI thread)."""
        self.post_message(StatusesUndone(self.status_history.undo()))

    @on(StatusesUndone)
    def statuses_undone(self, event: StatusesUndone) -> None:
        result = event.result
        if result is None:
            self.say("no status change to undo")
            return
        self.statuses.update(result.restored)
        self._refresh_all_marks()
        self.show_word_status()
        count = len(result.restored)
        message = f"undone ({result.change.description}): {count} word" + "s" * (count != 1)
        if result.kept:
            message += f"; {len(result.kept)} changed since, left as they are"
        self.say(message)

    # Check lines and the legend -----------------------------------------------------------

    def action_toggle_check_lines(self) -> None:
        self.check_lines = not self.check_lines
        self.save_setting("check-lines", "on" if self.check_lines else "off")
        self.view.english_changed()
        self.view.set_cursor(self.cursor)
        self.say("check lines (⚑) " + ("shown" if self.check_lines else "hidden"))

    def legend(self) -> tuple[tuple[Style, str], ...]:
        """The colour legend in the view's own styles (for the help screen)."""
        return tuple(
            (self.view.get_component_rich_style(f"parallel-view--{name}", partial=True), label)
            for name, label in LEGEND
        )
