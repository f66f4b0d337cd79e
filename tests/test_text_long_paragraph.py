"""A 1 MB text with no blank line: the app opens it, stays responsive and quits on `q`."""

from __future__ import annotations

from pathlib import Path

from reader.core.structure import MAX_BLOCK_CHARS, bounded_spans
from reader.core.text import load_document
from reader.store import Store
from tests.ui_support import reading_app, reading_screen

SENTENCE = "Der Minister sagte am Montag in Berlin, dass die Regierung mehr Geld ausgeben werde. "


def one_paragraph(tmp_path: Path, size: int = 1_000_000) -> Path:
    path = tmp_path / "ein-absatz.txt"
    path.write_text("Titel\n\n" + SENTENCE * (size // len(SENTENCE)), encoding="utf-8")
    return path


async def test_one_megabyte_paragraph_quits_on_q_with_bounded_work(
    tmp_path: Path, store: Store
) -> None:
    document = load_document(one_paragraph(tmp_path))
    app = reading_app(document, store)
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause()
        screen = reading_screen(pilot)
        assert screen.document is document
        workers = list(app.workers)
        await pilot.press("q")
    assert app.return_code == 0
    assert all(worker.is_finished for worker in workers)
    # Only the blocks around the cursor were segmented, each of bounded size; never the
    # whole megabyte in one SoMaJo call.
    assert len(document.segmented_blocks()) <= 30 < len(document.blocks)
    assert all(len(document.blocks[i].text) <= MAX_BLOCK_CHARS for i in document.segmented_blocks())


def test_bounded_spans_cut_at_sentence_ends() -> None:
    text = SENTENCE * 200
    spans = list(bounded_spans(text, 0, len(text.rstrip()), 1000))
    assert all(end - start <= 1000 for start, end in spans)
    assert all(text[start:end].endswith("werde.") for start, end in spans)
    assert "".join(text[start:end] + " " for start, end in spans) == text


def test_bounded_spans_cut_a_text_without_sentence_ends_at_spaces_then_anywhere() -> None:
    words = "wort " * 1000
    spans = list(bounded_spans(words, 0, len(words) - 1, 333))
    assert all(end - start <= 333 and words[start:end].endswith("wort") for start, end in spans)
    blob = "x" * 2500
    assert list(bounded_spans(blob, 0, 2500, 1000)) == [(0, 1000), (1000, 2000), (2000, 2500)]


def test_a_paragraph_within_the_bound_is_one_block(tmp_path: Path) -> None:
    document = load_document(one_paragraph(tmp_path, MAX_BLOCK_CHARS - 100))
    assert len(document.blocks) == 2
