"""CLI subcommands for one sentence's English: ``correct`` and ``alternatives``.

The reading view's sentence actions without the UI: store or revert your own English for one
sentence, or ask the model for its n-best translations and keep one as your correction.
Registered by :mod:`reader.cli.translation`, after ``translate`` and ``models``.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from reader.cli.common import add_text_argument, open_document, open_store, print_json, sentence_at
from reader.cli.models import add_device_argument, model_in_use
from reader.core.errors import ExitCode, UserError
from reader.core.text import Sentence
from reader.translation.models import installed_model
from reader.translation.store import SentenceTranslation, TranslationStore

if TYPE_CHECKING:
    from reader.translation.engine import TranslationEngine


def register_correct(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``correct`` to the ``lesepult`` parser."""
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


def register_alternatives(
    subparsers: argparse._SubParsersAction[argparse.ArgumentParser],
) -> None:
    """Add ``alternatives`` to the ``lesepult`` parser."""
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
    add_device_argument(alternatives)
    alternatives.set_defaults(func=command_alternatives)


def _add_sentence_argument(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--sentence",
        required=True,
        metavar="B.S",
        help="block B, sentence S, both from 1, as `glossary where` prints them (e.g. 3.2)",
    )


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
    model = model_in_use()
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
    _print_alternatives(sentence, found, options, model.model_id, guided)
    if arguments.pick is not None:
        print(f"stored alternative {arguments.pick} as your correction")
    return ExitCode.OK


def _print_alternatives(
    sentence: Sentence,
    found: SentenceTranslation | None,
    options: list[str],
    model_id: str,
    guided: dict[str, Any] | None,
) -> None:
    """The numbered alternatives (the current English marked) and the glossary's choice."""
    print(f"block {sentence.block + 1}, sentence {sentence.index + 1}")
    print(f"DE {_one_line(sentence.text)}")
    for number, english in enumerate(options, start=1):
        current = "  (current)" if found is not None and found.english == english else ""
        print(f"{number:2d}. {english}{current}")
    print(f"{len(options)} alternative(s) from {model_id}", file=sys.stderr)
    if guided is not None:
        if guided["label"]:
            print(f"{guided['label']}: {guided['english']}")
            print(f"  (model's first choice: {guided['model_first']})")
        else:
            print(f"glossary: the model's first choice stays ({guided['terms']} term(s) checked)")


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
