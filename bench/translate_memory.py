"""Memory benchmark of the reading view's background translation on a long text (issue 11, 8).

Runs ``reader.reading_work.translate_document`` on the generated novel (``tests/longtext.py``,
1 MB by default) with the tiny random model (``tests/tiny_argos.py``) into an empty store, and
keeps what arrives the way the reading screen does (the ``machine`` dict, one entry a
sentence). Prints the resident memory (``VmRSS``) every few seconds, the largest number of
sentences one message carried, the progress totals seen, and stops after ``--seconds``.

    .venv/bin/python bench/translate_memory.py [--bytes 1000000] [--seconds 90]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))


def rss_mb() -> float:
    """This process's resident memory in MB (Linux)."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return 0.0


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--bytes", type=int, default=1_000_000)
    parser.add_argument("--seconds", type=float, default=90.0)
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        for variable in ("LESEPULT_DATA_DIR", "LESEPULT_CONFIG_DIR", "ARGOS_PACKAGES_DIR"):
            os.environ[variable] = str(Path(scratch) / variable.lower())
        from reader.core.paths import DEFAULT_TEXT
        from reader.core.text import load_document, parse_document
        from reader.reading_work import EnglishArrived, translate_document
        from reader.store import Store
        from reader.translation import SentenceTranslation, TranslationStore
        from reader.translation.models import install_from_file
        from tests.longtext import make_long_text
        from tests.tiny_argos import build_tiny_package

        sentences = [s.text for s in load_document(DEFAULT_TEXT).all_sentences()]
        install_from_file(build_tiny_package(Path(scratch) / "tiny.argosmodel", sentences))
        document = parse_document(make_long_text(options.bytes), "long")
        store = Store(Path(scratch) / "store.sqlite3")
        machine: dict[str, SentenceTranslation] = {}
        started = time.monotonic()
        last = [started]
        widest, totals = [0], set()
        print(f"start: {rss_mb():.0f} MB, {len(document.blocks)} blocks")

        def emit(event: object) -> None:
            if isinstance(event, EnglishArrived):
                widest[0] = max(widest[0], len(event.translations))
                machine.update((t.german, t) for t in event.translations)
                if event.total is not None:
                    totals.add(event.total)
                now = time.monotonic()
                if now - last[0] >= 5:
                    last[0] = now
                    print(
                        f"{now - started:5.0f} s: {rss_mb():4.0f} MB,"
                        f" progress {event.done}/{event.total}, {len(machine)} kept"
                    )

        def cancelled() -> bool:
            return time.monotonic() - started > options.seconds

        translate_document(document, TranslationStore(store), (0, 10), emit, cancelled)
        print(
            f"end after {time.monotonic() - started:.0f} s: {rss_mb():.0f} MB;"
            f" widest message {widest[0]} sentences; totals seen {sorted(totals)}"
        )


if __name__ == "__main__":
    main()
