"""CLI subcommands for the glossary: ``lookup WORD`` and ``glossary ACTION`` (list, check...)."""

from __future__ import annotations

import argparse
import sys
import textwrap
from pathlib import Path

from glossary.loading import (
    curated_glossary_paths,
    format_problem,
    load_glossaries,
    user_glossary_path,
    validate_files,
)
from glossary.lookup import (
    GENDER_ARTICLES,
    LookupResult,
    WordLookup,
    entry_to_json,
    result_to_json,
)
from glossary.matching import GlossaryMatcher, TermMatch
from glossary.schema import GlossaryEntry, GlossarySet
from reader.cli.common import add_text_argument, bracketed, open_document, print_json
from reader.core.errors import ExitCode, UserError
from reader.core.text import Sentence, parse_document


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the ``lesepult`` parser."""
    lookup = subparsers.add_parser(
        "lookup",
        help="look a German word up offline (glossary, then the Ding dictionary)",
        description="Look a word up: the curated glossary, your own entries, then the Ding"
        " dictionary as written, as its lemma, as the separable verb it belongs to in the"
        " --context sentence, and part by part for compounds.",
    )
    lookup.add_argument("word", metavar="WORD", help="the word as it appears in the text")
    lookup.add_argument(
        "--context", metavar="SENTENCE", help="the sentence the word appears in (for its lemma)"
    )
    lookup.add_argument(
        "--english",
        metavar="TRANSLATION",
        help="the sentence's English translation: senses it uses are ranked first and marked",
    )
    lookup.add_argument("--json", action="store_true", help="print JSON")
    lookup.set_defaults(func=command_lookup)
    _register_glossary(subparsers)


def _register_glossary(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    glossary = subparsers.add_parser(
        "glossary",
        help="list, show, validate the glossary or find a term in a text",
        description=f"The curated glossary plus your own file ({user_glossary_path()}).",
    )
    actions = glossary.add_subparsers(dest="glossary_command", metavar="ACTION", required=True)
    listing = actions.add_parser("list", help="every entry, curated first")
    listing.add_argument("--json", action="store_true", help="print JSON")
    listing.set_defaults(func=command_list)
    show = actions.add_parser("show", help="one entry in full")
    show.add_argument("term", metavar="TERM", help="the entry's term (any case) or a form of it")
    show.add_argument("--json", action="store_true", help="print JSON")
    show.set_defaults(func=command_show)
    validate = actions.add_parser(
        "validate",
        help="check glossary files; exit 1 on problems",
        description="Check glossary files against the schema (glossary/SCHEMA.md). Without"
        " FILE the curated glossaries and your own file are checked. Problems are printed as"
        " file:line: field: message and the exit status is 1.",
    )
    validate.add_argument("files", nargs="*", metavar="FILE", type=Path)
    validate.add_argument("--json", action="store_true", help="print JSON")
    validate.set_defaults(func=command_validate)
    where = actions.add_parser("where", help="where a term occurs in a text")
    where.add_argument("term", metavar="TERM", help="the entry's term (any case) or a form of it")
    add_text_argument(where)
    where.add_argument("--json", action="store_true", help="print JSON")
    where.set_defaults(func=command_where)
    register_check(actions)
    register_draft(actions)
    register_own(actions)


def _load() -> GlossarySet:
    """The glossaries, with any problem of a left-out file reported once on stderr."""
    glossary = load_glossaries()
    for problem in glossary.problems:
        print(f"lesepult: warning: {format_problem(problem)}", file=sys.stderr)
    return glossary


def _load_cached() -> GlossarySet:
    """:func:`_load` through the glossary cache (a lookup then starts without YAML or HanTa)."""
    from glossary.glossary_cache import cached_glossaries, dictionary_index_name

    glossary = cached_glossaries(dictionary_index_name())
    for problem in glossary.problems:
        print(f"lesepult: warning: {format_problem(problem)}", file=sys.stderr)
    return glossary


def _find_entries(glossary: GlossarySet, term: str) -> tuple[GlossaryEntry, ...]:
    entries = glossary.find(term)
    if not entries:
        folded = term.casefold()
        entries = tuple(
            entry
            for entry in glossary.entries
            if folded in {form.casefold() for form in (*entry.forms, entry.plural or "")}
        )
    if not entries:
        raise UserError(
            f"no glossary entry for {term!r} (see: lesepult glossary list)", ExitCode.NOT_FOUND
        )
    return entries


def _context_token(word: str, context: str) -> tuple[Sentence, int]:
    document = parse_document(f"# -\n\n{context}\n", "--context")
    sentences = [s for block in document.blocks[1:] for s in document.sentences(block.index)]
    for matcher in (str.__eq__, lambda a, b: a.casefold() == b.casefold()):
        for sentence in sentences:
            for index, token in enumerate(sentence.tokens):
                if matcher(token.text, word):
                    return sentence, index
    raise UserError(f"{word!r} does not occur in the --context sentence")


def command_lookup(arguments: argparse.Namespace) -> int:
    """``lesepult lookup WORD [--context SENTENCE] [--json]``."""
    word = arguments.word.strip()
    if not word:
        raise UserError("give a word to look up")
    lookup = WordLookup.create(_load_cached())
    try:
        if arguments.context:
            sentence, index = _context_token(word, arguments.context)
            result = lookup.lookup(
                sentence.tokens[index].text, sentence, index, english=arguments.english
            )
        else:
            result = lookup.lookup(word, english=arguments.english)
    finally:
        lookup.close()
    if arguments.json:
        print_json(result_to_json(result))
    else:
        print(format_result(result))
    return ExitCode.OK if result.found else ExitCode.NOT_FOUND


def format_result(result: LookupResult) -> str:
    """A lookup result as plain text: the glossary note first, then the dictionary."""
    lines = [_headline(result)]
    # The phrase the word belongs to in its sentence comes first (a curated expression, then
    # the dictionary's phrases), then the word's own glossary entries and senses.
    expressions = [entry for entry in result.glossary if " " in entry.term.strip()]
    for entry in expressions:
        lines.append("")
        lines.extend(_entry_lines(entry))
    if result.phrases:
        lines.append("")
        lines.append("Phrase in this sentence (Ding):")
        for phrase in result.phrases[:PHRASE_LINES]:
            lines.append(f"  {phrase.phrase} — {_shorten(phrase.english)}")
    for entry in result.glossary:
        if entry not in expressions:
            lines.append("")
            lines.extend(_entry_lines(entry))
    if result.senses:
        lines.append("")
        lines.append(f"Dictionary (Ding, found {result.found_by}):")
        for sense in result.senses:
            shown = sense.german if sense.german == sense.headword else f"{sense.german}"
            base = "" if sense.german == sense.headword else f"   [from {sense.headword}]"
            mark = "   [in the translation]" if sense.in_translation else ""
            lines.append(f"  {shown} — {sense.english}{base}{mark}")
    if result.compound_parts:
        lines.append("")
        lines.append("Compound parts:")
        for part in result.compound_parts:
            gloss = part.senses[0].english if part.senses else "?"
            note = f" (glossary: {part.glossary[0].renderings[0]})" if part.glossary else ""
            lines.append(f"  {part.part} — {gloss}{note}")
    for note in result.notes:
        lines.append(f"note: {note}")
    if not result.found:
        lines.append("nothing found")
    return "\n".join(lines)


PHRASE_LINES = 3
PHRASE_ENGLISH_LENGTH = 160


def _shorten(text: str) -> str:
    """A long list of senses cut at a separator, so a phrase stays on one or two lines."""
    if len(text) <= PHRASE_ENGLISH_LENGTH:
        return text
    cut = text.rfind("; ", 0, PHRASE_ENGLISH_LENGTH)
    return (text[:cut] if cut > 0 else text[:PHRASE_ENGLISH_LENGTH]) + "; …"


def _headline(result: LookupResult) -> str:
    parts = [result.word]
    if result.lemma and result.lemma != result.word:
        parts.append(f"→ {result.lemma}")
    if result.separable_verb:
        parts.append(f"(separable verb {result.separable_verb})")
    if result.grammar:
        parts.append(f"[{', '.join(result.grammar)}]")
    return " ".join(parts)


def _entry_lines(entry: GlossaryEntry) -> list[str]:
    label = "Glossary" if entry.origin == "curated" else "Your glossary"
    head = entry.term
    if entry.gender:
        head = f"{GENDER_ARTICLES[entry.gender]} {head}"
    if entry.plural:
        head += f", plural {entry.plural}"
    lines = [f"{label}: {head} ({entry.kind}) — {'; '.join(entry.renderings)}"]
    if entry.english_name or entry.about:
        lines.append(f"  {' — '.join(x for x in (entry.english_name, entry.about) if x)}")
    lines.extend(textwrap.wrap(entry.explanation, 96, initial_indent="  ", subsequent_indent="  "))
    if entry.parts:
        lines.append("  parts: " + ", ".join(f"{p.part} = {p.meaning}" for p in entry.parts))
    if entry.spelling_note:
        lines.extend(
            textwrap.wrap(
                f"spelling: {entry.spelling_note}", 96, initial_indent="  ", subsequent_indent="  "
            )
        )
    if entry.related:
        lines.append(f"  related: {', '.join(entry.related)}")
    if entry.register:
        lines.append(f"  register: {entry.register}")
    return lines


def command_list(arguments: argparse.Namespace) -> int:
    """``lesepult glossary list [--json]``."""
    glossary = _load()
    if arguments.json:
        print_json(
            {
                "version": glossary.version,
                "entries": [entry_to_json(entry) for entry in glossary.entries],
                "problems": [format_problem(problem) for problem in glossary.problems],
            }
        )
        return ExitCode.OK
    for entry in glossary.entries:
        mine = "  (yours)" if entry.origin == "user" else ""
        print(f"{entry.term}  [{entry.kind}]  {'; '.join(entry.renderings)}{mine}")
    print(f"{len(glossary.entries)} entries, glossary version {glossary.version}", file=sys.stderr)
    return ExitCode.OK


def command_show(arguments: argparse.Namespace) -> int:
    """``lesepult glossary show TERM [--json]``."""
    entries = _find_entries(_load(), arguments.term)
    if arguments.json:
        print_json([entry_to_json(entry) for entry in entries])
    else:
        print("\n\n".join("\n".join(_entry_lines(entry)) for entry in entries))
    return ExitCode.OK


def command_validate(arguments: argparse.Namespace) -> int:
    """``lesepult glossary validate [FILE...] [--json]``: exit 1 when there are problems."""
    paths: list[Path] = list(arguments.files)
    if not paths:
        paths = list(curated_glossary_paths())
        if user_glossary_path().exists():
            paths.append(user_glossary_path())
    problems = validate_files(paths)
    if arguments.json:
        print_json(
            {"files": [str(p) for p in paths], "problems": [format_problem(p) for p in problems]}
        )
    else:
        for problem in problems:
            print(format_problem(problem))
        if not problems:
            print(f"{len(paths)} file(s) checked: no problems")
    return ExitCode.NOT_FOUND if problems else ExitCode.OK


def command_where(arguments: argparse.Namespace) -> int:
    """``lesepult glossary where TERM [TEXT] [--json]``: occurrences with sentence and position."""
    glossary = _load()
    entries = _find_entries(glossary, arguments.term)
    document = open_document(arguments.text, arguments.encoding)
    matcher = GlossaryMatcher(glossary)
    found: list[tuple[Sentence, TermMatch]] = [
        (sentence, match)
        for sentence in document.all_sentences()
        for match in matcher.matches(sentence)
        if match.entry in entries
    ]
    if arguments.json:
        print_json(
            [
                {
                    "term": match.entry.term,
                    "kind": match.entry.kind,
                    "block": match.block,
                    "sentence": match.sentence,
                    "token_indexes": list(match.token_indexes),
                    "spans": [list(span) for span in match.spans],
                    "words": [sentence.tokens[i].text for i in match.token_indexes],
                    "how": match.how,
                    "text": sentence.text,
                }
                for sentence, match in found
            ]
        )
    else:
        for sentence, match in found:
            place = f"block {match.block + 1}, sentence {match.sentence + 1}"
            print(f"{place}: {_marked(sentence, match)}")
        print(f"{len(found)} occurrence(s) in {document.title}", file=sys.stderr)
    return ExitCode.OK if found else ExitCode.NOT_FOUND


def _marked(sentence: Sentence, match: TermMatch) -> str:
    """The sentence with the matched words in [brackets]."""
    return bracketed(sentence, match.spans)


def register_check(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``glossary check`` (in :mod:`reader.cli.glossary_check`) to the glossary actions."""
    from reader.cli.glossary_check import register

    register(actions)


def register_draft(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``glossary draft`` (in :mod:`reader.cli.draft`) to the glossary actions."""
    from reader.cli.draft import register

    register(actions)


def register_own(actions: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add ``glossary add/edit/remove`` (in :mod:`reader.cli.glossary_own`)."""
    from reader.cli.glossary_own import register

    register(actions)
