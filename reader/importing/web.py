"""Web articles: download a page (http/https only, bounded) and extract its article.

The main text is found by trafilatura, the well-kept library for it: title, teaser (the page's
description), headings and paragraphs stay; menus, cookie banners, ads, related links and
comments go. The URL, site and date go into the front matter. Downloads print their progress
on stderr, stop after :data:`TIMEOUT_SECONDS` without data (or :data:`DEADLINE_SECONDS` in
all) and refuse pages larger than :data:`MAX_PAGE_BYTES`. The download happens before the app
opens, so the app itself only ever reads the stored Markdown.
"""

from __future__ import annotations

import sys
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any

from reader.core.display import one_line
from reader.core.text import TextLoadError
from reader.fetch import BodyTooLarge, DeadlinePassed, announced_length, body_chunks, open_http
from reader.importing import ImportedBlock, _digest, _store, clean, library_dir, to_markdown

MAX_PAGE_BYTES = 8 * 1024 * 1024
"""The largest web page downloaded or read (news pages are well under 2 MB)."""
TIMEOUT_SECONDS = 20.0
"""How long a connection may stay silent before the download is given up."""
DEADLINE_SECONDS = 120.0
"""How long a whole download may take."""
HTML_TYPES = ("text/html", "application/xhtml+xml", "text/xml", "application/xml")
USER_AGENT = "lesepult (a reading aid for learners of German)"

Progress = Callable[[int, int | None], None]


def _http_only(old_url: str, new_url: str) -> None:
    """Redirects are followed only to http and https (urllib would also follow ftp)."""
    if not new_url.lower().startswith(("http://", "https://")):
        raise TextLoadError(f"redirected to a URL that is not http or https: {new_url}")


def _stderr_progress(url: str) -> Progress:
    shown = one_line(url)

    def report(done: int, total: int | None) -> None:
        of = f" of {total // 1024} kB" if total else ""
        end = "\n" if total is not None and done >= total else "\r"
        print(f"downloading {shown}: {done // 1024} kB{of}", end=end, file=sys.stderr)

    return report


def download(url: str, progress: Progress | None = None) -> bytes:
    """The bytes of a web page, at most :data:`MAX_PAGE_BYTES`; one-line errors."""
    if not url.lower().startswith(("http://", "https://")):
        raise TextLoadError(f"{one_line(url)}: only http and https URLs can be read")
    try:
        with open_http(url, TIMEOUT_SECONDS, USER_AGENT, _http_only) as response:
            content_type = response.headers.get_content_type()
            if content_type not in HTML_TYPES:
                raise TextLoadError(f"is not a web page (it is {one_line(content_type)})")
            total = announced_length(response)
            if total is not None and total > MAX_PAGE_BYTES:
                raise TextLoadError(f"is larger than {MAX_PAGE_BYTES // 2**20} MB")
            return _read_body(response, total, progress)
    except urllib.error.HTTPError as error:
        reason = one_line(str(error.reason))
        raise TextLoadError(f"the server answered {error.code} {reason}") from error
    except urllib.error.URLError as error:
        raise TextLoadError(f"cannot be downloaded ({one_line(str(error.reason))})") from error
    except TimeoutError as error:
        raise TextLoadError(f"no answer within {TIMEOUT_SECONDS:g} seconds") from error
    except (OSError, ValueError) as error:
        raise TextLoadError(f"cannot be downloaded ({one_line(str(error))})") from error


def _read_body(response: Any, total: int | None, progress: Progress | None) -> bytes:
    """The response's body in chunks, within the size and time bounds, reporting progress."""
    data = bytearray()
    try:
        for chunk in body_chunks(response, MAX_PAGE_BYTES, DEADLINE_SECONDS):
            data += chunk
            if progress:
                progress(len(data), total)
    except DeadlinePassed:
        raise TextLoadError(f"took longer than {DEADLINE_SECONDS:g} seconds") from None
    except BodyTooLarge:
        raise TextLoadError(f"is larger than {MAX_PAGE_BYTES // 2**20} MB") from None
    if progress:
        progress(len(data), len(data))
    return bytes(data)


def html_to_markdown(data: bytes, url: str = "", source_file: str = "") -> str:
    """The article of an HTML page as a Markdown text with front matter (url, source, date)."""
    if len(data) > MAX_PAGE_BYTES:
        raise TextLoadError(f"is larger than {MAX_PAGE_BYTES // 2**20} MB")
    if b"\x00" in data[:65536]:
        raise TextLoadError("looks like a binary file, not a web page")
    import trafilatura

    try:
        extracted: Any = trafilatura.bare_extraction(
            data,
            url=url or None,
            with_metadata=True,
            include_comments=False,
            include_tables=False,
        )
    except Exception as error:  # any: the library's parser fails in many ways
        raise TextLoadError(f"the page cannot be parsed ({type(error).__name__})") from error
    if extracted is None or extracted.body is None:
        raise TextLoadError("no article text found in the page")
    blocks = []
    for element in extracted.body.iter("head", "p", "item", "quote"):
        text = clean(" ".join(element.itertext()))
        if not text or (element.tag == "p" and element.getparent().tag in {"item", "quote"}):
            continue
        blocks.append(ImportedBlock("heading" if element.tag == "head" else "paragraph", text))
    title = clean(extracted.title or "")
    if blocks and blocks[0].kind == "heading" and blocks[0].text == title:
        blocks.pop(0)  # the page's h1 repeats the title
    teaser = clean(extracted.description or "")
    first = blocks[0].text if blocks else ""
    if teaser and (first.startswith(teaser[:60]) or teaser.endswith("...") or "…" in teaser[-2:]):
        teaser = ""  # the description is the first paragraph, or cut from it
    front = {
        "url": extracted.url or url,
        "source": extracted.sitename or extracted.hostname or "",
        "date": extracted.date or "",
        "author": extracted.author or "",
    }
    if source_file:
        front["file"] = source_file
    try:
        return to_markdown(title, blocks, front, teaser)
    except TextLoadError as error:
        raise TextLoadError("no article text found in the page") from error


def import_url(url: str, progress: Progress | None = None) -> Path:
    """The library text of ``url``: read from the library, or downloaded and converted once."""
    target = library_dir() / f"web-{_digest(url.encode('utf-8'))}.md"
    if target.exists():
        return target
    try:
        data = download(url, progress or _stderr_progress(url))
        markdown = html_to_markdown(data, url=url)
    except TextLoadError as error:
        raise TextLoadError(f"{one_line(url)}: {error}") from error
    return _store(target.name, markdown)
