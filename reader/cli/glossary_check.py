"""``lesepult glossary check [TEXT] [--translation MODE] [--json]``: renderings the English lacks.

For every sentence with a glossary term, the English (stored machine output or correction,
the curated reference, or the best of them) is checked for one of the term's renderings
(:func:`glossary.checking.missing_renderings`); the sentences where none is found are listed.
Registered by :mod:`reader.cli.glossary`; a report, so it exits 0.
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from typing import Any

from glossary.checking import RenderingCheck, missing_renderings
from glossary.matching import GlossaryMatcher
from reader.cli.common import add_text_argument, open_document, open_store, print_json

# One loader (with its warnings) for every glossary command; imported once reader.cli.glossary
# is loaded, as it registers this module lazily.
from reader.cli.glossary import _load
from reader.core.errors import ExitCode, NoModelError, UserError
from reader.core.text import Document, Sentence, TextLoadError, load_reference


def register(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``check`` to the ``glossary`` actions."""
    check = actions.add_parser(
        "check",
        help="sentences whose English lacks a glossary term's rendering",
        description="For every sentence with a glossary term, check that the English contains"
        " one of the term's renderings (inflection, case, hyphens and quotes allowed; see the"
        " README) and print the sentences where none does. --translation machine uses your"
        " stored machine translations and corrections (run `lesepult translate` first),"
        " reference the text's curated reference, best (default) what the reading view shows:"
        " your correction, else the machine translation, else the reference. A report: exit 0.",
    )
    add_text_argument(check)
    check.add_argument(
        "--translation",
        choices=("machine", "reference", "best"),
        default="best",
        help="which English to check (default: best)",
    )
    check.add_argument("--json", action="store_true", help="print JSON")
    check.set_defaults(func=command_check)


@dataclass(frozen=True)
class CheckedSentence:
    """A sentence whose English misses a glossary term's rendering."""

    sentence: Sentence
    """The German sentence."""
    english: str
    """The English it was checked against."""
    origin: str
    """Where the English came from: machine, edited or reference."""
    checks: tuple[RenderingCheck, ...]
    """The terms whose renderings are missing."""


def _english_by_sentence(
    document: Document, mode: str
) -> tuple[dict[tuple[int, int], tuple[str, str]], str | None]:
    """The English (text, origin) per (block, sentence) for ``mode``, and the model id used."""
    from reader.translation import MISSING_MODEL_HELP, TranslationStore, installed_model

    sentences = tuple(document.all_sentences())
    english: dict[tuple[int, int], tuple[str, str]] = {}
    model_id: str | None = None
    if mode in ("reference", "best"):
        english.update(_reference_english(document, required=mode == "reference"))
    if mode in ("machine", "best"):
        model = installed_model()
        if model is None and mode == "machine":
            raise NoModelError(MISSING_MODEL_HELP)
        model_id = model.model_id if model is not None else None
        store = open_store()
        try:
            stored = TranslationStore(store).lookup(model_id, [s.text for s in sentences])
        finally:
            store.close()
        for sentence in sentences:
            found = stored.get(sentence.text)
            if found is not None:
                english[(sentence.block, sentence.index)] = (found.english, found.origin)
    return english, model_id


def _reference_english(
    document: Document, required: bool
) -> dict[tuple[int, int], tuple[str, str]]:
    """The reference English per sentence, for the blocks where it aligns sentence by sentence."""
    try:
        reference = load_reference(document)
    except TextLoadError as error:
        raise UserError(str(error)) from error
    except OSError as error:
        raise UserError(f"cannot read the reference translation: {error}") from error
    if reference is None:
        if required:
            raise UserError(f"{document.title!r} has no reference translation")
        return {}
    english: dict[tuple[int, int], tuple[str, str]] = {}
    for block, english_sentences in zip(document.blocks, reference.blocks, strict=True):
        german_sentences = document.sentences(block.index)
        # A block that does not align sentence by sentence cannot be checked pair by pair.
        if len(german_sentences) != len(english_sentences):
            continue
        for sentence, text in zip(german_sentences, english_sentences, strict=True):
            english[(block.index, sentence.index)] = (text, "reference")
    return english


def command_check(arguments: argparse.Namespace) -> int:
    """``lesepult glossary check [TEXT] [--translation MODE] [--json]``: a report, exit 0."""
    glossary = _load()
    document = open_document(arguments.text, arguments.encoding)
    english, model_id = _english_by_sentence(document, arguments.translation)
    matcher = GlossaryMatcher(glossary)
    flagged: list[CheckedSentence] = []
    checked = without_english = 0
    for sentence in document.all_sentences():
        matches = matcher.matches(sentence)
        if not matches:
            continue
        pair = english.get((sentence.block, sentence.index))
        if pair is None:
            without_english += 1
            continue
        checked += 1
        checks = missing_renderings(matches, pair[0])
        if checks:
            flagged.append(CheckedSentence(sentence, pair[0], pair[1], checks))
    flags = sum(len(item.checks) for item in flagged)
    if arguments.json:
        print_json(
            {
                "title": document.title,
                "translation": arguments.translation,
                "model": model_id,
                "sentences_checked": checked,
                "sentences_without_english": without_english,
                "flags": [_check_json(item, check) for item in flagged for check in item.checks],
            }
        )
        return ExitCode.OK
    for item in flagged:
        place = f"block {item.sentence.block + 1}, sentence {item.sentence.index + 1}"
        for check in item.checks:
            print(
                f"{place}: {check.match.entry.term} — the glossary says: "
                f"{'; '.join(check.expected)}"
            )
        print(f"  {item.origin}: {item.english}")
    summary = f"{flags} missing rendering(s) in {checked} sentence(s) with glossary terms"
    if without_english:
        summary += f"; {without_english} sentence(s) with terms have no English yet"
        if arguments.translation != "reference":
            summary += " (run: lesepult translate)"
    print(summary, file=sys.stderr)
    return ExitCode.OK


def _check_json(item: CheckedSentence, check: RenderingCheck) -> dict[str, Any]:
    return {
        "block": item.sentence.block,
        "sentence": item.sentence.index,
        "term": check.match.entry.term,
        "kind": check.match.entry.kind,
        "words": [item.sentence.tokens[i].text for i in check.match.token_indexes],
        "expected": list(check.expected),
        "german": item.sentence.text,
        "english": item.english,
        "origin": item.origin,
    }
