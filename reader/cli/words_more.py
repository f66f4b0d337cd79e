"""``lesepult words edit``, ``words remove`` and the chart of ``words stats``.

Kept apart from :mod:`reader.cli.study`, which registers them, so each module stays small.
"""

from __future__ import annotations

import argparse
from collections.abc import Callable

from reader.cli.common import open_store, print_json
from reader.core.errors import ExitCode, UserError
from reader.vocabulary import Vocabulary, status_label
from reader.vocabulary_stats import PERIODS, KnownPoint, VocabularyStatistics, bar

CHART_WIDTH = 40
CHART_ROWS = 14
"""The latest periods drawn as bars (all of them are in --json)."""

SPARK = "▁▂▃▄▅▆▇█"


def register(
    actions: argparse._SubParsersAction[argparse.ArgumentParser],
    lemma_of: Callable[[str], str],
) -> None:
    """Add ``edit``, ``remove`` and ``stats`` to the ``words`` actions."""
    edit = actions.add_parser(
        "edit",
        help="set a word's meaning and/or your note on it",
        description="Set the meaning of a word and your note on it (shown in the vocabulary"
        ' screen and in `words list`); "" clears one. The word is reduced to its lemma first'
        " unless --exact.",
    )
    edit.add_argument("word", metavar="WORD")
    edit.add_argument("--meaning", metavar="TEXT", help="what it means (your words)")
    edit.add_argument("--note", metavar="TEXT", help="your note")
    edit.add_argument("--exact", action="store_true", help="store WORD as given")
    edit.set_defaults(func=lambda arguments: command_words_edit(arguments, lemma_of))
    remove = actions.add_parser(
        "remove",
        help="forget a word: its status, lookups, meaning, note and history",
        description="Remove a word from your vocabulary (it is new again). The word is"
        " reduced to its lemma first unless --exact.",
    )
    remove.add_argument("word", metavar="WORD")
    remove.add_argument("--exact", action="store_true", help="remove WORD as given")
    remove.set_defaults(func=lambda arguments: command_words_remove(arguments, lemma_of))
    stats = actions.add_parser(
        "stats",
        help="words known over time (a chart), per text and per day",
        description="Your vocabulary in figures: statuses, words known and learning at the"
        " end of each day (or --per week) drawn as a chart, and per text.",
    )
    stats.add_argument("--per", choices=PERIODS, default="day", help="default: day")
    stats.add_argument("--json", action="store_true", help="print JSON")
    stats.set_defaults(func=command_words_stats)


def _lemma(arguments: argparse.Namespace, lemma_of: Callable[[str], str]) -> str:
    word = arguments.word.strip()
    if not word:
        raise UserError("WORD is empty; give a word, such as erörterten")
    return word if arguments.exact else lemma_of(word)


def command_words_edit(arguments: argparse.Namespace, lemma_of: Callable[[str], str]) -> int:
    """Set a word's meaning and/or note."""
    if arguments.meaning is None and arguments.note is None:
        raise UserError("give --meaning TEXT and/or --note TEXT")
    vocabulary = Vocabulary(open_store())
    lemma = _lemma(arguments, lemma_of)
    vocabulary.set_note(lemma, arguments.meaning, arguments.note)
    entry = vocabulary.entry(lemma)
    meaning = entry.meaning if entry else ""
    note = entry.note if entry else ""
    print(f"{lemma}: meaning {meaning or '(none)'}; note {note or '(none)'}")
    return ExitCode.OK


def command_words_remove(arguments: argparse.Namespace, lemma_of: Callable[[str], str]) -> int:
    """Forget one word."""
    lemma = _lemma(arguments, lemma_of)
    if not Vocabulary(open_store()).remove(lemma):
        raise UserError(
            f"{lemma!r} is not in your vocabulary (see: lesepult words list)", ExitCode.NOT_FOUND
        )
    print(f"removed {lemma}")
    return ExitCode.OK


def sparkline(values: list[int]) -> str:
    """One block character per value, scaled from the smallest to the largest."""
    if not values:
        return ""
    low, high = min(values), max(values)
    span = high - low
    return "".join(SPARK[(value - low) * 7 // span] if span else SPARK[0] for value in values)


def chart_lines(points: tuple[KnownPoint, ...], stats: VocabularyStatistics, per: str) -> list[str]:
    """The text chart: known words over time, then known and learning per text."""
    if not points:
        return ["no status changes yet: mark words while reading (1-4, w, i) to see a chart"]
    first, last = points[0], points[-1]
    lines = [
        f"Words known per {per}, {first.period} to {last.period}:",
        f"  {sparkline([p.known for p in points])}  {first.known} → {last.known}",
        "",
    ]
    largest = max(p.known + p.learning for p in points) or 1
    for point in points[-CHART_ROWS:]:
        known = bar(point.known, largest, CHART_WIDTH)
        lines.append(
            f"  {point.period:<10} {known:<{CHART_WIDTH}} {point.known} known,"
            f" {point.learning} learning"
        )
    if stats.by_text:
        lines += ["", "Per text (now known / learning of the words you met in it):"]
        most = max(t.known + t.learning for t in stats.by_text) or 1
        for text in stats.by_text:
            name = (text.title or text.text_id)[:30]
            drawn = bar(text.known, most, CHART_WIDTH // 2)
            lines.append(
                f"  {name:<30} {drawn:<{CHART_WIDTH // 2}} {text.known} known,"
                f" {text.learning} learning, {text.looked_up} looked up"
            )
    return lines


def command_words_stats(arguments: argparse.Namespace) -> int:
    """Print statistics per status, text and day, and the chart of words known over time."""
    vocabulary = Vocabulary(open_store())
    stats = vocabulary.statistics()
    points = vocabulary.known_over_time(arguments.per)
    if arguments.json:
        print_json(
            {
                "by_status": {status_label(s): n for s, n in stats.by_status},
                "by_text": [t.__dict__ for t in stats.by_text],
                "by_day": [d.__dict__ for d in stats.by_day],
                "known_over_time": {"per": arguments.per, "points": [p.__dict__ for p in points]},
            }
        )
        return ExitCode.OK
    print("status: " + (", ".join(f"{status_label(s)} {n}" for s, n in stats.by_status) or "none"))
    for text in stats.by_text:
        print(
            f"text {text.title or text.text_id}: {text.looked_up} looked up,"
            f" {text.known} now known, {text.learning} learning"
        )
    for day in stats.by_day:
        print(f"day {day.day}: {day.looked_up} looked up, {day.marked_known} marked known")
    print()
    for line in chart_lines(points, stats, arguments.per):
        print(line)
    return ExitCode.OK
