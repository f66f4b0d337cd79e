"""CLI subcommand ``translate``: a text's sentence-aligned machine translation.

This module registers the translation group in ``--help`` order: ``translate``, ``models``
(:mod:`reader.cli.models`), ``correct`` and ``alternatives`` (:mod:`reader.cli.corrections`);
a whole library is :mod:`reader.cli.library`.
"""

from __future__ import annotations

import argparse
import re
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.cli.common import open_document, open_store, print_json
from reader.cli.corrections import register_alternatives, register_correct
from reader.cli.models import add_device_argument, model_in_use, register_models
from reader.core.errors import ExitCode, UserError
from reader.core.text import Sentence
from reader.translation.models import ModelInfo
from reader.translation.store import SentenceTranslation, TranslationStore

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.core.text import Document
    from reader.translation.engine import EngineSettings, TranslationEngine


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands (and ``models``, after ``translate``) to the parser."""
    _register_translate(subparsers)
    register_models(subparsers)
    register_correct(subparsers)
    register_alternatives(subparsers)


def _register_translate(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    translate = subparsers.add_parser(
        "translate",
        help="print a text's sentence-aligned machine translation",
        description="Translate a text offline, sentence by sentence, with the installed"
        " German→English Argos model, and print German and English side by side. Stored"
        " translations are reused and new ones stored; your corrections are preferred."
        f" Exits with status {int(ExitCode.NO_MODEL)} when no model is installed. Given several"
        " files or a folder, translates the whole library into the store in one run (large"
        " batches across texts, one progress bar, resumable) and prints a summary.",
    )
    translate.add_argument(
        "text",
        nargs="*",
        metavar="PATH",
        help="a .txt or .md file, a bundled text's name or - (default: the bundled taz"
        " article); several files or folders: translate them all into the store",
    )
    translate.add_argument(
        "--encoding",
        metavar="ENC",
        help="read the files in this encoding instead of UTF-8 (for example cp1252)",
    )
    translate.add_argument(
        "--format", choices=("md", "json"), default="md", help="output format (default: md)"
    )
    translate.add_argument(
        "--beam", type=int, metavar="N", help="beam size (default 4; 1 is about twice as fast)"
    )
    translate.add_argument(
        "--threads", type=int, metavar="N", help="CPU threads (default: all cores)"
    )
    add_device_argument(translate)
    translate.add_argument(
        "--glossary-guided",
        action="store_true",
        help="where a sentence holds glossary terms, prefer the model's n-best translation"
        " that uses their renderings (within a score margin; labelled glossary-guided, the"
        " model's first choice kept beside it); one text only",
    )
    translate.add_argument(
        "--paragraphs",
        metavar="N[-M]",
        help="translate only paragraph N, or N to M (numbered from 1, as the reader's"
        " status bar shows them); one text only",
    )
    translate.set_defaults(func=command_translate)


def command_translate(arguments: argparse.Namespace) -> int:
    """Print the sentence-aligned translation of a text."""
    from reader.translation.engine import TranslationEngine
    from reader.translation.pipeline import TranslationJob, TranslationProgress

    paths = list(arguments.text)
    library = len(paths) > 1 or (len(paths) == 1 and Path(paths[0]).expanduser().is_dir())
    document = None if library else open_document(paths[0] if paths else None, arguments.encoding)
    model = model_in_use()
    settings = _engine_settings(arguments)
    store = TranslationStore(open_store())
    engine = TranslationEngine(model, settings)
    if document is None:
        if arguments.paragraphs:
            raise UserError("--paragraphs works on one text, not a library")
        from reader.cli.library import translate_paths

        return translate_paths(paths, arguments, store, _ReportDevice(engine))
    job = TranslationJob(store, _ReportDevice(engine))
    chosen = paragraph_range(arguments.paragraphs, len(document.blocks))
    sentences = [s for index in chosen for s in document.sentences(index)]

    def report(progress: TranslationProgress) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\rtranslated {progress.done}/{progress.total} sentences")
            if progress.finished:
                sys.stderr.write("\n")

    results = job.run([sentence.text for sentence in sentences], on_progress=report)
    if arguments.glossary_guided:
        from reader.translation.guided import guide_sentences

        # Stored beside the model's first choice, so the reading view shows the label and
        # the first choice one key away; printed from the store, as it will be read.
        machine = [s for s in sentences if results[s.text].origin == "machine"]
        choices = guide_sentences(engine, machine)
        store.save_guided(model.model_id, list(choices.items()))
        results.update(store.lookup(model.model_id, list(choices)))
    if arguments.format == "json":
        print_json(
            {
                "title": document.title,
                "text_id": document.text_id,
                "model": model.model_id,
                "sentences": _sentence_pairs(sentences, results),
            }
        )
        return ExitCode.OK
    _print_markdown(document, model, sentences, results)
    return ExitCode.OK


def paragraph_range(selection: str | None, count: int) -> range:
    """The block indexes ``--paragraphs N[-M]`` names (1-based, inclusive); all without it."""
    if selection is None:
        return range(count)
    found = re.fullmatch(r"([0-9]{1,9})(?:-([0-9]{1,9}))?", selection)
    if found is None:
        raise UserError(f"--paragraphs {selection[:40]!r}: give N or N-M")
    start = int(found[1])
    end = int(found[2] or found[1])
    if not 1 <= start <= end <= count:
        raise UserError(f"--paragraphs {selection[:40]!r}: the text has paragraphs 1-{count}")
    return range(start - 1, end)


def _engine_settings(arguments: argparse.Namespace) -> EngineSettings:
    """The environment's engine settings with ``--beam``, ``--threads`` and ``--device``."""
    from dataclasses import replace

    from reader.translation.engine import EngineSettings

    settings = EngineSettings.from_environment()
    if arguments.beam is not None:
        if arguments.beam < 1:
            raise UserError("--beam must be at least 1")
        settings = replace(settings, beam_size=arguments.beam)
    if arguments.threads is not None:
        if arguments.threads < 0:
            raise UserError("--threads must be 0 (all cores) or more")
        settings = replace(settings, threads=arguments.threads)
    return replace(settings, device=arguments.device)


def _sentence_pairs(
    sentences: list[Sentence], results: dict[str, SentenceTranslation]
) -> list[dict[str, Any]]:
    """The ``translate --format json`` sentences: German, English, origin, label."""
    pairs = []
    for sentence in sentences:
        found = results[sentence.text]
        pair = {
            "block": sentence.block,
            "sentence": sentence.index,
            "german": sentence.text,
            "english": found.english,
            "origin": found.origin,
            "model": found.model,
            "flags": list(found.flags),
            "label": found.label,
        }
        if found.label:  # a glossary-guided choice is stored: both sides of it
            pair["model_first"] = found.model_first
        pairs.append(pair)
    return pairs


def _print_markdown(
    document: Document,
    model: ModelInfo,
    sentences: list[Sentence],
    results: dict[str, SentenceTranslation],
) -> None:
    """The ``translate`` Markdown: German and English per sentence, notes in italics."""
    print(f"# {document.title}\n\n_Machine translation: {model.model_id} (Argos Translate)._")
    previous_block = None
    for sentence in sentences:
        found = results[sentence.text]
        if sentence.block != previous_block:
            print()
            previous_block = sentence.block
        notes = ([] if found.origin == "machine" else [found.origin]) + list(found.flags)
        if found.label:
            notes = [found.label, f"model's first choice: {found.model_first}"] + notes
        suffix = f"  _({'; '.join(notes)})_" if notes else ""
        print(f"- **DE** {' '.join(sentence.text.split())}")
        print(f"  **EN** {found.english}{suffix}")


class _ReportDevice:
    """Wraps the engine: prints where the model runs once, when it first translates."""

    def __init__(self, engine: TranslationEngine) -> None:
        self.engine = engine
        self.model_id = engine.model_id

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """The engine's translation; the device line on stderr the first time."""
        announce = not self.engine.loaded
        english = self.engine.translate(sentences)
        if announce and self.engine.device_line:
            print(self.engine.device_line, file=sys.stderr)
        return english

    def alternatives(self, sentence: str, count: int) -> list[str]:
        """The engine's alternatives."""
        return self.engine.alternatives(sentence, count)
