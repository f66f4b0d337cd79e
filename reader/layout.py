"""Line wrapping by character offsets, for laying out whole texts quickly.

The reading view needs, for every paragraph of a novel, how many lines it takes at the current
width, and for visible paragraphs which characters each line holds (so styles given as
character spans can be applied). Rich's wrapping returns styled lines but is far slower over
a megabyte of text and does not give the offsets back, so this small greedy wrapper exists.
German is written in single-width characters; wide characters are measured with Rich's
``cell_len`` so East Asian text still lays out correctly.
"""

from __future__ import annotations

import re

from rich.cells import cell_len

_WORD = re.compile(r"\S+")


def _width(text: str) -> int:
    return len(text) if text.isascii() or all(ord(c) < 0x1100 for c in text) else cell_len(text)


def wrap_offsets(text: str, width: int) -> list[tuple[int, int]]:
    """Greedy word wrap: ``(start, end)`` offsets into ``text`` of each line, spaces trimmed.

    Newlines inside ``text`` count as spaces (paragraph text may be hard-wrapped in the file).
    A word longer than ``width`` is split. An empty text gives one empty line.
    """
    width = max(width, 1)
    lines: list[tuple[int, int]] = []
    line_start = -1
    line_end = 0
    line_width = 0
    for match in _WORD.finditer(text):
        start, end = match.span()
        word_width = _width(match.group())
        if line_start >= 0 and line_width + 1 + word_width <= width:
            line_end = end
            line_width += 1 + word_width
            continue
        if line_start >= 0:
            lines.append((line_start, line_end))
        while word_width > width:
            lines.append((start, start + width))
            start += width
            word_width = _width(text[start:end])
        line_start, line_end, line_width = start, end, word_width
    if line_start >= 0:
        lines.append((line_start, line_end))
    return lines or [(0, 0)]
