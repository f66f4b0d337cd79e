"""What Lesepult knows about one text: its front matter, its size and the reader's progress.

:func:`text_details` is cheap (front matter and the stored position) and is shown at once;
:func:`text_counts` segments the whole text and tags it with HanTa, so the app runs it in a
worker and the CLI waits for it. Progress counts distinct lemmas of the text's words by the
reader's status (a lemma without one is new), the way the reading view colours them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass

from reader.core.text import Document, Sentence
from reader.export.sheet import counted
from reader.store import Store
from reader.vocabulary import Vocabulary
from reader.word_status import LEARNING_STATUSES

AUTHOR_KEYS = ("author", "authors", "autor", "by")
LICENCE_KEYS = ("licence", "license", "lizenz", "rights")


@dataclass(frozen=True)
class TextDetails:
    """A text's front matter and where the reader is in it."""

    text_id: str
    """The text's content hash."""
    title: str
    """Its title."""
    source: str
    """Where it comes from ("" when the front matter does not say)."""
    date: str
    """Its date as written ("" when unknown)."""
    url: str
    """Where it was published ("" when unknown)."""
    author: str
    """Its author (front matter ``author``), "" when unknown."""
    licence: str
    """Its licence (front matter ``licence`` or ``license``), "" when unknown."""
    language: str
    """Its language code."""
    path: str
    """The file it was read from ("" for standard input)."""
    other: tuple[tuple[str, str], ...]
    """Any other front matter fields."""
    paragraphs: int
    """Blocks as the reading view numbers them (title and headings included)."""
    headings: int
    """Of those, the title and headings."""
    last_opened: float | None
    """Unix time the reader last opened it, None when never."""
    position: tuple[int, int] | None
    """(block, sentence) where the reader left it, None when never opened."""


@dataclass(frozen=True)
class TextCounts:
    """The size of a text and the reader's progress in it."""

    sentences: int
    """Sentences of the whole text."""
    words: int
    """Running words (not punctuation or numbers)."""
    lemmas: int
    """Distinct lemmas of those words."""
    known: int
    """Distinct lemmas the reader knows."""
    learning: int
    """Distinct lemmas at a learning level (1 to 4)."""
    ignored: int
    """Distinct lemmas the reader ignores."""
    new: int
    """Distinct lemmas without a status."""
    known_words: int
    """Running words whose lemma is known or ignored (what a reader need not look up)."""


def text_details(document: Document, store: Store) -> TextDetails:
    """The front matter of ``document`` and the reader's stored position in it."""
    metadata = document.metadata
    extra = dict(metadata.extra)
    author = next((extra[key] for key in AUTHOR_KEYS if extra.get(key)), "")
    licence = next((extra[key] for key in LICENCE_KEYS if extra.get(key)), "")
    taken = {*AUTHOR_KEYS, *LICENCE_KEYS}
    position = store.position(document.text_id)
    return TextDetails(
        text_id=document.text_id,
        title=metadata.title,
        source=metadata.source,
        date=metadata.date,
        url=metadata.url,
        author=author,
        licence=licence,
        language=metadata.language,
        path=str(document.path) if document.path else "",
        other=tuple((key, value) for key, value in metadata.extra if key not in taken),
        paragraphs=len(document.blocks),
        headings=sum(1 for block in document.blocks if block.kind in {"title", "heading"}),
        last_opened=position.last_opened if position else None,
        position=(position.block, position.sentence) if position else None,
    )


def text_counts(
    document: Document,
    vocabulary: Vocabulary,
    lemmas_of: Callable[[Sentence], Sequence[str]] | None = None,
    cancelled: Callable[[], bool] = lambda: False,
) -> TextCounts | None:
    """Sentences, words and progress of the whole text; None when ``cancelled()`` says so.

    ``lemmas_of`` gives one lemma per token (default: HanTa in context, as the reading view).
    """
    if lemmas_of is None:
        from glossary.lemmas import sentence_lemmas

        lemmas_of = sentence_lemmas
    sentences = 0
    running: Counter[str] = Counter()
    for block in document.blocks:
        if cancelled():
            return None
        # Not kept: counting a whole novel must not hold every block's tokens (issue 11, bug 8).
        for sentence in document.sentences_unkept(block.index):
            sentences += 1
            for token, lemma in zip(sentence.tokens, lemmas_of(sentence), strict=True):
                if token.is_word:
                    running[lemma] += 1
    statuses = vocabulary.statuses(running)
    by_status: Counter[str] = Counter(statuses.get(lemma, "new") for lemma in running)
    known_words = sum(
        count for lemma, count in running.items() if statuses.get(lemma) in {"known", "ignored"}
    )
    return TextCounts(
        sentences=sentences,
        words=sum(running.values()),
        lemmas=len(running),
        known=by_status["known"],
        learning=sum(by_status[level] for level in LEARNING_STATUSES),
        ignored=by_status["ignored"],
        new=by_status["new"],
        known_words=known_words,
    )


def info_lines(details: TextDetails, counts: TextCounts | None) -> list[tuple[str, str]]:
    """(label, value) rows for people: the fields that are set, then the counts."""
    rows = [
        ("Title", details.title),
        ("Source", details.source),
        ("Date", details.date),
        ("URL", details.url),
        ("Author", details.author),
        ("Licence", details.licence),
        ("Language", details.language),
        ("File", details.path or "(standard input)"),
        *((key.capitalize(), value) for key, value in details.other),
    ]
    rows = [(label, value) for label, value in rows if value]
    size = f"{details.paragraphs} ({details.headings} title or headings)"
    rows.append(("Paragraphs", size))
    if details.position is not None:
        block, sentence = details.position
        rows.append(("Position", f"paragraph {block + 1}, sentence {sentence + 1}"))
    if counts is None:
        return rows
    share = round(100 * counts.known_words / counts.words) if counts.words else 0
    rows += [
        ("Sentences", str(counts.sentences)),
        ("Words", f"{counts.words} ({counts.lemmas} different lemmas)"),
        (
            "Known",
            f"{counted(counts.known, 'lemma')} ({share}% of the running words known or ignored)",
        ),
        ("Learning", counted(counts.learning, "lemma")),
        ("New", counted(counts.new, "lemma")),
        ("Ignored", counted(counts.ignored, "lemma")),
    ]
    return rows
