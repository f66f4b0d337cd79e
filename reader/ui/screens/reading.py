"""The reading screen: the parallel view, the status bar, search, and the reader's commands.

The screen owns the reading state (cursor, translation mode, search) and hands it down to
its widgets as attributes; widgets report clicks and scrolling as messages. The rules live in
UI-free core modules: moves in reader.navigation, search in reader.search, the English and its
checks in reader.english, background work in reader.reading_work, the rest of the state's
rules in reader.reading_state; workers post messages and never assign the screen's state.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Iterable
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import ComposeResult
from textual.containers import Horizontal
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Footer
from textual.worker import Worker, WorkerState, get_current_worker

from reader import navigation
from reader.core.text import Document, ReferenceTranslation, Sentence
from reader.english import (
    EnglishBlock,
    TranslationMode,
    compose_english,
    machine_notes,
    next_mode,
    swapped_choice,
)
from reader.failures import describe_failure
from reader.navigation import Cursor
from reader.reading_state import (
    SentenceBlocks,
    all_matches,
    english_to_edit,
    guessed_kind,
    lemma_at,
    lookup_gist,
    translation_status,
)
from reader.reading_work import (
    EngineStarted,
    ModelState,
    TranslationEvent,
    analysis_batches,
    analysis_order,
    batch_lemmas,
    start_segment_range,
    translate_document,
)
from reader.search import (
    SearchMatch,
    compile_pattern,
    find_matches,
    first_match_from,
    sentence_of,
    term_occurrences,
)
from reader.settings import get_setting, set_setting
from reader.store import Store
from reader.translation.store import SentenceTranslation, TranslationStore
from reader.ui.commands import READING_COMMANDS, ReaderCommand, bindings_for
from reader.ui.draft_actions import DraftReady
from reader.ui.level_marks import LevelMarksReady, request_level_marks
from reader.ui.screens.goto import GoToParagraphScreen
from reader.ui.screens.help import HelpScreen
from reader.ui.screens.reading_messages import (
    AlternativesReady,
    BlocksAnalysed,
    BlocksSegmented,
    DictionaryLoaded,
    EngineReady,
    GlossaryLoaded,
    LookupDone,
    MarkedKnown,
    StatusesStored,
    TranslationForgotten,
    TranslationsArrived,
    TranslationState,
)
from reader.ui.widgets.lookup_panel import LookupPanel
from reader.ui.widgets.parallel_view import Decoration, ParallelTextView
from reader.ui.widgets.search_bar import SearchBar
from reader.ui.widgets.status_bar import StatusBar
from reader.vocabulary import Vocabulary

if TYPE_CHECKING:
    from glossary import GlossaryEntry, GlossarySet
    from glossary.lookup import LookupResult, WordLookup
    from glossary.matching import GlossaryMatcher, TermMatch
    from reader.analysis import BlockAnalysis
    from reader.translation import ModelInfo, TranslationEngine

# The glossary, HanTa, the dictionary, the translation engine and the screens other than
# help and go-to are imported where they are first used: the German must be on screen first.


LOOKUP_COUNTS_AFTER_SECONDS = 0.8
MESSAGE_SECONDS = 6.0


class ReadingScreen(Screen[None]):
    """German beside English with a sentence cursor."""

    CSS_PATH = "reading.tcss"
    COMMAND_TABLE: tuple[ReaderCommand, ...] = READING_COMMANDS
    BINDINGS = bindings_for(READING_COMMANDS)

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
        self.translation_store = TranslationStore(store)
        self.engine: TranslationEngine | None = None
        self.glossary: GlossarySet | None = None
        self.glossary_names: frozenset[str] = frozenset()
        self.matcher: GlossaryMatcher | None = None
        self.word_lookup: WordLookup | None = None
        self.vocabulary = Vocabulary(store)
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

    # Composition ----------------------------------------------------------------------

    def compose(self) -> ComposeResult:
        with Horizontal(id="reading-body"):
            yield ParallelTextView(self.document, self.english_for, id="parallel")
            yield LookupPanel(id="lookup")
        yield SearchBar(placeholder="Search the German text (regular expression)", id="search")
        yield StatusBar(id="status")
        yield Footer()

    @property
    def view(self) -> ParallelTextView:
        """The parallel text view."""
        return self.query_one(ParallelTextView)

    @property
    def status(self) -> StatusBar:
        """The status bar."""
        return self.query_one(StatusBar)

    def on_mount(self) -> None:
        self.colour_words = get_setting(self.store, "word-colours") == "on"
        self.level_marks = get_setting(self.store, "level-marks") == "on"
        self.mark_phrases = get_setting(self.store, "phrase-marks") == "on"
        self.view.stacked = get_setting(self.store, "layout") == "stacked"
        self.status.title = self.document.title
        self.status.paragraphs = len(self.document.blocks)
        self._update_status()
        self.view.set_cursor(self.cursor)
        self.view.focus()
        if self.app.size.width < 100:
            self.query_one(LookupPanel).display = False
        # The German goes on screen first; the workers (SoMaJo, the model, the glossary and
        # HanTa) start after that first frame, so they do not compete with it for the GIL.
        self.call_after_refresh(self.start_workers)

    def start_workers(self) -> None:
        """Start segmentation, translation and the glossary in the background."""
        self.segment_blocks(start_segment_range(self.document, self.cursor.block))
        visible = self.view.visible_blocks
        if visible == (0, 0) and self.cursor.block:  # not laid out yet: guess the screen
            visible = (self.cursor.block, self.cursor.block + max(2, self.app.size.height // 6))
        self.translate_document(visible)
        self.load_glossary()

    @work(thread=True, group="segment", exit_on_error=False)
    def segment_blocks(self, blocks: range) -> None:
        """Split blocks into sentences off the UI thread, then tell the screen."""
        document = self.document
        worker = get_current_worker()
        todo = tuple(index for index in blocks if document.segmented(index) is None)
        for index in todo:
            # Blocks are bounded (reader.core.structure.MAX_BLOCK_CHARS), so quitting waits for
            # one block's segmentation at most.
            if worker.is_cancelled:
                return
            document.sentences(index)
        self.post_message(BlocksSegmented(tuple(blocks)))
        if self.engine is None:
            # Without a model the reader's corrections still show (with a model, the
            # translation worker brings them along with the machine output).
            self._post_corrections(todo)

    def _post_corrections(self, blocks: Iterable[int]) -> None:
        """Post the reader's stored corrections for some segmented blocks (worker thread)."""
        germans = [s.text for index in blocks for s in self.document.sentences(index)]
        corrections = self.translation_store.lookup(None, germans)
        if corrections:
            self.post_message(TranslationsArrived(tuple(corrections.values()), None, None))

    @work(thread=True, group="corrections", exit_on_error=False)
    def load_corrections(self, blocks: tuple[int, ...]) -> None:
        """Read the reader's corrections of these blocks again."""
        self._post_corrections(blocks)

    @on(BlocksSegmented)
    def blocks_segmented(self, event: BlocksSegmented) -> None:
        self.view.english_changed(event.blocks)
        if self.cursor.block in event.blocks:
            self.view.set_cursor(self.cursor)
        self._update_status()
        self._analyse_visible()

    # Glossary, lemmas, vocabulary colours ---------------------------------------------------

    @work(thread=True, exclusive=True, group="glossary", exit_on_error=False)
    def load_glossary(self) -> None:
        """Load the curated and the reader's glossaries, then build the matcher."""
        from glossary import load_glossaries
        from glossary.matching import GlossaryMatcher

        glossary = load_glossaries()
        self.post_message(GlossaryLoaded(glossary, GlossaryMatcher(glossary)))

    @on(GlossaryLoaded)
    def glossary_loaded(self, event: GlossaryLoaded) -> None:
        from glossary.checking import glossary_names

        first_time = self.glossary is None
        self.glossary, self.matcher = event.glossary, event.matcher
        self.glossary_names = glossary_names(event.glossary)
        if event.glossary.problems:
            self.notify(
                "\n".join(str(problem) for problem in event.glossary.problems[:8])
                + "\nThe broken file is left out; `lesepult glossary validate` lists it all.",
                title="Glossary problems",
                severity="error",
                timeout=15,
            )
        self.analyses.clear()
        self._analyse_visible(force=True)
        if first_time:
            self.load_dictionary(event.glossary)

    @work(thread=True, exclusive=True, group="dictionary", exit_on_error=False)
    def load_dictionary(self, glossary: GlossarySet) -> None:
        """Open (or, the first time, build) the dictionary index."""
        from glossary.lookup import WordLookup

        self.post_message(DictionaryLoaded(WordLookup.create(glossary)))

    @on(DictionaryLoaded)
    def dictionary_loaded(self, event: DictionaryLoaded) -> None:
        self.word_lookup = event.lookup
        if event.lookup.dictionary is None and event.lookup.missing_reason:
            self.notify(
                event.lookup.missing_reason, title="Dictionary", severity="warning", timeout=10
            )
        if self.cursor.token is not None:
            self.look_up_current_word()
        self.analyses.clear()  # again, now with the dictionary's phrases
        self._analyse_visible(force=True)

    def _analyse_visible(self, force: bool = False) -> None:
        if self.matcher is None:
            return
        first, last = self.view.visible_blocks
        wanted = [
            index
            for index in range(max(0, first - 1), min(len(self.document.blocks), last + 2))
            if index not in self.analyses and self.document.segmented(index) is not None
        ]
        if wanted or force:
            order = analysis_order(wanted, self.analyses, len(self.document.blocks))
            self.analyse_blocks(tuple(order), self.matcher)

    @work(thread=True, exclusive=True, group="analyse", exit_on_error=False)
    def analyse_blocks(self, order: tuple[int, ...], matcher: GlossaryMatcher) -> None:
        """Tag and match the blocks in ``order``, posting them a few at a time."""
        from reader.analysis import analyse_block

        worker = get_current_worker()
        document = self.document
        dictionary = self.word_lookup.dictionary if self.word_lookup else None

        def analyse(index: int) -> BlockAnalysis:
            return analyse_block(document, index, matcher, dictionary)

        for batch in analysis_batches(order, analyse, lambda: worker.is_cancelled):
            statuses = self.vocabulary.statuses(batch_lemmas(batch))
            self.post_message(BlocksAnalysed(batch, statuses))

    @on(BlocksAnalysed)
    def blocks_analysed(self, event: BlocksAnalysed) -> None:
        self.statuses.update(event.statuses)
        for analysis in event.analyses:
            self.analyses[analysis.block] = analysis
            self._refresh_marks(analysis.block)
        self.view.english_changed([analysis.block for analysis in event.analyses])
        if self.level_marks:
            request_level_marks(self, [analysis.block for analysis in event.analyses])

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

    @on(ParallelTextView.VisibleBlocksChanged)
    def visible_blocks_changed(self, event: ParallelTextView.VisibleBlocksChanged) -> None:
        wanted = range(max(0, event.first - 1), min(len(self.document.blocks), event.last + 2))
        if any(self.document.segmented(index) is None for index in wanted):
            self.segment_blocks(wanted)
        else:
            self._analyse_visible()

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
        )

    def _english_notes(self, block_index: int) -> tuple[str, ...]:
        """Checks of the machine English of one block (reader.english.machine_notes)."""
        sentences = self.document.segmented(block_index)
        if not sentences:
            return ()
        analysis = self.analyses.get(block_index)
        return machine_notes(sentences, self.machine, analysis, self.glossary_names)

    # Cursor -----------------------------------------------------------------------------

    def move_to(self, cursor: Cursor) -> None:
        """Put the sentence cursor somewhere, scroll to it and remember it."""
        self.cursor = navigation.clamped(self.document, cursor)
        self.view.set_cursor(self.cursor)
        self._update_status()
        self._remember_position()

    # Word cursor and lookup ------------------------------------------------------------

    def _move_word(self, step: int) -> None:
        moved = navigation.word_move(self.current_sentence(), self.cursor, step)
        if moved is None:
            return
        self.cursor = moved
        self.view.set_cursor(self.cursor)
        self.look_up_current_word()

    def action_next_word(self) -> None:
        self._move_word(+1)

    def action_previous_word(self) -> None:
        self._move_word(-1)

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

    def look_up_current_word(self) -> None:
        """Show the lookup of the word under the cursor in the side panel."""
        word = self.current_word()
        panel = self.query_one(LookupPanel)
        if word is None:
            panel.result = None
            return
        if self.word_lookup is None:
            self.say("loading the dictionary…")
            return
        translation = self.machine.get(word[0].text)
        english = translation.english if translation is not None else None
        self.look_up(self.cursor, word[0], word[1], self.word_lookup, english)

    @work(thread=True, exclusive=True, group="lookup", exit_on_error=False)
    def look_up(
        self,
        cursor: Cursor,
        sentence: Sentence,
        token: int,
        lookup: WordLookup,
        english: str | None = None,
    ) -> None:
        """Look one word up (glossary, dictionary, lemma, separable verb, compound parts);
        ``english``, the sentence's translation, ranks the senses it uses first."""
        result = lookup.lookup(sentence.tokens[token].text, sentence, token, english=english)
        self.post_message(LookupDone(cursor, result))

    @on(LookupDone)
    def lookup_done(self, event: LookupDone) -> None:
        if event.cursor != self.cursor:
            return  # the reader has moved on
        panel = self.query_one(LookupPanel)
        panel.result = event.result
        # With the panel hidden (narrow terminals), the gist goes to the status bar.
        self.say("" if panel.display else lookup_gist(event.result))
        if self._history_timer is not None:
            self._history_timer.stop()
        self._history_timer = self.set_timer(
            LOOKUP_COUNTS_AFTER_SECONDS, lambda: self._count_lookup(event.cursor, event.result)
        )

    def _count_lookup(self, cursor: Cursor, result: LookupResult) -> None:
        # A word the reader rests on counts as looked up; one the cursor passes over does not.
        if cursor != self.cursor:
            return
        sentence = self.current_sentence()
        self.record_lookup(result.lemma or result.word, result.word, sentence.text)

    @work(thread=True, group="history", exit_on_error=False)
    def record_lookup(self, lemma: str, word: str, sentence: str) -> None:
        """Add a looked-up word to the reader's history (with its sentence)."""
        self.vocabulary.record_lookup(lemma, word, sentence, self.document.text_id)

    def action_toggle_panel(self) -> None:
        panel = self.query_one(LookupPanel)
        panel.display = not panel.display

    # Vocabulary status ------------------------------------------------------------------

    def _set_status(self, status: str) -> None:
        if self.cursor.token is None:
            self._move_word(+1)
        lemma = self.current_lemma()
        if lemma is None:
            return
        self.store_statuses({lemma: status})

    @work(thread=True, group="vocabulary", exit_on_error=False)
    def store_statuses(self, statuses: dict[str, str]) -> None:
        """Write statuses to the store off the UI thread (another window may hold a lock).

        The colours and the message follow only once the write succeeded; a failure is
        shown by :meth:`on_worker_state_changed`.
        """
        self.vocabulary.set_statuses(statuses, text_id=self.document.text_id)
        self.post_message(StatusesStored(statuses))

    @on(StatusesStored)
    def statuses_stored(self, event: StatusesStored) -> None:
        self.statuses.update(event.statuses)
        self._refresh_all_marks()
        self.say(", ".join(f"{lemma}: {status}" for lemma, status in event.statuses.items()))

    def on_worker_state_changed(self, event: Worker.StateChanged) -> None:
        """The one place a failed worker becomes a visible error (full disk, damaged store)."""
        error = event.worker.error
        if event.state != WorkerState.ERROR or error is None:
            return
        message = describe_failure(error, self.store.path)
        writing = event.worker.group in _WRITING_WORKERS
        if writing:
            self.say("not saved: " + message)
        if message not in self._reported:  # a full disk fails every write: say it once
            self._reported.add(message)
            title = "Not saved" if writing else "Error"
            self.notify(message, title=title, severity="error", timeout=15)

    def action_set_status(self, status: str) -> None:
        self._set_status(status)

    def action_mark_paragraph_known(self) -> None:
        analysis = self.analyses.get(self.cursor.block)
        if analysis is None:
            self.say("this paragraph is still being analysed")
            return
        self.mark_known_in_store(analysis.word_lemmas(self.document))

    @work(thread=True, group="vocabulary", exit_on_error=False)
    def mark_known_in_store(self, lemmas: tuple[str, ...]) -> None:
        """Mark the still-new lemmas known in one transaction, then recolour."""
        changed = self.vocabulary.mark_new_as_known(lemmas, text_id=self.document.text_id)
        self.post_message(MarkedKnown(changed))

    @on(MarkedKnown)
    def marked_known(self, event: MarkedKnown) -> None:
        self.statuses.update(dict.fromkeys(event.lemmas, "known"))
        self._refresh_all_marks()
        self.say(f"{len(event.lemmas)} new words marked known")

    def action_toggle_phrases(self) -> None:
        self.mark_phrases = not self.mark_phrases
        self.save_setting("phrase-marks", "on" if self.mark_phrases else "off")
        self._refresh_all_marks()
        self.say("phrase marks " + ("on" if self.mark_phrases else "off"))

    def action_toggle_colouring(self) -> None:
        self.colour_words = not self.colour_words
        self.save_setting("word-colours", "on" if self.colour_words else "off")
        self._refresh_all_marks()
        self.say("word colours " + ("on" if self.colour_words else "off"))

    def status_changed_elsewhere(self, lemma: str, status: str) -> None:
        """The vocabulary screen changed a status: recolour."""
        self.statuses[lemma] = status
        self._refresh_all_marks()

    def action_vocabulary(self) -> None:
        from reader.ui.screens.vocabulary import VocabularyScreen

        try:
            titles = {p.text_id: p.title for p in self.store.opened_texts()}
        except sqlite3.Error as error:
            self.notify(
                describe_failure(error, self.store.path), title="Vocabulary", severity="error"
            )
            return
        titles[self.document.text_id] = self.document.title
        self.app.push_screen(VocabularyScreen(self.vocabulary, titles, self.document.text_id))

    def open_sentence(self, text_id: str, sentence_text: str) -> bool:
        """Go to a sentence of this text by its wording; False if it is not in this text."""
        if text_id != self.document.text_id:
            return False
        found = navigation.sentence_with_text(self.document, sentence_text)
        if found is not None:
            self.move_to(found)
        return found is not None

    # Glossary screens -------------------------------------------------------------------

    def all_matches(self) -> list[TermMatch]:
        """Glossary matches of every analysed block, in text order."""
        return all_matches(self.analyses)

    def action_glossary(self) -> None:
        from reader.ui.screens.glossary import GlossaryScreen

        if self.glossary is None:
            self.say("the glossary is still loading")
            return
        self.app.push_screen(GlossaryScreen(self.glossary, self.all_matches()))

    def show_occurrences(self, entry: GlossaryEntry, targets: tuple[tuple[int, int], ...]) -> None:
        """Go to the first occurrence of a glossary entry; n/N visit the others."""
        found = term_occurrences(self.all_matches()).get(entry, ())
        if not targets or not found:
            self.say(f"“{entry.term}” does not occur in this text")
            return
        self.matches = [occurrence.match for occurrence in found]
        self.match_index = -1
        self.move_to(Cursor(found[0].match.block, found[0].sentence))
        self.match_index = 0
        more = " (n/N for the others)" if len(found) > 1 else ""
        self.say(f"{entry.term}: occurrence 1/{len(found)}{more}")

    def action_add_entry(self) -> None:
        from reader.ui.screens.entry_form import EntryFormScreen

        if self.cursor.token is None:
            self._move_word(+1)
        word = self.current_word()
        if word is None:
            return
        sentence, token = word
        lemma = self.current_lemma() or sentence.tokens[token].text
        text = sentence.tokens[token].text
        kind = guessed_kind(text)

        from glossary import add_user_entry, user_glossary_path

        def saved(entry: GlossaryEntry | None) -> None:
            # The form saved it (add_user_entry, atomically) before closing.
            if entry is not None:
                self.notify(f"Saved to {user_glossary_path()}", title="Glossary")
                self.load_glossary()

        form = EntryFormScreen(text, lemma, kind, self.glossary, save=add_user_entry)
        self.app.push_screen(form, saved)

    def action_export(self) -> None:
        from reader.ui.screens.export_dialog import ExportDialog

        def done(path: Path | None) -> None:
            if path is not None:
                self.say(f"exported to {path}")

        self.app.push_screen(ExportDialog(self.document, self.store), done)

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

    def _go(self, cursor: Cursor | None) -> None:
        if cursor is not None:
            self.move_to(cursor)

    def action_next_sentence(self) -> None:
        self._go(navigation.next_sentence(self.document, self.cursor))

    def action_previous_sentence(self) -> None:
        self._go(navigation.previous_sentence(self.document, self.cursor))

    def action_next_paragraph(self) -> None:
        self._go(navigation.next_paragraph(self.document, self.cursor))

    def action_previous_paragraph(self) -> None:
        self._go(navigation.previous_paragraph(self.cursor))

    def _page(self, direction: int) -> None:
        layout = self.view.page_layout(self.cursor)
        blocks = len(self.document.blocks)
        self.move_to(navigation.page_move(layout, self.cursor, direction, blocks))

    def action_page_down(self) -> None:
        if self.cursor.block == len(self.document.blocks) - 1:
            self.view.scroll_end(animate=False)  # the last English may run past the German
            return
        self._page(+1)

    def action_page_up(self) -> None:
        self._page(-1)

    def action_top(self) -> None:
        self.move_to(Cursor(0, 0))

    def action_bottom(self) -> None:
        self.move_to(navigation.text_end(self.document))

    def action_goto_paragraph(self) -> None:
        def go(block: int | None) -> None:
            if block is not None:
                self.move_to(Cursor(block, 0))

        self.app.push_screen(GoToParagraphScreen(len(self.document.blocks), self.cursor.block), go)

    def action_toggle_level_marks(self) -> None:
        self.level_marks = not self.level_marks
        self.save_setting("level-marks", "on" if self.level_marks else "off")
        self.level_spans.clear()
        if self.level_marks:
            request_level_marks(self, list(self.analyses))
        self._refresh_all_marks()
        level = get_setting(self.store, "level")
        self.say(f"words above {level} " + ("marked" if self.level_marks else "not marked"))

    @on(LevelMarksReady)
    def level_marks_ready(self, event: LevelMarksReady) -> None:
        """The words above the level are known for some blocks: draw them."""
        self.level_spans.update(event.spans)
        for block in event.spans:
            self._refresh_marks(block)

    def action_draft_glossary(self) -> None:
        from reader.ui.draft_actions import start_draft

        start_draft(self)

    @on(DraftReady)
    def draft_ready(self, event: DraftReady) -> None:
        """The glossary draft is written (or failed): show it."""
        from reader.ui.draft_actions import show_draft

        show_draft(self, event)

    def action_chapters(self) -> None:
        from reader.ui.screens.chapters import ChapterListScreen

        def go(block: int | None) -> None:
            if block is not None:
                self.move_to(Cursor(block, 0))

        self.app.push_screen(ChapterListScreen(self.document, self.cursor.block), go)

    @on(ParallelTextView.SentenceClicked)
    def sentence_clicked(self, event: ParallelTextView.SentenceClicked) -> None:
        self.move_to(event.cursor)

    # Translation ------------------------------------------------------------------------

    def translate_document(self, visible: tuple[int, int]) -> None:
        """Start a new translation run (the older one is cancelled and its messages dropped)."""
        self._translation_run += 1
        self.run_translation(visible, self._translation_run)

    @work(thread=True, exclusive=True, group="translate", exit_on_error=False)
    def run_translation(self, visible: tuple[int, int], run: int) -> None:
        """Find the model, show stored English at once, translate the rest in the background
        (reader.reading_work.translate_document); every result comes back as a message."""
        worker = get_current_worker()

        def emit(event: TranslationEvent) -> None:
            if isinstance(event, ModelState):
                self.post_message(
                    TranslationState(event.model_label, event.state, event.placeholder, run)
                )
            elif isinstance(event, EngineStarted):
                self.post_message(EngineReady(event.engine, run))
            else:
                self.post_message(
                    TranslationsArrived(event.translations, event.done, event.total, run)
                )

        store, cancelled = self.translation_store, lambda: worker.is_cancelled
        translate_document(self.document, store, visible, emit, cancelled)

    def _superseded(self, run: int | None) -> bool:
        return run is not None and run != self._translation_run

    @on(EngineReady)
    def engine_ready(self, event: EngineReady) -> None:
        if not self._superseded(event.run):
            self.engine = event.engine

    @on(TranslationState)
    def translation_state_changed(self, event: TranslationState) -> None:
        if self._superseded(event.run):
            return
        self.model_label = event.model_label
        self.no_machine_reason = event.placeholder
        self.status.progress = event.state
        self.view.english_changed()
        self._update_status()

    @on(TranslationsArrived)
    def translations_arrived(self, event: TranslationsArrived) -> None:
        if self._superseded(event.run):
            return
        germans = set()
        for translation in event.translations:
            self.machine[translation.german] = translation
            germans.add(translation.german)
        if germans:
            self.view.english_changed(self._sentence_blocks.holding(self.document, germans))
        if event.total is not None:
            done = event.done or 0
            finished = done >= event.total
            self.status.progress = (
                f"translated {done}/{event.total}"
                if finished
                else f"translating {done}/{event.total}"
            )
        self._update_status()

    def model_changed(self, model: ModelInfo | None) -> None:
        """A model was installed or removed: start over with the new one."""
        self.engine = None
        self.machine = {german: t for german, t in self.machine.items() if t.origin == "edited"}
        self.view.english_changed()
        self.translate_document(self.view.visible_blocks)

    def action_edit_translation(self) -> None:
        from reader.ui.screens.edit_translation import REVERT, EditTranslationScreen

        german = self.current_sentence().text
        current = self.machine.get(german)
        shown = self.english_for(self.cursor.block)
        english = english_to_edit(current, shown, self.translation_mode, self.cursor.sentence)
        edited = current is not None and current.origin == "edited"

        def save(result: str | None) -> None:
            if result is None:
                return
            self.save_correction(german, None if result == REVERT else result)
            if self.translation_mode == "reference":
                # Edits live with the machine English: show them.
                self.translation_mode = "best"
                self.view.english_changed()
                self._update_status()
                self.say("showing your edit (translation mode: best)")

        self.app.push_screen(EditTranslationScreen(german, english, can_revert=edited), save)

    @work(thread=True, group="corrections", exit_on_error=False)
    def save_correction(self, german: str, english: str | None) -> None:
        """Store (or, with None, revert) the reader's correction, then show the result."""
        if english is None:
            self.translation_store.revert(german)
            model = self.engine.model_id if self.engine else None
            found = self.translation_store.lookup(model, [german])
            translation = found.get(german)
            if translation is None:
                self.post_message(TranslationForgotten(german))
                return
        else:
            self.translation_store.correct(german, english)
            translation = SentenceTranslation(german, english, "edited", None)
        self.post_message(TranslationsArrived((translation,), None, None))

    @on(TranslationForgotten)
    def translation_forgotten(self, event: TranslationForgotten) -> None:
        self.machine.pop(event.german, None)
        self.view.english_changed()
        self._update_status()

    def action_alternatives(self) -> None:
        from reader.translation import MISSING_MODEL_HELP

        if self.engine is None:
            self.notify(MISSING_MODEL_HELP, title="No model", severity="warning")
            return
        self.say("asking the model for alternatives…")
        self.find_alternatives(self.current_sentence().text)

    @work(thread=True, exclusive=True, group="alternatives", exit_on_error=False)
    def find_alternatives(self, german: str) -> None:
        """The model's n-best hypotheses for one sentence."""
        engine = self.engine
        if engine is None:
            return
        alternatives = tuple(dict.fromkeys(engine.alternatives(german, 5)))
        self.post_message(AlternativesReady(german, alternatives))

    @on(AlternativesReady)
    def alternatives_ready(self, event: AlternativesReady) -> None:
        from reader.ui.screens.edit_translation import AlternativesScreen

        self.say("")

        def pick(choice: str | None) -> None:
            if choice:
                self.save_correction(event.german, choice)

        self.app.push_screen(AlternativesScreen(event.german, event.alternatives), pick)

    def action_swap_choice(self) -> None:
        german = self.current_sentence().text
        swapped = swapped_choice(self.machine.get(german))
        if swapped is None:
            self.say("no glossary-guided choice here (lesepult translate --glossary-guided)")
            return
        self.machine[german] = swapped
        self.view.english_changed()
        self._update_status()
        self.say(f"now shown: {swapped.label}")

    def action_models(self) -> None:
        from reader.ui.screens.models import ModelsScreen

        self.app.push_screen(ModelsScreen())

    # Search -----------------------------------------------------------------------------

    def action_start_search(self) -> None:
        self.query_one(SearchBar).open()

    @on(SearchBar.Cancelled)
    def search_cancelled(self) -> None:
        bar = self.query_one(SearchBar)
        bar.close()
        self.view.focus()

    @on(SearchBar.Submitted)
    def search_submitted(self, event: SearchBar.Submitted) -> None:
        bar = self.query_one(SearchBar)
        bar.close()
        self.view.focus()
        self.search(event.value)

    def search(self, query: str) -> None:
        """Find every match of ``query`` and go to the first one after the cursor."""
        if not query.strip():
            self.action_clear_search()
            return
        pattern = compile_pattern(query)
        self.matches = list(find_matches(self.document, pattern))
        self.view.set_search(pattern)
        if not self.matches:
            self.say(f"no match for “{query}”")
            self.match_index = -1
            return
        self.match_index = -1
        self.action_next_match()

    def _go_to_match(self, index: int) -> None:
        self.match_index = index % len(self.matches)
        match = self.matches[self.match_index]
        sentence = sentence_of(self.document, match)
        self.move_to(Cursor(match.block, sentence.index if sentence else 0))
        self.say(f"match {self.match_index + 1}/{len(self.matches)}")

    def _cursor_offset(self) -> int:
        return self.current_sentence().start

    def action_next_match(self) -> None:
        if not self.matches:
            return
        if self.match_index >= 0:
            self._go_to_match(self.match_index + 1)
            return
        self._go_to_match(first_match_from(self.matches, self._cursor_offset()))

    def action_previous_match(self) -> None:
        if self.matches:
            self._go_to_match(self.match_index - 1 if self.match_index >= 0 else -1)

    def action_clear_search(self) -> None:
        if not self.matches and self.cursor.token is not None:
            self.cursor = Cursor(self.cursor.block, self.cursor.sentence)
            self.view.set_cursor(self.cursor)
            self.query_one(LookupPanel).result = None
            return
        self.matches = []
        self.match_index = -1
        self.view.set_search(None)
        self.say("")

    # Viewing ----------------------------------------------------------------------------

    def action_cycle_translation(self) -> None:
        self.translation_mode = next_mode(self.translation_mode)
        self.view.english_changed()
        self.view.scroll_to_cursor()
        self._update_status()

    def action_toggle_layout(self) -> None:
        self.view.stacked = not self.view.stacked
        self.save_setting("layout", "stacked" if self.view.stacked else "columns")

    @work(thread=True, group="settings", exit_on_error=False)
    def save_setting(self, key: str, value: str) -> None:
        """Keep a toggled setting for next time (the CLI's `lesepult settings` shows it)."""
        set_setting(self.store, key, value)

    def action_reload(self) -> None:
        """Start over from the store and the glossary files (another window or the CLI may
        have changed them)."""
        self.machine.clear()
        self.statuses.clear()
        self.analyses.clear()
        self.view.clear_decorations()
        self.view.english_changed()
        self.translate_document(self.view.visible_blocks)
        segmented = range(len(self.document.blocks))
        self.load_corrections(tuple(i for i in segmented if self.document.segmented(i)))
        self.load_glossary()
        self.say("reloaded from the store")

    def action_show_help(self) -> None:
        self.app.push_screen(HelpScreen(self.COMMAND_TABLE))

    async def action_quit(self) -> None:
        try:
            self.save_position()
        except (sqlite3.Error, OSError) as error:
            # Quit anyway, and say on the terminal what was not kept.
            message = describe_failure(error, self.store.path)
            self.app.exit(0, return_code=1, message=f"lesepult: position not saved: {message}")
            return
        self.app.exit(0)


# Workers that write to the store or a file: their failure means something was not kept.
_WRITING_WORKERS = frozenset({"vocabulary", "history", "position", "settings"})
