"""Benchmark: our translation pipeline against the raw CTranslate2 call and argostranslate.

Builds once (cached in ~/.cache/lesepult-bench) a random model the size of the real
German→English package (Transformer base: 6+6 layers, d 512, 8 heads, ffn 2048, 32k
vocabulary, int8), forces every output to the same length (min = max decoding length) so
random weights cannot make one contender stop early, and times on the bundled article:

- ours: ``TranslationJob`` with an empty store (encode, one ``translate_batch``, decode, checks,
  store writes);
- raw: ``Translator.translate_batch`` with all pre-encoded sentences in one call (the limit);
- argos: ``argostranslate.translate`` paragraph by paragraph (what a naive app does);
- reopen: the same job again, served from the store with the model never loaded.

Contenders run alternately, best of ``--rounds``; ratios are from this one run. Offline:
argostranslate splits sentences with a saved blank spaCy pipeline (``ARGOS_CHUNK_TYPE=SPACY``).

``--library BYTES`` instead times the library case: the generated novel (``tests/longtext.py``,
every sentence distinct: 1 MB is about 15,000 sentences) cut into chapter files, translated by
``translate_library`` (the code behind ``lesepult translate FOLDER``) into an empty store,
against one raw ``translate_batch`` stream over the same pre-encoded sentences in the same
batch size; it prints sentences per second for both, their ratio, and the resident memory while ours
runs (after each batch, and the process peak).

    .venv/bin/python bench/translate.py [--beam 4] [--length 20] [--rounds 3] [--vocabulary 32000]
    .venv/bin/python bench/translate.py --library 1000000 [--beam 4] [--length 20]
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from pathlib import Path
from typing import Any

PROJECT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(PROJECT))
CACHE = Path(os.environ.get("LESEPULT_BENCH_CACHE", "~/.cache/lesepult-bench")).expanduser()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--beam", type=int, default=4)
    parser.add_argument("--length", type=int, default=20, help="output tokens per sentence")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--vocabulary", type=int, default=32000)
    parser.add_argument("--library", type=int, metavar="BYTES", help="time the library case")
    arguments = parser.parse_args()
    work = _isolate()

    from reader.core.paths import DEFAULT_TEXT
    from reader.core.text import load_document
    from reader.translation import document_sentences

    document = load_document(DEFAULT_TEXT)
    germans = document_sentences(document)
    model, settings, engine = _benchmark_engine(arguments, germans)
    if arguments.library:
        return library_case(arguments, engine, work)
    contenders, calls = _contenders(arguments, engine, work, germans, document)
    timings: dict[str, list[float]] = {"ours": [], "raw": [], "argos": []}
    for _ in range(arguments.rounds):
        for name in ("raw", "ours", "argos"):
            start = time.perf_counter()
            contenders[name]()
            timings[name].append(time.perf_counter() - start)
    reopen = _reopen_time(model, settings, engine, work, germans)
    best = {name: min(values) for name, values in timings.items()}
    print(
        f"{len(germans)} sentences, beam {arguments.beam}, {arguments.length} output tokens each,"
        f" vocabulary {arguments.vocabulary}, best of {arguments.rounds}"
    )
    for name in ("raw", "ours", "argos"):
        print(f"  {name:6s} {best[name]:7.3f} s")
    print(f"  reopen {reopen * 1000:7.1f} ms (from the store, model not loaded)")
    print(f"ours / raw    = {best['ours'] / best['raw']:.2f}  (target <= 1.15)")
    print(f"argos / ours  = {best['argos'] / best['ours']:.1f}  (target >= 5)")
    per_round = arguments.rounds
    print(f"argos: {sum(calls) // per_round} sentences in {len(calls) // per_round} calls a round")
    print(f"reopen target < 50 ms: {'met' if reopen < 0.05 else 'missed'}")
    return 0


def _isolate() -> Path:
    """A throwaway folder for everything Argos and Lesepult write (set before importing them)."""
    work = Path(tempfile.mkdtemp(prefix="lesepult-bench-"))
    for variable, name in {
        "ARGOS_PACKAGES_DIR": "argos-packages", "XDG_DATA_HOME": "xdg-data",
        "XDG_CACHE_HOME": "xdg-cache", "XDG_CONFIG_HOME": "xdg-config",
        "LESEPULT_DATA_DIR": "data", "LESEPULT_CACHE_DIR": "cache",
    }.items():  # fmt: skip
        os.environ[variable] = str(work / name)
    os.environ["ARGOS_CHUNK_TYPE"] = "SPACY"
    os.environ["ARGOS_PACKAGE_INDEX"] = "http://127.0.0.1:9/"
    return work


def _benchmark_engine(arguments: argparse.Namespace, germans: list[str]) -> tuple[Any, Any, Any]:
    """The benchmark model (built once into the cache), its settings and a warm engine."""
    from reader.translation import EngineSettings, TranslationEngine, install_from_file
    from tests.tiny_argos import BENCHMARK_SIZE, build_tiny_package

    size = replace(BENCHMARK_SIZE, model_vocabulary=arguments.vocabulary)
    package = CACHE / f"translate-de_en-bench-v{arguments.vocabulary}.argosmodel"
    if not package.exists():
        print(f"building the benchmark model once: {package}", file=sys.stderr)
        build_tiny_package(package, germans, size, version="0.0", with_spacy=True)
    model = install_from_file(package)
    settings = EngineSettings(
        beam_size=arguments.beam,
        min_decoding_length=arguments.length,
        max_decoding_length=arguments.length,
    )
    engine = TranslationEngine(model, settings)
    engine.translate(germans[:2])  # load and warm up outside the timings
    return model, settings, engine


def _contenders(
    arguments: argparse.Namespace, engine: Any, work: Path, germans: list[str], document: Any
) -> tuple[dict[str, Callable[[], None]], list[int]]:
    """Ours, raw and argos as calls of one round each, and the argos batch sizes they record."""
    from reader.store import Store
    from reader.translation import TranslationJob, TranslationStore

    raw_translator = engine._translator
    encoded = [engine._tokenizer.encode(" ".join(german.split())) for german in germans]

    def ours() -> None:
        store = Store(work / f"store-{time.perf_counter_ns()}.sqlite3")
        TranslationJob(TranslationStore(store), engine).run(germans)
        store.close()

    def raw() -> None:
        raw_translator.translate_batch(
            encoded,
            beam_size=arguments.beam,
            min_decoding_length=arguments.length,
            max_decoding_length=arguments.length,
            max_batch_size=engine.settings.max_batch_sentences,
            batch_type="examples",
        )

    import argostranslate.translate as argos_translate

    argos = argos_translate.get_translation_from_codes("de", "en")
    package_translation = getattr(argos, "underlying", argos)

    calls: list[int] = []

    class ForcedLength:
        """The argos translator with the same forced output length."""

        def translate_batch(self, *args: object, **kwargs: object) -> object:
            calls.append(len(args[0]))  # type: ignore[arg-type]
            kwargs["min_decoding_length"] = arguments.length
            kwargs["max_decoding_length"] = arguments.length
            return raw_translator.translate_batch(*args, **kwargs)

    package_translation.translator = ForcedLength()
    argos_translate.settings.beam_size = arguments.beam
    paragraphs = [block.text for block in document.blocks]

    def argos_loop() -> None:
        for paragraph in paragraphs:
            package_translation.hypotheses(paragraph, num_hypotheses=1)

    return {"ours": ours, "raw": raw, "argos": argos_loop}, calls


def _reopen_time(model: Any, settings: Any, engine: Any, work: Path, germans: list[str]) -> float:
    """Seconds the same job takes again, served from the store by an engine never loaded."""
    from reader.store import Store
    from reader.translation import TranslationEngine, TranslationJob, TranslationStore

    store = Store(work / "reopen.sqlite3")
    TranslationJob(TranslationStore(store), engine).run(germans)
    cold = TranslationEngine(model, settings)
    start = time.perf_counter()
    reopened = TranslationJob(TranslationStore(store), cold).run(germans)
    reopen = time.perf_counter() - start
    assert len(reopened) == len(set(germans)) and not cold.loaded
    return reopen


def _rss_mb() -> float:
    """This process's resident memory now, in MB (Linux)."""
    pages = int(Path("/proc/self/statm").read_text().split()[1])
    return pages * os.sysconf("SC_PAGE_SIZE") / 1e6


def library_case(arguments: argparse.Namespace, engine: Any, work: Path) -> int:
    """Ours (translate_library over chapter files) against one raw translate_batch stream."""
    import resource

    from reader.core.text import load_document
    from reader.store import Store
    from reader.translation import TranslationStore
    from reader.translation.library import BATCH_SENTENCES, LibraryProgress, translate_library
    from tests.longtext import make_long_text

    # Distinct sentences, so every batch is new work for the model and new rows in the store
    # (the mixed novel repeats a few hundred sentences, which would hide a growing memory).
    novel = make_long_text(arguments.library, distinct=True)
    folder = work / "library"
    folder.mkdir()
    chapters = novel.split("\n## ")
    for number, chapter in enumerate(chapters):
        (folder / f"chapter-{number:04d}.md").write_text(("## " if number else "") + chapter)
    texts = sorted(folder.iterdir())

    from reader.cli.library import SegmentedTexts

    in_model = [0.0]

    class Timed:
        """The engine, timing the model calls (to separate them from segmenting)."""

        model_id = engine.model_id

        def translate(self, sentences: list[str]) -> list[str]:
            start = time.perf_counter()
            try:
                return list(engine.translate(sentences))
            finally:
                in_model[0] += time.perf_counter() - start

        def alternatives(self, sentence: str, count: int) -> list[str]:
            return list(engine.alternatives(sentence, count))

    samples: list[float] = []

    def sample(progress: LibraryProgress) -> None:
        samples.append(_rss_mb())  # after each batch (and at start and end)

    store = Store(work / "library.sqlite3")
    start = time.perf_counter()
    with SegmentedTexts(None) as read:
        final = translate_library(texts, read, TranslationStore(store), Timed(), on_progress=sample)
    ours = time.perf_counter() - start
    store.close()
    peak_ours = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1000

    germans = list(dict.fromkeys(
        " ".join(s.text.split()) for text in texts for s in load_document(text).all_sentences()
    ))  # fmt: skip
    encoded = [engine._tokenizer.encode(german) for german in germans]
    start = time.perf_counter()
    for index in range(0, len(encoded), BATCH_SENTENCES):
        engine._translator.translate_batch(
            encoded[index : index + BATCH_SENTENCES],
            beam_size=arguments.beam,
            min_decoding_length=arguments.length,
            max_decoding_length=arguments.length,
            max_batch_size=engine.settings.max_batch_sentences,
            batch_type="examples",
        )
    raw = time.perf_counter() - start
    ours_rate, raw_rate = final.new / ours, len(germans) / raw
    print(
        f"library: {len(novel.encode())}"
        f" bytes in {len(texts)} files, {final.new} distinct sentences, beam {arguments.beam},"
        f" {arguments.length} output tokens each, vocabulary {arguments.vocabulary}"
    )
    print(f"  ours (translate_library, incl. segmenting and the store)       {ours:8.1f} s"
          f"  {ours_rate:7.1f} sentences/s")  # fmt: skip
    print(f"  raw translate_batch stream (pre-encoded)                     {raw:8.1f} s"
          f"  {raw_rate:7.1f} sentences/s")  # fmt: skip
    model_rate = final.new / in_model[0]
    print(f"  ours, time in model calls only (encode, translate, decode)   {in_model[0]:8.1f} s"
          f"  {model_rate:7.1f} sentences/s")  # fmt: skip
    kilobytes = len(novel) // 1000
    print(f"ours / raw rate = {ours_rate / raw_rate:.2f} overall (segmenting {kilobytes} KB"
          f" included), {model_rate / raw_rate:.2f} in the model calls"
          " (target >= 0.9)")  # fmt: skip
    batches = samples[1:-1] or samples
    first, middle, last = batches[0], batches[len(batches) // 2], batches[-1]
    print(
        f"resident memory during ours: start {samples[0]:.0f} MB; after batch 1 {first:.0f} MB,"
        f" batch {len(batches) // 2 + 1} {middle:.0f} MB, batch {len(batches)} {last:.0f} MB"
        f" (largest {max(samples):.0f} MB over {len(batches)} batches); process peak"
        f" {peak_ours:.0f} MB (target: flat, under 600 MB)"
    )
    print("  after each batch (MB): " + " ".join(f"{value:.0f}" for value in batches))
    return 0


if __name__ == "__main__":
    sys.exit(main())
