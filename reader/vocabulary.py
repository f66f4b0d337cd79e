"""The reader's vocabulary: a status per lemma, the lookup history, statistics and CSV exchange.

Statuses are the levels Lute and LWT users know: ``new``, learning ``1`` to ``4``, ``known``
and ``ignored``. A lemma without a row is ``new``. Looking a word up records the word, its
lemma, the sentence it was seen in and the text. Everything lives in the user's SQLite store
(tables ``words`` and ``lookups``); each write is one short transaction, so two app instances
can share the file. A status also records the text it was last set in (``words.text_id``),
so words marked while reading count for that text even when never looked up.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from reader.outputs import check_output, write_output
from reader.spreadsheet import safe_row
from reader.store import Store

STATUSES: tuple[str, ...] = ("new", "1", "2", "3", "4", "known", "ignored")
LEARNING_STATUSES: frozenset[str] = frozenset({"1", "2", "3", "4"})

# Spellings other tools use for the same levels: Lute (1-5, W, I), LWT (1-5, 98, 99),
# LingQ (0-4 where 4 is "known"), and our own long forms. 5 is LWT's "learned", our known.
STATUS_ALIASES: dict[str, str] = {
    "0": "new",
    "new": "new",
    "unknown": "new",
    "learning-1": "1",
    "learning-2": "2",
    "learning-3": "3",
    "learning-4": "4",
    "l1": "1",
    "l2": "2",
    "l3": "3",
    "l4": "4",
    "5": "known",
    "99": "known",
    "w": "known",
    "well-known": "known",
    "wellknown": "known",
    "learned": "known",
    "98": "ignored",
    "i": "ignored",
    "ignore": "ignored",
}

CSV_HEADER: tuple[str, ...] = (
    "term",
    "lemma",
    "status",
    "translation",
    "sentence",
    "text",
    "added",
)


def parse_status(value: str) -> str:
    """The canonical status for ``value`` (``learning-2``, ``W``, ``99``...); else ValueError."""
    cleaned = value.strip().lower()
    if cleaned in STATUSES:
        return cleaned
    if cleaned in STATUS_ALIASES:
        return STATUS_ALIASES[cleaned]
    raise ValueError(
        f"unknown status {value!r}; use one of new, 1, 2, 3, 4 (or learning-1..4), known, ignored"
    )


def status_label(status: str) -> str:
    """How a status is shown to people: ``learning-2`` for ``2``, the name otherwise."""
    return f"learning-{status}" if status in LEARNING_STATUSES else status


@dataclass(frozen=True)
class VocabularyEntry:
    """One lemma of the reader's vocabulary with its status and where it was last seen."""

    lemma: str
    """The base form the status belongs to."""
    status: str
    """One of :data:`STATUSES`."""
    updated: float | None
    """Unix time the status was last set; None when it was only looked up."""
    word: str
    """The form last looked up (the lemma when it was never looked up)."""
    sentence: str
    """The sentence it was last looked up in ("" when never looked up)."""
    text_id: str | None
    """The text it was last looked up in; else the text its status was last set in."""
    lookups: int
    """How often it was looked up."""
    first_seen: float | None
    """Unix time of its first lookup or status change."""


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
class ImportResult:
    """What a CSV import did."""

    imported: int
    """Rows whose status was stored."""
    skipped: tuple[str, ...]
    """One line per rejected row: ``file:line: field: message``."""


# The latest text a status was set in wins; a status set outside any text keeps the old one.
_UPSERT_STATUS = (
    "INSERT INTO words (lemma, status, updated, text_id) VALUES (?, ?, ?, ?)"
    " ON CONFLICT (lemma) DO UPDATE SET status = excluded.status,"
    " updated = excluded.updated, text_id = COALESCE(excluded.text_id, words.text_id)"
)


class Vocabulary:
    """The reader's vocabulary in a :class:`~reader.store.Store`."""

    def __init__(self, store: Store, clock: Callable[[], float] = time.time) -> None:
        self.store = store
        self.clock = clock

    # Statuses ---------------------------------------------------------------------------

    def status(self, lemma: str) -> str:
        """The status of one lemma (``new`` when it has none)."""
        row = self.store.read().execute("SELECT status FROM words WHERE lemma = ?", (lemma,))
        found = row.fetchone()
        return str(found[0]) if found else "new"

    def statuses(self, lemmas: Iterable[str] | None = None) -> dict[str, str]:
        """Status per lemma for the given lemmas (only stored ones), or for all when None."""
        connection = self.store.read()
        if lemmas is None:
            rows = connection.execute("SELECT lemma, status FROM words").fetchall()
            return {str(lemma): str(status) for lemma, status in rows}
        wanted = sorted(set(lemmas))
        result: dict[str, str] = {}
        # SQLite limits host parameters; 500 per query stays far below every build's limit.
        for offset in range(0, len(wanted), 500):
            chunk = wanted[offset : offset + 500]
            marks = ",".join("?" * len(chunk))
            rows = connection.execute(
                f"SELECT lemma, status FROM words WHERE lemma IN ({marks})", chunk
            ).fetchall()
            result.update({str(lemma): str(status) for lemma, status in rows})
        return result

    def set_status(self, lemma: str, status: str, text_id: str | None = None) -> None:
        """Set the status of one lemma (any spelling :func:`parse_status` takes).

        ``text_id`` is the text the reader set it in; see :meth:`set_statuses`.
        """
        self.set_statuses({lemma: status}, text_id)

    def set_statuses(self, statuses: Mapping[str, str], text_id: str | None = None) -> None:
        """Set several statuses in one transaction.

        ``text_id`` records the text they were set in (the latest text wins); None, for a
        status set outside any text, keeps the text recorded before.
        """
        now = self.clock()
        rows = [
            (lemma, parse_status(status), now, text_id)
            for lemma, status in statuses.items()
            if lemma
        ]
        with self.store.transaction() as connection:
            connection.executemany(_UPSERT_STATUS, rows)

    def mark_new_as_known(
        self, lemmas: Iterable[str], text_id: str | None = None
    ) -> tuple[str, ...]:
        """Mark every lemma that is still new as known (a paragraph's "I know the rest").

        Returns the lemmas that changed; learning, known and ignored ones are left alone.
        ``text_id`` records the text they were marked in, as in :meth:`set_statuses`.
        """
        now = self.clock()
        changed: list[str] = []
        with self.store.transaction() as connection:
            for lemma in dict.fromkeys(lemmas):
                if not lemma:
                    continue
                row = connection.execute(
                    "SELECT status FROM words WHERE lemma = ?", (lemma,)
                ).fetchone()
                if row is None or row[0] == "new":
                    connection.execute(_UPSERT_STATUS, (lemma, "known", now, text_id))
                    changed.append(lemma)
        return tuple(changed)

    # Lookups ----------------------------------------------------------------------------

    def record_lookup(self, lemma: str, word: str, sentence: str, text_id: str | None) -> None:
        """Add a lookup of ``word`` (lemma ``lemma``) in ``sentence`` of a text to the history."""
        with self.store.transaction() as connection:
            connection.execute(
                "INSERT INTO lookups (lemma, word, sentence, text_id, seen) VALUES (?, ?, ?, ?, ?)",
                (lemma, word, sentence, text_id, self.clock()),
            )

    def lemmas_in_text(self, text_id: str) -> frozenset[str]:
        """Lemmas looked up in a text or whose status was last set while reading it."""
        rows = (
            self.store.read()
            .execute(
                "SELECT lemma FROM lookups WHERE text_id = ?"
                " UNION SELECT lemma FROM words WHERE text_id = ?",
                (text_id, text_id),
            )
            .fetchall()
        )
        return frozenset(str(row[0]) for row in rows)

    def looked_up_lemmas(self, text_id: str | None = None) -> frozenset[str]:
        """Lemmas the reader looked up (in one text, or anywhere)."""
        connection = self.store.read()
        if text_id is None:
            rows = connection.execute("SELECT DISTINCT lemma FROM lookups").fetchall()
        else:
            rows = connection.execute(
                "SELECT DISTINCT lemma FROM lookups WHERE text_id = ?", (text_id,)
            ).fetchall()
        return frozenset(str(row[0]) for row in rows)

    def lookup_sentences(self) -> dict[str, frozenset[str]]:
        """Per looked-up lemma, the sentences it was looked up in."""
        sentences: dict[str, set[str]] = {}
        for lemma, sentence in self.store.read().execute(
            "SELECT DISTINCT lemma, sentence FROM lookups"
        ):
            sentences.setdefault(str(lemma), set()).add(str(sentence))
        return {lemma: frozenset(found) for lemma, found in sentences.items()}

    # Listing ----------------------------------------------------------------------------

    def entries(
        self, status: str | None = None, text_id: str | None = None
    ) -> list[VocabularyEntry]:
        """Every lemma with a status or a lookup, filtered by status and by text, sorted by lemma.

        With ``text_id``, only lemmas looked up in that text or given a status while reading
        it are listed.
        """
        wanted_status = parse_status(status) if status else None
        connection = self.store.read()
        rows = connection.execute(
            """
            WITH lemmas AS (SELECT lemma FROM words UNION SELECT lemma FROM lookups),
            last_lookup AS (
                SELECT lemma, word, sentence, text_id, MAX(id) AS id FROM lookups GROUP BY lemma
            ),
            counts AS (SELECT lemma, COUNT(*) AS n, MIN(seen) AS first FROM lookups GROUP BY lemma)
            SELECT lemmas.lemma, COALESCE(words.status, 'new'), words.updated,
                COALESCE(last_lookup.word, lemmas.lemma), COALESCE(last_lookup.sentence, ''),
                COALESCE(last_lookup.text_id, words.text_id), COALESCE(counts.n, 0),
                CASE WHEN counts.first IS NULL THEN words.updated
                     WHEN words.updated IS NULL THEN counts.first
                     ELSE MIN(counts.first, words.updated) END
            FROM lemmas
            LEFT JOIN words ON words.lemma = lemmas.lemma
            LEFT JOIN last_lookup ON last_lookup.lemma = lemmas.lemma
            LEFT JOIN counts ON counts.lemma = lemmas.lemma
            ORDER BY lemmas.lemma COLLATE NOCASE, lemmas.lemma
            """
        ).fetchall()
        in_text = self.lemmas_in_text(text_id) if text_id is not None else None
        entries = [VocabularyEntry(*row) for row in rows]
        return [
            entry
            for entry in entries
            if (wanted_status is None or entry.status == wanted_status)
            and (in_text is None or entry.lemma in in_text)
        ]

    def statistics(self) -> VocabularyStatistics:
        """Counts per status, per text (lemmas looked up, now known) and per local day."""
        connection = self.store.read()
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
            days.setdefault(_day(seen), [0, 0])[0] += 1
        for (updated,) in connection.execute("SELECT updated FROM words WHERE status = 'known'"):
            days.setdefault(_day(updated), [0, 0])[1] += 1
        by_day = tuple(
            DayStatistics(day, looked, known) for day, (looked, known) in sorted(days.items())
        )
        return VocabularyStatistics(by_status, by_text, by_day)

    # CSV --------------------------------------------------------------------------------

    def to_csv(self, translation: Callable[[str], str] | None = None) -> str:
        """The vocabulary as CSV (:data:`CSV_HEADER`), one row per lemma, sorted by lemma.

        ``translation`` gives an English rendering for a lemma (the glossary's, for example).
        """
        titles = dict(self.store.read().execute("SELECT text_id, title FROM texts"))
        buffer = io.StringIO()
        writer = csv.writer(buffer, lineterminator="\n")
        writer.writerow(CSV_HEADER)
        for entry in self.entries():
            writer.writerow(
                safe_row(
                    entry.word,
                    entry.lemma,
                    status_label(entry.status),
                    translation(entry.lemma) if translation else "",
                    entry.sentence,
                    titles.get(entry.text_id, entry.text_id or "") if entry.text_id else "",
                    _day(entry.first_seen) if entry.first_seen is not None else "",
                )
            )
        return buffer.getvalue()

    def export_csv(
        self, path: Path, force: bool = False, translation: Callable[[str], str] | None = None
    ) -> int:
        """Write :meth:`to_csv` to ``path`` atomically; returns the row count."""
        text = self.to_csv(translation)
        write_output(path, text.encode("utf-8"), force)
        return text.count("\n") - 1 if text else 0

    def import_csv(self, path: Path) -> ImportResult:
        """Read statuses from a CSV with a header naming ``lemma`` or ``term`` and ``status``.

        Lute's, LWT's and LingQ's status spellings are understood; rows with a bad status are
        skipped and reported. A file without the needed columns, too big, or with a quote
        that is never closed is a :class:`UserError` (:mod:`reader.vocabulary_import`).
        """
        from reader.vocabulary_import import read_csv_file

        return self.import_csv_text(read_csv_file(path), str(path))

    def import_csv_text(self, text: str, name: str) -> ImportResult:
        """Import statuses from CSV text (see :meth:`import_csv`); ``name`` is used in messages."""
        from reader.vocabulary_import import read_statuses

        statuses, skipped = read_statuses(text, name)
        if statuses:
            self.set_statuses(statuses)
        return ImportResult(len(statuses), skipped)


def refuse_to_overwrite(path: Path, force: bool) -> None:
    """Raise a :class:`UserError` when ``path`` exists (without ``force``) or is not a file."""
    check_output(path, force)


def _day(timestamp: float) -> str:
    return datetime.fromtimestamp(timestamp).strftime("%Y-%m-%d")


def statuses_for(vocabulary: Vocabulary, lemmas: Sequence[str]) -> tuple[str, ...]:
    """The status of each lemma in order (``new`` for unknown ones), for colouring a sentence."""
    stored = vocabulary.statuses(lemmas)
    return tuple(stored.get(lemma, "new") for lemma in lemmas)
