"""CLI subcommands for the reading view's own features: ``search``.

The search works as the reading view's: a case-insensitive regular expression over each
block's text (a pattern that is not a valid expression is searched for literally), so a
match may run across a sentence boundary; each match is reported in the sentence
:mod:`reader.search` places it in (where its first word character is).
"""

from __future__ import annotations

import argparse
import re
import sys
from dataclasses import dataclass

from reader.cli.common import add_text_argument, bracketed, open_document, print_json
from reader.core.errors import ExitCode, UserError
from reader.core.text import Document, Sentence
from reader.search import compile_pattern, sentence_of
from reader.search import find_matches as find


def register(subparsers: argparse._SubParsersAction[argparse.ArgumentParser]) -> None:
    """Add this module's subcommands to the ``lesepult`` parser."""
    search = subparsers.add_parser(
        "search",
        help="find a word or regular expression in a text",
        description="Search a text as the reading view's / does: PATTERN is a regular"
        " expression matched without regard to case (one that is not valid is searched for"
        " literally). Prints every sentence with a match, as `block N, sentence M:` with the"
        " matches in [brackets], and the count on stderr. Exits with status 1 when nothing"
        " matches.",
    )
    search.add_argument("pattern", metavar="PATTERN", help="a regular expression or plain text")
    add_text_argument(search)
    search.add_argument("--json", action="store_true", help="print JSON")
    search.set_defaults(func=command_search)


@dataclass(frozen=True)
class SearchHit:
    """One match of a search, placed in the sentence it starts in."""

    sentence: Sentence
    """The sentence the match starts in."""
    start: int
    """Offset of the match's first character in the document's source."""
    end: int
    """Offset just past the match's last character."""
    text: str
    """The matched text."""


def find_matches(document: Document, pattern: re.Pattern[str]) -> list[SearchHit]:
    """Every non-empty match of ``pattern`` in the document's blocks, in reading order."""
    placed = ((match, sentence_of(document, match)) for match in find(document, pattern))
    return [SearchHit(s, m.start, m.end, m.text) for m, s in placed if s is not None]


def marked_sentence(sentence: Sentence, hits: list[SearchHit]) -> str:
    """The sentence on one line with each match (cut at the sentence's end) in [brackets]."""
    return bracketed(sentence, ((hit.start, hit.end) for hit in hits))


def command_search(arguments: argparse.Namespace) -> int:
    """``lesepult search PATTERN [TEXT] [--json]``: matches by sentence; exit 1 for none."""
    if not arguments.pattern.strip():
        raise UserError("the search pattern is empty")
    document = open_document(arguments.text, arguments.encoding)
    hits = find_matches(document, compile_pattern(arguments.pattern))
    if arguments.json:
        print_json(
            [
                {
                    "address": f"{hit.sentence.block + 1}.{hit.sentence.index + 1}",
                    "block": hit.sentence.block,
                    "sentence": hit.sentence.index,
                    "start": hit.start,
                    "end": hit.end,
                    "match": hit.text,
                    "text": hit.sentence.text,
                }
                for hit in hits
            ]
        )
    else:
        by_sentence: dict[tuple[int, int], list[SearchHit]] = {}
        for hit in hits:
            by_sentence.setdefault((hit.sentence.block, hit.sentence.index), []).append(hit)
        for (block, index), sentence_hits in by_sentence.items():
            sentence = sentence_hits[0].sentence
            marked = marked_sentence(sentence, sentence_hits)
            print(f"block {block + 1}, sentence {index + 1}: {marked}")
        print(
            f"{len(hits)} match(es) in {len(by_sentence)} sentence(s) of {document.title}",
            file=sys.stderr,
        )
    return ExitCode.OK if hits else ExitCode.NOT_FOUND
