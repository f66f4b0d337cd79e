"""Bring your own text: web pages and EPUB books become Markdown texts in the reader's library.

:func:`import_source` is the one entry point: given what the user named on the command line
(a URL, a saved ``.html`` page, an ``.epub`` book) it returns the path of a Markdown text in
Lesepult's library (``<data dir>/library``), converting it on first use. The file name is a
hash of the URL or of the file's bytes, never anything taken from the page, so reopening finds
the same file without the network and the position (keyed by the text's content hash) is kept.
Anything else (``.txt``, ``.md``, a bundled name) gives None and is read as before.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import yaml

from reader.core.atomic import atomic_write_text
from reader.core.paths import data_dir
from reader.core.text import TextLoadError

ImportedKind = Literal["heading", "paragraph"]
URL_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*)://")
WEB_SUFFIXES = {".html", ".htm", ".xhtml"}
EPUB_SUFFIXES = {".epub"}
MAX_FILE_BYTES = 100 * 1024 * 1024
"""The largest ``.html`` or ``.epub`` file read at all (a web page is bounded lower)."""
# C0/C1 controls (tab and newline are whitespace below), and bidi overrides: never stored.
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u202a-\u202e\u2066-\u2069]")
_HEADING_MARK = re.compile(r"^#{1,6}(?=[ \t])")


@dataclass(frozen=True)
class ImportedBlock:
    """One heading or paragraph of an imported text, before it becomes Markdown."""

    kind: ImportedKind
    """A heading (chapter title, section) or a paragraph."""
    text: str
    """Its text (cleaned on writing)."""


def library_dir() -> Path:
    """Where imported texts are kept: ``<data dir>/library``."""
    return data_dir() / "library"


def clean(text: str) -> str:
    """Text on one line: control characters dropped, runs of whitespace made one space."""
    return " ".join(_CONTROL.sub(" ", text).split())


def to_markdown(
    title: str, blocks: Iterable[ImportedBlock], front: Mapping[str, str], teaser: str = ""
) -> str:
    """The project's text format: YAML front matter, ``# title``, ``## headings``, paragraphs."""
    title = clean(title) or "Untitled"
    parts = [f"# {title}"]
    matter = {"title": title, **{k: clean(v) for k, v in front.items() if clean(v)}}
    teaser = clean(teaser)
    if teaser:
        parts.append(_escaped(teaser))
        matter["teaser"] = True  # type: ignore[assignment]
    count = 0
    for block in blocks:
        text = clean(block.text)
        if not text:
            continue
        count += 1
        parts.append(f"## {text}" if block.kind == "heading" else _escaped(text))
    if not count and not teaser:
        raise TextLoadError("no text found")
    matter.setdefault("language", "de")
    header = yaml.safe_dump(matter, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{header}---\n\n" + "\n\n".join(parts) + "\n"


def _escaped(paragraph: str) -> str:
    # A paragraph that opens with "# " would be read as a heading; the marks are not text.
    return _HEADING_MARK.sub("", paragraph).strip() or paragraph


def _store(name: str, markdown: str) -> Path:
    path = library_dir() / name
    atomic_write_text(path, markdown)
    return path


def is_url(name: str) -> bool:
    """Whether ``name`` looks like a URL of any scheme (``x://``)."""
    return bool(URL_SCHEME.match(name.strip()))


def _digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()[:20]


def _read_bounded(path: Path) -> bytes:
    if not path.exists():
        raise TextLoadError(f"{path}: no such file")
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise TextLoadError(f"{path}: is larger than {MAX_FILE_BYTES // 2**20} MB")
        return path.read_bytes()
    except OSError as error:
        raise TextLoadError(f"{path}: cannot be read ({error.strerror})") from error


def import_source(name: str) -> Path | None:
    """The library text for a URL, ``.html`` or ``.epub`` (converted once), else None.

    Raises :class:`~reader.core.text.TextLoadError` with one line for anything that goes wrong.
    """
    if is_url(name):
        from reader.importing.web import import_url

        return import_url(name.strip())
    path = Path(name).expanduser()
    suffix = path.suffix.lower()
    if suffix not in WEB_SUFFIXES | EPUB_SUFFIXES:
        return None
    data = _read_bounded(path)
    kind = "epub" if suffix in EPUB_SUFFIXES else "html"
    target = library_dir() / f"{kind}-{_digest(data)}.md"
    if target.exists():
        return target
    try:
        if kind == "epub":
            from reader.importing.epub import epub_to_markdown

            markdown = epub_to_markdown(data)
        else:
            from reader.importing.web import html_to_markdown

            markdown = html_to_markdown(data, source_file=path.name)
    except TextLoadError as error:
        raise TextLoadError(f"{path}: {error}") from error
    return _store(target.name, markdown)
