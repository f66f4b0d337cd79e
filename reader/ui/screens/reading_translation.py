"""The reading screen's translation: the machine English, corrections, alternatives, modes.

One translation run at a time (reader.reading_work.translate_document in a thread worker);
its events come back as messages tagged with the run, and those of a superseded run are
dropped, so a cancelled older worker can never change what the screen shows.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual import on, work
from textual.worker import get_current_worker

from reader.english import next_mode
from reader.reading_state import english_to_edit
from reader.reading_work import EngineStarted, ModelState, TranslationEvent, translate_document
from reader.translation.store import SentenceTranslation
from reader.ui.screens.reading_base import ReadingBase
from reader.ui.screens.reading_messages import (
    AlternativesReady,
    EngineReady,
    TranslationForgotten,
    TranslationsArrived,
    TranslationState,
)

if TYPE_CHECKING:
    from reader.translation import ModelInfo


class TranslationMixin(ReadingBase):
    """Translation runs, the reader's corrections, alternatives and the translation mode."""

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
        # Without a model, one line (the status bar's) says so once, at the top of the column.
        self.model_missing = event.model_label is None
        if self.model_missing:  # the status bar's line, with any broken package's problem
            from reader.translation import MISSING_MODEL_HELP

            problems = event.placeholder.removeprefix(MISSING_MODEL_HELP)
            self.no_machine_reason = event.state + problems
        else:
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

    def action_models(self) -> None:
        from reader.ui.screens.models import ModelsScreen

        self.app.push_screen(ModelsScreen())

    def action_cycle_translation(self) -> None:
        self.translation_mode = next_mode(self.translation_mode)
        self.view.english_changed()
        self.view.scroll_to_cursor()
        self._update_status()
