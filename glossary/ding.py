"""The Ding German–English dictionary (Debian package ``trans-de-en``): the public names.

The parser of Ding's line syntax lives in :mod:`glossary.ding_parse`, the phrase slots in
:mod:`glossary.ding_phrases`, the cached SQLite index and its lookups in
:mod:`glossary.ding_index`; this module gathers the names the rest of the project imports.
"""

from __future__ import annotations

from glossary.ding_build import MAX_KEY_WORDS, build_index, iter_keys
from glossary.ding_index import (
    DEFAULT_DING_PATH,
    DING_PATH_VARIABLE,
    INDEX_FORMAT,
    MISSING_DICTIONARY_HELP,
    DictionaryMissing,
    DingDictionary,
    DingPhrase,
    DingSense,
    dictionary_path,
    part_of_speech,
)
from glossary.ding_parse import (
    ANNOTATION,
    MARKER,
    SPACES,
    lookup_key,
    lookup_key_cased,
    parse_entry,
    parse_line,
    split_synonyms,
    strip_placeholders,
)

__all__ = [
    "ANNOTATION",
    "DEFAULT_DING_PATH",
    "DING_PATH_VARIABLE",
    "INDEX_FORMAT",
    "MARKER",
    "MAX_KEY_WORDS",
    "MISSING_DICTIONARY_HELP",
    "SPACES",
    "DictionaryMissing",
    "DingDictionary",
    "DingPhrase",
    "DingSense",
    "build_index",
    "dictionary_path",
    "iter_keys",
    "lookup_key",
    "lookup_key_cased",
    "parse_entry",
    "parse_line",
    "part_of_speech",
    "split_synonyms",
    "strip_placeholders",
]
