"""The display sanitizer: control characters become visible, one for one."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.core.display import displayable, has_control_characters, one_line


@pytest.mark.parametrize(
    ("raw", "shown"),
    [
        ("plain text", "plain text"),
        ("\x1b]2;title\x07", "\u241b]2;title\u2407"),
        ("\x1b]52;c;aGk=\x07", "\u241b]52;c;aGk=\u2407"),
        ("\x1b[2J", "\u241b[2J"),
        ("a\x9bb", "a\ufffdb"),
        ("tab\tand\nnewline", "tab\tand\nnewline"),
        ("cr\r", "cr\u240d"),
        ("del\x7f", "del\u2421"),
        ("bidi\u202eevil", "bidi\ufffdevil"),
    ],
)
def test_displayable(raw: str, shown: str) -> None:
    assert displayable(raw) == shown


def test_one_line_folds_newlines_and_tabs() -> None:
    assert one_line("a\nb\tc\x1b") == "a b c\u241b"


@settings(max_examples=2000)
@given(st.text())
def test_no_control_character_survives_and_length_is_kept(raw: str) -> None:
    shown = displayable(raw)
    assert len(shown) == len(raw)
    assert not has_control_characters(shown)
    assert all(ch in "\n\t" or (0x20 <= ord(ch) < 0x7F or ord(ch) > 0x9F) for ch in shown)


def test_a_shown_control_character_does_not_glue_to_the_word_before_it() -> None:
    from reader.core.text import parse_document

    document = parse_document("Der Hund\x1b]2;pwned\x07 bellt laut.\n", "hostile")
    (sentence,) = document.sentences(0)
    words = [token.text for token in sentence.tokens]
    assert words[:2] == ["Der", "Hund"]
    assert "pwned" in words
    assert all(document.source[t.start : t.end] == t.text for t in sentence.tokens)
