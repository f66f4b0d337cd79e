"""The dialogs' keys: the add-entry form, the glossary screen and the English edit dialog.

Each dialog binds its own table from here (help and README list them too); the reading
screen's table is `reader.ui.commands.READING_COMMANDS`. Kept apart only for module size.
"""

from __future__ import annotations

from reader.ui.commands import ReaderCommand

ENTRY_FORM_COMMANDS: tuple[ReaderCommand, ...] = (
    ReaderCommand(
        "entry_form.save",
        "ctrl+s",
        "save",
        "Save entry",
        "Save the new glossary entry (Enter in any one-line field does too)",
        "Add-entry form",
        footer=True,
    ),
    ReaderCommand(
        "entry_form.cancel",
        "escape",
        "cancel",
        "Cancel entry",
        "Close the add-entry form without saving",
        "Add-entry form",
        footer=True,
    ),
)

GLOSSARY_COMMANDS: tuple[ReaderCommand, ...] = (
    ReaderCommand(
        "glossary.close",
        "escape",
        "close",
        "Back",
        "Back to the text",
        "Glossary screen",
        footer=True,
    ),
    ReaderCommand(
        "glossary.filter",
        "slash",
        "focus_filter",
        "Filter",
        "Type in the filter (term, form or English; / is never typed); Enter goes to the list",
        "Glossary screen",
        footer=True,
    ),
    ReaderCommand(
        "glossary.occurrences",
        "o",
        "occurrences",
        "Jump to occurrences",
        "Go to where the highlighted entry occurs in the text (in the list)",
        "Glossary screen",
        footer=True,
    ),
    ReaderCommand(
        "glossary.next",
        "down",
        "move_in_list(1)",
        "Next entry",
        "Highlight the next entry (from the filter too)",
        "Glossary screen",
    ),
    ReaderCommand(
        "glossary.previous",
        "up",
        "move_in_list(-1)",
        "Previous entry",
        "Highlight the previous entry (from the filter too)",
        "Glossary screen",
    ),
    ReaderCommand(
        "glossary.edit",
        "e",
        "edit_own_entry",
        "Edit yours",
        "Edit the highlighted entry if it is one of yours",
        "Glossary screen",
        footer=True,
    ),
    ReaderCommand(
        "glossary.remove",
        "d,delete",
        "remove_own_entry",
        "Remove yours",
        "Remove the highlighted entry if it is one of yours (asks first)",
        "Glossary screen",
        footer=True,
    ),
)

EDIT_TRANSLATION_COMMANDS: tuple[ReaderCommand, ...] = (
    ReaderCommand(
        "edit_translation.save",
        "enter,ctrl+s",
        "save",
        "Save English",
        "Save the corrected English (the box wraps a long sentence; it has no line breaks)",
        "English edit dialog",
        footer=True,
    ),
    ReaderCommand(
        "edit_translation.cancel",
        "escape",
        "cancel",
        "Cancel edit",
        "Close the edit dialog without a change",
        "English edit dialog",
        footer=True,
    ),
    ReaderCommand(
        "edit_translation.revert",
        "ctrl+r",
        "revert",
        "Revert",
        "Drop your correction and show the English beneath it (offered only when there is"
        " some, named: reference or machine)",
        "English edit dialog",
        footer=True,
    ),
)

DIALOG_COMMANDS: tuple[tuple[ReaderCommand, ...], ...] = (
    ENTRY_FORM_COMMANDS,
    GLOSSARY_COMMANDS,
    EDIT_TRANSLATION_COMMANDS,
)
"""Every dialog's table, for the tests that check the README lists them."""
