"""Suggested meanings for vocabulary words the reader has not given one: glossary, then Ding.

The vocabulary screen shows them (marked as suggestions) where the reader's own meaning is
empty, and `words list --meanings` prints them. The glossary's renderings come first; else
the short meaning the study sheets use (:func:`reader.export.sources.short_meaning`) from
the Ding dictionary, when it is installed. Slow for a long vocabulary (the dictionary index,
HanTa), so the app runs it in a worker and asks it in batches.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator


def suggested_meanings(
    lemmas: Iterable[str], batch: int = 200, cancelled: Callable[[], bool] = lambda: False
) -> Iterator[dict[str, str]]:
    """Per batch of ``lemmas``, a meaning for each one that has one (none are left out twice)."""
    from glossary.glossary_cache import cached_glossaries, dictionary_index_name
    from glossary.lookup import WordLookup
    from reader.export.sources import MEANING_LIMIT, short_meaning

    glossaries = cached_glossaries(dictionary_index_name())
    lookup = WordLookup.create(glossaries)
    found: dict[str, str] = {}
    try:
        for lemma in dict.fromkeys(lemmas):
            if cancelled():
                return
            entries = glossaries.find(lemma)
            if entries and entries[0].renderings:
                meaning = "; ".join(entries[0].renderings[:MEANING_LIMIT])
            else:
                meaning = short_meaning(lookup.lookup(lemma)) if lemma.strip() else ""
            if meaning:
                found[lemma] = meaning
            if len(found) >= batch:
                yield found
                found = {}
        if found:
            yield found
    finally:
        lookup.close()
