"""Small EPUB books built for the tests: EPUB 3 with EbookLib, EPUB 2 by hand with zipfile."""

from __future__ import annotations

import io
import zipfile
from pathlib import Path

CHAPTERS = (
    (
        "Erstes Kapitel",
        [
            "Es war einmal ein kleiner Bahnhof am Rande der Stadt.",
            "Dort wartete jeden Morgen ein alter Mann auf den Zug.",
        ],
    ),
    (
        "Zweites Kapitel",
        ["Der Zug kam nie pünktlich.", "Trotzdem gab der Mann die Hoffnung nicht auf."],
    ),
    ("Drittes Kapitel", ["Eines Tages stieg eine Frau aus.", "Sie trug einen roten Koffer."]),
)


def _xhtml(title: str, paragraphs: list[str], heading: bool = True) -> str:
    body = (f"<h2>{title}</h2>" if heading else "") + "".join(f"<p>{p}</p>" for p in paragraphs)
    return (
        '<?xml version="1.0" encoding="utf-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
        f"<head><title>{title}</title></head><body>{body}</body></html>"
    )


def epub3_book(path: Path, chapters: tuple[tuple[str, list[str]], ...] = CHAPTERS) -> Path:
    """An EPUB 3 book made with EbookLib; the spine order is the reverse of the file order."""
    from ebooklib import epub

    book = epub.EpubBook()
    book.set_identifier("test-book-3")
    book.set_title("Der Bahnhof")
    book.set_language("de")
    book.add_author("Erika Musterfrau")
    items = []
    for number, (title, paragraphs) in enumerate(chapters, 1):
        item = epub.EpubHtml(title=title, file_name=f"kap{number}.xhtml", lang="de")
        # The second chapter has no heading of its own: the title comes from the TOC.
        item.content = _xhtml(title, paragraphs, heading=number != 2).split("\n", 1)[1]
        items.append(item)
    for item in reversed(items):
        book.add_item(item)
    book.toc = tuple(items)
    book.add_item(epub.EpubNcx())
    book.add_item(epub.EpubNav())
    book.spine = list(items)
    epub.write_epub(str(path), book)
    return path


def _zip(path: Path, files: dict[str, str | bytes]) -> Path:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        for name, content in files.items():
            archive.writestr(name, content, zipfile.ZIP_DEFLATED)
    path.write_bytes(buffer.getvalue())
    return path


CONTAINER = (
    '<?xml version="1.0"?><container version="1.0" '
    'xmlns="urn:oasis:names:tc:opendocument:xmlns:container"><rootfiles>'
    '<rootfile full-path="OEBPS/content.opf" media-type="application/oebps-package+xml"/>'
    "</rootfiles></container>"
)


def epub2_book(path: Path, extra: dict[str, str | bytes] | None = None) -> Path:
    """An EPUB 2 book (OPF 2.0 and an NCX table of contents) written with zipfile."""
    manifest = "".join(
        f'<item id="c{n}" href="text/c{n}.html" media-type="application/xhtml+xml"/>'
        for n in range(1, len(CHAPTERS) + 1)
    )
    spine = "".join(f'<itemref idref="c{n}"/>' for n in range(1, len(CHAPTERS) + 1))
    points = "".join(
        f'<navPoint id="p{n}" playOrder="{n}"><navLabel><text>{title}</text></navLabel>'
        f'<content src="text/c{n}.html"/></navPoint>'
        for n, (title, _) in enumerate(CHAPTERS, 1)
    )
    opf = (
        '<?xml version="1.0"?><package xmlns="http://www.idpf.org/2007/opf" version="2.0" '
        'unique-identifier="id"><metadata xmlns:dc="http://purl.org/dc/elements/1.1/">'
        "<dc:title>Alte Geschichten</dc:title><dc:language>de</dc:language>"
        '<dc:identifier id="id">test-book-2</dc:identifier></metadata>'
        f'<manifest><item id="ncx" href="toc.ncx" media-type="application/x-dtbncx+xml"/>{manifest}'
        f'</manifest><spine toc="ncx">{spine}</spine></package>'
    )
    ncx = (
        '<?xml version="1.0"?><ncx xmlns="http://www.daisy.org/z3986/2005/ncx/" version="2005-1">'
        "<head/><docTitle><text>Alte Geschichten</text></docTitle>"
        f"<navMap>{points}</navMap></ncx>"
    )
    files: dict[str, str | bytes] = {
        "META-INF/container.xml": CONTAINER,
        "OEBPS/content.opf": opf,
        "OEBPS/toc.ncx": ncx,
    }
    for n, (title, paragraphs) in enumerate(CHAPTERS, 1):
        files[f"OEBPS/text/c{n}.html"] = _xhtml(title, paragraphs)
    files.update(extra or {})
    return _zip(path, files)


ADEPT_ENCRYPTION = (
    '<?xml version="1.0"?><encryption xmlns="urn:oasis:names:tc:opendocument:xmlns:container" '
    'xmlns:enc="http://www.w3.org/2001/04/xmlenc#"><enc:EncryptedData>'
    '<enc:EncryptionMethod Algorithm="http://www.w3.org/2001/04/xmlenc#aes128-cbc"/>'
    '<enc:CipherData><enc:CipherReference URI="OEBPS/text/c1.html"/></enc:CipherData>'
    "</enc:EncryptedData></encryption>"
)
FONT_ENCRYPTION = ADEPT_ENCRYPTION.replace(
    "http://www.w3.org/2001/04/xmlenc#aes128-cbc", "http://www.idpf.org/2008/embedding"
)
