"""The reader's commands: one table that makes the key bindings, the help screen and the
command palette, so the three never disagree (the palette's provider is in command_palette).

Longer than the ~400 lines a module aims at, on purpose: almost all of it is the table itself,
one entry per key, and the brief asks for one table (the dialogs' own keys are in
dialog_commands). Splitting it by group would put the keys of one screen in several places.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from textual.binding import Binding


@dataclass(frozen=True)
class ReaderCommand:
    """A command of the reading screen."""

    id: str
    """Stable id (users can remap keys by id)."""
    keys: str
    """Comma-separated Textual key names."""
    action: str
    """The screen action it runs."""
    title: str
    """Short name (footer, palette)."""
    description: str
    """One line for the help screen and the palette."""
    group: str
    """Heading in the help screen."""
    footer: bool = False
    """Whether the footer shows it."""


READING_COMMANDS: tuple[ReaderCommand, ...] = (
    # Moving
    ReaderCommand(
        "sentence.next",
        "down,j",
        "next_sentence",
        "Next sentence",
        "Move the sentence cursor to the next sentence",
        "Moving",
    ),
    ReaderCommand(
        "sentence.previous",
        "up,k",
        "previous_sentence",
        "Previous sentence",
        "Move the sentence cursor to the previous sentence",
        "Moving",
    ),
    ReaderCommand(
        "paragraph.next",
        "ctrl+down,right_curly_bracket,J",
        "next_paragraph",
        "Next paragraph",
        "Jump to the first sentence of the next paragraph",
        "Moving",
    ),
    ReaderCommand(
        "paragraph.previous",
        "ctrl+up,left_curly_bracket,K",
        "previous_paragraph",
        "Previous paragraph",
        "Jump to the start of this or the previous paragraph",
        "Moving",
    ),
    ReaderCommand(
        "page.down", "pagedown,space", "page_down", "Page down", "Move a screen down", "Moving"
    ),
    ReaderCommand("page.up", "pageup,b", "page_up", "Page up", "Move a screen up", "Moving"),
    ReaderCommand("text.top", "home,g", "top", "Top", "Go to the first sentence", "Moving"),
    ReaderCommand("text.bottom", "end,G", "bottom", "Bottom", "Go to the last sentence", "Moving"),
    ReaderCommand(
        "paragraph.goto",
        "colon",
        "goto_paragraph",
        "Go to paragraph",
        "Jump to a paragraph by number",
        "Moving",
        footer=True,
    ),
    ReaderCommand(
        "chapters.show",
        "C",
        "chapters",
        "Chapters",
        "The list of chapters (headings): jump to one",
        "Moving",
    ),
    # Searching
    ReaderCommand(
        "search.start",
        "slash",
        "start_search",
        "Search",
        "Search the German text (a regular expression; case-insensitive)",
        "Searching",
        footer=True,
    ),
    ReaderCommand(
        "search.next", "n", "next_match", "Next match", "Go to the next search match", "Searching"
    ),
    ReaderCommand(
        "search.previous",
        "N",
        "previous_match",
        "Previous match",
        "Go to the previous search match",
        "Searching",
    ),
    ReaderCommand(
        "search.clear",
        "escape",
        "clear_search",
        "Clear search",
        "Remove the search highlight (and the word cursor)",
        "Searching",
    ),
    # Words
    ReaderCommand(
        "word.next",
        "right,l",
        "next_word",
        "Next word",
        "Move the word cursor right (on into the next sentence); the panel looks it up",
        "Words",
    ),
    ReaderCommand(
        "word.previous",
        "left,h",
        "previous_word",
        "Previous word",
        "Move the word cursor left (back into the previous sentence)",
        "Words",
    ),
    ReaderCommand(
        "word.next_new",
        "right_square_bracket,enter",
        "next_word_with_status('new')",
        "Next new word",
        "Jump to the next new word, across sentences and paragraphs",
        "Words",
    ),
    ReaderCommand(
        "word.previous_new",
        "left_square_bracket",
        "previous_word_with_status('new')",
        "Previous new word",
        "Jump to the previous new word",
        "Words",
    ),
    ReaderCommand(
        "word.next_learning",
        "right_parenthesis",
        "next_word_with_status('learning')",
        "Next learning word",
        "Jump to the next word you are learning (levels 1-4)",
        "Words",
    ),
    ReaderCommand(
        "word.previous_learning",
        "left_parenthesis",
        "previous_word_with_status('learning')",
        "Previous learning word",
        "Jump to the previous word you are learning",
        "Words",
    ),
    ReaderCommand(
        "word.next_unknown",
        "shift+right",
        "next_word_with_status('unknown')",
        "Next new or learning word",
        "Jump to the next word not yet known (new or learning; Lute's shift+right)",
        "Words",
    ),
    ReaderCommand(
        "word.previous_unknown",
        "shift+left",
        "previous_word_with_status('unknown')",
        "Previous new or learning word",
        "Jump to the previous word not yet known (Lute's shift+left)",
        "Words",
    ),
    ReaderCommand(
        "status.learning1",
        "1",
        "set_status('1')",
        "Learning 1",
        "Mark the word's lemma as learning, level 1 (new to you)",
        "Words",
    ),
    ReaderCommand(
        "status.learning2",
        "2",
        "set_status('2')",
        "Learning 2",
        "Mark the word's lemma as learning, level 2",
        "Words",
    ),
    ReaderCommand(
        "status.learning3",
        "3",
        "set_status('3')",
        "Learning 3",
        "Mark the word's lemma as learning, level 3",
        "Words",
    ),
    ReaderCommand(
        "status.learning4",
        "4",
        "set_status('4')",
        "Learning 4",
        "Mark the word's lemma as learning, level 4 (almost known)",
        "Words",
    ),
    ReaderCommand(
        "status.known",
        "w,5",
        "set_status('known')",
        "Known",
        "Mark the word's lemma as well known",
        "Words",
    ),
    ReaderCommand(
        "status.ignored",
        "i",
        "set_status('ignored')",
        "Ignore",
        "Ignore the word (names, typos): never coloured",
        "Words",
    ),
    ReaderCommand(
        "status.new", "0", "set_status('new')", "New", "Reset the word's lemma to new", "Words"
    ),
    ReaderCommand(
        "status.paragraph_known",
        "M",
        "mark_paragraph_known",
        "Paragraph known",
        "Mark every still-new word of this paragraph as known (names stay as they are)",
        "Words",
    ),
    ReaderCommand(
        "status.undo",
        "u",
        "undo_status",
        "Undo status",
        "Undo the last status change (one word, or a whole paragraph marked known)",
        "Words",
    ),
    ReaderCommand(
        "words.colours",
        "c",
        "toggle_colouring",
        "Colours",
        "Colour words by status on/off",
        "Words",
    ),
    ReaderCommand(
        "words.phrases",
        "P",
        "toggle_phrases",
        "Phrases",
        "Mark the dictionary's fixed phrases (eine Rolle spielen) on/off",
        "Words",
    ),
    ReaderCommand(
        "panel.toggle",
        "p",
        "toggle_panel",
        "Lookup panel",
        "Show or hide the lookup panel",
        "Words",
    ),
    ReaderCommand(
        "glossary.show",
        "o",
        "glossary",
        "Glossary",
        "All glossary entries: filter, open, jump to occurrences",
        "Words",
        footer=True,
    ),
    ReaderCommand(
        "glossary.add",
        "A",
        "add_entry",
        "Add entry",
        "Add your own glossary entry for the word under the cursor",
        "Words",
    ),
    ReaderCommand(
        "words.level",
        "L",
        "toggle_level_marks",
        "Level marks",
        "Underline the words rarer than your level (setting level) on/off",
        "Words",
    ),
    ReaderCommand(
        "glossary.draft",
        "D",
        "draft_glossary",
        "Draft glossary",
        "Draft a glossary for this text at your level (or open its draft)",
        "Words",
    ),
    ReaderCommand(
        "vocabulary.show",
        "V",
        "vocabulary",
        "Vocabulary",
        "Your vocabulary: filter by status and text, statistics",
        "Words",
        footer=True,
    ),
    ReaderCommand(
        "words.statistics",
        "W",
        "app.word_statistics",
        "Word statistics",
        "A chart of the words you know over time (per day or week) and per text",
        "Words",
    ),
    ReaderCommand(
        "export.dialog",
        "x",
        "export",
        "Export",
        "Export a study sheet (Markdown, HTML, Anki, CSV)",
        "Words",
        footer=True,
    ),
    # Translation
    ReaderCommand(
        "translation.edit",
        "e",
        "edit_translation",
        "Edit English",
        "Correct the English of this sentence (stored, labelled edited, revertable)",
        "Translation",
        footer=True,
    ),
    ReaderCommand(
        "translation.alternatives",
        "a",
        "alternatives",
        "Alternatives",
        "Ask the model for other translations of this sentence and pick one",
        "Translation",
    ),
    ReaderCommand(
        "translation.choice",
        "F",
        "swap_choice",
        "First choice",
        "Switch this sentence between its glossary-guided English and the model's first choice",
        "Translation",
    ),
    ReaderCommand(
        "translation.pause",
        "T",
        "pause_translation",
        "Pause translation",
        "Pause the background translation, or resume it where it stopped",
        "Translation",
    ),
    ReaderCommand(
        "translation.sentence",
        "s",
        "translate_sentence",
        "Translate sentence",
        "Translate this sentence now (also when the background translation is paused or off)",
        "Translation",
    ),
    ReaderCommand(
        "translation.paragraph",
        "S",
        "translate_paragraph",
        "Translate paragraph",
        "Translate this paragraph now (also when the background translation is paused or off)",
        "Translation",
    ),
    ReaderCommand(
        "models.show",
        "m",
        "models",
        "Models",
        "Translation models: installed, available, install, remove",
        "Translation",
    ),
    # Viewing
    ReaderCommand(
        "translation.mode",
        "t",
        "cycle_translation",
        "Translation",
        "Cycle the English column: best / machine / reference / both",
        "Viewing",
        footer=True,
    ),
    ReaderCommand(
        "layout.toggle",
        "v",
        "toggle_layout",
        "Layout",
        "Switch between side-by-side columns and German above English",
        "Viewing",
        footer=True,
    ),
    ReaderCommand(
        "translation.check_lines",
        "exclamation_mark",
        "toggle_check_lines",
        "Check lines",
        "Show or hide the translation checks (⚑ lines) under the English",
        "Viewing",
    ),
    ReaderCommand(
        "store.reload",
        "ctrl+r",
        "reload",
        "Reload",
        "Read translations, corrections, statuses and glossaries again (after changes"
        " from the command line or another window)",
        "Viewing",
    ),
    ReaderCommand(
        "text.info",
        "I",
        "app.text_info",
        "Text info",
        "The text's title, source, date, URL, author, licence, size and your progress in it",
        "Viewing",
    ),
    ReaderCommand(
        "help.show",
        "question_mark,f1",
        "show_help",
        "Help",
        "Show every key",
        "Viewing",
        footer=True,
    ),
    ReaderCommand(
        "app.quit",
        "q",
        "quit",
        "Quit",
        "Quit Lesepult (your position is kept)",
        "Viewing",
        footer=True,
    ),
)


def bindings_for(
    commands: Iterable[ReaderCommand],
) -> list[Binding | tuple[str, str] | tuple[str, str, str]]:
    """Textual bindings, with ids and descriptions, for a command table."""
    return [
        Binding(
            command.keys,
            command.action,
            command.title,
            show=command.footer,
            id=command.id,
            tooltip=command.description,
        )
        for command in commands
    ]


def key_label(keys: str) -> str:
    """Human-readable keys ("down, j")."""
    names = {
        "right_curly_bracket": "}",
        "left_curly_bracket": "{",
        "question_mark": "?",
        "slash": "/",
        "colon": ":",
        "space": "space",
        "right_square_bracket": "]",
        "left_square_bracket": "[",
        "right_parenthesis": ")",
        "left_parenthesis": "(",
        "exclamation_mark": "!",
    }
    return ", ".join(names.get(key, key) for key in keys.split(","))
