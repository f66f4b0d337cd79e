"""Vocabulary statistics: totals per status, per text and per day, and words known over time.

"Known over time" replays the status history (table ``status_changes``, store migration 7):
at the end of each day or week, how many lemmas were known and how many learning. The
history starts with each word's status as it stood when the store was migrated (at the time
it was last set), and records every change from then on.
"""

from __future__ import annotations

import sqlite3
from collections import Counter
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from typing import Literal

from reader.word_status import LEARNING_STATUSES, STATUSES

Period = Literal["day", "week"]
PERIODS: tuple[Period, ...] = ("day", "week")

MAX_POINTS = 400
"""At most this many periods (the latest ones) are given: a chart has no room for more."""


@dataclass(frozen=True)
class TextStatistics:
    """Vocabulary figures for one text."""

    text_id: str
    """The text's content hash."""
    title: str
    """Its title when the reader opened it in the app, else ""."""
    looked_up: int
    """Distinct lemmas looked up in it."""
    known: int
    """Lemmas looked up in it or given a status while reading it that are now known."""
    learning: int
    """Likewise, those now at a learning level."""


@dataclass(frozen=True)
class DayStatistics:
    """Vocabulary figures for one local calendar day."""

    day: str
    """The day as ``YYYY-MM-DD`` (local time)."""
    looked_up: int
    """Lookups made that day."""
    marked_known: int
    """Lemmas whose status was last set to known that day."""


@dataclass(frozen=True)
class VocabularyStatistics:
    """Totals per status, per text and per day."""

    by_status: tuple[tuple[str, int], ...]
    """Lemma count for each stored status, in :data:`STATUSES` order."""
    by_text: tuple[TextStatistics, ...]
    """Per text, most looked-up first."""
    by_day: tuple[DayStatistics, ...]
    """Per day, oldest first."""


@dataclass(frozen=True)
class KnownPoint:
    """The vocabulary at the end of one day or week."""

    period: str
    """``YYYY-MM-DD`` for a day, ``YYYY-Www`` (ISO week) for a week, local time."""
    known: int
    """Lemmas known at the end of the period."""
    learning: int
    """Lemmas at a learning level (1 to 4) at the end of the period."""
    changes: int
    """Status changes made during the period."""


_EIGHTHS = " ▏▎▍▌▋▊▉"


def bar(value: int, maximum: int, width: int) -> str:
    """A horizontal bar of block characters, ``width`` cells for ``maximum`` (eighths kept).

    Drawn by hand for the command line; the app draws its time line with Textual's
    ``Sparkline`` widget.
    """
    if maximum <= 0 or value <= 0 or width <= 0:
        return ""
    eighths = round(8 * width * min(value, maximum) / maximum)
    full, rest = divmod(max(eighths, 1), 8)
    return "█" * full + (_EIGHTHS[rest] if rest else "")


def day_of(timestamp: float) -> str:
    """The local calendar day of a Unix time, ``YYYY-MM-DD``."""
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d")


def vocabulary_statistics(connection: sqlite3.Connection) -> VocabularyStatistics:
    """Counts per status, per text (lemmas looked up, now known) and per local day."""
    counts = dict(connection.execute("SELECT status, COUNT(*) FROM words GROUP BY status"))
    by_status = tuple((status, int(counts[status])) for status in STATUSES if status in counts)
    titles = dict(connection.execute("SELECT text_id, title FROM texts"))
    text_rows = connection.execute(
        """
        WITH seen AS (
            SELECT text_id, lemma, 1 AS looked_up FROM lookups WHERE text_id IS NOT NULL
            UNION
            SELECT text_id, lemma, 0 FROM words WHERE text_id IS NOT NULL
        )
        SELECT seen.text_id,
            COUNT(DISTINCT CASE WHEN seen.looked_up = 1 THEN seen.lemma END),
            COUNT(DISTINCT CASE WHEN words.status = 'known' THEN seen.lemma END),
            COUNT(DISTINCT CASE WHEN words.status IN ('1','2','3','4')
                THEN seen.lemma END)
        FROM seen LEFT JOIN words ON words.lemma = seen.lemma
        GROUP BY seen.text_id
        ORDER BY 2 DESC, 3 DESC, seen.text_id
        """
    ).fetchall()
    by_text = tuple(
        TextStatistics(str(text_id), str(titles.get(text_id, "")), looked, known, learning)
        for text_id, looked, known, learning in text_rows
    )
    days: dict[str, list[int]] = {}
    for (seen,) in connection.execute("SELECT seen FROM lookups"):
        days.setdefault(day_of(seen), [0, 0])[0] += 1
    for (updated,) in connection.execute("SELECT updated FROM words WHERE status = 'known'"):
        days.setdefault(day_of(updated), [0, 0])[1] += 1
    by_day = tuple(
        DayStatistics(day, looked, known) for day, (looked, known) in sorted(days.items())
    )
    return VocabularyStatistics(by_status, by_text, by_day)


def _period_start(day: date, period: Period) -> date:
    return day - timedelta(days=day.weekday()) if period == "week" else day


def _period_label(start: date, period: Period) -> str:
    if period == "week":
        year, week, _ = start.isocalendar()
        return f"{year}-W{week:02d}"
    return start.isoformat()


def known_over_time(
    connection: sqlite3.Connection, period: Period, until: float
) -> tuple[KnownPoint, ...]:
    """Lemmas known and learning at the end of each period, from the first change to ``until``.

    Every period in between is there (a day without changes repeats the day before), so the
    points make an even time axis; only the latest :data:`MAX_POINTS` are given.
    """
    rows = connection.execute(
        "SELECT lemma, status, changed FROM status_changes ORDER BY changed, id"
    ).fetchall()
    if not rows:
        return ()
    step = timedelta(days=7 if period == "week" else 1)
    first = _period_start(datetime.fromtimestamp(rows[0][2]).date(), period)
    last_time = max(until, float(rows[-1][2]))
    last = _period_start(datetime.fromtimestamp(last_time).date(), period)
    current: dict[str, str] = {}
    tally: Counter[str] = Counter()
    points: list[KnownPoint] = []
    index = 0
    start = first
    while start <= last:
        boundary = datetime.combine(start + step, datetime.min.time()).timestamp()
        changes = 0
        while index < len(rows) and rows[index][2] < boundary:
            lemma, status = str(rows[index][0]), str(rows[index][1])
            tally[current.get(lemma, "new")] -= 1
            current[lemma] = status
            tally[status] += 1
            changes += 1
            index += 1
        learning = sum(tally[level] for level in LEARNING_STATUSES)
        points.append(KnownPoint(_period_label(start, period), tally["known"], learning, changes))
        start += step
    return tuple(points[-MAX_POINTS:])
