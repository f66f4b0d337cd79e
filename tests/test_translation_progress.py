"""The background translation's progress and bounds (issue 11, item 8): a total over the whole
text from the first report that never changes, messages of bounded size, pausing, and the
status bar early in a long text's translation."""

from __future__ import annotations

from typing import Any

import pytest

from reader.core.text import Document, parse_document
from reader.reading_work import (
    MESSAGE_SENTENCES,
    EnglishArrived,
    TranslationEvent,
    translate_document,
)
from reader.store import Store
from reader.translation import TranslationStore
from tests.fake_engine import fake_engine  # noqa: F401  (a fixture)
from tests.longtext import make_long_text


def long_document(paragraphs: int) -> Document:
    # Distinct sentences, so every one needs the model.
    body = "\n\n".join(
        " ".join(f"Satz {p} Nummer {s} steht hier." for s in range(5)) for p in range(paragraphs)
    )
    return parse_document("# Lang\n\n" + body, "long")


def _events(document: Document, store: Store, **options: Any) -> list[TranslationEvent]:
    events: list[TranslationEvent] = []
    translate_document(
        document, TranslationStore(store), (0, 3), events.append, lambda: False, **options
    )
    return events


@pytest.mark.usefixtures("fake_engine")
def test_progress_totals_never_change_and_start_over_the_whole_text(store: Store) -> None:
    document = long_document(60)
    progress = [(e.done, e.total, e.unit) for e in _events(document, store)
                if isinstance(e, EnglishArrived) and e.total is not None]  # fmt: skip
    sentences = sum(len(document.sentences(i)) for i in range(len(document.blocks)))
    assert progress[0] == (0, sentences, "sentences")  # the whole text from the first report
    assert {total for _, total, _ in progress} == {sentences}
    dones = [done for done, _, _ in progress]
    assert dones == sorted(dones) and dones[-1] == sentences


@pytest.mark.usefixtures("fake_engine")
def test_a_long_text_counts_paragraphs_from_the_start(store: Store) -> None:
    document = parse_document(make_long_text(120_000), "long")
    events: list[TranslationEvent] = []

    def cancelled() -> bool:  # stop after a few reports: enough to see the totals
        return sum(1 for e in events if isinstance(e, EnglishArrived)) > 40

    translate_document(document, TranslationStore(store), (0, 3), events.append, cancelled)
    progress = [(e.done, e.total, e.unit) for e in events
                if isinstance(e, EnglishArrived) and e.total is not None]  # fmt: skip
    assert progress[0] == (0, len(document.blocks), "paragraphs")
    assert {(total, unit) for _, total, unit in progress} == {(len(document.blocks), "paragraphs")}
    # Blocks far from the screen were translated without keeping their segmentation.
    assert len(document.segmented_blocks()) < 10


@pytest.mark.usefixtures("fake_engine")
def test_no_message_carries_more_than_a_batch_even_from_the_store(store: Store) -> None:
    paragraph = " ".join(f"Der {n}. Satz steht im großen Absatz." for n in range(300))
    document = parse_document("# T\n\n" + paragraph + "\n\nKurz.", "big")
    first = _events(document, store)  # translated
    again = _events(document, store)  # all from the store
    for events in (first, again):
        arrived = [e for e in events if isinstance(e, EnglishArrived)]
        assert sum(len(e.translations) for e in arrived) >= 300
        assert max(len(e.translations) for e in arrived) <= MESSAGE_SENTENCES


@pytest.mark.usefixtures("fake_engine")
def test_on_demand_only_translates_nothing_and_shows_stored_english(store: Store) -> None:
    document = long_document(10)
    german = document.sentences(1)[0].text
    TranslationStore(store).save_machine("fake 0.0", [(german, "stored English")])
    events = _events(document, store, background=False)
    arrived = [t for e in events if isinstance(e, EnglishArrived) for t in e.translations]
    assert [t.english for t in arrived] == ["stored English"]
    assert TranslationStore(store).machine_count("fake 0.0") == 1
