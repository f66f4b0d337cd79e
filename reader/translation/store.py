"""Stored translations: machine output per model and sentence, and the reader's corrections.

Machine translations are keyed by model id (package code and version) and the exact German
sentence, so another text sharing a sentence gets it for free and a model upgrade starts
fresh. Corrections are keyed by the German sentence alone, so they survive model upgrades.

A glossary-guided choice (``reader.translation.guided``) is stored in the ``guided`` column of
the model's row, beside the model's own first choice in ``english``: the lookup returns the
guided English labelled ``glossary-guided`` with the first choice one swap away, and a new
machine translation of the sentence clears it.
"""

from __future__ import annotations

import time
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

from reader.core.errors import UserError
from reader.store import Store
from reader.translation.checks import translation_flags
from reader.translation.guided import FIRST_CHOICE_LABEL, GUIDED_LABEL

if TYPE_CHECKING:
    from reader.translation.guided import GuidedChoice

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
    label: str = ""
    """``glossary-guided`` (``english`` is the guided choice), ``model's first choice`` (the
    reader switched back to it) or empty (the machine output, no other choice stored)."""
    other: str | None = None
    """The other stored choice, one key away: the model's first choice beside a guided
    English, the guided English beside the first choice; None without a guided choice."""

    @property
    def model_first(self) -> str:
        """The model's own first choice (``english`` unless it is the glossary-guided one)."""
        return self.other if self.label == GUIDED_LABEL and self.other is not None else self.english

    def swapped(self) -> SentenceTranslation | None:
        """The same sentence showing its other stored choice, or None when it has none."""
        if self.other is None or self.label not in (GUIDED_LABEL, FIRST_CHOICE_LABEL):
            return None
        label = FIRST_CHOICE_LABEL if self.label == GUIDED_LABEL else GUIDED_LABEL
        flags = translation_flags(self.german, self.other)
        return SentenceTranslation(
            self.german, self.other, self.origin, self.model, flags, label, self.english
        )


def _machine(german: str, english: str, guided: str | None, model: str) -> SentenceTranslation:
    """A stored machine row: the guided choice (labelled) when there is one."""
    if guided is None:
        return SentenceTranslation(
            german, english, "machine", model, translation_flags(german, english)
        )
    flags = translation_flags(german, guided)
    return SentenceTranslation(german, guided, "machine", model, flags, GUIDED_LABEL, english)


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
                    f"SELECT german, english, guided FROM translations"
                    f" WHERE model = ? AND german IN ({marks})",
                    (model, *chunk),
                ).fetchall()
                for german, english, guided in rows:
                    found[german] = _machine(german, english, guided, model)
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

    def save_guided(self, model: str, choices: Sequence[tuple[str, GuidedChoice]]) -> None:
        """Store glossary-guided choices (German, choice) for ``model`` in one transaction.

        A guided choice is stored beside the model's first choice it was preferred to (that
        becomes the row's English); a choice the glossary did not change clears an older one.
        """
        if not choices:
            return
        now = time.time()
        with self.store.transaction() as connection:
            connection.executemany(
                "INSERT INTO translations (model, german, english, guided, created)"
                " VALUES (?, ?, ?, ?, ?) ON CONFLICT (model, german) DO UPDATE SET"
                " english = excluded.english, guided = excluded.guided, created = excluded.created",
                [
                    (model, german, c.model_first, c.english, now)
                    for german, c in choices
                    if c.guided
                ],
            )
            connection.executemany(
                "UPDATE translations SET guided = NULL WHERE model = ? AND german = ?",
                [(model, german) for german, choice in choices if not choice.guided],
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
