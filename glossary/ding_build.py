"""Building the SQLite index of the Ding dictionary: the keys each line is found by, its phrases.

:mod:`glossary.ding_index` builds the index with :func:`build_index` on first use (and when
:data:`glossary.ding_index.INDEX_FORMAT` changes) and reads it; what goes into the index is
decided here.
"""

from __future__ import annotations

import os
import re
import sqlite3
from collections.abc import Iterator
from pathlib import Path

from glossary.ding_parse import DingLine, abbreviations_of, parse_entry
from glossary.ding_phrases import (
    infinitives,
    is_restricted,
    line_phrases,
    phrase_anchors,
    slots_to_json,
)

# The ``bare`` column's value for a key that is the synonym's abbreviation (``u.`` for "und").
# A verb marker in a line's headword ("{vt}", "{vi; +Dat.}", "{v}"): only such lines name
# an infinitive (see glossary.ding_phrases.infinitives).
VERB_HEAD = re.compile(r"\{[^}]*\bv[tir]?\b")
ABBREVIATED = 2
# Keys longer than this many words are whole phrases nobody looks up as one word.
MAX_KEY_WORDS = 3


def iter_keys(line: str) -> Iterator[tuple[str, int, int, int]]:
    """Each (key, sub-entry, synonym position, bare) a dictionary line can be found by.

    ``bare`` is 1 for a key found only once the placeholders are dropped (``weigern``),
    :data:`ABBREVIATED` for the abbreviation Ding gives beside the synonym (``bzw.``).
    """
    entry = parse_entry(line)
    if entry is None:
        return
    yield from _entry_keys(entry)


def _entry_keys(entry: DingLine) -> Iterator[tuple[str, int, int, int]]:
    for sub_index, synonyms in enumerate(entry.synonyms):
        for position, synonym in enumerate(synonyms):
            if synonym.key and synonym.key.count(" ") < MAX_KEY_WORDS:
                yield synonym.key, sub_index, position, 0
            if synonym.bare != synonym.key and synonym.bare.count(" ") < MAX_KEY_WORDS:
                yield synonym.bare, sub_index, position, 1
            # "andererseits … wieder", "entweder … oder": found by their first word too.
            first, gap, _ = synonym.key.partition("…")
            if gap and first.strip().isalpha():
                yield first.strip(), sub_index, position, 1
            for abbreviation in abbreviations_of(synonym.text):
                if abbreviation.count(" ") < MAX_KEY_WORDS:
                    yield abbreviation.casefold(), sub_index, position, ABBREVIATED


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
                               sub INTEGER NOT NULL, position INTEGER NOT NULL,
                               bare INTEGER NOT NULL);
            CREATE TABLE phrases (id INTEGER PRIMARY KEY, line INTEGER NOT NULL,
                                  sub INTEGER NOT NULL, text TEXT NOT NULL,
                                  english TEXT NOT NULL, slots TEXT NOT NULL,
                                  restricted INTEGER NOT NULL);
            CREATE TABLE anchors (word TEXT NOT NULL, phrase INTEGER NOT NULL);
            """
        )
        line_rows: list[tuple[int, str]] = []
        key_rows: list[tuple[str, int, int, int, int]] = []
        phrase_rows: list[tuple[int, int, int, str, str, str, int]] = []
        anchor_rows: list[tuple[str, int]] = []
        # Which last words of phrases are verbs ("ein bisschen" is no verb phrase): a first
        # pass over the lines whose headword carries a verb marker, so that the parsed lines
        # are not all held at once (that tripled the build's memory).
        with source.open(encoding="utf-8", errors="replace") as dictionary:
            verbs = infinitives(
                entry
                for line in dictionary
                if VERB_HEAD.search(line.split("|", 1)[0])
                and (entry := parse_entry(line)) is not None
            )
        with source.open(encoding="utf-8", errors="replace") as dictionary:
            for number, line in enumerate(dictionary, start=1):
                entry = parse_entry(line)
                if entry is None:
                    continue
                keys = list(_entry_keys(entry))
                phrases = line_phrases(entry, verbs)
                if not keys and not phrases:
                    continue
                line_rows.append((number, line.rstrip("\n")))
                key_rows.extend((key, number, sub, pos, bare) for key, sub, pos, bare in keys)
                for sub, position, text, slots in phrases:
                    phrase_id = len(phrase_rows) + 1
                    english = entry.english_for(sub)
                    limited = int(is_restricted(entry.synonyms[sub][position].text))
                    phrase_rows.append(
                        (phrase_id, number, sub, text, english, slots_to_json(slots), limited)
                    )
                    anchors = phrase_anchors(slots)
                    anchor_rows.extend((anchor, phrase_id) for anchor in sorted(anchors))
        connection.executemany("INSERT INTO lines VALUES (?, ?)", line_rows)
        connection.executemany("INSERT INTO keys VALUES (?, ?, ?, ?, ?)", key_rows)
        connection.executemany("INSERT INTO phrases VALUES (?, ?, ?, ?, ?, ?, ?)", phrase_rows)
        connection.executemany("INSERT INTO anchors VALUES (?, ?)", anchor_rows)
        connection.execute("CREATE INDEX keys_by_key ON keys (key)")
        connection.execute("CREATE INDEX anchors_by_word ON anchors (word)")
        connection.commit()
    finally:
        connection.close()
    os.replace(temporary, target)
