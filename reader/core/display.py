"""The one place that turns any outside string into text that is safe to show.

Texts, front matter, glossaries, corrections, reference files, model output and package
indexes may hold C0/C1 control characters (``ESC ]52;...`` writes the clipboard, ``ESC [2J``
clears the screen). Everything shown in the app or printed on stdout/stderr goes through
:func:`displayable` (or :func:`one_line` for messages). Each control character is replaced by
exactly one visible character, so offsets and column widths computed on the result stay right.
"""

from __future__ import annotations

import re

# C0 controls except tab and newline, DEL, and the C1 range.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Bidirectional overrides and isolates can reorder what the reader sees (Trojan Source).
_BIDI = re.compile("[\u202a-\u202e\u2066-\u2069]")
_REPLACEMENT = "\ufffd"


def _visible(match: re.Match[str]) -> str:
    code = ord(match.group())
    if code < 0x20:
        return chr(0x2400 + code)  # U+2400 CONTROL PICTURES: ␛ for ESC, ␍ for CR
    if code == 0x7F:
        return "\u2421"  # ␡
    return _REPLACEMENT


def displayable(text: str) -> str:
    """``text`` with every control character but newline and tab made visible, same length."""
    if not _CONTROL.search(text) and not _BIDI.search(text):
        return text
    return _BIDI.sub(_REPLACEMENT, _CONTROL.sub(_visible, text))


def one_line(text: str) -> str:
    """``text`` made displayable and folded onto one line (for messages and table cells)."""
    return displayable(" ".join(text.split("\n"))).replace("\t", " ")


# What :func:`displayable` puts in place of a control character.
_SHOWN_CONTROL = re.compile("[\u2400-\u241f\u2421\ufffd]")


def blank_shown_controls(text: str) -> str:
    """``text`` with the visible stand-ins of control characters as spaces, same length.

    The tokenizer reads this copy, so "Hund␛]2;…" still gives the word "Hund" (SoMaJo would
    glue the stand-in to the word), while offsets still point into the shown text.
    """
    return _SHOWN_CONTROL.sub(" ", text)


def has_control_characters(text: str) -> bool:
    """Whether :func:`displayable` would change ``text``."""
    return bool(_CONTROL.search(text) or _BIDI.search(text))
