"""The reading screen's translation: the machine English, corrections, alternatives, modes.

One translation run at a time (reader.reading_work.translate_document in a thread worker);
its events come back as messages tagged with the run, and those of a superseded run are
dropped, so a cancelled older worker can never change what the screen shows.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from textual import on, work
from textual.worker import get_current_worker

from reader.english import next_mode, swapped_choice
from reader.reading_state import english_to_edit
from reader.reading_work import (
    EngineStarted,
    ModelState,
    ProgressUnit,
    TranslationEvent,
    pieces,
    progress_text,
    translate_document,
)
from reader.settings import get_setting
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
    from reader.translation import ModelInfo, TranslationEngine


class TranslationMixin(ReadingBase):
    """Translation runs, the reader's corrections, alternatives and the translation mode."""

    # Translation ------------------------------------------------------------------------

    _translation_go: threading.Event | None = None
    """Set while the background translation may go on; cleared while the reader paused it."""
    _translation_progress: tuple[int, int, ProgressUnit] | None = None
    """The last progress the background translation reported (done, total, unit)."""

    _background_started = False
    """Whether the current run translates the whole text (not with translation on demand)."""

    @property
    def translation_paused(self) -> bool:
        """Whether the reader paused the background translation."""
        return self._translation_go is not None and not self._translation_go.is_set()

    def translate_document(self, visible: tuple[int, int], background: bool | None = None) -> None:
        """Start a new translation run (the older one is cancelled and its messages dropped);
        ``background`` None follows the ``translation`` setting."""
        if self._translation_go is None:
            self._translation_go = threading.Event()
            self._translation_go.set()
        if background is None:
            background = get_setting(self.store, "translation") == "background"
        self._background_started = background
        self._translation_run += 1
        self.run_translation(visible, self._translation_run, background)

    @work(thread=True, exclusive=True, group="translate", exit_on_error=False)
    def run_translation(self, visible: tuple[int, int], run: int, background: bool = True) -> None:
        """Find the model, show stored English at once, translate the rest in the background
        (reader.reading_work.translate_document); every result comes back as a message."""
        worker = get_current_worker()
        go = self._translation_go

        def emit(event: TranslationEvent) -> None:
            if isinstance(event, ModelState):
                self.post_message(
                    TranslationState(event.model_label, event.state, event.placeholder, run)
                )
            elif isinstance(event, EngineStarted):
                self.post_message(EngineReady(event.engine, run))
            else:
                self.post_message(
                    TranslationsArrived(
                        event.translations, event.done, event.total, run, event.unit
                    )
                )

        def hold() -> None:
            # Paused: wait here, a tenth of a second at a time so quitting never waits.
            while go is not None and not go.wait(0.1):
                if worker.is_cancelled:
                    return

        store, cancelled = self.translation_store, lambda: worker.is_cancelled
        translate_document(self.document, store, visible, emit, cancelled, background, hold)

    def action_pause_translation(self) -> None:
        """Pause the background translation, or resume it where it stopped (or, with the
        ``translation`` setting on demand, start it)."""
        go = self._translation_go
        if go is None:
            return
        if not self._background_started:
            go.set()
            self.translate_document(self.view.visible_blocks, background=True)
            self.say("translating the whole text in the background (T pauses)")
        elif go.is_set():
            go.clear()
        else:
            go.set()
        self._show_progress()
        self._update_status()

    def _show_progress(self) -> None:
        progress = self._translation_progress
        if progress is not None:
            self.status.progress = progress_text(*progress, paused=self.translation_paused)
        elif self.translation_paused:
            self.status.progress = "translation paused"

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
        if self.translation_paused:
            self._show_progress()
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
            self._translation_progress = (event.done or 0, event.total, event.unit)
            self._show_progress()
        self._update_status()

    def action_translate_sentence(self) -> None:
        """Translate the sentence under the cursor now (whatever the background does)."""
        self._translate_now([self.current_sentence().text], "sentence")

    def action_translate_paragraph(self) -> None:
        """Translate the paragraph under the cursor now."""
        sentences = self.document.sentences(self.cursor.block)
        self._translate_now([s.text for s in sentences], "paragraph")

    def _translate_now(self, germans: list[str], what: str) -> None:
        from reader.translation import MISSING_MODEL_HELP

        if self.engine is None:
            self.notify(MISSING_MODEL_HELP, title="No model", severity="warning")
            return
        self.say(f"translating this {what}…")
        self.translate_on_demand(self.engine, germans)

    @work(thread=True, group="translate-now", exit_on_error=False)
    def translate_on_demand(self, engine: TranslationEngine, germans: list[str]) -> None:
        """Translate some sentences (stored ones come from the store) and show them."""
        from reader.translation import TranslationJob

        found = TranslationJob(self.translation_store, engine).run(germans)
        for piece in pieces(tuple(found.values())):
            self.post_message(TranslationsArrived(piece, None, None))

    def model_changed(self, model: ModelInfo | None) -> None:
        """A model was installed or removed: start over with the new one."""
        self.engine = None
        self.machine = {german: t for german, t in self.machine.items() if t.origin == "edited"}
        self.view.english_changed()
        self.translate_document(self.view.visible_blocks)

    def action_edit_translation(self) -> None:
        from reader.ui.screens.edit_translation import (
            REVERT,
            EditTranslationScreen,
            english_beneath,
        )

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

        where = (self.translation_store, self.engine, self.document, self.reference, self.cursor)
        beneath = english_beneath(*where) if edited else None
        self.app.push_screen(EditTranslationScreen(german, english, beneath), save)

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

    def action_cycle_translation(self) -> None:
        self.translation_mode = next_mode(self.translation_mode)
        self.view.english_changed()
        self.view.scroll_to_cursor()
        self._update_status()
