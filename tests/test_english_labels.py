"""The labels of the English column without a model (issue 11, bugs 4 and 14)."""

from __future__ import annotations

from reader.core.text import Document
from reader.english import compose_english, machine_version
from reader.translation.store import SentenceTranslation


def _edited(german: str) -> SentenceTranslation:
    return SentenceTranslation(german, "My own English.", "edited", None)


def test_only_the_readers_edits_without_a_model_are_edited_by_you() -> None:
    germans = ("Erster Satz.", "Zweiter Satz.")
    machine = {germans[0]: _edited(germans[0])}
    version = machine_version(germans, machine, None, translating=False)
    assert version is not None
    assert version.label == "edited by you"
    assert version.origin == "edited"
    # While a model is at work, the rest is on its way and the label says so.
    translating = machine_version(germans, machine, "model 1.0", translating=True)
    assert translating is not None
    assert translating.label == "machine · model 1.0 · 1 edited · translating…"


def test_with_machine_english_and_no_model_the_label_stays_machine() -> None:
    germans = ("Erster Satz.", "Zweiter Satz.")
    machine = {
        germans[0]: _edited(germans[0]),
        germans[1]: SentenceTranslation(germans[1], "Second.", "machine", "m"),
    }
    version = machine_version(germans, machine, None, translating=False)
    assert version is not None
    assert version.label == "machine · 1 edited"


def test_without_a_model_the_reason_is_said_beside_the_first_block_only(
    article: Document,
) -> None:
    reason = "no model: press m"
    first = compose_english(article, 0, "machine", {}, None, None, reason, translating=False)
    later = compose_english(article, 3, "machine", {}, None, None, reason, translating=False)
    assert first.placeholder == reason
    assert later.placeholder == "" and later.versions == ()
    # While a model is being looked for, every block says so.
    looking = compose_english(article, 3, "machine", {}, None, None, reason)
    assert looking.placeholder == reason
