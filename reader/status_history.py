"""Undo for vocabulary statuses: one record per action, however many words it touched.

Each status change made while reading (a key on one word, "paragraph known" on dozens) goes
through a :class:`StatusHistory`, which keeps the rows of the ``words`` table as they were
before and the statuses it wrote. :meth:`StatusHistory.undo` puts the rows back in one
transaction (a lemma that had no row loses it again, so it is new as before, with its old
time and text). A lemma whose status was changed again since (in another window, from the
command line) is left alone: undo never overwrites a later change. The history lives as long
as the reading session; it is bounded.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from reader.vocabulary import Vocabulary, parse_status

HISTORY_LIMIT = 100
"""Actions kept for undo (older ones are forgotten)."""


@dataclass(frozen=True)
class StoredStatus:
    """A lemma's row in the ``words`` table, or its absence."""

    lemma: str
    """The lemma."""
    status: str | None
    """Its stored status; None when it had no row (so it was new)."""
    updated: float | None
    """When that status was set."""
    text_id: str | None
    """The text it was set in."""


@dataclass(frozen=True)
class StatusChange:
    """One action's change: what each lemma was before and what it was set to."""

    description: str
    """What the action was ("paragraph known", "learning 2"), for messages."""
    before: tuple[StoredStatus, ...]
    """The rows before, one per changed lemma."""
    after: tuple[tuple[str, str], ...]
    """(lemma, status) as the action wrote them."""


@dataclass(frozen=True)
class UndoResult:
    """What an undo did."""

    change: StatusChange
    """The action undone."""
    restored: dict[str, str]
    """Lemma to the status it has again (``new`` where its row was removed)."""
    kept: tuple[str, ...]
    """Lemmas changed again since the action, left as they are."""


class StatusHistory:
    """Status changes through the vocabulary, remembered for undo (thread-safe)."""

    def __init__(self, vocabulary: Vocabulary, limit: int = HISTORY_LIMIT) -> None:
        self.vocabulary = vocabulary
        self.limit = limit
        self._changes: list[StatusChange] = []
        # Workers writing statuses may run at once; each action is read, written and
        # recorded as one step.
        self._lock = threading.Lock()

    def __len__(self) -> int:
        return len(self._changes)

    def set_statuses(
        self, statuses: Mapping[str, str], text_id: str | None, description: str
    ) -> StatusChange | None:
        """Set statuses (as :meth:`Vocabulary.set_statuses`) and record the action; None
        when nothing changed."""
        wanted = {lemma: parse_status(status) for lemma, status in statuses.items() if lemma}
        with self._lock:
            before = self._rows(wanted)
            changed = {
                lemma: status
                for lemma, status in wanted.items()
                if (before[lemma].status or "new") != status
            }
            self.vocabulary.set_statuses(wanted, text_id)
            return self._record(description, before, changed)

    def mark_new_as_known(
        self, lemmas: Iterable[str], text_id: str | None, description: str = "paragraph known"
    ) -> StatusChange | None:
        """Mark the still-new lemmas known (:meth:`Vocabulary.mark_new_as_known`) and record
        the action; None when none was new."""
        candidates = [lemma for lemma in dict.fromkeys(lemmas) if lemma]
        with self._lock:
            before = self._rows(candidates)
            changed = self.vocabulary.mark_new_as_known(candidates, text_id)
            return self._record(description, before, dict.fromkeys(changed, "known"))

    def undo(self) -> UndoResult | None:
        """Put back the rows of the last recorded action; None when there is none."""
        with self._lock:
            if not self._changes:
                return None
            change = self._changes.pop()
            written = dict(change.after)
            restored: dict[str, str] = {}
            kept: list[str] = []
            with self.vocabulary.store.transaction() as connection:
                for row in change.before:
                    now = connection.execute(
                        "SELECT status FROM words WHERE lemma = ?", (row.lemma,)
                    ).fetchone()
                    if now is None or now[0] != written[row.lemma]:
                        kept.append(row.lemma)  # changed again since: that change stays
                        continue
                    if row.status is None:
                        connection.execute("DELETE FROM words WHERE lemma = ?", (row.lemma,))
                    else:
                        connection.execute(
                            "UPDATE words SET status = ?, updated = ?, text_id = ? WHERE lemma = ?",
                            (row.status, row.updated, row.text_id, row.lemma),
                        )
                    restored[row.lemma] = row.status or "new"
            return UndoResult(change, restored, tuple(kept))

    def _rows(self, lemmas: Iterable[str]) -> dict[str, StoredStatus]:
        wanted = list(dict.fromkeys(lemmas))
        rows: dict[str, StoredStatus] = {
            lemma: StoredStatus(lemma, None, None, None) for lemma in wanted
        }
        connection = self.vocabulary.store.read()
        # SQLite limits host parameters; 500 per query stays far below every build's limit.
        for offset in range(0, len(wanted), 500):
            chunk = wanted[offset : offset + 500]
            marks = ",".join("?" * len(chunk))
            for lemma, status, updated, text_id in connection.execute(
                f"SELECT lemma, status, updated, text_id FROM words WHERE lemma IN ({marks})",
                chunk,
            ):
                rows[str(lemma)] = StoredStatus(str(lemma), str(status), updated, text_id)
        return rows

    def _record(
        self, description: str, before: Mapping[str, StoredStatus], changed: Mapping[str, str]
    ) -> StatusChange | None:
        if not changed:
            return None
        change = StatusChange(
            description, tuple(before[lemma] for lemma in changed), tuple(changed.items())
        )
        self._changes.append(change)
        del self._changes[: -self.limit]
        return change
