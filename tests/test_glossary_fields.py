"""The one list of an entry's file fields (``glossary.schema.ENTRY_FIELDS``) and what follows it."""

from __future__ import annotations

from dataclasses import fields
from typing import Any

import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from glossary.loading import (
    entry_from_data,
    entry_to_data,
    parse_glossary_text,
    validate_entry_data,
)
from glossary.schema import ENTRY_FIELDS, PROVENANCE_FIELDS, CompoundPart, GlossaryEntry


def test_entry_fields_are_the_entry_attributes_a_file_holds() -> None:
    names = [spec.name for spec in ENTRY_FIELDS]
    assert len(names) == len(set(names))
    assert set(names) | set(PROVENANCE_FIELDS) == {item.name for item in fields(GlossaryEntry)}
    assert not set(names) & set(PROVENANCE_FIELDS)


def test_every_field_is_written_checked_and_read_back() -> None:
    entry = GlossaryEntry(
        term="Eisenbahn",
        kind="noun",
        renderings=("railway",),
        explanation="The railway.",
        gender="f",
        plural="Eisenbahnen",
        forms=("Eisenbahnen",),
        parts=(CompoundPart("Eisen", "iron"), CompoundPart("Bahn", "track")),
        related=("Bahn",),
        english_name="Railway",
        about="A means of transport.",
        spelling_note="Also Eisen-Bahn.",
        register="neutral",
        in_text=("article",),
        scope="text",
        particle="an",
        draft=True,
        origin="user",
    )
    data = entry_to_data(entry)
    assert list(data) == [spec.name for spec in ENTRY_FIELDS]
    assert validate_entry_data(data) == ()
    assert entry_from_data(data) == entry


def test_unset_fields_are_left_out_in_file_order() -> None:
    entry = GlossaryEntry(term="Lage", kind="noun", renderings=("situation",), explanation="x")
    assert list(entry_to_data(entry)) == ["term", "kind", "renderings", "explanation"]


# Values of every shape YAML can give a field: texts, numbers, flags, lists, mappings, nothing.
_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(max_size=12),
    lambda inner: (
        st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=6), inner, max_size=2)
    ),
    max_leaves=6,
)
_NAMES = st.sampled_from([spec.name for spec in ENTRY_FIELDS] + ["bogus", "part", ""])


@settings(max_examples=400, deadline=None)
@given(st.lists(st.dictionaries(_NAMES, _VALUES, max_size=8), max_size=3))
def test_any_entry_fields_give_entries_or_located_problems(entries: list[dict[str, Any]]) -> None:
    text = yaml.safe_dump({"glossary": "g", "version": "1", "entries": entries}, allow_unicode=True)
    parsed = parse_glossary_text(text, "g.yaml", "user")
    assert bool(parsed.entries) + bool(parsed.problems) >= 1 or not entries
    for problem in parsed.problems:
        assert problem.field.startswith("entries[") and problem.line >= 1
    for entry in parsed.entries:  # a sound entry is written back as it was read
        again = parse_glossary_text(
            yaml.safe_dump({"glossary": "g", "version": "1", "entries": [entry_to_data(entry)]}),
            "g.yaml",
            "user",
        )
        assert again.problems == ()
        assert entry_to_data(again.entries[0]) == entry_to_data(entry)
