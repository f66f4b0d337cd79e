"""EPUB books: the chapters in reading order (the spine) as one Markdown text.

EbookLib reads the container, the package and the table of contents; each chapter's XHTML is
walked with lxml (already a dependency of trafilatura) for its headings and paragraphs, which
is fast enough for a 1 MB book (trafilatura would look for one "main text" per chapter and
drop short paragraphs of a novel). Chapter titles come from the table of contents and become
``##`` headings, which the chapter list screen jumps between. Before EbookLib sees the file the
zip is checked: at most :data:`MAX_ENTRIES` entries, at most :data:`MAX_UNCOMPRESSED` bytes
unpacked (zip bombs), and no DRM (an ``encryption.xml`` that encrypts more than fonts, or an
Adobe ``rights.xml``).
"""

from __future__ import annotations

import io
import posixpath
import zipfile
from typing import Any

from lxml import etree

from reader.core.safe_zip import DeclaresTooMuch, TooManyEntries, check_zip_bounds
from reader.core.text import TextLoadError
from reader.importing import ImportedBlock, clean, to_markdown

MAX_ENTRIES = 10_000
"""The most files an EPUB may hold."""
MAX_UNCOMPRESSED = 300 * 1024 * 1024
"""The most bytes its files may unpack to, together."""
# Font obfuscation is allowed by the EPUB standard and hides no text.
FONT_OBFUSCATION = {
    "http://www.idpf.org/2008/embedding",
    "http://ns.adobe.com/pdf/enc#RC",
}
HEADINGS = {"h1", "h2", "h3", "h4", "h5", "h6"}
PARAGRAPHS = {"p", "li", "dt", "dd", "pre", "blockquote", "figcaption", "caption", "td", "th"}
CONTAINERS = {
    "body", "div", "section", "article", "main", "aside", "header", "footer", "ul", "ol", "dl",
    "table", "thead", "tbody", "tr", "figure", "hgroup", "nav", "center",
}  # fmt: skip
SKIPPED = {"script", "style", "head", "title", "svg", "math", "img", "rt", "rp"}


def _local(tag: Any) -> str:
    return etree.QName(tag).localname.lower() if isinstance(tag, str) else ""


def check_container(data: bytes) -> None:
    """Refuse what is not a zip, a zip bomb, or a book with DRM, with one line."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
    except (zipfile.BadZipFile, OSError, ValueError) as error:
        raise TextLoadError("is not an EPUB book (not a zip file)") from error
    except NotImplementedError as error:  # a zip format newer than Python reads
        raise TextLoadError(f"is a zip file Python cannot read ({error})") from error
    with archive:
        try:
            check_zip_bounds(archive, MAX_ENTRIES, MAX_UNCOMPRESSED)
        except TooManyEntries:
            raise TextLoadError(f"holds more than {MAX_ENTRIES} files; refused") from None
        except DeclaresTooMuch:
            raise TextLoadError(
                f"unpacks to more than {MAX_UNCOMPRESSED // 2**20} MB; refused"
            ) from None
        names = {info.filename for info in archive.infolist()}
        if "META-INF/rights.xml" in names:
            raise TextLoadError("is protected by DRM (Adobe rights.xml); it cannot be read")
        if "META-INF/encryption.xml" in names:
            if _encrypts_text(archive.read("META-INF/encryption.xml")):
                raise TextLoadError(
                    "is protected by DRM (its text is encrypted); it cannot be read"
                )
        if "META-INF/container.xml" not in names:
            raise TextLoadError("is not an EPUB book (no META-INF/container.xml)")


def _encrypts_text(encryption: bytes) -> bool:
    parser = etree.XMLParser(resolve_entities=False, no_network=True, recover=True)
    try:
        root = etree.fromstring(encryption, parser)
    except etree.LxmlError:
        return True  # unreadable encryption data: assume the worst
    if root is None:
        return True
    methods = [
        str(element.get("Algorithm", ""))
        for element in root.iter()
        if _local(element.tag) == "encryptionmethod"
    ]
    data_count = sum(1 for element in root.iter() if _local(element.tag) == "encrypteddata")
    return data_count > 0 and any(method not in FONT_OBFUSCATION for method in methods)


def _toc_titles(toc: Any, titles: dict[str, str]) -> None:
    for node in toc if isinstance(toc, list | tuple) else [toc]:
        if isinstance(node, tuple) and len(node) == 2:
            section, children = node
            _toc_titles(section, titles)
            _toc_titles(children, titles)
            continue
        href = str(getattr(node, "href", "") or "").split("#")[0]
        title = clean(str(getattr(node, "title", "") or ""))
        if href and title:
            titles.setdefault(posixpath.normpath(href), title)


def chapter_blocks(content: bytes) -> list[ImportedBlock]:
    """The headings and paragraphs of one chapter's XHTML, in order."""
    parser = etree.XMLParser(recover=True, resolve_entities=False, no_network=True, huge_tree=False)
    try:
        root = etree.fromstring(content, parser)
    except (etree.LxmlError, ValueError):
        root = None
    if root is None:
        from lxml import html

        try:
            root = html.fromstring(content)
        except (etree.LxmlError, ValueError):
            return []
    blocks: list[ImportedBlock] = []
    body = next((e for e in root.iter() if _local(e.tag) == "body"), root)
    _walk(body, blocks)
    return blocks


def _walk(element: Any, blocks: list[ImportedBlock]) -> None:
    run: list[str] = [element.text or ""]

    def flush() -> None:
        text = clean(" ".join(run))
        if text:
            blocks.append(ImportedBlock("paragraph", text))
        run.clear()

    for child in element:
        name = _local(child.tag)
        if name in SKIPPED or not name:
            run.append(child.tail or "")
            continue
        if name in HEADINGS or name in PARAGRAPHS or name in CONTAINERS:
            flush()
            if name in HEADINGS:
                blocks.append(ImportedBlock("heading", " ".join(child.itertext())))
            elif name in PARAGRAPHS and not any(_local(c.tag) in PARAGRAPHS for c in child):
                blocks.append(ImportedBlock("paragraph", " ".join(child.itertext())))
            else:
                _walk(child, blocks)
            run.append(child.tail or "")
        else:
            run.append(" ".join(child.itertext()))
            run.append(child.tail or "")
    flush()


def epub_to_markdown(data: bytes) -> str:
    """The book as one Markdown text: title, then each chapter under its title."""
    check_container(data)
    import ebooklib
    from ebooklib import epub

    try:
        book = epub.read_epub(io.BytesIO(data), {"ignore_ncx": False})
    except Exception as error:  # any: EbookLib fails in many ways on broken books
        raise TextLoadError(f"is a broken EPUB book ({type(error).__name__})") from error
    titles: dict[str, str] = {}
    _toc_titles(book.toc, titles)
    blocks: list[ImportedBlock] = []
    for idref, *rest in book.spine:
        linear = rest[0] if rest else "yes"
        item = book.get_item_with_id(idref)
        if item is None or linear == "no" or item.get_type() != ebooklib.ITEM_DOCUMENT:
            continue
        chapter = chapter_blocks(item.get_content())
        title = titles.get(posixpath.normpath(item.get_name()))
        if title and not (
            chapter and chapter[0].kind == "heading" and clean(chapter[0].text) == title
        ):
            chapter.insert(0, ImportedBlock("heading", title))
        blocks.extend(chapter)
    metadata = book.get_metadata("DC", "title")
    book_title = clean(str(metadata[0][0])) if metadata else ""
    creators = book.get_metadata("DC", "creator")
    languages = book.get_metadata("DC", "language")
    front = {
        "author": ", ".join(clean(str(c[0])) for c in creators[:5]),
        "language": clean(str(languages[0][0]))[:2].lower() if languages else "de",
        "source": "EPUB",
    }
    try:
        return to_markdown(book_title or "Untitled book", blocks, front)
    except TextLoadError as error:
        raise TextLoadError("has no text in its chapters") from error
