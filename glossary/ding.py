"""The Ding German–English dictionary (Debian package ``trans-de-en``) with a fast index.

The dictionary is one UTF-8 text file of about 206,000 lines, ``German :: English``; `` | ``
separates parallel sub-entries (the same count on both sides, so an inflected form pairs with
its translation) and ``;`` separates synonyms. Reading it takes seconds, so on first use an
SQLite index is built in the user's cache directory, keyed by the file's size and modification
time; later starts only open that index. SQLite (in the standard library) rather than a pickle
because the index is queried in place: nothing has to be loaded into memory at start.
"""

from __future__ import annotations

import os
import re
import sqlite3
import threading
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from reader.paths import cache_dir

DEFAULT_DING_PATH = Path("/usr/share/trans/de-en")
DING_PATH_VARIABLE = "LESEPULT_DING_PATH"
MISSING_DICTIONARY_HELP = (
    "install the Debian package trans-de-en (sudo apt-get install trans-de-en) "
    f"or set {DING_PATH_VARIABLE}"
)
INDEX_FORMAT = 1
# Keys longer than this many words are whole phrases nobody looks up as one word.
MAX_KEY_WORDS = 3

# {m} {pl} {vt}, [pol.], (gloss), <variant>, /abbr./: kept for display, dropped for the key.
ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|/[^/\s][^/]*/")
MARKER = re.compile(r"\{([^}]*)\}")
SPACES = re.compile(r"\s+")


class DictionaryMissing(Exception):
    """The Ding file is not where it is expected."""


@dataclass(frozen=True)
class DingSense:
    """One matching line of the dictionary, with the sub-entry the word was found in."""

    headword: str
    """The line's first German sub-entry, as written (``Vertrag {m}``)."""
    german: str
    """The German sub-entry that matched (``Verträge {pl}``), as written."""
    english: str
    """The English sub-entry paired with it."""
    head_english: str
    """The English of the line's first sub-entry (the base meaning)."""
    markers: tuple[str, ...]
    """Grammar markers of the matched synonym: m, f, n, pl, vt, vi, adj, ..."""
    line: int
    """The line number in the dictionary file."""
    plural: str | None = None
    """For a noun's base form, the plural the line gives (``Verträge``), else None."""

    @property
    def part_of_speech(self) -> str:
        """A readable part of speech from the markers (noun, verb, adjective, ...)."""
        return part_of_speech(self.markers)

    @property
    def gender(self) -> str | None:
        """m, f or n for a noun's singular, else None."""
        for marker in self.markers:
            if marker in {"m", "f", "n"}:
                return marker
        return None


def part_of_speech(markers: tuple[str, ...]) -> str:
    """A readable part of speech for Ding's grammar markers."""
    names = {
        "m": "noun",
        "f": "noun",
        "n": "noun",
        "pl": "noun (plural)",
        "vt": "verb",
        "vi": "verb",
        "vr": "verb",
        "adj": "adjective",
        "adv": "adverb",
        "prp": "preposition",
        "conj": "conjunction",
        "pron": "pronoun",
        "art": "article",
        "num": "numeral",
        "interj": "interjection",
    }
    for marker in markers:
        if marker in names:
            return names[marker]
    return ""


def dictionary_path() -> Path:
    """Where the Ding file is: ``LESEPULT_DING_PATH`` or ``/usr/share/trans/de-en``."""
    value = os.environ.get(DING_PATH_VARIABLE)
    return Path(value).expanduser() if value else DEFAULT_DING_PATH


def lookup_key(text: str) -> str:
    """The key a dictionary phrase or a word is indexed under: annotations gone, lower case."""
    return SPACES.sub(" ", ANNOTATION.sub(" ", text)).strip().casefold()


def parse_line(line: str) -> tuple[list[str], list[str]] | None:
    """A dictionary line's German and English sub-entries, or None for headers and bad lines."""
    if not line or line.startswith("#") or " :: " not in line:
        return None
    german, english = line.rstrip("\n").split(" :: ", 1)
    return german.split(" | "), english.split(" | ")


def iter_keys(line: str) -> Iterator[tuple[str, int, int]]:
    """Each (key, sub-entry, synonym position) a dictionary line can be found by."""
    parsed = parse_line(line)
    if parsed is None:
        return
    for sub_index, sub_entry in enumerate(parsed[0]):
        for position, synonym in enumerate(sub_entry.split(";")):
            key = lookup_key(synonym)
            if key and key.count(" ") < MAX_KEY_WORDS:
                yield key, sub_index, position


def _index_file(source: Path) -> Path:
    status = source.stat()
    return cache_dir() / f"ding-v{INDEX_FORMAT}-{status.st_size}-{status.st_mtime_ns}.sqlite3"


def build_index(source: Path, target: Path) -> None:
    """Build the SQLite index of ``source`` at ``target`` (written beside it, then renamed)."""
    target.parent.mkdir(parents=True, exist_ok=True)
    temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
    temporary.unlink(missing_ok=True)
    connection = sqlite3.connect(temporary)
    try:
        connection.executescript(
            """
            PRAGMA journal_mode = OFF;
            PRAGMA synchronous = OFF;
            CREATE TABLE lines (line INTEGER PRIMARY KEY, text TEXT NOT NULL);
            CREATE TABLE keys (key TEXT NOT NULL, line INTEGER NOT NULL,
                               sub INTEGER NOT NULL, position INTEGER NOT NULL);
            """
        )
        line_rows: list[tuple[int, str]] = []
        key_rows: list[tuple[str, int, int, int]] = []
        with source.open(encoding="utf-8", errors="replace") as dictionary:
            for number, line in enumerate(dictionary, start=1):
                keys = list(iter_keys(line))
                if not keys:
                    continue
                line_rows.append((number, line.rstrip("\n")))
                key_rows.extend((key, number, sub, position) for key, sub, position in keys)
        connection.executemany("INSERT INTO lines VALUES (?, ?)", line_rows)
        connection.executemany("INSERT INTO keys VALUES (?, ?, ?, ?)", key_rows)
        connection.execute("CREATE INDEX keys_by_key ON keys (key)")
        connection.commit()
    finally:
        connection.close()
    os.replace(temporary, target)


class DingDictionary:
    """Looks words up in the Ding dictionary through its cached index; thread-safe."""

    def __init__(self, index_path: Path, source: Path) -> None:
        self.index_path = index_path
        self.source = source
        self._connection = sqlite3.connect(
            f"file:{index_path}?mode=ro", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()

    @classmethod
    def open(cls, source: Path | None = None, rebuild: bool = False) -> DingDictionary:
        """Open the dictionary, building its index first if there is none for this file.

        Raises DictionaryMissing with install instructions when the file does not exist.
        """
        path = source if source is not None else dictionary_path()
        if not path.is_file():
            raise DictionaryMissing(f"no dictionary at {path}: {MISSING_DICTIONARY_HELP}")
        index = _index_file(path)
        if rebuild or not index.exists():
            for stale in index.parent.glob("ding-v*.sqlite3"):
                if stale != index:
                    stale.unlink(missing_ok=True)
            build_index(path, index)
        return cls(index, path)

    def close(self) -> None:
        """Close the index."""
        with self._lock:
            self._connection.close()

    def senses(self, word: str, limit: int = 5, exact_case: bool = False) -> tuple[DingSense, ...]:
        """The best few dictionary senses for ``word`` (matched without annotations).

        Best first: the word written exactly so, as the line's base form, as its first
        synonym, in the dictionary's own order. With ``exact_case`` only senses spelled with
        the word's exact case are given ("rote" then does not find the noun "Rote").
        """
        key = lookup_key(word)
        if not key:
            return ()
        with self._lock:
            rows = self._connection.execute(
                "SELECT keys.line, keys.sub, keys.position, lines.text FROM keys "
                "JOIN lines ON lines.line = keys.line WHERE keys.key = ?",
                (key,),
            ).fetchall()
        senses = []
        seen: set[tuple[int, int]] = set()
        for line_number, sub_index, position, text in rows:
            if (line_number, sub_index) in seen:
                continue
            seen.add((line_number, sub_index))
            parsed = parse_line(text)
            if parsed is None:
                continue
            germans, englishes = parsed
            german = germans[sub_index].strip()
            # Parallel sub-entries pair up only when both sides have the same count.
            english = englishes[sub_index] if len(englishes) == len(germans) else englishes[0]
            synonym = german.split(";")[position] if ";" in german else german
            written_exactly = lookup_key_cased(synonym) == SPACES.sub(" ", word.strip())
            if exact_case and not written_exactly:
                continue
            rank = (not written_exactly, sub_index > 0, position, line_number)
            senses.append(
                (
                    rank,
                    DingSense(
                        headword=germans[0].strip(),
                        german=german,
                        english=english.strip(),
                        head_english=englishes[0].strip(),
                        markers=tuple(MARKER.findall(synonym) or MARKER.findall(german)),
                        line=line_number,
                        plural=_plural(germans, sub_index),
                    ),
                )
            )
        senses.sort(key=lambda pair: pair[0])
        return tuple(sense for _, sense in senses[:limit])

    def contains(self, word: str) -> bool:
        """Whether ``word`` has any sense."""
        key = lookup_key(word)
        with self._lock:
            row = self._connection.execute("SELECT 1 FROM keys WHERE key = ? LIMIT 1", (key,))
            return row.fetchone() is not None


def _plural(germans: list[str], sub_index: int) -> str | None:
    """The plural of a noun line's base form: the first synonym of its ``{pl}`` sub-entry."""
    if sub_index != 0 or len(germans) < 2 or "{pl}" not in germans[1]:
        return None
    return lookup_key_cased(germans[1].split(";")[0]) or None


def lookup_key_cased(text: str) -> str:
    """Like :func:`lookup_key` but keeping the case, to prefer the word as written."""
    return SPACES.sub(" ", ANNOTATION.sub(" ", text)).strip()
