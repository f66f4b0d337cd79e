"""The shared bounded fetch (reader/fetch.py) against a server on 127.0.0.1."""

from __future__ import annotations

import http.server
import io
import threading
from collections.abc import Iterator
from typing import Any, ClassVar

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.fetch import (
    CHUNK_BYTES,
    BodyTooLarge,
    DeadlinePassed,
    FetchCancelled,
    announced_length,
    body_chunks,
    open_http,
)


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: ClassVar[dict[str, bytes]] = {"/body": b"x" * (3 * CHUNK_BYTES + 5)}
    seen_agents: ClassVar[list[str]] = []

    def do_GET(self) -> None:
        self.seen_agents.append(self.headers.get("User-Agent", ""))
        if self.path.startswith("/to/"):
            self.send_response(302)
            self.send_header("Location", self.path.removeprefix("/to"))
            self.end_headers()
            return
        body = self.routes.get(self.path)
        if body is None:
            self.send_error(404)
            return
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: Any) -> None:
        pass


@pytest.fixture(scope="module")
def server() -> Iterator[str]:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


def _allow(old: str, new: str) -> None:
    pass


def test_open_reads_the_body_in_chunks_with_its_announced_length(server: str) -> None:
    with open_http(f"{server}/body", 5.0, "probe", _allow) as response:
        assert announced_length(response) == 3 * CHUNK_BYTES + 5
        chunks = list(body_chunks(response, 4 * CHUNK_BYTES))
    assert [len(chunk) for chunk in chunks] == [CHUNK_BYTES] * 3 + [5]
    assert "probe" in _Handler.seen_agents


def test_a_body_past_the_limit_stops_the_read(server: str) -> None:
    with open_http(f"{server}/body", 5.0, "probe", _allow) as response:
        received = []
        with pytest.raises(BodyTooLarge):
            for chunk in body_chunks(response, 2 * CHUNK_BYTES):
                received.append(chunk)
    assert sum(map(len, received)) == 2 * CHUNK_BYTES


def test_redirects_pass_the_callers_check_first(server: str) -> None:
    checked: list[tuple[str, str]] = []

    def record(old: str, new: str) -> None:
        checked.append((old, new))

    with open_http(f"{server}/to/body", 5.0, "probe", record) as response:
        assert response.read(4) == b"xxxx"
    assert checked == [(f"{server}/to/body", f"{server}/body")]

    def refuse(old: str, new: str) -> None:
        raise ValueError(f"no redirect to {new}")

    with pytest.raises(ValueError, match="no redirect to"):
        open_http(f"{server}/to/body", 5.0, "probe", refuse)


def test_cancel_is_checked_before_each_read() -> None:
    calls = iter([False, False, True])
    chunks = body_chunks(
        io.BytesIO(b"y" * (5 * CHUNK_BYTES)), 10**9, is_cancelled=lambda: next(calls)
    )
    assert len(next(chunks)) == CHUNK_BYTES
    assert len(next(chunks)) == CHUNK_BYTES
    with pytest.raises(FetchCancelled):
        next(chunks)


def test_the_deadline_counts_from_the_first_read() -> None:
    now = iter([0.0, 1.0, 2.0, 11.0])  # a clock the test drives: no waiting
    chunks = body_chunks(
        io.BytesIO(b"z" * (5 * CHUNK_BYTES)), 10**9, deadline_seconds=10.0, clock=lambda: next(now)
    )
    assert len(next(chunks)) == CHUNK_BYTES
    assert len(next(chunks)) == CHUNK_BYTES
    with pytest.raises(DeadlinePassed):
        next(chunks)


class _Headers:
    def __init__(self, value: str | None) -> None:
        self.headers = {} if value is None else {"Content-Length": value}


@settings(max_examples=2000, deadline=None)
@given(st.none() | st.text(max_size=30))
def test_any_content_length_header_is_a_number_or_none(value: str | None) -> None:
    length = announced_length(_Headers(value))
    assert length is None or (length >= 0 and value is not None and value.isdecimal())
