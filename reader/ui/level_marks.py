"""The reading view's level marks (key ``L``, setting ``level-marks``): words above the level.

A thread worker works out the spans of the analysed blocks with :mod:`reader.levels` (the
first call loads wordfreq's table) and posts :class:`LevelMarksReady`; the screen keeps them
and draws them under the vocabulary colours and glossary marks.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from reader.ui.screens.reading_base import ReadingBase


@dataclass
class LevelMarksReady(Message):
    """Spans of words above the level, by block."""

    spans: dict[int, tuple[tuple[int, int], ...]]
    """Block index to (start, end) offsets."""
    level: str
    """The level they were worked out for."""


def request_level_marks(screen: ReadingBase, blocks: Iterable[int]) -> None:
    """Work out the marks of ``blocks`` (those analysed) in a thread worker."""
    from reader.settings import get_setting

    level = get_setting(screen.store, "level")
    wanted = {
        index: tuple(sentence.lemmas for sentence in screen.analyses[index].sentences)
        for index in blocks
        if index in screen.analyses
    }
    if not wanted:
        return
    document = screen.document

    def work() -> None:
        from reader.levels import above_level_spans

        spans = {
            index: above_level_spans(document, index, lemmas, level)
            for index, lemmas in wanted.items()
        }
        screen.post_message(LevelMarksReady(spans, level))

    screen.run_worker(work, thread=True, group="level-marks", exit_on_error=False)
