"""The reader's vocabulary: a status per lemma, the lookup history, statistics and CSV exchange.

Statuses are the levels Lute and LWT users know: ``new``, learning ``1`` to ``4``, ``known``
and ``ignored``. A lemma without a row is ``new``. Looking a word up records the word, its
lemma, the sentence it was seen in and the text. Everything lives in the user's SQLite store
(tables ``words``, ``lookups``, ``word_notes`` and ``status_changes``); each write is one
short transaction, so two app instances can share the file. A status also records the text it
was last set in (``words.text_id``), so words marked while reading count for that text even
when never looked up. Every change of status is kept with its time (``status_changes``) for
the statistics of :mod:`reader.vocabulary_stats`; the levels are :mod:`reader.word_status`.
The reader may give a word a meaning and a note, and remove a word altogether.
"""

from __future__ import annotations

import csv
import io
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.core.errors import UserError
from reader.outputs import check_output, write_output
from reader.spreadsheet import safe_row
from reader.store import Store
from reader.vocabulary_stats import (
    KnownPoint,
    Period,
    VocabularyStatistics,
    day_of,
    known_over_time,
    vocabulary_statistics,
)

# The levels live in reader.word_status; these names stay importable from here.
from reader.word_status import STATUSES as STATUSES
from reader.word_status import parse_status as parse_status
from reader.word_status import parse_status_filter as parse_status_filter
from reader.word_status import status_label as status_label

CSV_HEADER: tuple[str, ...] = (
    "term",
    "lemma",
    "status",
    "translation",
    "sentence",
    "text",
    "added",
)

MAX_NOTE_CHARS = 2000
"""A meaning or note longer than this is refused (a note, not an essay)."""


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
    meaning: str = ""
    """The meaning the reader gave it ("" when none)."""
    note: str = ""
    """The reader's note on it ("" when none)."""


@dataclass(frozen=True)
class ImportResult:
    """What a CSV import did."""

    imported: int
    """Rows whose status was stored."""
    skipped: tuple[str, ...]
    """One line per rejected row: ``file:line: field: message``."""


# A change is kept in the history only when the status really changes (a lemma without a row
# is new); run before the upsert, in the same transaction.
_RECORD_CHANGE = (
    "INSERT INTO status_changes (lemma, status, changed, text_id)"
    " SELECT ?1, ?2, ?3, ?4"
    " WHERE COALESCE((SELECT status FROM words WHERE lemma = ?1), 'new') <> ?2"
)

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
            connection.executemany(_RECORD_CHANGE, rows)
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
                    connection.execute(_RECORD_CHANGE, (lemma, "known", now, text_id))
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
        """Every lemma with a status, a lookup or a note, filtered by status and text, by lemma.

        ``status`` is any spelling :func:`parse_status_filter` takes (``learning``: every
        learning level). With ``text_id``, only lemmas looked up in that text or given a
        status while reading it are listed.
        """
        wanted = parse_status_filter(status) if status else None
        connection = self.store.read()
        rows = connection.execute(
            """
            WITH lemmas AS (
                SELECT lemma FROM words UNION SELECT lemma FROM lookups
                UNION SELECT lemma FROM word_notes
            ),
            last_lookup AS (
                SELECT lemma, word, sentence, text_id, MAX(id) AS id FROM lookups GROUP BY lemma
            ),
            counts AS (SELECT lemma, COUNT(*) AS n, MIN(seen) AS first FROM lookups GROUP BY lemma)
            SELECT lemmas.lemma, COALESCE(words.status, 'new'), words.updated,
                COALESCE(last_lookup.word, lemmas.lemma), COALESCE(last_lookup.sentence, ''),
                COALESCE(last_lookup.text_id, words.text_id), COALESCE(counts.n, 0),
                CASE WHEN counts.first IS NULL THEN words.updated
                     WHEN words.updated IS NULL THEN counts.first
                     ELSE MIN(counts.first, words.updated) END,
                COALESCE(word_notes.meaning, ''), COALESCE(word_notes.note, '')
            FROM lemmas
            LEFT JOIN words ON words.lemma = lemmas.lemma
            LEFT JOIN last_lookup ON last_lookup.lemma = lemmas.lemma
            LEFT JOIN counts ON counts.lemma = lemmas.lemma
            LEFT JOIN word_notes ON word_notes.lemma = lemmas.lemma
            ORDER BY lemmas.lemma COLLATE NOCASE, lemmas.lemma
            """
        ).fetchall()
        in_text = self.lemmas_in_text(text_id) if text_id is not None else None
        entries = [VocabularyEntry(*row) for row in rows]
        return [
            entry
            for entry in entries
            if (wanted is None or entry.status in wanted)
            and (in_text is None or entry.lemma in in_text)
        ]

    def entry(self, lemma: str) -> VocabularyEntry | None:
        """The entry of one lemma, None when the vocabulary has nothing on it."""
        return next((entry for entry in self.entries() if entry.lemma == lemma), None)

    # Meanings, notes, removal -------------------------------------------------------------

    def set_note(self, lemma: str, meaning: str | None = None, note: str | None = None) -> None:
        """Set a word's meaning and/or note (None keeps the stored one; "" clears it).

        Both are kept on one line; longer than :data:`MAX_NOTE_CHARS` is a UserError.
        """
        cleaned = {
            name: " ".join(value.split())
            for name, value in (("meaning", meaning), ("note", note))
            if value is not None
        }
        for name, value in cleaned.items():
            if len(value) > MAX_NOTE_CHARS:
                raise UserError(
                    f"{name}: {len(value)} characters is too long (at most {MAX_NOTE_CHARS})"
                )
        if not lemma or not cleaned:
            return
        with self.store.transaction() as connection:
            row = connection.execute(
                "SELECT meaning, note FROM word_notes WHERE lemma = ?", (lemma,)
            ).fetchone()
            new_meaning = cleaned.get("meaning", row[0] if row else "")
            new_note = cleaned.get("note", row[1] if row else "")
            if not new_meaning and not new_note:
                connection.execute("DELETE FROM word_notes WHERE lemma = ?", (lemma,))
                return
            connection.execute(
                "INSERT INTO word_notes (lemma, meaning, note, updated) VALUES (?, ?, ?, ?)"
                " ON CONFLICT (lemma) DO UPDATE SET meaning = excluded.meaning,"
                " note = excluded.note, updated = excluded.updated",
                (lemma, new_meaning, new_note, self.clock()),
            )

    def remove(self, lemma: str) -> bool:
        """Forget a word: its status, lookups, meaning, note and history. False if unknown."""
        with self.store.transaction() as connection:
            removed = 0
            for table in ("words", "lookups", "word_notes", "status_changes"):
                removed += connection.execute(
                    f"DELETE FROM {table} WHERE lemma = ?", (lemma,)
                ).rowcount
        return removed > 0

    # Statistics -------------------------------------------------------------------------

    def statistics(self) -> VocabularyStatistics:
        """Counts per status, per text (lemmas looked up, now known) and per local day."""
        return vocabulary_statistics(self.store.read())

    def known_over_time(self, period: Period = "day") -> tuple[KnownPoint, ...]:
        """Lemmas known and learning at the end of each day or week, up to now."""
        return known_over_time(self.store.read(), period, self.clock())

    # CSV --------------------------------------------------------------------------------

    def to_csv(self, translation: Callable[[str], str] | None = None) -> str:
        """The vocabulary as CSV (:data:`CSV_HEADER`), one row per lemma, sorted by lemma.

        The translation is the reader's meaning, else what ``translation`` gives for the
        lemma (the glossary's rendering, for example).
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
                    entry.meaning or (translation(entry.lemma) if translation else ""),
                    entry.sentence,
                    titles.get(entry.text_id, entry.text_id or "") if entry.text_id else "",
                    day_of(entry.first_seen) if entry.first_seen is not None else "",
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


def statuses_for(vocabulary: Vocabulary, lemmas: Sequence[str]) -> tuple[str, ...]:
    """The status of each lemma in order (``new`` for unknown ones), for colouring a sentence."""
    stored = vocabulary.statuses(lemmas)
    return tuple(stored.get(lemma, "new") for lemma in lemmas)
