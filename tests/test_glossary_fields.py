"""The one list of an entry's file fields (``glossary.schema.ENTRY_FIELDS``) and what follows it."""

from __future__ import annotations

from dataclasses import fields

from glossary.loading import entry_from_data, entry_to_data, validate_entry_data
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
