"""``lesepult translate PATH...`` with several files or folders: a whole library into the store.

The work is ``reader.translation.library``; this module reads the texts as the other commands
do, draws one progress bar on stderr (sentences done/total, rate, time left) and prints a
summary. A text that cannot be read is reported in one line and skipped, not the end of the run.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import TYPE_CHECKING

from reader.cli.common import print_json
from reader.core.display import one_line
from reader.core.errors import ExitCode, UserError
from reader.core.text import TextLoadError, load_document
from reader.translation.library import LibraryProgress, collect_texts, translate_library

if TYPE_CHECKING:
    from reader.translation.engine import Translator
    from reader.translation.store import TranslationStore


class LibraryBar:
    """One line on stderr, redrawn at most a few times a second (always when finished)."""

    WIDTH = 30

    def __init__(self) -> None:
        self.last = 0.0
        self.shown = False

    def __call__(self, progress: LibraryProgress) -> None:
        """Redraw the bar."""
        now = time.monotonic()
        finished = progress.done >= progress.total
        if not finished and now - self.last < 0.25:
            return
        self.last = now
        filled = self.WIDTH * progress.done // max(1, progress.total)
        left = progress.seconds_left
        eta = "" if left is None else f", {_duration(left)} left"
        sys.stderr.write(
            f"\r[{'#' * filled}{'-' * (self.WIDTH - filled)}] {progress.done}/{progress.total}"
            f" sentences, {progress.rate:.1f}/s{eta}   "
        )
        sys.stderr.flush()
        self.shown = True

    def finish(self) -> None:
        """End the bar's line."""
        if self.shown:
            sys.stderr.write("\n")


def _duration(seconds: float) -> str:
    minutes, secs = divmod(int(seconds), 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours}h{minutes:02d}m" if hours else f"{minutes}m{secs:02d}s"


class SegmentedTexts:
    """Reads a text's sentences; the second read of a text comes from a temporary file.

    ``translate_library`` reads every text twice (count, then translate). Segmenting is the
    slow part, and keeping all sentences in memory would not be bounded, so the first read
    writes the sentences (one per line: they are folded onto one line) to a temporary folder
    that is removed at the end.
    """

    def __init__(self, encoding: str | None) -> None:
        self.encoding = encoding
        self.problems: list[str] = []
        self.unreadable: set[Path] = set()
        self._folder: tempfile.TemporaryDirectory[str] | None = None
        self._files: dict[Path, Path] = {}

    def __enter__(self) -> SegmentedTexts:
        self._folder = tempfile.TemporaryDirectory(prefix="lesepult-library-")
        return self

    def __exit__(self, *exc: object) -> None:
        if self._folder is not None:
            self._folder.cleanup()

    def __call__(self, path: Path) -> list[str]:
        """The sentences of ``path`` (none, with one warning kept, if it cannot be read)."""
        if path in self.unreadable:
            return []
        cached = self._files.get(path)
        if cached is not None:
            return cached.read_text(encoding="utf-8").split("\n") if cached.stat().st_size else []
        try:
            document = load_document(path, self.encoding)
            sentences = [" ".join(s.text.split()) for s in document.all_sentences()]
        except (TextLoadError, OSError) as error:
            self.unreadable.add(path)
            self.problems.append(one_line(str(error)))
            return []
        if self._folder is not None:
            file = Path(self._folder.name) / f"{len(self._files)}.txt"
            file.write_text("\n".join(sentences), encoding="utf-8")
            self._files[path] = file
        return sentences


def translate_paths(
    names: list[str], arguments: argparse.Namespace, store: TranslationStore, engine: Translator
) -> int:
    """Translate every text under ``names`` into the store; print a summary."""
    try:
        texts = collect_texts([Path(name).expanduser() for name in names])
    except (FileNotFoundError, ValueError) as error:
        raise UserError(str(error)) from error
    if not texts:
        raise UserError("no .md or .txt texts in " + ", ".join(names))
    bar = LibraryBar() if sys.stderr.isatty() else None
    with SegmentedTexts(arguments.encoding) as read:
        try:
            final = translate_library(texts, read, store, engine, on_progress=bar)
        finally:
            if bar is not None:
                bar.finish()
        skipped, unreadable = read.problems, read.unreadable
    for problem in skipped:
        print(f"lesepult: warning: skipped {problem}", file=sys.stderr)
    summary = {
        "texts": len(texts) - len(unreadable),
        "skipped_texts": len(unreadable),
        "sentences": final.total,
        "translated_now": final.new,
        "already_stored": final.done_at_start,
        "seconds": round(final.elapsed, 2),
        "sentences_per_second": round(final.rate, 2),
        "model": engine.model_id,
    }
    if arguments.format == "json":
        print_json(summary)
    else:
        print(
            f"{summary['texts']} text(s), {final.total} sentences: {final.new} translated now"
            f" ({final.rate:.1f}/s), the rest already stored; model {engine.model_id}"
        )
    return ExitCode.OK
