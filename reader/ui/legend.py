"""The colour legend of the reading view and the keys that change a word's status.

Both follow the tables they describe: the status colours and glossary marks are
reader.analysis's style names (drawn by the help screen in the view's own styles), and the
status keys come from the command table, so the lookup panel and the help never disagree
with the bindings.
"""

from __future__ import annotations

from reader.analysis import PHRASE_MARK, STATUS_MARKS
from reader.ui.commands import READING_COMMANDS, key_label

LEGEND: tuple[tuple[str, str], ...] = (
    *(
        (STATUS_MARKS[status], label)
        for status, label in (
            ("new", "new: never marked"),
            ("1", "learning 1"),
            ("2", "learning 2"),
            ("3", "learning 3"),
            ("4", "learning 4"),
        )
    ),
    ("status-known", "known or ignored: plain"),
    ("glossary", "a glossary term"),
    ("glossary-name", "a name, place or organisation in the glossary"),
    ("glossary-expression", "an expression or separable verb in the glossary"),
    (PHRASE_MARK, "a fixed phrase of the dictionary (P)"),
    ("above-level", "rarer than your level (L)"),
)
"""(style name in the view, what it means), in the order the help shows them."""

LEGEND_SAMPLE = "Wort"
"""The word the legend draws in each style."""

_STATUS_KEYS: tuple[tuple[str, str], ...] = (
    ("status.learning1", "1"),
    ("status.learning2", "2"),
    ("status.learning3", "3"),
    ("status.learning4", "4 learning"),
    ("status.known", "known"),
    ("status.ignored", "ignore"),
    ("status.new", "new"),
    ("status.undo", "undo"),
)


def status_keys() -> str:
    """The keys that change a word's status, as the panel shows them ("1 2 3 4 learning ·
    w known · …"), from the command table."""
    keys = {command.id: key_label(command.keys).split(", ")[0] for command in READING_COMMANDS}
    learning = " ".join(keys[f"status.learning{level}"] for level in range(1, 5))
    rest = [f"{keys[id]} {label}" for id, label in _STATUS_KEYS[4:]]
    return " · ".join([f"{learning} learning", *rest])
