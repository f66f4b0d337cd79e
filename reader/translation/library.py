"""Translating a whole library in one run: many texts, large batches, bounded memory, resumable.

Two passes over the texts, one text in memory at a time. The first segments each text and asks
the store which sentences it lacks, keeping only counts (so the progress bar knows the total).
The second segments again and gathers the missing sentences across texts into batches of
:data:`BATCH_SENTENCES`, each translated in one call (CTranslate2 sorts a call's sentences by
length and runs them in sub-batches) and saved before the next starts. Memory holds one text
and one batch whatever the library's size; an interrupted run (Ctrl-C, a crash, a power cut)
loses at most the batch in flight, and running again skips everything stored.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass
from pathlib import Path

from reader.translation.engine import Translator
from reader.translation.pipeline import TranslationJob
from reader.translation.store import TranslationStore

BATCH_SENTENCES = 1024
"""Missing sentences gathered (across texts) before one call to the model."""
TEXT_SUFFIXES = (".md", ".markdown", ".txt")
MAX_TEXTS = 100_000
"""Most texts one run takes (a folder tree beyond it is refused, not walked for ever)."""

SentenceReader = Callable[[Path], list[str]]
"""Gives a text's sentences, as the model sees them (one line each)."""


@dataclass(frozen=True)
class LibraryProgress:
    """Where a library run is."""

    done: int
    """Sentences that have an English sentence (stored before, or new)."""
    total: int
    """Sentences in the library (distinct per text; one shared by texts counts per text)."""
    new: int
    """Sentences translated in this run."""
    elapsed: float
    """Seconds since the run started translating."""
    done_at_start: int = 0
    """Sentences the store already had when the run started."""

    @property
    def rate(self) -> float:
        """New sentences per second."""
        return self.new / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        """Estimated seconds to finish at this run's pace (None before the first batch)."""
        gained = self.done - self.done_at_start
        if gained <= 0 or self.elapsed <= 0:
            return None
        return (self.total - self.done) * self.elapsed / gained


def collect_texts(paths: Sequence[Path]) -> list[Path]:
    """The text files named, and those under the folders named (``.md``, ``.markdown``, ``.txt``).

    Reference translations (``*.en.md``) and hidden files are left out; order is stable
    (sorted per folder) so a resumed run walks the same way. Raises FileNotFoundError for a
    path that does not exist and ValueError beyond :data:`MAX_TEXTS`.
    """
    found: list[Path] = []
    for path in paths:
        if path.is_dir():
            found += sorted(
                file
                for file in path.rglob("*")
                if file.is_file()
                and file.suffix.lower() in TEXT_SUFFIXES
                and not file.name.lower().endswith(".en.md")
                and not any(part.startswith(".") for part in file.relative_to(path).parts)
            )
        elif path.exists():
            found.append(path)
        else:
            raise FileNotFoundError(f"{path}: no such file or folder")
        if len(found) > MAX_TEXTS:
            raise ValueError(f"more than {MAX_TEXTS} texts; name fewer folders")
    return list(dict.fromkeys(found))


def _batches(
    texts: Sequence[Path],
    read: SentenceReader,
    store: TranslationStore,
    model_id: str,
    missing: Sequence[int],
    credit: list[int],
) -> Iterator[list[str]]:
    """Batches of missing sentences across texts; ``credit[0]`` counts the texts' sentences
    covered so far (a text's missing ones count once it has been gathered)."""
    batch: dict[str, None] = {}
    for number, text in enumerate(texts):
        sentences = list(dict.fromkeys(read(text)))
        stored = store.lookup(model_id, sentences)
        for position, sentence in enumerate(sentences):
            if sentence not in stored:
                batch[sentence] = None
                if len(batch) >= BATCH_SENTENCES:
                    yield list(batch)
                    batch = {}
                    # The batch just saved may hold sentences this text repeats later on.
                    stored = store.lookup(model_id, sentences[position + 1 :])
        credit[0] += missing[number]
    if batch:
        yield list(batch)


def count_sentences(
    texts: Sequence[Path], read: SentenceReader, store: TranslationStore, model_id: str
) -> tuple[int, int, list[int]]:
    """(sentences, of which already stored, missing per text), one text in memory at a time."""
    total = stored = 0
    missing: list[int] = []
    for text in texts:
        sentences = list(dict.fromkeys(read(text)))
        found = len(store.lookup(model_id, sentences))
        total += len(sentences)
        stored += found
        missing.append(len(sentences) - found)
    return total, stored, missing


def translate_library(
    texts: Sequence[Path],
    read: SentenceReader,
    store: TranslationStore,
    translator: Translator,
    on_progress: Callable[[LibraryProgress], None] | None = None,
) -> LibraryProgress:
    """Translate every sentence of ``texts`` the store lacks; returns the final progress."""
    total, stored, missing = count_sentences(texts, read, store, translator.model_id)
    job = TranslationJob(store, translator, chunk_sentences=BATCH_SENTENCES)
    started = time.monotonic()
    new = 0
    credit = [0]
    if on_progress:
        on_progress(LibraryProgress(stored, total, 0, 0.0, stored))
    for batch in _batches(texts, read, store, translator.model_id, missing, credit):
        job.run(batch)  # a sentence several texts share is one model input
        new += len(batch)
        done = min(total, stored + credit[0])
        if on_progress:
            on_progress(LibraryProgress(done, total, new, time.monotonic() - started, stored))
    final = LibraryProgress(total, total, new, time.monotonic() - started, stored)
    if on_progress:
        on_progress(final)
    return final
