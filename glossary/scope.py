"""Where a glossary entry applies: everywhere, or only in the texts it was written for.

An entry with ``scope: general`` applies in every text. An entry with ``scope: text`` was
written for the texts its ``in_text`` names (their people, the sense a word has there) and
applies only to sentences of those texts. A sentence of three words or more belongs to a
bundled text when it occurs in that text's words (whitespace aside), so a copy of the
article opened from anywhere is recognised, and a sentence quoted from it elsewhere gets its
notes too; no caller has to say which text it reads. The texts are looked up by name among
the bundled files, never by a path built from a glossary's data.
"""

from __future__ import annotations

import threading
from collections.abc import Iterable, Sequence
from functools import lru_cache
from pathlib import Path

from glossary.schema import GlossaryEntry
from reader.core.paths import BUNDLED_TEXTS_DIR

# A bundled text is a short article; anything larger is not read (bounded input).
MAX_TEXT_BYTES = 4 * 1024 * 1024
SENTENCE_CACHE_SIZE = 8192
# A sentence this short ("Ja.", a two-word heading) says nothing about which text it is from.
MIN_SENTENCE_WORDS = 3


def _squeezed(text: str) -> str:
    return " ".join(text.split())


@lru_cache(maxsize=8)
def bundled_texts(directory: Path = BUNDLED_TEXTS_DIR) -> dict[str, Path]:
    """The bundled texts by file stem (the names ``in_text`` may use)."""
    return {path.stem: path for path in sorted(directory.glob("*.md"))}


@lru_cache(maxsize=32)
def bundled_source(path: Path) -> str | None:
    """A bundled text's words (whitespace squeezed), read once; None if it cannot be read."""
    from reader.core.text import TextLoadError, load_document  # only needed here

    try:
        if path.stat().st_size > MAX_TEXT_BYTES:
            return None
        return _squeezed(load_document(path).source)
    except (OSError, TextLoadError):  # a broken bundled text scopes nothing, never fails
        return None


class TextScopes:
    """Finds which of the given bundled texts a sentence comes from; thread-safe, cached."""

    def __init__(self, stems: Iterable[str], directory: Path = BUNDLED_TEXTS_DIR) -> None:
        stems = tuple(stems)
        known = bundled_texts(directory) if stems else {}
        # Texts are found by name among the bundled files, never by a path built from data.
        sources = {stem: bundled_source(known[stem]) for stem in set(stems) if stem in known}
        self._sources = {stem: text for stem, text in sources.items() if text}
        self._lock = threading.Lock()
        self._cache: dict[str, frozenset[str]] = {}

    def texts_of(self, sentence_text: str) -> frozenset[str]:
        """The stems of the texts ``sentence_text`` occurs in (empty for any other text)."""
        if not self._sources:
            return frozenset()
        with self._lock:
            cached = self._cache.get(sentence_text)
        if cached is not None:
            return cached
        squeezed = _squeezed(sentence_text)
        found = (
            frozenset(stem for stem, source in self._sources.items() if squeezed in source)
            if len(squeezed.split()) >= MIN_SENTENCE_WORDS
            else frozenset()
        )
        with self._lock:
            if len(self._cache) >= SENTENCE_CACHE_SIZE:
                self._cache.clear()
            self._cache[sentence_text] = found
        return found


def applies(entry: GlossaryEntry, texts: frozenset[str]) -> bool:
    """Whether ``entry`` applies to a sentence of ``texts`` (general entries always do)."""
    return entry.scope == "general" or not texts.isdisjoint(entry.in_text)


def order_by_scope(
    entries: Sequence[GlossaryEntry], texts: frozenset[str] | None
) -> list[GlossaryEntry]:
    """Curated entries before the reader's, then by scope.

    In a known place (``texts`` given, empty for a text no entry was written for) the
    entries written for that text come first, then the general ones, and entries written
    for other texts are left out. With no place known (a word looked up on its own), general
    entries come first and text-scoped ones after them.
    """
    if texts is None:
        return sorted(entries, key=lambda e: (e.origin != "curated", e.scope != "general"))
    kept = [entry for entry in entries if applies(entry, texts)]
    return sorted(kept, key=lambda e: (e.origin != "curated", e.scope == "general"))
