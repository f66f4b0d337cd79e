"""The text model: a German text as blocks, sentences and tokens with character offsets.

A :class:`Document` is a sequence of :class:`Block` s (title, teaser, heading, paragraph).
Each block is split into :class:`Sentence` s of :class:`Token` s by SoMaJo, lazily and once:
a novel opens at once and only the paragraphs that are looked at get segmented. All offsets
point into :attr:`Document.source`, so the original spacing and punctuation are never lost.
Everything else (UI, translation, glossary matching, export) reads this model; nothing
re-splits text elsewhere.
"""

from __future__ import annotations

import hashlib
import re
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from reader.core.display import blank_shown_controls
from reader.core.frontmatter import parse_front_matter
from reader.core.structure import (
    BlockKind,
    is_footnote_marker,
    layout_blocks,
    paragraph_spans,
)
from reader.core.textfile import (
    TextLoadError,
    clean_text,
    decode_text,
    read_bounded,
    read_text_file,
)

__all__ = [
    "Block",
    "BlockKind",
    "Document",
    "ReferenceTranslation",
    "Segmenter",
    "Sentence",
    "TextLoadError",
    "TextMetadata",
    "Token",
    "decode_text",
    "load_document",
    "load_reference",
    "parse_document",
    "parse_front_matter",
    "read_text_file",
    "reference_path",
]

MAX_REFERENCE_BYTES = 8 * 1024 * 1024
"""The largest reference translation read."""


@dataclass(frozen=True)
class Token:
    """One token of a sentence."""

    text: str
    """The token as written."""
    start: int
    """Offset of its first character in :attr:`Document.source`."""
    end: int
    """Offset just past its last character."""
    kind: str
    """SoMaJo's token class (``regular``, ``symbol``, ``number``, ``ordinal``, ...)."""

    @property
    def is_word(self) -> bool:
        """Whether the token is a word one can look up (not punctuation or a number)."""
        return self.kind in {"regular", "abbreviation"} and any(c.isalpha() for c in self.text)


@dataclass(frozen=True)
class Sentence:
    """One sentence of a block."""

    block: int
    """Index of its block in the document."""
    index: int
    """Its index within the block."""
    start: int
    """Offset of its first character in :attr:`Document.source`."""
    end: int
    """Offset just past its last character."""
    text: str
    """The sentence exactly as written (original spacing)."""
    tokens: tuple[Token, ...]
    """Its tokens, in order."""

    @property
    def words(self) -> tuple[Token, ...]:
        """The tokens that are words."""
        return tuple(token for token in self.tokens if token.is_word)


@dataclass(frozen=True)
class Block:
    """A title, teaser, heading or paragraph."""

    index: int
    """Its position in the document."""
    kind: BlockKind
    """What the block is."""
    start: int
    """Offset of its first character in :attr:`Document.source`."""
    end: int
    """Offset just past its last character."""
    text: str
    """The block's text exactly as written."""
    dateline_length: int = 0
    """Length of a leading dateline ("BERLIN taz | "), 0 if there is none."""


@dataclass(frozen=True)
class TextMetadata:
    """What the front matter (or the file name) says about a text."""

    title: str
    """The text's title."""
    source: str = ""
    """Where it comes from ("taz")."""
    date: str = ""
    """Its date as given ("2022-12")."""
    language: str = "de"
    """Its language code."""
    url: str = ""
    """Where it was published, if known."""
    reference: str = ""
    """File name of the curated English reference translation, relative to the text."""
    extra: tuple[tuple[str, str], ...] = ()
    """Any other front matter keys, as strings."""


class Segmenter:
    """Splits blocks into sentences and tokens with SoMaJo; thread-safe, loaded lazily."""

    _shared: Segmenter | None = None
    _shared_lock = threading.Lock()

    def __init__(self) -> None:
        self._tokenizer: Any = None
        self._lock = threading.Lock()

    @classmethod
    def shared(cls) -> Segmenter:
        """The process-wide segmenter (SoMaJo's model loads once)."""
        with cls._shared_lock:
            if cls._shared is None:
                cls._shared = cls()
            return cls._shared

    def split(self, block: Block) -> tuple[Sentence, ...]:
        """The sentences of ``block``, offsets into the document source."""
        with self._lock:
            if self._tokenizer is None:
                from somajo import SoMaJo

                self._tokenizer = SoMaJo("de_CMC", split_camel_case=False, character_offsets=True)
            raw_sentences = list(self._tokenizer.tokenize_text([blank_shown_controls(block.text)]))
        groups = [
            [
                Token(
                    text=block.text[token.character_offset[0] : token.character_offset[1]],
                    start=block.start + token.character_offset[0],
                    end=block.start + token.character_offset[1],
                    kind=token.token_class,
                )
                for token in raw
            ]
            for raw in raw_sentences
        ]
        sentences: list[Sentence] = []
        for tokens in _join_footnote_markers([group for group in groups if group]):
            start, end = tokens[0].start, tokens[-1].end
            text = block.text[start - block.start : end - block.start]
            sentences.append(Sentence(block.index, len(sentences), start, end, text, tuple(tokens)))
        return tuple(sentences)


def _marker_length(tokens: list[Token], index: int) -> int:
    """How many tokens from ``index`` form a footnote marker ("[1]" is three), 0 if none."""
    if index < len(tokens) and is_footnote_marker(tokens[index].text):
        return 1
    three = tokens[index : index + 3]
    if (
        len(three) == 3
        and is_footnote_marker("".join(token.text for token in three))
        and three[0].end == three[1].start
        and three[1].end == three[2].start
    ):
        return 3
    return 0


def _join_footnote_markers(groups: list[list[Token]]) -> list[list[Token]]:
    """Give footnote markers SoMaJo put at a sentence's start ("[1] Dann ...") back to the
    sentence before, on the same line. A block that opens with a marker is a list of notes
    ("[1] Müller 2003."), where the markers stay where they are."""
    if not groups or _marker_length(groups[0], 0):
        return groups
    result: list[list[Token]] = []
    for tokens in groups:
        lead = 0
        while (length := _marker_length(tokens, lead)) > 0:
            lead += length
        if result and lead and tokens[0].start - result[-1][-1].end <= 1:
            result[-1] = result[-1] + tokens[:lead]
            tokens = tokens[lead:]
        if tokens:
            result.append(tokens)
    return result


@dataclass(frozen=True)
class Document:
    """A German text: its source, metadata and blocks, with sentences segmented on demand."""

    source: str
    """The text the offsets point into (the body; a front-matter title is put before it)."""
    metadata: TextMetadata
    """Title, source, date and the like."""
    blocks: tuple[Block, ...]
    """The blocks in reading order."""
    path: Path | None = None
    """The file it was read from; None for standard input."""
    _cache: dict[int, tuple[Sentence, ...]] = field(default_factory=dict, compare=False, repr=False)
    _segmenter: Segmenter = field(default_factory=Segmenter.shared, compare=False, repr=False)

    @property
    def text_id(self) -> str:
        """A stable id: the hash of the source, so positions survive moving the file."""
        return hashlib.sha256(self.source.encode("utf-8")).hexdigest()[:16]

    @property
    def title(self) -> str:
        """The title shown in lists and the status bar."""
        return self.metadata.title

    def sentences(self, block_index: int) -> tuple[Sentence, ...]:
        """The sentences of one block (segmented on first use, then cached)."""
        cached = self._cache.get(block_index)
        if cached is None:
            cached = self._segmenter.split(self.blocks[block_index])
            self._cache[block_index] = cached
        return cached

    def sentences_unkept(self, block_index: int) -> tuple[Sentence, ...]:
        """The sentences of one block, from the cache or split afresh without keeping them
        (a background pass over a whole long text must not hold every token)."""
        cached = self._cache.get(block_index)
        return cached if cached is not None else self._segmenter.split(self.blocks[block_index])

    def segmented(self, block_index: int) -> tuple[Sentence, ...] | None:
        """The sentences of a block if it is segmented already, else None (never segments)."""
        return self._cache.get(block_index)

    def segmented_blocks(self) -> list[int]:
        """The indexes of the blocks segmented so far (by any thread), never segmenting."""
        return list(self._cache)

    def all_sentences(self) -> Iterator[Sentence]:
        """Every sentence of the text in reading order (segments what is not yet segmented)."""
        for block in self.blocks:
            yield from self.sentences(block.index)

    @property
    def paragraph_count(self) -> int:
        """How many blocks the text has."""
        return len(self.blocks)


def parse_document(
    text: str, name: str, path: Path | None = None, default_title: str | None = None
) -> Document:
    """Build a :class:`Document` from a text with optional front matter.

    Markdown ``# `` marks the title and ``##`` a heading. Without such marks a short first
    line without final punctuation is the title, and later short lines are headings. A
    paragraph between the title and a paragraph that opens with a dateline is the teaser
    (or, with ``teaser: true`` in the front matter, the first paragraph after the title).
    """
    front, body = parse_front_matter(text, name)
    front_title = str(front.get("title", "")).strip()
    prefix = ""
    if front_title and not re.search(r"^# ", body, re.MULTILINE):
        prefix = front_title + "\n\n"
    source = prefix + body
    markdown = path is None or path.suffix.lower() in {".md", ".markdown"}
    layout = layout_blocks(source, markdown, bool(prefix), front.get("teaser") is True)
    if not layout:
        raise TextLoadError(f"{name}: has no text after its front matter")
    blocks = [
        Block(index, kind, start, end, source[start:end], dateline)
        for index, (kind, start, end, dateline) in enumerate(layout)
    ]
    title = (
        front_title
        or next((b.text for b in blocks if b.kind == "title"), "")
        or (default_title or (path.stem if path else "Untitled"))
    )
    known = {"title", "source", "date", "language", "url", "reference", "teaser"}
    metadata = TextMetadata(
        title=title,
        source=str(front.get("source", "")),
        date=str(front.get("date", "")),
        language=str(front.get("language", "de")),
        url=str(front.get("url", "")),
        reference=str(front.get("reference", "")),
        extra=tuple(sorted((str(k), str(v)) for k, v in front.items() if k not in known)),
    )
    return Document(source=source, metadata=metadata, blocks=tuple(blocks), path=path)


def load_document(path: Path, encoding: str | None = None) -> Document:
    """Read and parse a German ``.txt`` or ``.md`` file."""
    text = read_text_file(path, encoding)
    return parse_document(text, str(path), path=path.resolve())


@dataclass(frozen=True)
class ReferenceTranslation:
    """A curated English translation, aligned with the German blocks."""

    blocks: tuple[tuple[str, ...], ...]
    """Per German block, its English sentences (one per German sentence when aligned)."""
    path: Path
    """The file it was read from."""


def reference_path(document: Document) -> Path | None:
    """Where the reference translation of ``document`` is, if it has one.

    ``reference:`` comes from the text, so it may only name a file in the text's folder or
    below it, after symlinks are resolved; anything else is a :class:`TextLoadError`.
    """
    if document.path is None:
        return None
    folder = document.path.parent.resolve()
    named = document.metadata.reference.strip()
    if named:
        if Path(named).is_absolute() or named.startswith("~"):
            raise TextLoadError(
                f"{document.path}: front matter 'reference' must name a file beside the text,"
                f" not the absolute path {named}"
            )
        candidate = (folder / named).resolve()
        if not candidate.is_relative_to(folder) or candidate == folder:
            raise TextLoadError(
                f"{document.path}: front matter 'reference' ({named}) points outside the"
                " text's folder; it must name a file beside the text"
            )
        return candidate
    candidate = document.path.with_name(document.path.stem + ".en.md")
    if not candidate.exists() or not candidate.resolve().is_relative_to(folder):
        return None
    return candidate


def load_reference(document: Document) -> ReferenceTranslation | None:
    """The curated English reference translation, or None when the text has none.

    The file has the same blocks as the German, separated by blank lines, with one line per
    German sentence (so the cursor highlights sentence pairs). A reference whose block count
    differs is refused with a :class:`TextLoadError`.
    """
    path = reference_path(document)
    if path is None:
        return None
    data = read_bounded(path, MAX_REFERENCE_BYTES, regular_only=True)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise TextLoadError(f"{path}: the reference is not UTF-8 (byte {error.start})") from None
    _, body = parse_front_matter(clean_text(text, str(path)), str(path))
    paragraphs = [body[start:end] for start, end in paragraph_spans(body)]
    if len(paragraphs) != len(document.blocks):
        raise TextLoadError(
            f"{path}: has {len(paragraphs)} blocks but the German text has"
            f" {len(document.blocks)}; the reference must be aligned block by block"
        )
    blocks = tuple(
        tuple(line.strip().lstrip("#").strip() for line in paragraph.splitlines() if line.strip())
        for paragraph in paragraphs
    )
    return ReferenceTranslation(blocks=blocks, path=path)
