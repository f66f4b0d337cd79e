"""The reading screen's word actions: the word cursor, lookups, vocabulary and glossary.

The lookup runs in a thread worker and is dropped when the cursor has moved on; statuses are
written off the UI thread and shown only once stored.
"""

from __future__ import annotations

import sqlite3
from typing import TYPE_CHECKING

from textual import on, work

from reader import navigation
from reader.core.text import Sentence
from reader.cursor_status import status_at
from reader.failures import describe_failure
from reader.navigation import Cursor
from reader.reading_state import all_matches, lookup_gist
from reader.search import term_occurrences
from reader.ui.screens.reading_base import ReadingBase
from reader.ui.screens.reading_messages import LookupDone, MarkedKnown, StatusesStored
from reader.ui.widgets.lookup_panel import LookupPanel

if TYPE_CHECKING:
    from glossary import GlossaryEntry
    from glossary.lookup import LookupResult, WordLookup
    from glossary.matching import TermMatch

LOOKUP_COUNTS_AFTER_SECONDS = 0.8


class WordsMixin(ReadingBase):
    """The word cursor, the lookup panel, vocabulary statuses and the glossary screens."""

    # Word cursor and lookup ------------------------------------------------------------

    def _move_word(self, step: int, across: bool = False) -> None:
        if across:  # l and h go on into the next (previous) sentence at a sentence's end
            moved = navigation.word_step(self.document, self.cursor, step)
        else:
            moved = navigation.word_move(self.current_sentence(), self.cursor, step)
        if moved is None:
            return
        if (moved.block, moved.sentence) != (self.cursor.block, self.cursor.sentence):
            self.move_to(moved)
        else:
            self.cursor = moved
            self.view.set_cursor(self.cursor)
        self.look_up_current_word()

    def action_next_word(self) -> None:
        self._move_word(+1, across=True)

    def action_previous_word(self) -> None:
        self._move_word(-1, across=True)

    def show_word_status(self) -> None:
        """Show the status of the word under the cursor at the top of the lookup panel."""
        word = self.current_word()
        status = None
        if word is not None:
            sentence, token = word
            status = status_at(self.analyses, self.statuses, sentence.block, sentence.index, token)
        self.query_one(LookupPanel).word_status = status

    def look_up_current_word(self) -> None:
        """Show the lookup of the word under the cursor in the side panel."""
        word = self.current_word()
        panel = self.query_one(LookupPanel)
        self.show_word_status()
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
        self.show_word_status()
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
        self.panel_wanted = panel.display

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
        # Through the history, so `u` can undo it (reader.status_history).
        description = ", ".join(f"{lemma}: {status}" for lemma, status in statuses.items())
        self.status_history.set_statuses(statuses, self.document.text_id, description)
        self.post_message(StatusesStored(statuses))

    @on(StatusesStored)
    def statuses_stored(self, event: StatusesStored) -> None:
        self.statuses.update(event.statuses)
        self._refresh_all_marks()
        self.show_word_status()
        self.say(", ".join(f"{lemma}: {status}" for lemma, status in event.statuses.items()))

    def action_set_status(self, status: str) -> None:
        self._set_status(status)

    def action_mark_paragraph_known(self) -> None:
        analysis = self.analyses.get(self.cursor.block)
        if analysis is None:
            self.say("this paragraph is still being analysed")
            return
        # Names stay as they are (reader.analysis.name_tokens); ignored words are not new.
        self.mark_known_in_store(analysis.unnamed_word_lemmas(self.document))

    @work(thread=True, group="vocabulary", exit_on_error=False)
    def mark_known_in_store(self, lemmas: tuple[str, ...]) -> None:
        """Mark the still-new lemmas known in one transaction, then recolour."""
        change = self.status_history.mark_new_as_known(lemmas, self.document.text_id)
        self.post_message(MarkedKnown(tuple(lemma for lemma, _ in change.after) if change else ()))

    @on(MarkedKnown)
    def marked_known(self, event: MarkedKnown) -> None:
        self.statuses.update(dict.fromkeys(event.lemmas, "known"))
        self._refresh_all_marks()
        self.show_word_status()
        self.say(f"{len(event.lemmas)} new words marked known")

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
        from reader.reading_state import entry_kind
        from reader.ui.screens.entry_form import EntryFormScreen

        if self.cursor.token is None:
            self._move_word(+1)
        word = self.current_word()
        if word is None:
            return
        sentence, token = word
        lemma = self.current_lemma() or sentence.tokens[token].text
        text = sentence.tokens[token].text
        kind = entry_kind(self.query_one(LookupPanel).result, text)

        from glossary import add_user_entry, user_glossary_path

        def saved(entry: GlossaryEntry | None) -> None:
            # The form saved it (add_user_entry, atomically) before closing.
            if entry is not None:
                self.notify(f"Saved to {user_glossary_path()}", title="Glossary")
                self.load_glossary()

        form = EntryFormScreen(text, lemma, kind, self.glossary, save=add_user_entry)
        self.app.push_screen(form, saved)
