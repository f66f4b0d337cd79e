"""A side panel that shows the lookup of the word under the cursor: glossary note first."""

from __future__ import annotations

from typing import TYPE_CHECKING

from rich.text import Text
from textual.app import ComposeResult
from textual.containers import VerticalScroll
from textual.reactive import reactive
from textual.widgets import Static

from reader.ui.widgets.shown import shown_text

if TYPE_CHECKING:
    from glossary.lookup import LookupResult
    from glossary.schema import GlossaryEntry
    from reader.cursor_status import WordStatus

# The glossary package loads in a worker after the first paint; this panel only needs its
# types until the first lookup arrives.
GENDER_ARTICLES = {"m": "der", "f": "die", "n": "das"}
PHRASES_SHOWN = 3


def entry_text(entry: GlossaryEntry) -> Text:
    """A glossary entry as rich text: term, grammar, renderings, explanation, parts, notes."""
    text = Text()
    label = "Glossary" if entry.origin == "curated" else "Your glossary"
    if entry.draft:
        label += " · draft"
    text.append(f"{label} · {entry.kind}\n", style="dim")
    if entry.gender:
        text.append(f"{GENDER_ARTICLES[entry.gender]} ", style="italic")
    text.append(entry.term, style="bold")
    if entry.plural:
        text.append(f", pl. {entry.plural}", style="italic")
    text.append("\n")
    text.append("; ".join(entry.renderings) + "\n", style="bold green")
    if entry.english_name or entry.about:
        text.append(" — ".join(x for x in (entry.english_name, entry.about) if x) + "\n")
    text.append(entry.explanation + "\n")
    if entry.parts:
        text.append("parts: ", style="dim")
        text.append(", ".join(f"{p.part} = {p.meaning}" for p in entry.parts) + "\n")
    if entry.spelling_note:
        text.append("spelling: ", style="dim")
        text.append(entry.spelling_note + "\n")
    if entry.related:
        text.append("related: ", style="dim")
        text.append(", ".join(entry.related) + "\n")
    return text


def result_text(result: LookupResult | None) -> Text:
    """The whole lookup as rich text: headline, glossary notes, dictionary, compound parts."""
    if result is None:
        return Text("Move the word cursor to look a word up.", style="dim")
    text = _headline(result)
    # The phrase the word belongs to comes first: a curated expression, then Ding's phrases.
    expressions = [entry for entry in result.glossary if " " in entry.term.strip()]
    _append_entries(text, expressions)
    _append_phrases(text, result)
    _append_entries(text, [entry for entry in result.glossary if entry not in expressions])
    _append_senses(text, result)
    _append_parts(text, result)
    for note in result.notes:
        text.append(f"\n{note}", style="italic dim")
    if not result.found:
        text.append("\nNothing found.", style="dim")
    return text


def _headline(result: LookupResult) -> Text:
    """The word, its lemma, the joined separable verb and its grammar, on one line."""
    text = Text()
    text.append(result.word, style="bold")
    if result.lemma and result.lemma != result.word:
        text.append(f" → {result.lemma}")
    if result.separable_verb:
        text.append(f" ({result.separable_verb})", style="bold")
    if result.grammar:
        text.append(f"  {', '.join(result.grammar)}", style="italic")
    text.append("\n")
    return text


def _append_entries(text: Text, entries: list[GlossaryEntry]) -> None:
    for entry in entries:
        text.append("\n")
        text.append_text(entry_text(entry))


def _append_phrases(text: Text, result: LookupResult) -> None:
    if not result.phrases:
        return
    text.append("\nPhrase in this sentence\n", style="dim")
    for phrase in result.phrases[:PHRASES_SHOWN]:
        text.append(phrase.phrase, style="bold")
        text.append(f"  {phrase.english}\n", style="green")


def _append_senses(text: Text, result: LookupResult) -> None:
    if not result.senses:
        return
    text.append(f"\nDictionary ({result.found_by})\n", style="dim")
    for sense in result.senses:
        text.append(sense.german, style="bold")
        text.append(f"  {sense.english}")
        if sense.in_translation:
            text.append("  ✓ in the translation", style="italic green")
        text.append("\n")


def _append_parts(text: Text, result: LookupResult) -> None:
    if not result.compound_parts:
        return
    text.append("\nParts\n", style="dim")
    for part in result.compound_parts:
        gloss = part.senses[0].english if part.senses else "?"
        text.append(part.part, style="bold")
        text.append(f"  {gloss}\n")


def status_text(word: WordStatus | None) -> Text:
    """The word's status and the keys that change it (empty before its block is analysed)."""
    from reader.cursor_status import describe
    from reader.ui.legend import status_keys

    if word is None:
        return Text()
    text = Text()
    text.append("status ", style="dim")
    text.append(describe(word), style="bold")
    text.append("\n" + status_keys() + "\n", style="dim")
    return text


class LookupPanel(VerticalScroll):
    """Shows ``result``; the host sets it whenever the word cursor moves."""

    DEFAULT_CSS = """
    LookupPanel {
        width: 40;
        border-left: vkey $primary;
        padding: 0 1;
    }
    LookupPanel > #lookup-body {
        width: 100%;
    }
    """

    result: reactive[LookupResult | None] = reactive(None)
    """The lookup to show, or None for a hint."""
    word_status: reactive[WordStatus | None] = reactive(None)
    """The status of the word under the cursor, shown above the lookup."""

    def compose(self) -> ComposeResult:
        status = Static("", id="lookup-status")
        status.display = False
        yield status
        yield Static(result_text(None), id="lookup-body")

    def watch_word_status(self, word: WordStatus | None) -> None:
        line = self.query_one("#lookup-status", Static)
        line.update(shown_text(status_text(word)))
        line.display = word is not None

    def watch_result(self, result: LookupResult | None) -> None:
        self.query_one("#lookup-body", Static).update(shown_text(result_text(result)))
        self.scroll_home(animate=False)
