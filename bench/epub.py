"""Benchmark of opening an EPUB: converting a 1 MB book, then reopening it from the library.

Run: ``.venv/bin/python bench/epub.py``. Builds a book of about 1 MB of text in 90 chapters
(tests/epub_books.py), converts it into a temporary library and loads the document (what
`lesepult read book.epub` does before the first paint; the reading view segments blocks as the
reader goes), then opens it again (read from the library). Target: both under a second.
"""

from __future__ import annotations

import os
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

TARGET_SECONDS = 1.0
SENTENCE = (
    "Der alte Mann wartete am Bahnhof, und der Zug kam wie immer zu spät, was niemanden wunderte. "
)


def main() -> int:
    """Measure and print; exit 1 when a target is missed."""
    folder = Path(tempfile.mkdtemp(prefix="lesepult-bench-epub-"))
    os.environ["LESEPULT_DATA_DIR"] = str(folder / "data")
    from reader.cli.common import open_document
    from tests.epub_books import epub3_book

    chapters = tuple((f"Kapitel {n}", [SENTENCE * 6] * 20) for n in range(1, 91))
    book = epub3_book(folder / "gross.epub", chapters)
    start = time.perf_counter()
    document = open_document(str(book))
    first = time.perf_counter() - start
    start = time.perf_counter()
    open_document(str(book))
    again = time.perf_counter() - start
    print(
        f"book: {book.stat().st_size // 1024} kB EPUB, {len(document.source) // 1000} kB of"
        f" text, {len(document.blocks)} blocks"
    )
    print(f"first open (convert + load): {first:5.2f} s ({first / TARGET_SECONDS:.0%} of target)")
    print(f"reopen (from the library):   {again:5.2f} s ({again / TARGET_SECONDS:.0%} of target)")
    return 0 if max(first, again) < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
