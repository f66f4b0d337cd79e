"""The reading screen's state and the helpers every part of it uses.

:class:`ReadingBase` holds what the screen knows (the document, the cursor, the English, the
analyses, the search) and the small helpers its parts share (moving the cursor, the status
bar, the English of a block, the marks of a block). The parts are mixins beside it, one per
concern (reading_analysis, reading_words, reading_moves, reading_translation); ReadingScreen
in reading.py puts them together with the composition, the bindings and the app-wide actions.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import work
from textual.screen import Screen
from textual.timer import Timer

from reader import navigation
from reader.core.text import Document, ReferenceTranslation, Sentence
from reader.english import EnglishBlock, TranslationMode, compose_english, machine_notes
from reader.navigation import Cursor
from reader.reading_state import SentenceBlocks, lemma_at, translation_status
from reader.search import SearchMatch
from reader.settings import set_setting
from reader.status_history import StatusHistory
from reader.store import Store
from reader.translation.store import SentenceTranslation, TranslationStore
from reader.ui.screens.reading_messages import GlossaryLoaded
from reader.ui.widgets.block_text import Decoration
from reader.ui.widgets.parallel_view import ParallelTextView
from reader.ui.widgets.status_bar import StatusBar
from reader.vocabulary import Vocabulary

if TYPE_CHECKING:
    from glossary import GlossarySet
    from glossary.lookup import WordLookup
    from glossary.matching import GlossaryMatcher
    from reader.analysis import BlockAnalysis
    from reader.translation import TranslationEngine

MESSAGE_SECONDS = 6.0


class ReadingBase(Screen[None]):
    """The reading screen's state and shared helpers (the parts are mixins on top of it)."""

    panel_wanted = True
    """The reader wants the lookup panel (p toggles it; reading_fit hides it when narrow)."""
    stacked_wanted = False
    """The reader chose the stacked layout (v toggles it; reading_fit stacks when narrow)."""

    def __init__(
        self,
        document: Document,
        store: Store,
        reference: ReferenceTranslation | None = None,
        start: Cursor | None = None,
    ) -> None:
        super().__init__()
        self.document = document
        self.store = store
        self.reference = reference
        self.translation_mode: TranslationMode = "best"
        self.machine: dict[str, SentenceTranslation] = {}
        self._sentence_blocks = SentenceBlocks()
        self.model_label: str | None = None
        self.no_machine_reason = "machine translation: looking for a model…"
        self.model_missing = False
        """No model is installed: nothing is translating (reader.english.compose_english)."""
        self.translation_store = TranslationStore(store)
        self.engine: TranslationEngine | None = None
        self.glossary: GlossarySet | None = None
        self.glossary_names: frozenset[str] = frozenset()
        self.matcher: GlossaryMatcher | None = None
        self.word_lookup: WordLookup | None = None
        self.vocabulary = Vocabulary(store)
        self.status_history = StatusHistory(self.vocabulary)
        """The reading session's status changes, for undo (`u`)."""
        self.check_lines = True
        """Whether the translation checks (⚑ lines) show under the English."""
        self.analyses: dict[int, BlockAnalysis] = {}
        self.statuses: dict[str, str] = {}
        self.colour_words = True
        self.level_marks = False
        self.level_spans: dict[int, tuple[tuple[int, int], ...]] = {}
        self.mark_phrases = False
        self._history_timer: Timer | None = None
        self._position_timer: Timer | None = None
        self._message_timer: Timer | None = None
        self.cursor = start or Cursor(0, 0)
        self.matches: list[SearchMatch] = []
        self.match_index = -1
        self._reported: set[str] = set()
        self._translation_run = 0
        """The current translation run; messages of older runs are dropped."""
        self._analysis_run = 0
        """Counts the glossaries and dictionaries analysed with; older analyses are dropped."""

    @property
    def view(self) -> ParallelTextView:
        """The parallel text view."""
        return self.query_one(ParallelTextView)

    @property
    def status(self) -> StatusBar:
        """The status bar."""
        return self.query_one(StatusBar)

    def english_for(self, block_index: int) -> EnglishBlock:
        """The English the view shows beside one block, in the current mode."""
        return compose_english(
            self.document,
            block_index,
            self.translation_mode,
            self.machine,
            self.reference,
            self.model_label,
            self.no_machine_reason,
            self._english_notes(block_index),
            translating=not self.model_missing,
        )

    def _english_notes(self, block_index: int) -> tuple[str, ...]:
        """Checks of the machine English of one block (reader.english.machine_notes)."""
        sentences = self.document.segmented(block_index)
        if not sentences or not self.check_lines:
            return ()
        analysis = self.analyses.get(block_index)
        return machine_notes(sentences, self.machine, analysis, self.glossary_names)

    # The cursor, the marks, the status bar and the position ---------------------------

    def move_to(self, cursor: Cursor) -> None:
        """Put the sentence cursor somewhere, scroll to it and remember it."""
        self.cursor = navigation.clamped(self.document, cursor)
        self.view.set_cursor(self.cursor)
        self._update_status()
        self._remember_position()
        # The panel follows the cursor: the clicked word's lookup, or nothing (a jump, a
        # sentence move, a sentence opened from the vocabulary screen).
        self.look_up_current_word()

    def _refresh_marks(self, block: int) -> None:
        from reader.analysis import block_marks

        analysis = self.analyses.get(block)
        if analysis is None:
            return
        statuses = self.statuses if self.colour_words else None
        level = self.level_spans.get(block, ()) if self.level_marks else ()
        self.view.set_decorations(
            block,
            (
                *(Decoration(start, end, "parallel-view--above-level") for start, end in level),
                *(
                    Decoration(start, end, f"parallel-view--{style}")
                    for start, end, style in block_marks(
                        self.document, analysis, statuses, self.mark_phrases
                    )
                ),
            ),
        )

    def _refresh_all_marks(self) -> None:
        for block in self.analyses:
            self._refresh_marks(block)

    def current_word(self) -> tuple[Sentence, int] | None:
        """The sentence and token index under the word cursor, if there is one."""
        if self.cursor.token is None:
            return None
        return self.current_sentence(), self.cursor.token

    def current_lemma(self) -> str | None:
        """The lemma of the word under the word cursor (its text until it is analysed)."""
        word = self.current_word()
        if word is None:
            return None
        sentence, token = word
        return lemma_at(self.document, self.analyses, sentence.block, sentence.index, token)

    def current_sentence(self) -> Sentence:
        """The sentence under the cursor."""
        return navigation.current_sentence(self.document, self.cursor)

    def say(self, message: str) -> None:
        """Show a short message in the status bar; it goes away after a few seconds."""
        self.status.message = message
        if self._message_timer is not None:
            self._message_timer.stop()
        if message:
            self._message_timer = self.set_timer(MESSAGE_SECONDS, lambda: self.say(""))

    def _update_status(self) -> None:
        self.status.paragraph = self.cursor.block + 1
        english = self.english_for(self.cursor.block)
        self.status.translation = translation_status(self.translation_mode, english)

    def _remember_position(self) -> None:
        # Debounced: holding "down" should not write to the store on every key.
        if self._position_timer is not None:
            self._position_timer.stop()
        self._position_timer = self.set_timer(0.4, self._save_position)

    def _save_position(self) -> None:
        self.save_position_in_background(self.cursor)

    @work(thread=True, exclusive=True, group="position", exit_on_error=False)
    def save_position_in_background(self, cursor: Cursor) -> None:
        """Store the cursor position (a short SQLite transaction, off the UI thread)."""
        self.save_position(cursor)

    def save_position(self, cursor: Cursor | None = None) -> None:
        """Store where the reader is in this text."""
        cursor = cursor or self.cursor
        path = str(self.document.path) if self.document.path else None
        self.store.remember_position(
            self.document.text_id, self.document.title, path, cursor.block, cursor.sentence
        )

    @work(thread=True, group="settings", exit_on_error=False)
    def save_setting(self, key: str, value: str) -> None:
        """Keep a toggled setting for next time (the CLI's `lesepult settings` shows it)."""
        set_setting(self.store, key, value)

    # Provided by reading_words.WordsMixin; declared here so reading_analysis can call it.

    def look_up_current_word(self) -> None:
        """Show the lookup of the word under the cursor (reading_words.WordsMixin)."""
        raise NotImplementedError

    @work(thread=True, exclusive=True, group="glossary", exit_on_error=False)
    def load_glossary(self) -> None:
        """Load the curated and the reader's glossaries, then build the matcher."""
        from glossary import load_glossaries
        from glossary.matching import GlossaryMatcher

        glossary = load_glossaries()
        self.post_message(GlossaryLoaded(glossary, GlossaryMatcher(glossary)))
