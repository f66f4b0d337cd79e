"""Stored translations: machine output per model and sentence, and the reader's corrections.

Machine translations are keyed by model id (package code and version) and the exact German
sentence, so another text sharing a sentence gets it for free and a model upgrade starts
fresh. Corrections are keyed by the German sentence alone, so they survive model upgrades.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Literal

from reader.core.errors import UserError
from reader.store import Store
from reader.translation.checks import translation_flags

Origin = Literal["machine", "edited", "reference"]

# SQLite allows 999 parameters per statement in old builds; stay well below.
QUERY_CHUNK = 400


@dataclass(frozen=True)
class SentenceTranslation:
    """The English for one German sentence, and where it came from."""

    german: str
    """The German sentence exactly as in the text."""
    english: str
    """The English sentence."""
    origin: Origin
    """``machine`` (model output), ``edited`` (the reader's correction) or ``reference``."""
    model: str | None
    """The model id for machine output (``translate-de_en 1.9``); None otherwise."""
    flags: tuple[str, ...] = ()
    """Checks on machine output: ``short``, ``untranslated: WORD``."""


def _chunks(items: Sequence[str]) -> Iterator[Sequence[str]]:
    for start in range(0, len(items), QUERY_CHUNK):
        yield items[start : start + QUERY_CHUNK]


class TranslationStore:
    """Translation queries on the user's store."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def lookup(
        self, model: str | None, germans: Sequence[str], corrections: bool = True
    ) -> dict[str, SentenceTranslation]:
        """The stored English for each German sentence that has one; a correction wins.

        ``model`` None looks up corrections only; ``corrections`` False, machine output only.
        """
        unique = list(dict.fromkeys(germans))
        found: dict[str, SentenceTranslation] = {}
        connection = self.store.read()
        if model is not None:
            for chunk in _chunks(unique):
                marks = ",".join("?" * len(chunk))
                rows = connection.execute(
                    f"SELECT german, english FROM translations"
                    f" WHERE model = ? AND german IN ({marks})",
                    (model, *chunk),
                ).fetchall()
                for german, english in rows:
                    found[german] = SentenceTranslation(
                        german, english, "machine", model, translation_flags(german, english)
                    )
        for chunk in _chunks(unique) if corrections else ():
            marks = ",".join("?" * len(chunk))
            rows = connection.execute(
                f"SELECT german, english FROM corrections WHERE german IN ({marks})", tuple(chunk)
            ).fetchall()
            for german, english in rows:
                found[german] = SentenceTranslation(german, english, "edited", None)
        return found

    def save_machine(self, model: str, pairs: Sequence[tuple[str, str]]) -> None:
        """Store machine translations (German, English) for ``model`` in one transaction."""
        if not pairs:
            return
        now = time.time()
        with self.store.transaction() as connection:
            connection.executemany(
                "INSERT OR REPLACE INTO translations (model, german, english, created)"
                " VALUES (?, ?, ?, ?)",
                [(model, german, english, now) for german, english in pairs],
            )

    def correct(self, german: str, english: str) -> None:
        """Store the reader's English for a German sentence, replacing an earlier correction."""
        english = english.strip()
        if not english:
            raise UserError("a correction cannot be empty (revert it instead)")
        with self.store.transaction() as connection:
            connection.execute(
                "INSERT INTO corrections (german, english, created) VALUES (?, ?, ?)"
                " ON CONFLICT (german) DO UPDATE SET english = excluded.english,"
                " created = excluded.created",
                (german, english, time.time()),
            )

    def revert(self, german: str) -> bool:
        """Drop the reader's correction of a sentence; False when there was none."""
        with self.store.transaction() as connection:
            cursor = connection.execute("DELETE FROM corrections WHERE german = ?", (german,))
            return cursor.rowcount > 0

    def has_machine(self, model: str, german: str) -> bool:
        """Whether the model's English for a German sentence is stored (under any correction)."""
        row = (
            self.store.read()
            .execute("SELECT 1 FROM translations WHERE model = ? AND german = ?", (model, german))
            .fetchone()
        )
        return row is not None

    def machine_count(self, model: str) -> int:
        """How many sentences are stored for a model."""
        row = (
            self.store.read()
            .execute("SELECT COUNT(*) FROM translations WHERE model = ?", (model,))
            .fetchone()
        )
        return int(row[0])
