"""CLI subcommands for machine translation.

``translate``, ``models list|install|remove``, and the reading view's sentence actions:
``correct`` (store or revert your own English for one sentence) and ``alternatives`` (the
model's n-best translations of one sentence, one of which can be kept as your correction).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from reader.cli.common import (
    add_text_argument,
    open_document,
    open_store,
    print_json,
    sentence_at,
)
from reader.cli.models import (
    command_models_install,
    command_models_list,
    command_models_remove,
    newest_german_english,
)
from reader.display import one_line
from reader.errors import ExitCode, NoModelError, UserError
from reader.text import Sentence
from reader.translation.decoding import DEVICES
from reader.translation.models import (
    MISSING_MODEL_HELP,
    ModelInfo,
    installed_model,
    installed_models,
)
from reader.translation.store import SentenceTranslation, TranslationStore

if TYPE_CHECKING:
    from collections.abc import Sequence

    from reader.translation.engine import TranslationEngine


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the ``lesepult`` parser."""
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
    _add_device_argument(translate)
    translate.add_argument(
        "--glossary-guided",
        action="store_true",
        help="where a sentence holds glossary terms, prefer the model's n-best translation"
        " that uses their renderings (within a score margin; labelled glossary-guided, the"
        " model's first choice kept beside it); one text only",
    )
    translate.set_defaults(func=command_translate)

    models = subparsers.add_parser(
        "models",
        help="list, install or remove translation models",
        description="Manage Argos Translate model packages (German→English).",
    )
    actions = models.add_subparsers(dest="models_command", metavar="ACTION", required=True)
    listing = actions.add_parser(
        "list", help="installed models and, when the index can be reached, available ones"
    )
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.add_argument("--offline", action="store_true", help="do not ask the package index")
    listing.set_defaults(func=command_models_list)
    install = actions.add_parser(
        "install",
        help="install the German→English model from the package index or a file",
        description="Download the German→English package from the Argos package index"
        " (ARGOS_PACKAGE_INDEX), verify it, install it; or install a local .argosmodel file.",
    )
    install.add_argument("--file", type=Path, metavar="PATH", help="an .argosmodel file")
    install.add_argument(
        "--allow-redirects",
        action="store_true",
        help="follow a download redirect to another host or scheme (refused by default;"
        " also LESEPULT_ALLOW_REDIRECTS=1)",
    )
    install.set_defaults(func=command_models_install)
    removal = actions.add_parser("remove", help="remove an installed model")
    removal.add_argument("code", metavar="CODE", help="package code, e.g. translate-de_en")
    removal.set_defaults(func=command_models_remove)

    correct = subparsers.add_parser(
        "correct",
        help="store (or revert) your own English for one sentence",
        description="Store your own English for one sentence of a text, as the reading view's"
        " edit does; it is preferred over machine output everywhere (reading view, translate,"
        " study sheets) and survives model upgrades. --revert drops it again (exit 1 when"
        " there is none). Sentences are addressed as `glossary where` and `search` print"
        " them: block B, sentence S, both counted from 1.",
    )
    add_text_argument(correct)
    _add_sentence_argument(correct)
    change = correct.add_mutually_exclusive_group(required=True)
    change.add_argument("--english", metavar="TEXT", help="your English for the sentence")
    change.add_argument("--revert", action="store_true", help="drop your correction")
    correct.add_argument("--json", action="store_true", help="print JSON")
    correct.set_defaults(func=command_correct)

    alternatives = subparsers.add_parser(
        "alternatives",
        help="the model's alternative translations of one sentence",
        description="Ask the installed model for its n best translations of one sentence and"
        " print them numbered, best first (identical ones once); --pick K keeps alternative K"
        " as your correction. Exits with status"
        f" {int(ExitCode.NO_MODEL)} when no model is installed.",
    )
    add_text_argument(alternatives)
    _add_sentence_argument(alternatives)
    alternatives.add_argument(
        "-n",
        "--count",
        type=int,
        default=5,
        metavar="N",
        help="how many hypotheses to ask for (default 5)",
    )
    alternatives.add_argument(
        "--pick", type=int, metavar="K", help="store alternative K (from 1) as your correction"
    )
    alternatives.add_argument("--json", action="store_true", help="print JSON")
    alternatives.add_argument(
        "--glossary-guided",
        action="store_true",
        help="also say which hypothesis uses the glossary's renderings best, within a score"
        " margin of the model's first choice (labelled glossary-guided)",
    )
    _add_device_argument(alternatives)
    alternatives.set_defaults(func=command_alternatives)


def _add_device_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--device",
        choices=DEVICES,
        help="where the model runs: auto (a CUDA GPU when CTranslate2 finds one), cpu or cuda"
        " (default: ARGOS_DEVICE_TYPE, else auto)",
    )


def _add_sentence_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sentence",
        required=True,
        metavar="B.S",
        help="block B, sentence S, both from 1, as `glossary where` prints them (e.g. 3.2)",
    )


def command_translate(arguments: argparse.Namespace) -> int:
    """Print the sentence-aligned translation of a text."""
    from dataclasses import replace

    from reader.translation.engine import EngineSettings, TranslationEngine
    from reader.translation.pipeline import TranslationJob, TranslationProgress
    from reader.translation.store import TranslationStore

    paths = list(arguments.text)
    library = len(paths) > 1 or (len(paths) == 1 and Path(paths[0]).expanduser().is_dir())
    document = None if library else open_document(paths[0] if paths else None, arguments.encoding)
    model = _model_in_use()
    settings = EngineSettings.from_environment()
    if arguments.beam is not None:
        if arguments.beam < 1:
            raise UserError("--beam must be at least 1")
        settings = replace(settings, beam_size=arguments.beam)
    if arguments.threads is not None:
        if arguments.threads < 0:
            raise UserError("--threads must be 0 (all cores) or more")
        settings = replace(settings, threads=arguments.threads)
    settings = replace(settings, device=arguments.device)
    store = TranslationStore(open_store())
    engine = TranslationEngine(model, settings)
    if document is None:
        from reader.cli.library import translate_paths

        return translate_paths(paths, arguments, store, _ReportDevice(engine))
    job = TranslationJob(store, _ReportDevice(engine))
    sentences = list(document.all_sentences())

    def report(progress: TranslationProgress) -> None:
        if sys.stderr.isatty():
            sys.stderr.write(f"\rtranslated {progress.done}/{progress.total} sentences")
            if progress.finished:
                sys.stderr.write("\n")

    results = job.run([sentence.text for sentence in sentences], on_progress=report)
    guided: dict[str, Any] = {}
    if arguments.glossary_guided:
        from reader.translation.guided import guide_sentences

        machine = [s for s in sentences if results[s.text].origin == "machine"]
        guided = {k: v for k, v in guide_sentences(engine, machine).items() if v.guided}
    pairs = [
        {
            "block": sentence.block,
            "sentence": sentence.index,
            "german": sentence.text,
            "english": results[sentence.text].english,
            "origin": results[sentence.text].origin,
            "model": results[sentence.text].model,
            "flags": list(results[sentence.text].flags),
        }
        | (
            {"english": guided[sentence.text].english, "label": guided[sentence.text].label,
             "model_first": guided[sentence.text].model_first}
            if sentence.text in guided else {}
        )
        for sentence in sentences
    ]  # fmt: skip
    if arguments.format == "json":
        print_json(
            {
                "title": document.title,
                "text_id": document.text_id,
                "model": model.model_id,
                "sentences": pairs,
            }
        )
        return ExitCode.OK
    print(f"# {document.title}\n\n_Machine translation: {model.model_id} (Argos Translate)._")
    previous_block = None
    for sentence in sentences:
        found = results[sentence.text]
        if sentence.block != previous_block:
            print()
            previous_block = sentence.block
        notes = ([] if found.origin == "machine" else [found.origin]) + list(found.flags)
        english = found.english
        choice = guided.get(sentence.text)
        if choice is not None:
            english = choice.english
            notes = [choice.label, f"model's first choice: {choice.model_first}"]
        suffix = f"  _({'; '.join(notes)})_" if notes else ""
        print(f"- **DE** {' '.join(sentence.text.split())}")
        print(f"  **EN** {english}{suffix}")
    return ExitCode.OK


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


def _guided_choice(engine: TranslationEngine, sentence: Sentence) -> dict[str, Any]:
    """The glossary-guided choice among the sentence's n best translations, as JSON."""
    from glossary import load_glossaries
    from glossary.matching import GlossaryMatcher
    from reader.translation.guided import HYPOTHESES, choose, glossary_counter

    matches = GlossaryMatcher(load_glossaries()).matches(sentence)
    hypotheses = engine.scored([_one_line(sentence.text)], HYPOTHESES)[0]
    choice = choose(hypotheses, glossary_counter(matches))
    return {
        "english": choice.english,
        "model_first": choice.model_first,
        "label": choice.label,
        "terms": len({match.entry for match in matches}),
        "missing": choice.missing,
        "score_loss": round(choice.score_loss, 3),
    }


def _model_in_use() -> ModelInfo:
    """The German→English model; one warning line per broken package folder it skipped."""
    listing = installed_models()
    for problem in listing.problems:
        print(one_line(f"lesepult: warning: skipped {problem}"), file=sys.stderr)
    model = newest_german_english(listing.models)
    if model is None:
        raise NoModelError(MISSING_MODEL_HELP)
    return model


def _one_line(text: str) -> str:
    # Sentences keep the text's own line breaks; printed (and fed to the model) as one line.
    return " ".join(text.split())


def _address(sentence: Sentence) -> str:
    return f"{sentence.block + 1}.{sentence.index + 1}"


def _translation_json(sentence: Sentence, found: SentenceTranslation | None) -> dict[str, Any]:
    """The JSON for a sentence and its stored English (block and sentence 0-based as elsewhere)."""
    return {
        "address": _address(sentence),
        "block": sentence.block,
        "sentence": sentence.index,
        "german": sentence.text,
        "english": found.english if found else None,
        "origin": found.origin if found else None,
        "model": found.model if found else None,
    }


def _print_stored(sentence: Sentence, found: SentenceTranslation | None) -> None:
    """Print a sentence's German and the English the reader now gets for it."""
    print(f"block {sentence.block + 1}, sentence {sentence.index + 1}")
    print(f"DE {_one_line(sentence.text)}")
    if found is None:
        print("EN (none stored; `lesepult translate` or the reading view makes one)")
    elif found.origin == "edited":
        print(f"EN {found.english}  (your correction)")
    else:
        print(f"EN {found.english}  ({found.origin}, {found.model})")


def command_correct(arguments: argparse.Namespace) -> int:
    """Store or revert the reader's correction of one sentence."""
    document = open_document(arguments.text, arguments.encoding)
    sentence = sentence_at(document, arguments.sentence)
    store = open_store()
    try:
        translations = TranslationStore(store)
        if arguments.revert:
            if not translations.revert(sentence.text):
                raise UserError(
                    f"sentence {_address(sentence)} has no correction to revert",
                    status=ExitCode.NOT_FOUND,
                )
        else:
            translations.correct(sentence.text, arguments.english)
        model = installed_model()
        found = translations.lookup(model.model_id if model else None, [sentence.text]).get(
            sentence.text
        )
    finally:
        store.close()
    if arguments.json:
        print_json({**_translation_json(sentence, found), "reverted": arguments.revert})
        return ExitCode.OK
    _print_stored(sentence, found)
    return ExitCode.OK


def command_alternatives(arguments: argparse.Namespace) -> int:
    """Print the model's n-best translations of one sentence; optionally keep one."""
    from dataclasses import replace

    from reader.translation.engine import EngineSettings, TranslationEngine

    if arguments.count < 1:
        raise UserError("-n must be at least 1")
    if arguments.pick is not None and arguments.pick < 1:
        raise UserError("--pick counts from 1")
    document = open_document(arguments.text, arguments.encoding)
    sentence = sentence_at(document, arguments.sentence)
    model = _model_in_use()
    settings = replace(EngineSettings.from_environment(), device=arguments.device)
    engine = TranslationEngine(model, settings)
    options = engine.alternatives(_one_line(sentence.text), arguments.count)
    print(engine.device_line, file=sys.stderr)
    guided = _guided_choice(engine, sentence) if arguments.glossary_guided else None
    store = open_store()
    try:
        translations = TranslationStore(store)
        if arguments.pick is not None:
            if arguments.pick > len(options):
                raise UserError(
                    f"--pick {arguments.pick}: the model gave {len(options)} alternative(s)"
                )
            translations.correct(sentence.text, options[arguments.pick - 1])
        found = translations.lookup(model.model_id, [sentence.text]).get(sentence.text)
    finally:
        store.close()
    if arguments.json:
        print_json(
            {
                **_translation_json(sentence, found),
                "alternatives_model": model.model_id,
                "alternatives": [
                    {"number": number, "english": english}
                    for number, english in enumerate(options, start=1)
                ],
                "picked": arguments.pick,
                "glossary_guided": guided,
            }
        )
        return ExitCode.OK
    print(f"block {sentence.block + 1}, sentence {sentence.index + 1}")
    print(f"DE {_one_line(sentence.text)}")
    for number, english in enumerate(options, start=1):
        current = "  (current)" if found is not None and found.english == english else ""
        print(f"{number:2d}. {english}{current}")
    print(f"{len(options)} alternative(s) from {model.model_id}", file=sys.stderr)
    if guided is not None:
        if guided["label"]:
            print(f"{guided['label']}: {guided['english']}")
            print(f"  (model's first choice: {guided['model_first']})")
        else:
            print(f"glossary: the model's first choice stays ({guided['terms']} term(s) checked)")
    if arguments.pick is not None:
        print(f"stored alternative {arguments.pick} as your correction")
    return ExitCode.OK
