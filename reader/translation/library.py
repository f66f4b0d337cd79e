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

    @property
    def rate(self) -> float:
        """New sentences per second."""
        return self.new / self.elapsed if self.elapsed > 0 else 0.0

    @property
    def seconds_left(self) -> float | None:
        """Estimated seconds to finish at the current rate (None before the first batch)."""
        return (self.total - self.done) / self.rate if self.rate > 0 else None


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
    texts: Sequence[Path], read: SentenceReader, store: TranslationStore, model_id: str
) -> Iterator[list[str]]:
    batch: dict[str, None] = {}
    for text in texts:
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
    if batch:
        yield list(batch)


def count_sentences(
    texts: Sequence[Path], read: SentenceReader, store: TranslationStore, model_id: str
) -> tuple[int, int]:
    """(sentences, of which already stored), one text in memory at a time."""
    total = stored = 0
    for text in texts:
        sentences = list(dict.fromkeys(read(text)))
        total += len(sentences)
        stored += len(store.lookup(model_id, sentences))
    return total, stored


def translate_library(
    texts: Sequence[Path],
    read: SentenceReader,
    store: TranslationStore,
    translator: Translator,
    on_progress: Callable[[LibraryProgress], None] | None = None,
) -> LibraryProgress:
    """Translate every sentence of ``texts`` the store lacks; returns the final progress."""
    total, done = count_sentences(texts, read, store, translator.model_id)
    job = TranslationJob(store, translator, chunk_sentences=BATCH_SENTENCES)
    started = time.monotonic()
    new = 0
    progress = LibraryProgress(done, total, 0, 0.0)
    if on_progress:
        on_progress(progress)
    for batch in _batches(texts, read, store, translator.model_id):
        # A sentence shared by texts is one model input; count it where each text has it.
        job.run(batch)
        new += len(batch)
        done = min(total, done + len(batch))
        progress = LibraryProgress(done, total, new, time.monotonic() - started)
        if on_progress:
            on_progress(progress)
    return LibraryProgress(total, total, new, time.monotonic() - started)
