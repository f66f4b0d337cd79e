"""Time-to-quit benchmark: how long `q` takes on a 1 MB one-paragraph text vs the article.

Each run is a fresh interpreter: Lesepult opens the text headless, works for ``--wait``
seconds (1: while the start-up workers still load SoMaJo and HanTa; 4: after), `q` is
pressed, and the script measures from the key press to the end of the process, and the peak
memory (max RSS). Runs alternate between the texts; the medians and the ratio are printed.
Target (issue 8): quit within 0.5 s at any size, memory bounded.

    .venv/bin/python bench/quit.py [--runs 5]
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
import asyncio, resource, sys, time
from pathlib import Path
from reader.store import Store
from reader.text import load_document
from reader.ui.app import make_app

async def main():
    app = make_app(load_document(Path(sys.argv[1])), Store(Path(sys.argv[2])))
    async with app.run_test(size=(120, 40)) as pilot:
        await pilot.pause(float(sys.argv[3]))  # let the workers get going
        print(f"pressed {time.time():.6f}", flush=True)
        await pilot.press("q")
    print(f"exited {time.time():.6f}", flush=True)
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(f"rss {rss}", flush=True)

asyncio.run(main())
from reader.cli import finish  # as the `lesepult` entry point ends

finish(0)
"""

SENTENCE = "Der Minister sagte am Montag in Berlin, dass die Regierung mehr Geld ausgeben werde. "


def one_paragraph_text(path: Path, size: int = 1_000_000) -> Path:
    """A text of ``size`` bytes with a title and one paragraph without any blank line."""
    path.write_text("Titel\n\n" + SENTENCE * (size // len(SENTENCE)), encoding="utf-8")
    return path


def time_quit(text: Path, store: Path, root: Path = ROOT, wait: float = 1.0) -> tuple[float, int]:
    """Seconds from pressing q to the end of the process, and the peak RSS in KB."""
    result = subprocess.run(
        [sys.executable, "-c", PROBE, str(text), str(store), str(wait)],
        check=True,
        cwd=root,
        capture_output=True,
        text=True,
    )
    ended = time.time()
    lines = dict(line.split(" ", 1) for line in result.stdout.split("\n") if " " in line)
    if os.environ.get("QUIT_BENCH_DEBUG"):
        print(float(lines["exited"]) - float(lines["pressed"]), ended - float(lines["pressed"]))
    return ended - float(lines["pressed"]), int(lines["rss"])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--wait", type=float, default=1.0, help="seconds before pressing q")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["LESEPULT_DATA_DIR"] = scratch
        os.environ["PYTHONPATH"] = str(options.root)
        article = ROOT / "texts" / "belarus-im-ukraine-krieg.md"
        long = one_paragraph_text(Path(scratch) / "one-paragraph.txt")
        times: dict[str, list[float]] = {"article": [], "1 MB paragraph": []}
        memory: dict[str, list[int]] = {"article": [], "1 MB paragraph": []}
        for _ in range(options.runs):
            for name, text in (("article", article), ("1 MB paragraph", long)):
                seconds, rss = time_quit(
                    text, Path(scratch) / f"{name[0]}.db", options.root, options.wait
                )
                times[name].append(seconds)
                memory[name].append(rss)
    for name in times:
        print(
            f"{name:15s} quit median {statistics.median(times[name]) * 1000:6.0f} ms,"
            f" max RSS {max(memory[name]) // 1024} MB over {options.runs} runs"
        )
    ratio = statistics.median(times["1 MB paragraph"]) / statistics.median(times["article"])
    print(f"1 MB paragraph / article time-to-quit: {ratio:.2f}x (target: quit < 500 ms)")


if __name__ == "__main__":
    main()
