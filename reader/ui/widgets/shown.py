"""The app's side of :mod:`reader.core.display`: outside text made safe for a widget.

Rich markup is not the danger here (outside text is never parsed as markup); control
characters are: Textual passes ``ESC`` through to the terminal. Every widget that shows a
text, a glossary entry, a correction, a title or a message builds it with :func:`shown` or
passes its finished ``Text`` through :func:`shown_text`. Both keep the length, so offsets
into the German or English stay right.
"""

from __future__ import annotations

from rich.text import Text

from reader.core.display import displayable


def shown(value: str, style: str = "") -> Text:
    """``value`` as a plain (never markup) Text, every control character made visible."""
    return Text(displayable(value), style=style, end="")


def shown_text(text: Text) -> Text:
    """``text`` with every control character made visible; styles and spans are kept."""
    text.plain = displayable(text.plain)
    return text
