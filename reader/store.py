"""The user data store: one SQLite file for positions, translations, corrections and vocabulary.

The schema carries a version (``PRAGMA user_version``) and is brought up to date by the
numbered migrations below. WAL mode, a busy timeout and short transactions let two app
instances share the file without corrupting it. Each feature keeps its queries in its own
module and uses :meth:`Store.transaction`.
"""

from __future__ import annotations

import sqlite3
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from reader.lemma_keys import LEMMA_KEYS_MIGRATION, SEPARABLE_VERB_KEYS_MIGRATION
from reader.store_damage import describe_store_error

# Each migration brings the schema from version N to N+1. Never edit a released one:
# append a new one.
MIGRATIONS: tuple[str, ...] = (
    # 1: reading positions and the texts a reader has opened
    """
    CREATE TABLE texts (
        text_id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        path TEXT,
        last_opened REAL NOT NULL,
        block INTEGER NOT NULL DEFAULT 0,
        sentence INTEGER NOT NULL DEFAULT 0
    );
    """,
    # 2: machine translations per sentence and model, and the reader's corrections
    """
    CREATE TABLE translations (
        model TEXT NOT NULL,
        german TEXT NOT NULL,
        english TEXT NOT NULL,
        created REAL NOT NULL,
        PRIMARY KEY (model, german)
    );
    CREATE TABLE corrections (
        german TEXT PRIMARY KEY,
        english TEXT NOT NULL,
        created REAL NOT NULL
    );
    """,
    # 3: vocabulary status per lemma, and the lookup history with the sentence seen in
    """
    CREATE TABLE words (
        lemma TEXT PRIMARY KEY,
        status TEXT NOT NULL,
        updated REAL NOT NULL
    );
    CREATE TABLE lookups (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lemma TEXT NOT NULL,
        word TEXT NOT NULL,
        sentence TEXT NOT NULL,
        text_id TEXT,
        seen REAL NOT NULL
    );
    CREATE INDEX lookups_by_lemma ON lookups (lemma);
    CREATE INDEX lookups_by_text ON lookups (text_id);
    """,
    # 4: the reader's settings (word colours on or off, ...)
    """
    CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value TEXT NOT NULL
    );
    """,
    # 5: the text a word's status was last set in (NULL: set outside any text)
    """
    ALTER TABLE words ADD COLUMN text_id TEXT;
    CREATE INDEX words_by_text ON words (text_id);
    """,
    # 6: vocabulary keys whose lemma changed (EU, Beschluss, haben for "hab'"): issue 9
    LEMMA_KEYS_MIGRATION,
    # 7: the reader's meaning and note per word, and the history of status changes (for
    # "words known over time"), begun with each word's status as last set
    """
    CREATE TABLE word_notes (
        lemma TEXT PRIMARY KEY,
        meaning TEXT NOT NULL DEFAULT '',
        note TEXT NOT NULL DEFAULT '',
        updated REAL NOT NULL
    );
    CREATE TABLE status_changes (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        lemma TEXT NOT NULL,
        status TEXT NOT NULL,
        changed REAL NOT NULL,
        text_id TEXT
    );
    CREATE INDEX status_changes_by_lemma ON status_changes (lemma);
    INSERT INTO status_changes (lemma, status, changed, text_id)
        SELECT lemma, status, updated, text_id FROM words ORDER BY updated, lemma;
    """,
    # 8: a glossary-guided choice beside the model's first choice (in english): issue 13
    "ALTER TABLE translations ADD COLUMN guided TEXT;",
    # 9: a split separable verb's keys moved from the bare verb to the joined one: issue 9
    SEPARABLE_VERB_KEYS_MIGRATION,
)

SCHEMA_VERSION = len(MIGRATIONS)


class StoreError(Exception):
    """The store cannot be opened or is from a newer Lesepult."""


@dataclass(frozen=True)
class ReadingPosition:
    """Where a reader left a text."""

    text_id: str
    """The text's content hash."""
    title: str
    """The text's title, for listings."""
    path: str | None
    """The file it was opened from, if any."""
    last_opened: float
    """Unix time of the last opening."""
    block: int
    """Index of the block holding the sentence cursor."""
    sentence: int
    """Index of the sentence within that block."""


class Store:
    """A connection per thread to the SQLite store, migrated on first use."""

    def __init__(self, path: Path) -> None:
        self.path = path
        self._local = threading.local()
        self._migrated = False
        self._migrate_lock = threading.Lock()

    def _connect(self) -> sqlite3.Connection:
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is None:
            try:
                self.path.parent.mkdir(parents=True, exist_ok=True)
                connection = sqlite3.connect(self.path, timeout=10.0, isolation_level=None)
                connection.execute("PRAGMA journal_mode=WAL")
                connection.execute("PRAGMA busy_timeout=10000")
                connection.execute("PRAGMA foreign_keys=ON")
            except sqlite3.DatabaseError as error:
                message = describe_store_error(error, self.path)
                raise StoreError(f"cannot open the data store: {message}") from error
            except (OSError, sqlite3.Error) as error:
                raise StoreError(f"cannot open the data store {self.path}: {error}") from error
            self._local.connection = connection
        if not self._migrated:
            with self._migrate_lock:
                if not self._migrated:
                    migrate(connection, self.path)
                    self._migrated = True
        return connection

    @contextmanager
    def transaction(self) -> Iterator[sqlite3.Connection]:
        """A short write transaction (``BEGIN IMMEDIATE``), committed on success."""
        connection = self._connect()
        connection.execute("BEGIN IMMEDIATE")
        try:
            yield connection
            connection.execute("COMMIT")
        except BaseException:
            _roll_back(connection)
            raise

    def read(self) -> sqlite3.Connection:
        """The connection for reads (autocommit; each statement sees committed data)."""
        return self._connect()

    def close(self) -> None:
        """Close this thread's connection."""
        connection: sqlite3.Connection | None = getattr(self._local, "connection", None)
        if connection is not None:
            connection.close()
            self._local.connection = None

    # Reading positions -------------------------------------------------------------------

    def remember_position(
        self, text_id: str, title: str, path: str | None, block: int, sentence: int
    ) -> None:
        """Store where the reader is in a text (and that they opened it)."""
        with self.transaction() as connection:
            connection.execute(
                """
                INSERT INTO texts (text_id, title, path, last_opened, block, sentence)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (text_id) DO UPDATE SET title = excluded.title,
                    path = COALESCE(excluded.path, texts.path),
                    last_opened = excluded.last_opened,
                    block = excluded.block, sentence = excluded.sentence
                """,
                (text_id, title, path, time.time(), block, sentence),
            )

    def position(self, text_id: str) -> ReadingPosition | None:
        """Where the reader left this text, if they opened it before."""
        row = (
            self.read()
            .execute(
                "SELECT text_id, title, path, last_opened, block, sentence"
                " FROM texts WHERE text_id = ?",
                (text_id,),
            )
            .fetchone()
        )
        return ReadingPosition(*row) if row else None

    def setting(self, key: str, default: str) -> str:
        """A stored setting, or ``default`` when it was never set."""
        row = self.read().execute("SELECT value FROM settings WHERE key = ?", (key,)).fetchone()
        return str(row[0]) if row else default

    def set_setting(self, key: str, value: str) -> None:
        """Store a setting."""
        with self.transaction() as connection:
            connection.execute(
                "INSERT INTO settings (key, value) VALUES (?, ?)"
                " ON CONFLICT (key) DO UPDATE SET value = excluded.value",
                (key, value),
            )

    def opened_texts(self) -> list[ReadingPosition]:
        """Every text the reader opened, most recent first."""
        rows = (
            self.read()
            .execute(
                "SELECT text_id, title, path, last_opened, block, sentence"
                " FROM texts ORDER BY last_opened DESC"
            )
            .fetchall()
        )
        return [ReadingPosition(*row) for row in rows]


def migrate(connection: sqlite3.Connection, path: Path) -> None:
    """Bring the schema up to :data:`SCHEMA_VERSION`, one migration per transaction."""
    (version,) = connection.execute("PRAGMA user_version").fetchone()
    if version > SCHEMA_VERSION:
        raise StoreError(
            f"the data store {path} has schema version {version}, newer than this"
            f" Lesepult understands ({SCHEMA_VERSION}); please upgrade Lesepult"
        )
    for number in range(version, SCHEMA_VERSION):
        connection.execute("BEGIN IMMEDIATE")
        try:
            # Another instance may have migrated while we waited for the lock.
            (current,) = connection.execute("PRAGMA user_version").fetchone()
            if current > number:
                connection.execute("COMMIT")
                continue
            for statement in MIGRATIONS[number].split(";"):
                if statement.strip():
                    connection.execute(statement)
            connection.execute(f"PRAGMA user_version = {number + 1}")
            connection.execute("COMMIT")
        except BaseException:
            _roll_back(connection)
            raise


def _roll_back(connection: sqlite3.Connection) -> None:
    """Roll back if a transaction is still open, never hiding the error that led here.

    SQLite ends the transaction itself on some errors (a full disk, a corrupt page), and
    a ROLLBACK then fails with "no transaction is active".
    """
    if connection.in_transaction:
        try:
            connection.execute("ROLLBACK")
        except sqlite3.Error:
            pass  # the original error is the one worth reporting
