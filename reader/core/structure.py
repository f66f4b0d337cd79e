"""A text's structure: paragraphs, title, teaser, headings, datelines, over-long paragraphs.

:func:`layout_blocks` turns a text's source into block kinds and spans; :mod:`reader.core.text`
builds the :class:`~reader.core.text.Block` s from them. The rules (README "Text format"):

- Blocks are separated by blank lines. A paragraph longer than :data:`MAX_BLOCK_CHARS` is
  cut into blocks of at most that size at sentence ends (else at a space), so SoMaJo, the
  layout and the translator only ever work on bounded pieces, whatever the file holds.
- Markdown ``# `` marks the title and ``## `` a heading. Otherwise a short first line is the
  title (also when it ends in ``?``, ``!`` or ``.``), and later short lines without final
  punctuation are headings, except a letter's greeting and sign-off ("Viele Grüße, dein Tom").
- A paragraph whose lines open with list markers (``- ``, ``* ``, ``1. ``) is a list: each
  item is a paragraph of its own (the marker is markup, as ``## `` is), never a heading.
- A paragraph may open with an agency dateline: ``BERLIN taz |``, ``Berlin (Reuters) -``,
  ``NÜRNBERG (dpa-AFX) -``, ``Frankfurt/Main (AFP) –``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from typing import Literal

BlockKind = Literal["title", "teaser", "heading", "paragraph"]

MAX_BLOCK_CHARS = 6000
"""Longest block; SoMaJo segments this in well under 0.1 s, so a worker stops quickly."""
SENTENCE_END = (".", "!", "?", "…", ":", ";", "“", '"', "»", "«", ")", ",")

# "BERLIN taz |", "MOSKAU dpa |", "KYJIW/BERLIN taz |": the taz form.
_TAZ_DATELINE = re.compile(r"[A-ZÄÖÜ][A-ZÄÖÜ/\- ]+[A-ZÄÖÜ](?: [a-zA-Z]{2,5})? \| ")
# "Berlin (Reuters) -", "NÜRNBERG (dpa-AFX) -", "Frankfurt/Main (AFP) –",
# "Bad Homburg, 3. März 2024 (ots) —": a place of capitalised words, an optional date, an
# agency in parentheses, a dash.
_CITY_WORD = r"[A-ZÄÖÜ][A-Za-zÄÖÜäöüß.']*"
_AGENCY_DATELINE = re.compile(
    rf"(?P<city>{_CITY_WORD}(?:(?: |/|-| a\. ?M\. ?| am | an der ){_CITY_WORD}){{0,3}})"
    r"(?:, (?:den )?\d{1,2}\. ?(?:[A-ZÄÖÜ][a-zä]+|\d{1,2}\.)(?: ?\d{4})?)?"
    r" \((?P<agency>[A-Za-zÄÖÜäöü][\w./\- ]{0,24})\) ?[-–—] "
)
# A capitalised word that opens ordinary sentences, so "Die Regierung (SPD) – ..." and
# "Er (selbst) – ..." are no datelines; and parties, whose acronyms look like agencies.
_NOT_A_PLACE = frozenset(
    "Der Die Das Den Dem Des Ein Eine Einer Eines Einem Einen Er Sie Es Wir Ihr Ich Man Auch"
    " Aber Und Oder Doch Dann Denn Nun So Wie Was Wer Wo Als Wenn Dass Damit Diese Dieser"
    " Dieses Jener Jede Jeder Jedes Mein Meine Sein Seine Ihre Unser Unsere Kein Keine".split()
)
_PARTIES = frozenset(
    "cdu csu spd fdp afd grüne linke bsw övp spö fpö neos svp sp fdp.die cvp bündnis".split()
)
_GREETING = re.compile(
    r"(?:(?:viele|liebe|herzliche|beste|schöne|freundliche|sonnige|ganz liebe|mit (?:freundlichen|"
    r"besten|herzlichen|lieben|vielen|kollegialen))\s+(?:grüße|grüßen|gruß|grüsse|grüssen)\b"
    r"|(?:grüße|gruß|hochachtungsvoll|alles liebe|bis bald|tschüss|tschüs|servus|ciao)\b"
    r"|(?:dein|deine)\s+\w+\W*$|(?:lg|mfg)\W*$)",
    re.IGNORECASE,
)
# "Satz.[1]" and "Satz.¹": SoMaJo starts the next sentence with the marker.
_FOOTNOTE = re.compile(r"\[\d{1,3}\]|\[[a-z]\]|[¹²³⁴⁵⁶⁷⁸⁹⁰]+|\*{1,3}|†")
# A line that opens a list item: a bullet or dash, or a number with "." or ")".
# (A dash "–" opens dialogue in some novels: it is text, no marker.)
_LIST_ITEM = re.compile(r"[ \t]*(?:[-*•]|\d{1,3}[.)])[ \t]+\S")
MIN_LIST_ITEMS = 2
_BOUNDARY = re.compile(r"[.!?…][\"“”»«’')\]]*\s+(?=[„\"»«(\[]?[A-ZÄÖÜ0-9])")


def dateline_length(text: str) -> int:
    """Length of a dateline opening ``text`` (with its trailing space), 0 if there is none."""
    taz = _TAZ_DATELINE.match(text)
    if taz:
        return taz.end()
    agency = _AGENCY_DATELINE.match(text)
    if agency is None or len(agency.group("city")) > 40:
        return 0
    first_word = re.split(r"[ /-]", agency.group("city"), maxsplit=1)[0]
    if first_word in _NOT_A_PLACE or agency.group("agency").strip().lower() in _PARTIES:
        return 0
    return agency.end()


def is_footnote_marker(token: str) -> bool:
    """Whether a token is a footnote marker (``[1]``, ``¹``), which belongs to its sentence."""
    return _FOOTNOTE.fullmatch(token) is not None


def is_greeting(text: str) -> bool:
    """Whether a short block is a letter's greeting or sign-off ("Viele Grüße, dein Tom")."""
    return _GREETING.match(text.strip()) is not None


def paragraph_spans(body: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of the blank-line separated paragraphs of ``body``."""
    for match in re.finditer(r"\S(?:.*?\S)?(?=\s*?\n[ \t]*\n|\s*\Z)", body, re.DOTALL):
        yield match.start(), match.end()


def list_item_spans(source: str, start: int, end: int) -> list[tuple[int, int, bool]]:
    """``(start, end, is_item)`` of each item of a list paragraph ("- 2 Eier", "1. Backofen
    …"), its marker left out; or the paragraph itself when fewer than two of its lines open
    with a list marker. A line without a marker continues the item before it; lines before
    the first item are a block of their own."""
    lines = list(re.finditer(r"[^\n]+", source[start:end]))
    openers = {line.start(): marker for line in lines if (marker := _LIST_ITEM.match(line.group()))}
    if len(openers) < MIN_LIST_ITEMS:
        return [(start, end, False)]
    cuts = sorted({0, *openers})
    pieces = []
    for first, following in zip(cuts, [*cuts[1:], end - start], strict=True):
        marker = openers.get(first)
        text_start = start + first + (marker.end() - 1 if marker else 0)
        text_end = start + first + len(source[start + first : start + following].rstrip())
        if text_end > text_start:
            pieces.append((text_start, text_end, marker is not None))
    return pieces


def bounded_spans(
    source: str, start: int, end: int, limit: int = MAX_BLOCK_CHARS
) -> Iterator[tuple[int, int]]:
    """``(start, end)`` split into pieces of at most ``limit`` characters, spaces trimmed.

    A piece ends at the last sentence end (". " before a capital) in its second half, else at
    the last space, else (one enormous word) at the limit.
    """
    while end - start > limit:
        window = source[start : start + limit + 1]
        cut = 0
        for match in _BOUNDARY.finditer(window, limit // 2):
            candidate = match.start() + len(match.group().rstrip())
            if candidate <= limit:
                cut = candidate
        if not cut:
            space = max(window.rfind(" ", 0, limit + 1), window.rfind("\n", 0, limit + 1))
            cut = space if space > limit // 4 else limit
        piece_end = start + cut
        while piece_end > start and source[piece_end - 1].isspace():
            piece_end -= 1
        yield start, piece_end
        start = start + cut
        while start < end and source[start].isspace():
            start += 1
    if start < end:
        yield start, end


def looks_like_heading(text: str) -> bool:
    """A short single line without final punctuation that is no greeting or sign-off."""
    return (
        "\n" not in text
        and len(text) <= 80
        and len(text.split()) <= 10
        and not text.rstrip().endswith(SENTENCE_END)
        and not is_greeting(text)
    )


def looks_like_title(text: str) -> bool:
    """A first block that is a title: a heading-like line, or one short sentence ending ?!."""
    if looks_like_heading(text):
        return True
    stripped = text.strip()
    return (
        "\n" not in stripped
        and len(stripped) <= 100
        and len(stripped.split()) <= 12
        and stripped.endswith(("?", "!", "."))
        and not stripped.endswith("...")
        and _BOUNDARY.search(stripped) is None
        and not is_greeting(stripped)
    )


def layout_blocks(
    source: str, markdown: bool, titled: bool, declared_teaser: bool
) -> list[tuple[BlockKind, int, int, int]]:
    """``(kind, start, end, dateline length)`` of each block of ``source``.

    ``titled``: the first block is the title (it came from the front matter).
    """
    spans = [
        (*piece, item)
        for span in paragraph_spans(source)
        for start, end, item in list_item_spans(source, *span)
        for piece in bounded_spans(source, start, end)
    ]
    blocks: list[tuple[BlockKind, int, int, int]] = []
    after_greeting = False
    for number, (start, end, item) in enumerate(spans):
        raw = source[start:end]
        kind: BlockKind = "paragraph"
        heading = re.match(r"(#{1,6})[ \t]+", raw) if markdown else None
        dateline = dateline_length(raw)
        if item:
            pass  # a list item ("2 Eier") is a paragraph, however short
        elif heading:
            kind = "title" if len(heading.group(1)) == 1 and not blocks else "heading"
            start += heading.end()
        elif number == 0 and (titled or (not dateline and looks_like_title(raw))):
            kind = "title"
        elif blocks and not after_greeting and looks_like_heading(raw):
            kind = "heading"
        # The name under "Herzliche Grüße" is part of the sign-off, not a heading.
        after_greeting = "\n" not in raw and len(raw) <= 80 and is_greeting(raw)
        blocks.append((kind, start, end, dateline if kind == "paragraph" else 0))
    _mark_teaser(blocks, declared_teaser)
    return blocks


def _mark_teaser(blocks: list[tuple[BlockKind, int, int, int]], declared: bool) -> None:
    """The paragraph between the title and a dateline paragraph (or declared) is the teaser."""
    if len(blocks) < 3 or blocks[0][0] != "title":
        return
    kind, start, end, dateline = blocks[1]
    if kind != "paragraph" or dateline:
        return
    if declared or blocks[2][3]:
        blocks[1] = ("teaser", start, end, 0)
