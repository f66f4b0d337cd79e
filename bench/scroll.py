"""Scrolling benchmark: the cost of a page or sentence step in a 1 MB novel vs the article.

Drives the real app headless with Pilot (the German and its lay-out are rendered for every
step; workers for segmentation, glossary and dictionary run as in use) and prints the median
time per key for each text and the ratio. A virtualised view should make the ratio close to
1: the novel has 260 times the text but a screen is a screen.

    .venv/bin/python bench/scroll.py [--steps 40]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


async def time_keys(path: Path, key: str, steps: int, scratch: Path) -> float:
    """Median seconds from pressing ``key`` until the screen has been refreshed."""
    from reader.core.text import load_document
    from reader.store import Store
    from reader.ui.app import make_app
    from tests.ui_support import settle

    app = make_app(load_document(path), Store(scratch / f"{path.stem}-{key}.db"))
    times: list[float] = []
    async with app.run_test(size=(140, 45)) as pilot:
        await settle(pilot)
        for _ in range(steps):
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.perf_counter() - started)
            await settle(pilot)  # segmentation/analysis of new blocks is not the key's cost
    return statistics.median(times)


async def time_minimal(key: str, steps: int) -> float:
    """The same measurement on a minimal app for a key it does not bind: Pilot's own cost."""
    from textual.app import App, ComposeResult
    from textual.containers import VerticalScroll
    from textual.widgets import Static

    class Minimal(App[None]):
        def compose(self) -> ComposeResult:
            with VerticalScroll():
                yield Static("Hallo Welt.")

    app = Minimal()
    times: list[float] = []
    async with app.run_test(size=(140, 45)) as pilot:
        await pilot.pause()
        for _ in range(steps):
            started = time.perf_counter()
            await pilot.press(key)
            await pilot.pause()
            times.append(time.perf_counter() - started)
    return statistics.median(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--steps", type=int, default=40)
    options = parser.parse_args()
    sys.path.insert(0, str(ROOT))
    from tests.longtext import write_long_text

    with tempfile.TemporaryDirectory() as folder:
        scratch = Path(folder)
        os.environ["LESEPULT_DATA_DIR"] = str(scratch)
        novel = write_long_text(scratch / "novel.md")
        article = ROOT / "texts" / "belarus-im-ukraine-krieg.md"
        pilot_cost = asyncio.run(time_minimal("x", options.steps))
        print(f"Pilot's own cost per key (minimal app, unbound key): {pilot_cost * 1000:.1f} ms")
        for key in ("pagedown", "j"):
            steps = options.steps if key == "j" else min(options.steps, 8)  # the article ends
            article_time = asyncio.run(time_keys(article, key, steps, scratch))
            novel_time = asyncio.run(time_keys(novel, key, options.steps, scratch))
            print(
                f"{key:8s} article {article_time * 1000:5.1f} ms  novel {novel_time * 1000:5.1f} ms"
                f"  novel/article {novel_time / article_time:.2f}x;"
                f" above Pilot's cost: article {(article_time - pilot_cost) * 1000:.1f} ms,"
                f" novel {(novel_time - pilot_cost) * 1000:.1f} ms (median per key)"
            )


if __name__ == "__main__":
    main()
