"""The status bar: title, paragraph n/N, translation source and state."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.ui.widgets.shown import shown_text


class StatusBar(Widget):
    """One line at the bottom of the reading screen; its screen sets the attributes."""

    DEFAULT_CSS = """
    StatusBar {
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    title: reactive[str] = reactive("")
    paragraph: reactive[int] = reactive(0)
    paragraphs: reactive[int] = reactive(0)
    translation: reactive[str] = reactive("")
    """Translation mode and source ("best · reference")."""
    progress: reactive[str] = reactive("")
    """Translation state ("translating 12/33", "no model: lesepult models install")."""
    message: reactive[str] = reactive("")
    """A transient note (search results, saved files)."""

    def render(self) -> Text:
        # Most important first, so a narrow terminal cuts the least useful part: the
        # reader's latest action matters more than the title or the translation source.
        text = Text(no_wrap=True, overflow="ellipsis")
        title = self.title if len(self.title) <= 32 else self.title[:31] + "…"
        text.append(f" {title} ", style="bold")
        text.append(f"│ ¶ {self.paragraph}/{self.paragraphs} ")
        if self.message:
            text.append(f"│ {self.message} ", style="bold reverse")
            text.append(" ")
        if self.progress:
            text.append(f"│ {self.progress} ", style="italic")
        if self.translation:
            text.append(f"│ EN: {self.translation}")
        return shown_text(text)
