"""Time-to-quit benchmark: how long `q` takes on a 1 MB one-paragraph text vs the article.

Each run starts `lesepult read TEXT` in a real terminal (a tmux session), waits ``--wait``
seconds (1: while the start-up workers still load SoMaJo and HanTa and segment; 4: after),
sends `q`, and measures from the key to the end of the process, with its peak memory
(``/usr/bin/time``). A Pilot-driven app is not used: Pilot's key press waits for the app to
fall idle, which a busy worker's messages delay, so it measures Pilot, not the reader's wait.
Runs alternate between the texts; the medians and the ratio are printed.
Target (issue 8): quit within 0.5 s at any size, memory bounded. Needs tmux.
``--with-model`` installs the tiny test model first (built as the tests build it) and adds a
1 MB novel of many paragraphs, so `q` comes while the background translation is running
(issue 11, bug 8: it took 4.4 s).

    .venv/bin/python bench/quit.py [--runs 5] [--wait 1] [--with-model]
"""

from __future__ import annotations

import argparse
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SESSION = "lesepult-quit-bench"
SENTENCE = "Der Minister sagte am Montag in Berlin, dass die Regierung mehr Geld ausgeben werde. "


def one_paragraph_text(path: Path, size: int = 1_000_000) -> Path:
    """A text of ``size`` bytes with a title and one paragraph without any blank line."""
    path.write_text("Titel\n\n" + SENTENCE * (size // len(SENTENCE)), encoding="utf-8")
    return path


def time_quit(text: Path, scratch: Path, root: Path = ROOT, wait: float = 1.0) -> tuple[float, int]:
    """Seconds from sending q to the end of the process, and the peak RSS in KB."""
    ended, rss = scratch / "ended", scratch / "rss"
    for marker in (ended, rss):
        marker.unlink(missing_ok=True)
    command = (
        f"cd {shlex.quote(str(root))} && /usr/bin/time -f %M -o {shlex.quote(str(rss))}"
        f" {shlex.quote(sys.executable)} -m reader read {shlex.quote(str(text))};"
        f" date +%s.%N > {shlex.quote(str(ended))}"
    )
    subprocess.run(["tmux", "kill-session", "-t", SESSION], capture_output=True, check=False)
    subprocess.run(
        ["tmux", "new-session", "-d", "-s", SESSION, "-x", "120", "-y", "40", command], check=True
    )
    time.sleep(wait)
    pressed = time.time()
    subprocess.run(["tmux", "send-keys", "-t", SESSION, "q"], check=True)
    deadline = pressed + 60
    while not (ended.exists() and ended.read_text().strip()) and time.time() < deadline:
        time.sleep(0.01)
    if not ended.exists():
        raise SystemExit(f"{text.name}: the reader did not quit within 60 s")
    return float(ended.read_text()) - pressed, int(rss.read_text().split()[-1])


def install_tiny_model(scratch: Path, article: Path) -> Path:
    """Install the tests' tiny model under ``scratch`` and write a 1 MB novel to translate."""
    os.environ["ARGOS_PACKAGES_DIR"] = str(scratch / "argos-packages")
    sys.path.insert(0, str(ROOT))
    from reader.core.text import load_document
    from reader.translation.models import install_from_file
    from tests.longtext import write_long_text
    from tests.tiny_argos import build_tiny_package

    sentences = [s.text for s in load_document(article).all_sentences()]
    install_from_file(build_tiny_package(scratch / "tiny.argosmodel", sentences))
    return write_long_text(scratch / "novel.md")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--root", type=Path, default=ROOT, help="checkout to measure")
    parser.add_argument("--wait", type=float, default=1.0, help="seconds before pressing q")
    parser.add_argument("--with-model", action="store_true", help="quit while translating")
    options = parser.parse_args()
    with tempfile.TemporaryDirectory() as scratch:
        os.environ["LESEPULT_DATA_DIR"] = scratch
        os.environ["PYTHONPATH"] = str(options.root)
        article = ROOT / "texts" / "belarus-im-ukraine-krieg.md"
        texts = {"article": article, "1 MB paragraph": one_paragraph_text(Path(scratch) / "p.txt")}
        if options.with_model:
            texts["1 MB novel"] = install_tiny_model(Path(scratch), article)
        times: dict[str, list[float]] = {name: [] for name in texts}
        memory: dict[str, list[int]] = {name: [] for name in texts}
        for _ in range(options.runs):
            for name, text in texts.items():
                seconds, rss = time_quit(text, Path(scratch), options.root, options.wait)
                times[name].append(seconds)
                memory[name].append(rss)
    for name in times:
        print(
            f"{name:15s} quit median {statistics.median(times[name]) * 1000:6.0f} ms,"
            f" max RSS {max(memory[name]) // 1024} MB over {options.runs} runs"
        )
    for name in list(times)[1:]:
        ratio = statistics.median(times[name]) / statistics.median(times["article"])
        print(f"{name} / article time-to-quit: {ratio:.2f}x (target: quit < 500 ms)")


if __name__ == "__main__":
    main()
