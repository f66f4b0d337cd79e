"""The reading screen's background analysis: sentences, the glossary, the dictionary, marks.

Segmentation, the glossary and dictionary loading and the batched analysis run in thread
workers (the batching rule is reader.reading_work's) and post messages; the handlers here keep
the results and redraw the marks (vocabulary colours, glossary and phrase marks, level marks).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from textual import on, work
from textual.worker import get_current_worker

from reader.reading_work import analysis_batches, analysis_order, batch_lemmas
from reader.settings import get_setting
from reader.ui.level_marks import LevelMarksReady, request_level_marks
from reader.ui.screens.reading_base import ReadingBase
from reader.ui.screens.reading_messages import (
    BlocksAnalysed,
    BlocksSegmented,
    DictionaryLoaded,
    GlossaryLoaded,
    TranslationsArrived,
)
from reader.ui.widgets.parallel_view import ParallelTextView

if TYPE_CHECKING:
    from glossary import GlossarySet
    from glossary.ding import DingDictionary
    from glossary.lookup import WordLookup
    from glossary.matching import GlossaryMatcher
    from reader.analysis import BlockAnalysis


class AnalysisMixin(ReadingBase):
    """Segmentation, glossary, dictionary and analysis workers and the marks they feed."""

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
        self._analysis_run += 1
        self.analyses.clear()
        self._analyse_visible(force=True)
        if first_time:
            self.load_dictionary(event.glossary)
        elif self.word_lookup is not None:
            # A new entry (A) or a reload (ctrl+r): the lookup answers from the new glossary.
            self.renew_lookup(event.glossary, self.word_lookup)

    @work(thread=True, exclusive=True, group="dictionary", exit_on_error=False)
    def load_dictionary(self, glossary: GlossarySet) -> None:
        """Open (or, the first time, build) the dictionary index."""
        from glossary.lookup import WordLookup

        self.post_message(DictionaryLoaded(WordLookup.create(glossary)))

    @work(thread=True, exclusive=True, group="dictionary", exit_on_error=False)
    def renew_lookup(self, glossary: GlossarySet, old: WordLookup) -> None:
        """The lookup over a newly loaded glossary, with the dictionary already open (its
        caches start empty, so nothing answers from the old glossary)."""
        from glossary.lookup import WordLookup

        renewed = WordLookup(glossary, old.dictionary, old.missing_reason)
        self.post_message(DictionaryLoaded(renewed))

    @on(DictionaryLoaded)
    def dictionary_loaded(self, event: DictionaryLoaded) -> None:
        if self.glossary is not None and event.lookup.glossary is not self.glossary:
            # Made from a glossary replaced while the dictionary opened.
            self.renew_lookup(self.glossary, event.lookup)
            return
        first_time = self.word_lookup is None
        self.word_lookup = event.lookup
        if first_time and event.lookup.dictionary is None and event.lookup.missing_reason:
            self.notify(
                event.lookup.missing_reason, title="Dictionary", severity="warning", timeout=10
            )
        if self.cursor.token is not None:
            self.look_up_current_word()
        self._analysis_run += 1
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
            dictionary = self.word_lookup.dictionary if self.word_lookup else None
            self.analyse_blocks(tuple(order), self.matcher, dictionary, self._analysis_run)

    @work(thread=True, exclusive=True, group="analyse", exit_on_error=False)
    def analyse_blocks(
        self,
        order: tuple[int, ...],
        matcher: GlossaryMatcher,
        dictionary: DingDictionary | None,
        run: int,
    ) -> None:
        """Tag and match the blocks in ``order``, posting them a few at a time (tagged with
        ``run``, the glossary and dictionary they were analysed with)."""
        from reader.analysis import analyse_block

        worker = get_current_worker()
        document = self.document

        def analyse(index: int) -> BlockAnalysis:
            return analyse_block(document, index, matcher, dictionary)

        for batch in analysis_batches(order, analyse, lambda: worker.is_cancelled):
            statuses = self.vocabulary.statuses(batch_lemmas(batch))
            self.post_message(BlocksAnalysed(batch, statuses, run))

    @on(BlocksAnalysed)
    def blocks_analysed(self, event: BlocksAnalysed) -> None:
        if event.run is not None and event.run != self._analysis_run:
            return  # analysed with a glossary or dictionary that has been replaced since
        self.statuses.update(event.statuses)
        for analysis in event.analyses:
            self.analyses[analysis.block] = analysis
            self._refresh_marks(analysis.block)
        self.view.english_changed([analysis.block for analysis in event.analyses])
        if self.level_marks:
            request_level_marks(self, [analysis.block for analysis in event.analyses])

    @on(ParallelTextView.VisibleBlocksChanged)
    def visible_blocks_changed(self, event: ParallelTextView.VisibleBlocksChanged) -> None:
        wanted = range(max(0, event.first - 1), min(len(self.document.blocks), event.last + 2))
        if any(self.document.segmented(index) is None for index in wanted):
            self.segment_blocks(wanted)
        else:
            self._analyse_visible()

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
