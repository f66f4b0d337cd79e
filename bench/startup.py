"""Startup benchmark: process start to first paint of the article, headless.

Runs, alternately and in the same run, (1) a minimal Textual app that shows one Static,
(2) Lesepult on the bundled article and (3) Lesepult on a generated 1 MB novel, each in a fresh
interpreter, and prints the medians and the ratios. Absolute times drift on shared machines;
the ratios are what to compare. Target: the article at most 2x the minimal app.

    .venv/bin/python bench/startup.py [--runs 7]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

PROBE = """
import os, sys, time
from textual.app import App

STARTED = float(sys.argv[1])
_display = App._display

def display_and_time(self, screen, renderable):
    _display(self, screen, renderable)
    if renderable is not None and type(screen).__name__ == TARGET_SCREEN:
        print(f"{time.time() - STARTED:.6f}", flush=True)
        os._exit(0)

App._display = display_and_time
"""

MINIMAL = (
    PROBE
    + """
from textual.widgets import Static
TARGET_SCREEN = "Screen"

class Minimal(App[None]):
    def compose(self):
        yield Static("Hallo Welt")

Minimal().run(headless=True, size=(120, 40))
"""
)

LESEPULT = (
    PROBE
    + """
from pathlib import Path
from reader.store import Store
from reader.core.text import load_document
from reader.ui.app import make_app
TARGET_SCREEN = "ReadingScreen"

make_app(load_document(Path(sys.argv[2])), Store(Path(sys.argv[3]))).run(
    headless=True, size=(120, 40)
)
"""
)


def time_process(code: str, *arguments: str) -> float:
    """Seconds from starting the interpreter to the first frame of the target screen."""
    started = time.time()
    result = subprocess.run(
        [sys.executable, "-c", code, str(started), *arguments],
        check=True,
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    return float(result.stdout.strip().splitlines()[-1])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=7)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.longtext import write_long_text

    with tempfile.TemporaryDirectory() as scratch:
        novel = write_long_text(Path(scratch) / "novel.md")
        article = ROOT / "texts" / "belarus-im-ukraine-krieg.md"
        os.environ["LESEPULT_DATA_DIR"] = scratch
        times: dict[str, list[float]] = {"minimal": [], "article": [], "novel": []}
        for _ in range(options.runs):  # alternate so drift hits all three alike
            times["minimal"].append(time_process(MINIMAL))
            times["article"].append(time_process(LESEPULT, str(article), f"{scratch}/a.db"))
            times["novel"].append(time_process(LESEPULT, str(novel), f"{scratch}/n.db"))
    median = {name: statistics.median(values) for name, values in times.items()}
    for name, value in median.items():
        print(f"{name:8s} median {value * 1000:7.0f} ms over {options.runs} runs")
    article_ratio = median["article"] / median["minimal"]
    novel_ratio = median["novel"] / median["article"]
    print(f"article / minimal Textual app: {article_ratio:.2f}x (target <= 2x)")
    print(f"1 MB novel / article:          {novel_ratio:.2f}x")
    print(f"1 MB novel first paint:        {median['novel'] * 1000:.0f} ms (target < 1000 ms)")


if __name__ == "__main__":
    main()
