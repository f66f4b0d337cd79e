"""A cache of the loaded glossaries and their expressions' tags, so a lookup starts fast.

Reading the glossary YAML (PyYAML composes nodes to report every problem's line) and tagging
each expression with HanTa cost most of a ``lesepult lookup`` run, and neither changes
between runs. So both are kept in one JSON file in the cache directory, named by a hash of
every glossary file's path, size and modification time, of the dictionary index the lemmas
were checked against, of :data:`CACHE_VERSION` and of the data types' field names (a new
schema field makes a new cache). JSON rather than pickle: loading it runs no code. A cache
that cannot be read or written is ignored: the glossaries are then read as usual.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterable
from dataclasses import asdict, fields
from pathlib import Path
from typing import Any

from glossary.lemmas import TaggedToken, seed_curated_entries, seed_tags, tag_words
from glossary.loading import curated_glossary_paths, load_glossaries, user_glossary_path
from glossary.schema import (
    CompoundPart,
    GlossaryEntry,
    GlossaryFile,
    GlossarySet,
    ValidationProblem,
)
from reader.core.atomic import atomic_write_text
from reader.core.paths import cache_dir

CACHE_VERSION = 1
MAX_CACHE_BYTES = 20_000_000


def _stamp(path: Path) -> list[object]:
    try:
        status = path.stat()
    except OSError:
        return [str(path), None]
    return [str(path), status.st_size, status.st_mtime_ns]


def _schema_signature() -> list[list[str]]:
    types = (GlossaryEntry, CompoundPart, ValidationProblem, GlossaryFile, TaggedToken)
    return [[item.name for item in fields(kind)] for kind in types]


def cache_path(curated: Iterable[Path], user_file: Path, dictionary_index: str) -> Path:
    """The cache file for these glossary files and this dictionary index."""
    key = json.dumps(
        [
            CACHE_VERSION,
            _schema_signature(),
            [_stamp(path) for path in curated],
            _stamp(user_file),
            dictionary_index,
        ]
    )
    digest = hashlib.sha256(key.encode("utf-8")).hexdigest()[:24]
    return cache_dir() / f"glossary-{digest}.json"


def expression_words(glossary: GlossarySet) -> list[tuple[str, ...]]:
    """The word sequences the matcher tags: every multi-word term and form."""
    found: dict[tuple[str, ...], None] = {}
    for entry in glossary.entries:
        for text in (entry.term, *entry.forms):
            if " " in text.strip():
                found[tuple(text.split())] = None
    return list(found)


def _entry_from_data(data: dict[str, Any]) -> GlossaryEntry:
    values: dict[str, Any] = {}
    for item in fields(GlossaryEntry):
        value = data[item.name]
        if item.name == "parts":
            value = tuple(CompoundPart(**part) for part in value)
        elif isinstance(value, list):
            value = tuple(value)
        values[item.name] = value
    return GlossaryEntry(**values)


def _to_data(glossary: GlossarySet) -> dict[str, Any]:
    return {
        "entries": [asdict(entry) for entry in glossary.entries],
        "problems": [asdict(problem) for problem in glossary.problems],
        "files": [asdict(file) for file in glossary.files],
        "tags": [
            [list(words), [asdict(token) for token in tag_words(words)]]
            for words in expression_words(glossary)
        ],
    }


def _from_data(data: dict[str, Any]) -> GlossarySet:
    glossary = GlossarySet(
        entries=tuple(_entry_from_data(entry) for entry in data["entries"]),
        problems=tuple(ValidationProblem(**problem) for problem in data["problems"]),
        files=tuple(GlossaryFile(**file) for file in data["files"]),
    )
    seed_curated_entries(tuple(e for e in glossary.entries if e.origin == "curated"))
    seed_tags(
        {
            tuple(words): tuple(TaggedToken(**token) for token in tokens)
            for words, tokens in data["tags"]
        }
    )
    return glossary


def read_cache(path: Path) -> GlossarySet | None:
    """The glossaries kept in ``path`` (their tags seeded), or None when it is missing or broken."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_CACHE_BYTES:
            return None
        return _from_data(json.loads(path.read_text(encoding="utf-8")))
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return None  # a broken cache is rebuilt


def cached_glossaries(dictionary_index: str = "") -> GlossarySet:
    """:func:`load_glossaries` (default files), from the cache when nothing has changed.

    ``dictionary_index`` names the dictionary index the lemmas are checked against (its
    file name), so a new dictionary makes new tags.
    """
    curated = curated_glossary_paths()
    user_file = user_glossary_path()
    path = cache_path(curated, user_file, dictionary_index)
    cached = read_cache(path)
    if cached is not None:
        return cached
    glossary = load_glossaries(curated, user_file)
    try:
        for stale in path.parent.glob("glossary-*.json"):
            if stale != path:
                stale.unlink(missing_ok=True)
        atomic_write_text(path, json.dumps(_to_data(glossary), ensure_ascii=False))
    except OSError:
        pass  # no cache this time
    return glossary


def dictionary_index_name() -> str:
    """The file name of the current dictionary index ("" when there is no dictionary)."""
    from glossary.ding_index import dictionary_path, index_file

    try:
        return index_file(dictionary_path()).name
    except OSError:
        return ""
