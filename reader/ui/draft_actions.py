"""The app's glossary draft (key ``D``): draft the text's glossary in a worker, then show it.

The draft is made and written by :mod:`reader.draft` at the level of the ``level`` setting, to
the same default file as ``lesepult glossary draft TEXT``. When that file exists already it is
opened instead of being drafted again (the reader may have edited it). The entries are shown
in the glossary screen, each labelled "draft"; "jump to occurrences" works as for the
glossary's own entries.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from glossary.matching import TermMatch
    from glossary.schema import GlossarySet
    from reader.ui.screens.reading import ReadingScreen


@dataclass
class DraftReady(Message):
    """The draft worker finished: the draft's entries and matches, or an error."""

    path: Path
    """The draft file."""
    glossary: GlossarySet | None
    """Its entries (None after an error)."""
    matches: tuple[TermMatch, ...]
    """Where they occur in the text."""
    made: bool
    """Whether it was drafted now (else an existing draft was opened)."""
    error: str = ""
    """One line saying what went wrong."""


def start_draft(screen: ReadingScreen) -> None:
    """Draft (or open) the text's glossary in a thread worker; it posts :class:`DraftReady`."""
    from reader.settings import get_setting

    level = get_setting(screen.store, "level")
    screen.say(f"drafting a glossary at level {level}…")
    screen.run_worker(
        lambda: _draft_worker(screen, level),
        thread=True,
        exclusive=True,
        group="draft",
        exit_on_error=False,
    )


def _draft_worker(screen: ReadingScreen, level: str) -> None:
    from glossary.loading import parse_glossary_file
    from glossary.matching import GlossaryMatcher
    from glossary.schema import GlossarySet
    from reader.core.errors import UserError
    from reader.draft import default_draft_path, make_draft, write_draft

    document = screen.document
    path = default_draft_path(document)
    try:
        made = not path.exists()
        if made:
            write_draft(path, make_draft(document, level).text, force=False)
        parsed = parse_glossary_file(path, "user")
        if parsed.problems:
            raise UserError(f"the draft {path} has problems: {parsed.problems[0]}")
        glossary = GlossarySet(entries=parsed.entries)
        matches = GlossaryMatcher(glossary).matches_in(document.all_sentences())
    except (UserError, OSError) as error:
        screen.post_message(DraftReady(path, None, (), False, str(error)))
        return
    screen.post_message(DraftReady(path, glossary, matches, made))


def show_draft(screen: ReadingScreen, event: DraftReady) -> None:
    """Show the draft's entries in the glossary screen, or say what went wrong."""
    from reader.core.display import one_line
    from reader.ui.screens.glossary import GlossaryScreen

    if event.glossary is None:
        screen.app.notify(one_line(event.error), title="Glossary draft", severity="error")
        return
    what = "written to" if event.made else "opened from"
    screen.app.notify(
        f"{len(event.glossary.entries)} draft entries {what} {one_line(str(event.path))}",
        title="Glossary draft",
    )
    screen.app.push_screen(GlossaryScreen(event.glossary, event.matches))
