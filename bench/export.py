"""Benchmark: the article in every export format, and a 1 MB text to Markdown and HTML.

Run ``.venv/bin/python bench/export.py``. The inputs are fixed (the study test inputs:
placeholder English, two glossary terms, two vocabulary words), so the numbers measure
segmentation, sheet building and rendering, not translation or HanTa. Prints times and the
ratios measured in this run.
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from reader.core.paths import DEFAULT_TEXT
from reader.core.text import Document, load_document, parse_document
from reader.export import render, write_export
from reader.export.sheet import build_study_sheet
from tests.fixtures_study import SHEET_TIMESTAMP, make_test_sources

FORMATS = ("md", "html", "csv", "anki")


def long_document() -> Document:
    """About 1 MB of German: tests/longtext.py's text if present, else the article repeated."""
    try:
        from tests.longtext import make_long_text  # type: ignore[import-not-found]

        text = str(make_long_text())
    except ImportError:
        body = DEFAULT_TEXT.read_text(encoding="utf-8").split("---\n", 2)[2]
        text = "# Langer Text\n\n" + body * (1_000_000 // len(body.encode()) + 1)
    return parse_document(text, "long text")


def timed_export(document: Document, format: str, folder: Path) -> float:
    """Seconds to build the sheet and write it in one format."""
    started = time.perf_counter()
    sheet = build_study_sheet(document, make_test_sources(), timestamp=SHEET_TIMESTAMP)
    write_export(sheet, format, folder / f"sheet-{format}", force=True)
    return time.perf_counter() - started


def main() -> None:
    """Run the benchmark and print the results."""
    article = load_document(DEFAULT_TEXT)
    started = time.perf_counter()
    for _ in article.all_sentences():
        pass
    segmentation = time.perf_counter() - started
    with tempfile.TemporaryDirectory() as folder:
        times = {format: timed_export(article, format, Path(folder)) for format in FORMATS}
        total = sum(times.values())
        print(f"article: segmentation (once, first use) {segmentation:.3f} s")
        for format, seconds in times.items():
            print(f"article -> {format:<4} {seconds * 1000:8.1f} ms")
        print(f"article, all formats: {total:.3f} s (target < 1 s: {total / 1.0:.2f} of it)")
        long = long_document()
        size = len(long.source.encode())
        started = time.perf_counter()
        for _ in long.all_sentences():
            pass
        long_segmentation = time.perf_counter() - started
        long_times = {format: timed_export(long, format, Path(folder)) for format in ("md", "html")}
        print(
            f"long text: {size / 1e6:.2f} MB, {len(long.blocks)} blocks,"
            f" segmentation {long_segmentation:.2f} s"
        )
        for format, seconds in long_times.items():
            print(
                f"long text -> {format:<4} {seconds:.3f} s"
                f" ({seconds / times[format]:.0f}x the article for"
                f" {size / len(article.source.encode()):.0f}x the size)"
            )
        sample = render(
            build_study_sheet(article, make_test_sources(), timestamp=SHEET_TIMESTAMP), "md"
        )
        print(f"article Markdown size: {len(sample)} bytes")


if __name__ == "__main__":
    main()
