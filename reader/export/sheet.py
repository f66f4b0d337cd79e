"""The study sheet model and its builder: what every export format renders.

A :class:`StudySheet` holds, per paragraph, the German, its English, the glossary terms of the
paragraph as numbered notes and the reader's vocabulary seen there, plus a stamp (text,
translation source, glossary version, date). The builder takes its inputs as callables and
plain data (:class:`SheetSources`), so it does not depend on how translations, glossary
matches or lemmas are produced; :mod:`reader.export.sources` wires the real ones.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from typing import Literal

from reader import __version__
from reader.core.text import Block, Document, Sentence

# Re-exported: the range and time are the sheet's options, and the inputs are the builder's,
# named from here by importers.
from reader.export.options import parse_paragraph_range as parse_paragraph_range
from reader.export.options import sheet_time as sheet_time
from reader.export.sheet_inputs import SheetEnglish as SheetEnglish
from reader.export.sheet_inputs import SheetSources as SheetSources
from reader.export.sheet_inputs import TermHit as TermHit
from reader.export.sheet_inputs import WordInfo as WordInfo

TranslationChoice = Literal["machine", "reference", "edited", "best"]
TRANSLATION_CHOICES: tuple[str, ...] = ("machine", "reference", "edited", "best")
NO_TRANSLATION = "[no translation]"


@dataclass(frozen=True)
class SheetNote:
    """A numbered glossary note under a paragraph."""

    number: int
    """Its number on the sheet (1, 2, ...)."""
    term: str
    """The glossary term."""
    kind: str
    """Its kind."""
    rendering: str
    """Its first English rendering."""
    explanation: str
    """The explanation."""
    gender: str
    """m, f, n or ""."""
    plural: str
    """The plural or ""."""
    sentence: str
    """The German sentence it was first found in."""
    highlight: tuple[int, int]
    """Start and end of the matched text within ``sentence``."""


@dataclass(frozen=True)
class SheetWord:
    """A word of the reader's vocabulary seen in a paragraph."""

    lemma: str
    """Its base form."""
    word: str
    """The form in the text."""
    status: str
    """The reader's status (new, 1-4)."""
    meaning: str
    """A short English meaning ("" when unknown)."""
    gender: str
    """m, f, n or ""."""
    plural: str
    """The plural or ""."""
    sentence: str
    """The German sentence it appears in."""
    highlight: tuple[int, int]
    """Start and end of the word within ``sentence``."""
    note: int | None = None
    """The number of the glossary note an earlier paragraph gave for it, if any."""


@dataclass(frozen=True)
class SheetParagraph:
    """One block of the text with its English, notes and vocabulary."""

    number: int
    """Its 1-based block number in the text."""
    kind: str
    """title, teaser, heading or paragraph."""
    german: str
    """The German exactly as written."""
    english: str
    """The English sentences joined; missing ones are marked :data:`NO_TRANSLATION`."""
    notes: tuple[SheetNote, ...]
    """Glossary notes first found in this paragraph."""
    words: tuple[SheetWord, ...]
    """Vocabulary the reader looked up or is learning, first found in this paragraph.

    A word whose glossary note stands under this paragraph is left to that note; one whose
    note an earlier paragraph gave is listed (with the note's number) where the reader looked
    it up again.
    """


@dataclass(frozen=True)
class StudySheet:
    """A text's study sheet, ready for any export format."""

    title: str
    """The text's title."""
    text_id: str
    """The text's content hash."""
    text_name: str
    """The text's file stem (used for tags and deck names), or the text id."""
    origin: str
    """Where the text comes from ("taz, 2022-12"), or ""."""
    translation_source: str
    """What the English is: the model code and version, reference, edited, or a mix."""
    glossary_version: str
    """The glossary version(s) of the notes ("" when no glossary was used)."""
    dictionary: str
    """The dictionary vocabulary meanings also come from ("" when none was installed)."""
    date: str
    """The sheet's date as YYYY-MM-DD (from SOURCE_DATE_EPOCH when set)."""
    timestamp: int
    """The sheet's time as Unix seconds (SOURCE_DATE_EPOCH when set)."""
    paragraph_range: tuple[int, int]
    """First and last block number exported (1-based, inclusive)."""
    paragraph_total: int
    """How many blocks the text has."""
    generator: str
    """The program that made it ("Lesepult 0.1.0")."""
    paragraphs: tuple[SheetParagraph, ...]
    """The exported blocks in order."""

    @property
    def notes(self) -> tuple[SheetNote, ...]:
        """Every glossary note in order."""
        return tuple(note for paragraph in self.paragraphs for note in paragraph.notes)

    @property
    def words(self) -> tuple[SheetWord, ...]:
        """Every vocabulary word in order."""
        return tuple(word for paragraph in self.paragraphs for word in paragraph.words)

    @property
    def summary(self) -> str:
        """What the sheet holds, in one line ("...; 2 glossary notes, 1 vocabulary word")."""
        return (
            f"{self.translation_source}; {counted(len(self.notes), 'glossary note')},"
            f" {counted(len(self.words), 'vocabulary word')}"
        )

    @property
    def meanings_from(self) -> str:
        """Where the vocabulary meanings come from, for the sheet's stamp."""
        if self.dictionary:
            return f"glossary, then {self.dictionary}"
        return "glossary only (no dictionary installed)"

    @property
    def missing_meaning(self) -> str:
        """What a word without a meaning says instead (true with or without a dictionary)."""
        return "no meaning found" if self.dictionary else "not in the glossary"


def counted(count: int, noun: str, plural: str | None = None) -> str:
    """``1 word``, ``2 words``: a count with its noun in the right number."""
    return f"{count} {noun if count == 1 else plural or noun + 's'}"


def describe_translation_source(origins: Mapping[str, int], model_id: str | None) -> str:
    """A stamp line saying where the English came from, with sentence counts for a mix."""
    labels = {
        "machine": f"machine translation ({model_id})" if model_id else "machine translation",
        "edited": "edited by the reader",
        "reference": "curated reference translation",
        "none": "no translation",
    }
    used = [origin for origin in ("machine", "edited", "reference", "none") if origins.get(origin)]
    if not used:
        return labels["none"]
    if len(used) == 1:
        return labels[used[0]]
    return "; ".join(
        f"{labels[origin]}: {origins[origin]} sentence{'s' if origins[origin] != 1 else ''}"
        for origin in used
    )


def build_study_sheet(
    document: Document,
    sources: SheetSources,
    paragraph_range: tuple[int, int] | None = None,
    timestamp: int | None = None,
) -> StudySheet:
    """Gather the paragraphs, English, glossary notes and vocabulary of a text into a sheet."""
    first, last = paragraph_range or (1, len(document.blocks))
    when = sheet_time() if timestamp is None else timestamp
    gathering = _Gathering(document, sources)
    paragraphs = tuple(gathering.paragraph(block) for block in document.blocks[first - 1 : last])
    origin = ", ".join(part for part in (document.metadata.source, document.metadata.date) if part)
    return StudySheet(
        title=document.title,
        text_id=document.text_id,
        text_name=document.path.stem if document.path else document.text_id,
        origin=origin,
        translation_source=describe_translation_source(gathering.origins, sources.model_id),
        glossary_version=sources.glossary_version,
        dictionary=sources.dictionary,
        date=datetime.fromtimestamp(when, UTC).strftime("%Y-%m-%d"),
        timestamp=when,
        paragraph_range=(first, last),
        paragraph_total=len(document.blocks),
        generator=f"Lesepult {__version__}",
        paragraphs=paragraphs,
    )


class _Gathering:
    """What :func:`build_study_sheet` carries from paragraph to paragraph while it builds.

    Notes are numbered across the sheet and each term gets one note; each lemma is listed
    once; the origins of the English are counted for the stamp.
    """

    def __init__(self, document: Document, sources: SheetSources) -> None:
        self.document = document
        self.sources = sources
        self.origins: dict[str, int] = {}
        self.noted_terms: set[tuple[str, str]] = set()
        self.note_of_term: dict[str, SheetNote] = {}
        self.listed_lemmas: set[str] = set()
        self.note_number = 0

    def paragraph(self, block: Block) -> SheetParagraph:
        """One block's German, English, new notes and words."""
        sentences = self.document.sentences(block.index)
        english_parts: list[str] = []
        notes: list[SheetNote] = []
        for sentence in sentences:
            english_parts.extend(self._english(sentence))
            notes.extend(self._notes(sentence))
        # Words come after all of the paragraph's notes: a word whose note stands under this
        # paragraph is left to it, whichever sentence the note was found in.
        paragraph_notes = {note.number for note in notes}
        words = [word for sentence in sentences for word in self._words(sentence, paragraph_notes)]
        return SheetParagraph(
            number=block.index + 1,
            kind=block.kind,
            german=block.text,
            english=" ".join(english_parts),
            notes=tuple(notes),
            words=tuple(words),
        )

    def _english(self, sentence: Sentence) -> list[str]:
        found = self.sources.english(sentence)
        if found is None:
            self.origins["none"] = self.origins.get("none", 0) + 1
            return [NO_TRANSLATION]
        self.origins[found.origin] = self.origins.get(found.origin, 0) + 1
        # An empty English means a previous sentence's English covers this one
        # (a reference that joins two German sentences into one).
        return [found.english.strip()] if found.english.strip() else []

    def _notes(self, sentence: Sentence) -> list[SheetNote]:
        notes: list[SheetNote] = []
        for hit in sorted(self.sources.term_hits(sentence), key=lambda hit: (hit.start, hit.term)):
            key = (hit.term, hit.kind)
            if key in self.noted_terms:
                continue
            self.noted_terms.add(key)
            self.note_number += 1
            notes.append(
                SheetNote(
                    number=self.note_number,
                    term=hit.term,
                    kind=hit.kind,
                    rendering=hit.rendering,
                    explanation=hit.explanation,
                    gender=hit.gender,
                    plural=hit.plural,
                    sentence=sentence.text,
                    highlight=(hit.start - sentence.start, hit.end - sentence.start),
                )
            )
            self.note_of_term.setdefault(hit.term, notes[-1])
        return notes

    def _words(self, sentence: Sentence, paragraph_notes: set[int]) -> list[SheetWord]:
        words: list[SheetWord] = []
        lemmas = self.sources.lemmas(sentence)
        for token_index, (token, lemma) in enumerate(zip(sentence.tokens, lemmas, strict=False)):
            if not token.is_word or lemma in self.listed_lemmas:
                continue
            status = self.sources.statuses.get(lemma, "new")
            if not self._is_studied(lemma, status):
                continue
            note = self.note_of_term.get(lemma)
            if note is not None and self._left_to_note(note, sentence, lemma, paragraph_notes):
                continue
            self.listed_lemmas.add(lemma)
            info = self._word_info(lemma, sentence, token_index, note)
            words.append(
                SheetWord(
                    lemma=lemma,
                    word=token.text,
                    status=status,
                    meaning=info.meaning,
                    gender=info.gender,
                    plural=info.plural,
                    sentence=sentence.text,
                    highlight=(token.start - sentence.start, token.end - sentence.start),
                    note=note.number if note is not None else None,
                )
            )
        return words

    def _is_studied(self, lemma: str, status: str) -> bool:
        """The reader is learning the word, or looked it up (known and ignored words are not)."""
        if status in {"known", "ignored"}:
            return False
        return status != "new" or lemma in self.sources.looked_up

    def _left_to_note(
        self, note: SheetNote, sentence: Sentence, lemma: str, paragraph_notes: set[int]
    ) -> bool:
        """Its note covers it, unless the reader looked it up here, after the note."""
        return note.number in paragraph_notes or sentence.text not in (
            self.sources.lookup_sentences.get(lemma, ())
        )

    def _word_info(
        self, lemma: str, sentence: Sentence, token_index: int, note: SheetNote | None
    ) -> WordInfo:
        """What the lookup says of the word; an earlier note's rendering and grammar fill gaps."""
        info = self.sources.word_info(lemma, sentence, token_index) or WordInfo("")
        if note is None:
            return info
        return WordInfo(
            info.meaning or note.rendering,
            info.gender or note.gender,
            info.plural or note.plural,
        )
