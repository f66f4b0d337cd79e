"""Bounded HTTP(S) fetching, shared by web articles and model downloads.

:func:`open_http` opens a URL with a redirect check of the caller's (a web article follows
any http(s) page; a model package only the same host unless the reader allows more), and
:func:`body_chunks` reads the answer in chunks within a size limit, an optional deadline
and an optional cancel check, so one caller keeps the bytes and another streams them to a
file. The callers phrase the errors for their users; this module only names what happened.
The standard library's urllib rather than requests or httpx: it is all two callers need,
and it keeps the redirect hook and the chunked reads in plain sight.
"""

from __future__ import annotations

import time
import urllib.request
from collections.abc import Callable, Iterator
from typing import IO, Any

CHUNK_BYTES = 64 * 1024
"""How much is read at a time."""

RedirectCheck = Callable[[str, str], None]
"""Called with the old and the new URL before a redirect is followed; raises to refuse it."""


class FetchStopped(Exception):
    """Reading a body stopped before its end (one of the subclasses says why)."""


class BodyTooLarge(FetchStopped):
    """The body grew past the limit."""


class DeadlinePassed(FetchStopped):
    """The whole read took longer than its deadline."""


class FetchCancelled(FetchStopped):
    """The caller's cancel check said stop."""


class _CheckedRedirects(urllib.request.HTTPRedirectHandler):
    """Follows a redirect only after the caller's check has let it through."""

    def __init__(self, check: RedirectCheck) -> None:
        super().__init__()
        self.check = check

    def redirect_request(
        self,
        req: urllib.request.Request,
        fp: IO[bytes],
        code: int,
        msg: str,
        headers: Any,
        newurl: str,
    ) -> urllib.request.Request | None:
        self.check(req.full_url, newurl)
        return super().redirect_request(req, fp, code, msg, headers, newurl)


def open_http(url: str, timeout: float, user_agent: str, check_redirect: RedirectCheck) -> Any:
    """The response to a GET of ``url``; raises what ``urlopen`` raises (or the check)."""
    opener = urllib.request.build_opener(_CheckedRedirects(check_redirect))
    request = urllib.request.Request(url, headers={"User-Agent": user_agent})
    return opener.open(request, timeout=timeout)


def announced_length(response: Any) -> int | None:
    """The body's size as the server announces it (Content-Length), None when it does not."""
    length = response.headers.get("Content-Length")
    return int(length) if length and length.isdecimal() else None


def body_chunks(
    response: Any,
    limit: int,
    deadline_seconds: float | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    clock: Callable[[], float] = time.monotonic,
) -> Iterator[bytes]:
    """The body chunk by chunk, at most ``limit`` bytes in all.

    Raises :class:`BodyTooLarge` past the limit, :class:`DeadlinePassed` when the whole read
    takes longer than ``deadline_seconds`` (a server that sends a byte at a time) and
    :class:`FetchCancelled` when ``is_cancelled`` says so before a read.
    """
    deadline = clock() + deadline_seconds if deadline_seconds is not None else None
    done = 0
    while True:
        if is_cancelled is not None and is_cancelled():
            raise FetchCancelled
        chunk: bytes = response.read(CHUNK_BYTES)
        if not chunk:
            return
        done += len(chunk)
        if deadline is not None and clock() > deadline:
            raise DeadlinePassed
        if done > limit:
            raise BodyTooLarge
        yield chunk
