"""Wire the real translation store, reference, glossary, lemmas and vocabulary into a sheet.

The CLI and the export dialog call :func:`build_sheet_for`; the builder itself
(:mod:`reader.export.sheet`) only sees callables, so it is tested without these modules.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from reader.errors import UserError
from reader.export.sheet import (
    SheetEnglish,
    SheetSources,
    StudySheet,
    TermHit,
    WordInfo,
    build_study_sheet,
)
from reader.store import Store
from reader.text import Document, Sentence, TextLoadError, load_reference
from reader.vocabulary import Vocabulary


def english_source(
    document: Document, store: Store, choice: str, sentences: Sequence[Sentence]
) -> tuple[Callable[[Sentence], SheetEnglish | None], str | None]:
    """The English of each sentence under ``choice`` and the model id used, if any.

    ``machine``: stored machine output of the installed model; ``edited``: the reader's
    corrections; ``reference``: the curated reference; ``best``: edited, then machine, then
    reference. A missing model or reference for an explicit choice is a :class:`UserError`.
    """
    from reader.translation import MISSING_MODEL_HELP, TranslationStore, installed_model

    model_id: str | None = None
    if choice in ("machine", "best"):
        model = installed_model()
        if model is None and choice == "machine":
            raise UserError(f"no translation model is installed. {MISSING_MODEL_HELP}")
        model_id = model.model_id if model else None
    reference_blocks: tuple[tuple[str, ...], ...] | None = None
    if choice in ("reference", "best"):
        try:
            reference = load_reference(document)
        except TextLoadError as error:
            raise UserError(str(error)) from error
        if reference is None and choice == "reference":
            raise UserError(
                f"{document.path or document.title}: has no reference translation;"
                " choose --translation machine, edited or best"
            )
        reference_blocks = reference.blocks if reference else None
    germans = [sentence.text for sentence in sentences]
    stored = (
        TranslationStore(store).lookup(model_id if choice != "edited" else None, germans)
        if choice != "reference"
        else {}
    )

    def from_reference(sentence: Sentence) -> SheetEnglish | None:
        if reference_blocks is None or sentence.block >= len(reference_blocks):
            return None
        english = reference_blocks[sentence.block]
        german_count = len(document.sentences(sentence.block))
        if len(english) == german_count:
            return SheetEnglish(english[sentence.index], "reference")
        # Not aligned sentence by sentence: the whole block's English goes with its first
        # sentence, and the others are covered by it.
        return SheetEnglish(" ".join(english) if sentence.index == 0 else "", "reference")

    def english(sentence: Sentence) -> SheetEnglish | None:
        found = stored.get(sentence.text)
        if found is not None:
            if choice == "machine" and found.origin != "machine":
                found = None
            elif choice == "edited" and found.origin != "edited":
                found = None
        if found is not None:
            return SheetEnglish(found.english, found.origin)
        if choice in ("reference", "best"):
            return from_reference(sentence)
        return None

    return english, model_id


def glossary_sources() -> tuple[
    Callable[[Sentence], Sequence[TermHit]], Callable[[str], WordInfo | None], str
]:
    """Term hits, word information and the version string from the reader's glossaries."""
    from glossary import load_glossaries
    from glossary.matching import GlossaryMatcher

    glossaries = load_glossaries()
    matcher = GlossaryMatcher(glossaries)

    def term_hits(sentence: Sentence) -> Sequence[TermHit]:
        hits = []
        for match in matcher.matches(sentence):
            entry = match.entry
            hits.append(
                TermHit(
                    term=entry.term,
                    kind=entry.kind,
                    rendering=entry.renderings[0] if entry.renderings else "",
                    explanation=entry.explanation,
                    start=match.spans[0][0],
                    end=match.spans[-1][1],
                    gender=entry.gender or "",
                    plural=entry.plural or "",
                )
            )
        return hits

    def word_info(lemma: str) -> WordInfo | None:
        for entry in glossaries.find(lemma):
            return WordInfo(
                meaning=", ".join(entry.renderings[:2]),
                gender=entry.gender or "",
                plural=entry.plural or "",
            )
        return None

    return term_hits, word_info, glossaries.version


def build_sheet_for(
    document: Document,
    store: Store,
    translation: str = "best",
    paragraph_range: tuple[int, int] | None = None,
) -> StudySheet:
    """The study sheet of ``document`` with the reader's real translations, glossary and words."""
    from glossary.lemmas import sentence_lemmas

    first, last = paragraph_range or (1, len(document.blocks))
    sentences = [
        sentence
        for block in document.blocks[first - 1 : last]
        for sentence in document.sentences(block.index)
    ]
    english, model_id = english_source(document, store, translation, sentences)
    term_hits, word_info, glossary_version = glossary_sources()
    vocabulary = Vocabulary(store)
    sources = SheetSources(
        english=english,
        lemmas=sentence_lemmas,
        term_hits=term_hits,
        word_info=word_info,
        statuses=vocabulary.statuses(),
        looked_up=vocabulary.looked_up_lemmas(),
        model_id=model_id,
        glossary_version=glossary_version,
    )
    return build_study_sheet(document, sources, (first, last))
