"""The status bar: title, paragraph n/N, translation source and state."""

from __future__ import annotations

from rich.text import Text
from textual.reactive import reactive
from textual.widget import Widget

from reader.screen_fit import StatusPart, fit_status
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
        # Too narrow for everything: the title and the details go first (screen_fit's rule),
        # the paragraph and the reader's latest action stay.
        title = self.title if len(self.title) <= 32 else self.title[:31] + "…"
        short_title = title if len(title) <= 16 else title[:15] + "…"
        mode = self.translation.split(" · ")[0]
        progress = self.progress.split(":")[0]
        parts = (
            StatusPart((f" {title} ", f" {short_title} ", ""), "bold"),
            StatusPart((f"│ ¶ {self.paragraph}/{self.paragraphs} ",)),
            StatusPart((f"│ {self.message}  ",) if self.message else ("",), "bold reverse"),
            StatusPart(
                (f"│ {self.progress} ", f"│ {progress} ", "") if self.progress else ("",), "italic"
            ),
            StatusPart(
                (f"│ EN: {self.translation}", f"│ EN: {mode}") if self.translation else ("",)
            ),
        )
        texts = fit_status(parts, (0, 4, 3), self.size.width or 200)
        text = Text(no_wrap=True, overflow="ellipsis")
        for part, shown in zip(parts, texts, strict=True):
            if part.style == "bold reverse" and shown:
                text.append(shown[:-1], style=part.style)  # the gap after it unstyled
                text.append(" ")
            else:
                text.append(shown, style=part.style)
        return shown_text(text)
