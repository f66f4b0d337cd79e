"""The glossary cache: a lookup starts without reading YAML or tagging expressions (issue 9)."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import glossary.glossary_cache as cache
from glossary.glossary_cache import cache_path, cached_glossaries, expression_words, read_cache
from glossary.lemmas import tag_words
from glossary.loading import curated_glossary_paths, load_glossaries, user_glossary_path
from glossary.schema import GlossarySet


def test_cache_gives_what_loading_gives_and_is_used_the_second_time(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    first = cached_glossaries("index-a")
    assert first == load_glossaries()
    assert expression_words(first)  # the curated glossary has expressions

    def fail(*_: object) -> None:
        raise AssertionError("read the YAML although nothing changed")

    monkeypatch.setattr(cache, "load_glossaries", fail)
    second = cached_glossaries("index-a")
    assert second == first
    for words in expression_words(second):
        assert tag_words(words)  # seeded from the cache


def test_a_changed_user_file_or_dictionary_makes_a_new_cache() -> None:
    curated = curated_glossary_paths()
    before = cache_path(curated, user_glossary_path(), "index-a")
    assert cache_path(curated, user_glossary_path(), "index-b") != before
    cached_glossaries("index-a")
    path = user_glossary_path()
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(
        'glossary: mine\nversion: "1"\nentries:\n'
        "  - {term: Heimweg, kind: noun, renderings: [way home], explanation: Home.}\n",
        encoding="utf-8",
    )
    assert cache_path(curated, path, "index-a") != before
    assert any(entry.term == "Heimweg" for entry in cached_glossaries("index-a").entries)


JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4)
        | st.dictionaries(
            st.sampled_from(["entries", "problems", "files", "tags", "term"]), children
        )
    ),
    max_leaves=20,
)


@settings(max_examples=300, deadline=None)
@given(garbage=st.text(max_size=300) | JSON_VALUES.map(json.dumps))
def test_a_broken_cache_is_no_cache(garbage: str, tmp_path_factory: pytest.TempPathFactory) -> None:
    path = tmp_path_factory.mktemp("cache") / "glossary-broken.json"
    path.write_text(garbage, encoding="utf-8")
    result = read_cache(path)
    assert result is None or isinstance(result, GlossarySet)


def test_a_broken_cache_is_rebuilt() -> None:
    path = cache_path(curated_glossary_paths(), user_glossary_path(), "broken")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text('{"entries": [1]}', encoding="utf-8")
    assert cached_glossaries("broken").entries == load_glossaries().entries
