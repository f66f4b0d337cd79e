"""Wire the real translation store, reference, glossary, lemmas and vocabulary into a sheet.

The CLI and the export dialog call :func:`build_sheet_for`; the builder itself
(:mod:`reader.export.sheet`) only sees callables, so it is tested without these modules.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import TYPE_CHECKING

from reader.core.errors import FieldError, NoModelError, UserError
from reader.core.text import Document, Sentence, TextLoadError, load_reference
from reader.export.sheet import (
    SheetEnglish,
    SheetSources,
    StudySheet,
    TermHit,
    WordInfo,
    build_study_sheet,
)
from reader.store import Store
from reader.vocabulary import Vocabulary

if TYPE_CHECKING:
    from glossary.lookup import LookupResult
    from glossary.matching import TermMatch
    from glossary.schema import GlossaryEntry


def english_source(
    document: Document, store: Store, choice: str, sentences: Sequence[Sentence]
) -> tuple[Callable[[Sentence], SheetEnglish | None], str | None]:
    """The English of each sentence under ``choice`` and the model id used, if any.

    ``machine``: stored machine output of the installed model; ``edited``: the reader's
    corrections; ``reference``: the curated reference; ``best``: edited, then machine, then
    reference. A missing model or reference for an explicit choice is a :class:`UserError`.
    """
    from reader.translation import TranslationStore

    model_id = _model_id(choice)
    reference_blocks = _reference_blocks(document, choice)
    germans = [sentence.text for sentence in sentences]
    # "machine" asks for machine output only: a correction would hide it (issue 11, bug 5).
    stored = (
        TranslationStore(store).lookup(
            model_id if choice != "edited" else None, germans, corrections=choice != "machine"
        )
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
        # "machine" and "edited" take only their own origin; "best" takes either.
        if found is not None and found.origin in _STORED_ORIGINS[choice]:
            return SheetEnglish(found.english, found.origin)
        if choice in ("reference", "best"):
            return from_reference(sentence)
        return None

    return english, model_id


# Which stored English each choice takes (the reference is not stored).
_STORED_ORIGINS: dict[str, frozenset[str]] = {
    "machine": frozenset({"machine"}),
    "edited": frozenset({"edited"}),
    "best": frozenset({"machine", "edited"}),
    "reference": frozenset(),
}


def _model_id(choice: str) -> str | None:
    """The installed model's id where ``choice`` uses machine output; none is NoModelError."""
    from reader.translation import MISSING_MODEL_HELP, installed_model

    if choice not in ("machine", "best"):
        return None
    model = installed_model()
    if model is None and choice == "machine":
        raise NoModelError(MISSING_MODEL_HELP)
    return model.model_id if model else None


def _reference_blocks(document: Document, choice: str) -> tuple[tuple[str, ...], ...] | None:
    """The curated reference's sentences per block where ``choice`` uses it."""
    if choice not in ("reference", "best"):
        return None
    try:
        reference = load_reference(document)
    except TextLoadError as error:
        raise UserError(str(error)) from error
    if reference is None and choice == "reference":
        raise FieldError(
            "translation",
            f"{document.path or document.title}: has no reference translation;"
            " choose machine, edited or best",
        )
    return reference.blocks if reference else None


MEANING_LIMIT = 2
"""How many English alternatives a vocabulary word's meaning shows."""
_ABBREVIATION = re.compile(r"\s*/[^/]*/")
_SPACES = re.compile(r"\s+")


def short_meaning(result: LookupResult) -> str:
    """One or two English alternatives from a lookup's dictionary senses ("" when none).

    A compound the dictionary only knows in parts is shown as its parts ("Eisenbahn (railway)
    + Partisan (partisan)"), since its head's meaning alone would be wrong.
    """
    if result.found_by == "compound":
        return " + ".join(
            f"{part.part} ({_alternatives(part.senses[0].head_english)[0]})"
            if part.senses
            else part.part
            for part in result.compound_parts
        )
    chosen: list[str] = []
    for sense in result.senses:
        for alternative in _alternatives(sense.head_english):
            if alternative.casefold() not in {known.casefold() for known in chosen}:
                chosen.append(alternative)
            if len(chosen) == MEANING_LIMIT:
                return "; ".join(chosen)
    return "; ".join(chosen)


def _alternatives(english: str) -> list[str]:
    """The ``;``-separated alternatives of a Ding English side, without /abbreviations/."""
    cleaned = (_SPACES.sub(" ", _ABBREVIATION.sub("", part)).strip() for part in english.split(";"))
    return [part for part in cleaned if part] or [english.strip()]


@contextmanager
def glossary_sources(
    dictionary_path: Path | None = None,
) -> Iterator[
    tuple[
        Callable[[Sentence], Sequence[TermHit]],
        Callable[[str, Sentence, int], WordInfo | None],
        str,
        str,
    ]
]:
    """Term hits, word information, the glossary version and the dictionary in use ("" if none).

    A context manager: the dictionary index is closed on leaving it.

    Word information asks the glossary, then the Ding dictionary (when installed), with the
    word in its sentence, so separable verbs and compounds are found as in the reading view.
    """
    from glossary import load_glossaries
    from glossary.lookup import WordLookup
    from glossary.matching import GlossaryMatcher

    glossaries = load_glossaries()
    matcher = GlossaryMatcher(glossaries)
    lookup = WordLookup.create(glossaries, dictionary_path)

    def term_hits(sentence: Sentence) -> Sequence[TermHit]:
        return [_term_hit(match) for match in matcher.matches(sentence)]

    def word_info(lemma: str, sentence: Sentence, token_index: int) -> WordInfo | None:
        for entry in glossaries.find(lemma):
            return _glossary_info(entry)
        # Only the dictionary from here: the lookup's own glossary entries include phrases
        # matched around the word ("Großer Bahnhof"), which do not define the word alone.
        return _dictionary_info(
            lookup.lookup(sentence.tokens[token_index].text, sentence, token_index)
        )

    dictionary = "Ding de-en dictionary" if lookup.dictionary is not None else ""
    try:
        yield term_hits, word_info, glossaries.version, dictionary
    finally:
        lookup.close()


def _term_hit(match: TermMatch) -> TermHit:
    """A glossary match as the sheet's input: the entry's first rendering and the span."""
    entry = match.entry
    return TermHit(
        term=entry.term,
        kind=entry.kind,
        rendering=entry.renderings[0] if entry.renderings else "",
        explanation=entry.explanation,
        start=match.spans[0][0],
        end=match.spans[-1][1],
        gender=entry.gender or "",
        plural=entry.plural or "",
    )


def _glossary_info(entry: GlossaryEntry) -> WordInfo:
    """A glossary entry's first renderings, gender and plural."""
    return WordInfo(
        meaning="; ".join(entry.renderings[:MEANING_LIMIT]),
        gender=entry.gender or "",
        plural=entry.plural or "",
    )


def _dictionary_info(result: LookupResult) -> WordInfo | None:
    """A dictionary lookup's short meaning (with the phrase the word is in), gender, plural."""
    meaning = short_meaning(result)
    if result.phrases:  # the phrase the word belongs to in this sentence
        phrase = result.phrases[0]
        english = "; ".join(phrase.english.split("; ")[:2])
        meaning = f"{meaning}; here in “{phrase.phrase}”: {english}".lstrip("; ")
    if not meaning:
        return None
    gender = next((sense.gender for sense in result.senses if sense.gender), None)
    plural = None
    if result.found_by != "compound":  # the head's plural is not the compound's
        plural = next((sense.plural for sense in result.senses if sense.plural), None)
    return WordInfo(meaning=meaning, gender=gender or "", plural=plural or "")


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
    vocabulary = Vocabulary(store)
    with glossary_sources() as (term_hits, word_info, glossary_version, dictionary):
        sources = SheetSources(
            english=english,
            lemmas=sentence_lemmas,
            term_hits=term_hits,
            word_info=word_info,
            statuses=vocabulary.statuses(),
            looked_up=vocabulary.looked_up_lemmas(),
            lookup_sentences=vocabulary.lookup_sentences(),
            model_id=model_id,
            glossary_version=glossary_version,
            dictionary=dictionary,
        )
        return build_study_sheet(document, sources, (first, last))
