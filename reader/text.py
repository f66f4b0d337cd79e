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
from typing import Any, Literal

BlockKind = Literal["title", "teaser", "heading", "paragraph"]

# "BERLIN taz |", "MOSKAU dpa |", "KYJIW/BERLIN taz |": agency datelines at a paragraph's start.
DATELINE = re.compile(r"^[A-ZÄÖÜ][A-ZÄÖÜ/\- ]+[A-ZÄÖÜ](?: [a-zA-Z]{2,5})? \| ")
SENTENCE_END = (".", "!", "?", "…", ":", ";", "“", '"', "»", "«", ")")


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
            raw_sentences = list(self._tokenizer.tokenize_text([block.text]))
        sentences: list[Sentence] = []
        for raw in raw_sentences:
            tokens = tuple(
                Token(
                    text=block.text[token.character_offset[0] : token.character_offset[1]],
                    start=block.start + token.character_offset[0],
                    end=block.start + token.character_offset[1],
                    kind=token.token_class,
                )
                for token in raw
            )
            if not tokens:
                continue
            start, end = tokens[0].start, tokens[-1].end
            text = block.text[start - block.start : end - block.start]
            sentences.append(Sentence(block.index, len(sentences), start, end, text, tokens))
        return tuple(sentences)


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


class TextLoadError(Exception):
    """A text cannot be read; the message is one line for the user."""


FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*\n", re.DOTALL | re.MULTILINE)


def read_text_file(path: Path, encoding: str | None = None) -> str:
    """Read a text file, with one-line reasons for everything that can go wrong."""
    if not path.exists():
        raise TextLoadError(f"{path}: no such file")
    if path.is_dir():
        raise TextLoadError(f"{path}: is a directory; give a .txt or .md file")
    try:
        data = path.read_bytes()
    except OSError as error:
        raise TextLoadError(f"{path}: cannot be read ({error.strerror})") from error
    return decode_text(data, str(path), encoding)


def decode_text(data: bytes, name: str, encoding: str | None = None) -> str:
    """Decode bytes as a text, refusing binary data and naming a likely encoding."""
    if b"\x00" in data[:65536]:
        raise TextLoadError(f"{name}: looks like a binary file, not a text")
    if encoding:
        try:
            text = data.decode(encoding)
        except (UnicodeDecodeError, LookupError) as error:
            raise TextLoadError(f"{name}: cannot be decoded as {encoding}: {error}") from error
    else:
        try:
            text = data.decode("utf-8-sig")
        except UnicodeDecodeError as error:
            for candidate in ("cp1252", "latin-1"):
                try:
                    data.decode(candidate)
                except UnicodeDecodeError:
                    continue
                raise TextLoadError(
                    f"{name}: is not UTF-8 (byte {error.start}); it reads as {candidate}:"
                    f" open it with --encoding {candidate}"
                ) from error
            raise TextLoadError(f"{name}: is not UTF-8 text") from error
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    control = sum(1 for c in text[:65536] if ord(c) < 32 and c not in "\n\r\t\f")
    if control > 8:
        raise TextLoadError(f"{name}: looks like a binary file, not a text")
    if not text.strip():
        raise TextLoadError(f"{name}: is empty")
    return text


def parse_front_matter(text: str, name: str) -> tuple[dict[str, Any], str]:
    """Split YAML front matter from the body; a broken front matter is a load error."""
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    import yaml

    try:
        loaded = yaml.safe_load(match.group(1))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        where = f" (line {mark.line + 2})" if mark is not None else ""
        problem = getattr(error, "problem", None) or "cannot be parsed"
        raise TextLoadError(
            f"{name}: the front matter is not valid YAML{where}: {problem}"
        ) from error
    if loaded is None:
        loaded = {}
    if not isinstance(loaded, dict):
        raise TextLoadError(f"{name}: the front matter must be a mapping of keys to values")
    return loaded, text[match.end() :]


def _paragraph_spans(body: str) -> Iterator[tuple[int, int]]:
    """Start and end offsets of the blank-line separated paragraphs of ``body``."""
    for match in re.finditer(r"\S(?:.*?\S)?(?=\s*?\n[ \t]*\n|\s*\Z)", body, re.DOTALL):
        yield match.start(), match.end()


def _looks_like_heading(text: str) -> bool:
    return (
        "\n" not in text
        and len(text) <= 80
        and len(text.split()) <= 10
        and not text.rstrip().endswith(SENTENCE_END)
    )


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
    spans = list(_paragraph_spans(source))
    if not spans:
        raise TextLoadError(f"{name}: has no text after its front matter")
    markdown = path is None or path.suffix.lower() in {".md", ".markdown"}
    blocks: list[Block] = []
    for number, (start, end) in enumerate(spans):
        raw = source[start:end]
        kind: BlockKind = "paragraph"
        heading = re.match(r"(#{1,6})[ \t]+", raw) if markdown else None
        if heading:
            kind = "title" if len(heading.group(1)) == 1 and not blocks else "heading"
            start += heading.end()
        elif number == 0 and (prefix or _looks_like_heading(raw)):
            kind = "title"
        elif blocks and _looks_like_heading(raw):
            kind = "heading"
        dateline = DATELINE.match(source[start:end])
        blocks.append(
            Block(
                index=len(blocks),
                kind=kind,
                start=start,
                end=end,
                text=source[start:end],
                dateline_length=dateline.end() if dateline and kind == "paragraph" else 0,
            )
        )
    _mark_teaser(blocks, bool(front.get("teaser", False)))
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


def _mark_teaser(blocks: list[Block], declared: bool) -> None:
    if not blocks or blocks[0].kind != "title" or len(blocks) < 3:
        return
    candidate = blocks[1]
    if candidate.kind != "paragraph" or candidate.dateline_length:
        return
    if declared or blocks[2].dateline_length:
        blocks[1] = Block(
            candidate.index, "teaser", candidate.start, candidate.end, candidate.text, 0
        )


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
    """Where the reference translation of ``document`` is, if it has one."""
    if document.path is None:
        return None
    if document.metadata.reference:
        return document.path.parent / document.metadata.reference
    candidate = document.path.with_name(document.path.stem + ".en.md")
    return candidate if candidate.exists() else None


def load_reference(document: Document) -> ReferenceTranslation | None:
    """The curated English reference translation, or None when the text has none.

    The file has the same blocks as the German, separated by blank lines, with one line per
    German sentence (so the cursor highlights sentence pairs). A reference whose block count
    differs is refused with a :class:`TextLoadError`.
    """
    path = reference_path(document)
    if path is None:
        return None
    _, body = parse_front_matter(read_text_file(path), str(path))
    paragraphs = [body[start:end] for start, end in _paragraph_spans(body)]
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
