"""The cached SQLite index of the Ding dictionary, and lookups of senses and phrases in it.

Reading the 206,000-line file takes seconds, so on first use an SQLite index is built in the
user's cache directory, keyed by the file's size and modification time and by
:data:`INDEX_FORMAT` (bumped whenever the keys change, so an old cache is rebuilt). SQLite (in
the standard library) rather than a pickle because the index is queried in place: nothing has
to be loaded into memory at start. Every synonym is indexed under its whole form (``sich
weigern``) and, when it has valency placeholders, under its bare form too (``weigern``);
fixed phrases also go into a phrase table with the keys they are found by (their nouns, else
another word or the verb; a fixed expression by its first two words).
"""

from __future__ import annotations

import os
import sqlite3
import threading
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from glossary.ding_build import ABBREVIATED, build_index
from glossary.ding_parse import (
    SPACES,
    VERB_MARKERS,
    DingLine,
    Synonym,
    abbreviations_of,
    lookup_key,
    lookup_key_cased,
    parse_entry,
    part_of_speech,
    plural_of,
)
from glossary.ding_phrases import (
    Slot,
    slots_from_json,
)
from reader.core.paths import cache_dir

DEFAULT_DING_PATH = Path("/usr/share/trans/de-en")
DING_PATH_VARIABLE = "LESEPULT_DING_PATH"
MISSING_DICTIONARY_HELP = (
    "install the Debian package trans-de-en (sudo apt-get install trans-de-en) "
    f"or set {DING_PATH_VARIABLE}"
)
# 2: markers parsed before synonyms, bare keys without placeholders, phrases; 3: phrases
# keep their English; 4: capitalised pronouns are no phrase nouns; 5: abbreviations
# (``/bzw./``) are keys of their word's line; 6: fixed expressions and verb phrases without a
# noun, found by their first two words or other words; 7: both of 5 and 6; 8: "es gibt",
# genitives for "von jdm.", predicative "als", "-e/r/s" adjectives, a phrase's restriction.
INDEX_FORMAT = 8
SENSES_CACHE_SIZE = 50_000
# SQLite allows 999 parameters in older builds: phrases are read in chunks below that.
PHRASES_PER_QUERY = 900


# Lines met again (a common word's many senses) are parsed once.
_parsed = lru_cache(maxsize=16384)(parse_entry)


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
    form: str = ""
    """The synonym that matched, annotations dropped (``sich weigern`` for "weigern")."""
    in_translation: bool = False
    """Whether this sense's English occurs in the sentence's English translation."""

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


@dataclass(frozen=True)
class DingPhrase:
    """A fixed phrase of the dictionary with the slots a sentence must fill."""

    text: str
    """The phrase as shown, placeholders kept, annotations dropped (``jdn. unter Druck setzen``)."""
    english: str
    """Its English."""
    slots: tuple[Slot, ...]
    """The words that must occur."""
    line: int
    """The line number in the dictionary file."""
    sub: int
    """The sub-entry it stands in (0: the line's headword)."""
    restricted: bool = False
    """Whether the dictionary restricts it to a kind of subject or use ("in etw. gehen (eine
    Veranstaltung besuchen)", "nicht gehen (Gerät)"), which no tag can check."""


def dictionary_path() -> Path:
    """Where the Ding file is: ``LESEPULT_DING_PATH`` or ``/usr/share/trans/de-en``."""
    value = os.environ.get(DING_PATH_VARIABLE)
    return Path(value).expanduser() if value else DEFAULT_DING_PATH


def index_file(source: Path) -> Path:
    """Where the index of ``source`` is kept (named by its size, mtime and the format)."""
    status = source.stat()
    return cache_dir() / f"ding-v{INDEX_FORMAT}-{status.st_size}-{status.st_mtime_ns}.sqlite3"


class DingDictionary:
    """Looks words up in the Ding dictionary through its cached index; thread-safe."""

    def __init__(self, index_path: Path, source: Path) -> None:
        self.index_path = index_path
        self.source = source
        self._connection = sqlite3.connect(
            f"file:{index_path}?mode=ro", uri=True, check_same_thread=False
        )
        self._lock = threading.Lock()
        self._phrase_cache: dict[int, DingPhrase | None] = {}
        self._senses_cache: dict[tuple[str, int, bool], tuple[DingSense, ...]] = {}

    @classmethod
    def open(cls, source: Path | None = None, rebuild: bool = False) -> DingDictionary:
        """Open the dictionary, building its index first if there is none for this file.

        Raises DictionaryMissing with install instructions when the file does not exist.
        """
        path = source if source is not None else dictionary_path()
        if not path.is_file():
            raise DictionaryMissing(f"no dictionary at {path}: {MISSING_DICTIONARY_HELP}")
        index = index_file(path)
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

        Best first: the word written exactly so, as the line's base form, as its whole form
        rather than bare of placeholders, as its first synonym, in the dictionary's own
        order. With ``exact_case`` only senses spelled with the word's exact case are given
        ("rote" then does not find the noun "Rote"). Answers are kept: a word met again
        (the cursor moving back) costs a dictionary lookup, not a query and a parse.
        """
        cache_key = (word, limit, exact_case)
        cached = self._senses_cache.get(cache_key)
        if cached is None:
            cached = self._senses(word, limit, exact_case)
            if len(self._senses_cache) >= SENSES_CACHE_SIZE:
                self._senses_cache.clear()
            self._senses_cache[cache_key] = cached
        return cached

    def _senses(self, word: str, limit: int, exact_case: bool) -> tuple[DingSense, ...]:
        key = lookup_key(word)
        if not key:
            return ()
        with self._lock:
            rows = self._connection.execute(
                "SELECT keys.line, keys.sub, keys.position, keys.bare, lines.text FROM keys "
                "JOIN lines ON lines.line = keys.line WHERE keys.key = ?",
                (key,),
            ).fetchall()
        wanted = SPACES.sub(" ", word.strip())
        senses = []
        seen: set[tuple[int, int]] = set()
        for line_number, sub_index, position, bare, text in sorted(rows, key=lambda r: r[3]):
            if (line_number, sub_index) in seen:
                continue
            entry = _parsed(text)
            if entry is None or sub_index >= len(entry.synonyms):
                continue
            synonyms = entry.synonyms[sub_index]
            if position >= len(synonyms):
                continue
            seen.add((line_number, sub_index))
            synonym = synonyms[position]
            if bare == ABBREVIATED:
                written_exactly = wanted in abbreviations_of(synonym.text)
            else:
                written_exactly = (synonym.bare_cased if bare else synonym.cased) == wanted
            if exact_case and not written_exactly:
                continue
            german = entry.german[sub_index].strip()
            rank = (not written_exactly, sub_index > 0, bare, position, line_number)
            markers = synonym.markers or _sub_entry_markers(synonyms)
            if not markers and sub_index:
                # A verb's forms (gefangen, fing) are verb forms: the headword's markers.
                head = _sub_entry_markers(entry.synonyms[0])
                markers = tuple(m for m in head if m in VERB_MARKERS)
            sense = DingSense(
                headword=entry.german[0].strip(),
                german=german,
                english=entry.english_for(sub_index),
                head_english=entry.english[0].strip(),
                markers=markers,
                line=line_number,
                plural=plural_of(entry, sub_index, position),
                form=synonym.cased,
            )
            senses.append((rank, sense))
        senses.sort(key=lambda pair: pair[0])
        return tuple(sense for _, sense in senses[:limit])

    def entry(self, line_number: int) -> DingLine | None:
        """The parsed dictionary line ``line_number``, or None when the index has no such line."""
        with self._lock:
            row = self._connection.execute(
                "SELECT text FROM lines WHERE line = ?", (line_number,)
            ).fetchone()
        return _parsed(row[0]) if row is not None else None

    def verb_of_form(self, word: str) -> str | None:
        """The infinitive whose line gives ``word`` as a form (gefangen → fangen), or None."""
        with self._lock:
            rows = self._connection.execute(
                "SELECT keys.sub, keys.position, lines.text FROM keys JOIN lines"
                " ON lines.line = keys.line WHERE keys.key = ? AND keys.sub > 0"
                " ORDER BY keys.line",
                (lookup_key(word),),
            ).fetchall()
        for sub, position, text in rows:
            entry = _parsed(text)
            if entry is None or sub >= len(entry.synonyms) or not entry.synonyms[0]:
                continue
            if entry.synonyms[sub][position].cased != word:
                continue
            head = entry.synonyms[0]
            if not VERB_MARKERS.intersection(_sub_entry_markers(head)):
                continue
            verb = head[position] if position < len(head) else head[0]
            if " " not in verb.bare:
                return verb.bare_cased
        return None

    def contains(self, word: str) -> bool:
        """Whether ``word`` has any sense."""
        key = lookup_key(word)
        with self._lock:
            row = self._connection.execute("SELECT 1 FROM keys WHERE key = ? LIMIT 1", (key,))
            return row.fetchone() is not None

    def phrases_with(self, words: Iterable[str]) -> tuple[DingPhrase, ...]:
        """The phrases one of whose nouns is among ``words`` (lower-cased forms)."""
        wanted = sorted({word for word in words if word})
        if not wanted:
            return ()
        marks = ",".join("?" * len(wanted))
        with self._lock:
            ids = [
                row[0]
                for row in self._connection.execute(
                    f"SELECT DISTINCT phrase FROM anchors WHERE word IN ({marks})", wanted
                )
            ]
        missing = [i for i in ids if i not in self._phrase_cache]
        if missing:
            self._load_phrases(missing)
        cached = (self._phrase_cache.get(i) for i in sorted(ids))
        return tuple(phrase for phrase in cached if phrase is not None)

    def _load_phrases(self, ids: list[int]) -> None:
        """Read phrases into the cache, many per query (a key like "in dem" finds hundreds)."""
        for start in range(0, len(ids), PHRASES_PER_QUERY):
            chunk = ids[start : start + PHRASES_PER_QUERY]
            marks = ",".join("?" * len(chunk))
            with self._lock:
                rows = self._connection.execute(
                    "SELECT id, line, sub, text, english, slots, restricted FROM phrases"
                    f" WHERE id IN ({marks})",
                    chunk,
                ).fetchall()
            for phrase_id in chunk:
                self._phrase_cache[phrase_id] = None
            for phrase_id, line_number, sub, text, english, slots, restricted in rows:
                self._phrase_cache[phrase_id] = DingPhrase(
                    text, english, slots_from_json(slots), line_number, sub, bool(restricted)
                )


def _sub_entry_markers(synonyms: tuple[Synonym, ...]) -> tuple[str, ...]:
    """The markers of a sub-entry when the matched synonym has none (the last one's)."""
    for synonym in reversed(synonyms):
        if synonym.markers:
            return synonym.markers
    return ()


__all__ = [
    "DictionaryMissing",
    "DingDictionary",
    "DingPhrase",
    "DingSense",
    "dictionary_path",
    "lookup_key",
    "lookup_key_cased",
    "part_of_speech",
]
