"""Web articles: `lesepult read URL` and `read page.html` through trafilatura into the library."""

from __future__ import annotations

import http.server
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader import cli
from reader.cli.common import open_document
from reader.core.errors import UserError
from reader.core.text import TextLoadError
from reader.importing import import_source, library_dir, web

PAGES = Path(__file__).parent / "data" / "web"
NEWS = PAGES / "nachrichten.html"
LOCAL = PAGES / "lokales-cp1252.html"
BOILERPLATE = (
    "Cookies",  # cookie banner
    "Alle akzeptieren",
    "Abo abschließen",  # navigation
    "Jetzt günstig Strom",  # ad
    "Mehr zum Thema",  # related links
    "Versicherung",
    "Leser123",  # comments
    "Politik schaut zu",
    "Impressum",  # footer
)


class _Handler(http.server.BaseHTTPRequestHandler):
    routes: dict[str, tuple[int, str, bytes]] = {}

    def do_GET(self) -> None:  # the http.server API's naming
        status, content_type, body = self.routes.get(self.path, (404, "text/plain", b"no"))
        if self.path == "/boese":  # a reason phrase and a content type with escapes
            self.send_response(200, "OK")
            self.send_header("Content-Type", "image/x-\x1b[2J")
            self.end_headers()
            return
        if self.path == "/fehler":
            self.send_response(500, "Fehler \x1b]52;c;SGFjaw==\x07")
            self.end_headers()
            return
        self.send_response(status)
        if status in {301, 302}:
            self.send_header("Location", body.decode())
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        try:
            self.wfile.write(body)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the reader stopped reading (the size limit): as it should

    def log_message(self, *args: object) -> None:
        pass


@pytest.fixture
def server() -> Iterator[str]:
    """A web server on 127.0.0.1 serving the saved pages; yields its base URL."""
    _Handler.routes = {
        "/panorama/hochwasser.html": (200, "text/html; charset=utf-8", NEWS.read_bytes()),
        "/lokales/radwege": (200, "text/html", LOCAL.read_bytes()),
        "/bild.png": (200, "image/png", b"\x89PNG\r\n\x1a\n" + b"\0" * 100),
        "/gross.html": (200, "text/html", b"<p>" + b"Wort " * 400_000 + b"</p>"),
        "/weiter": (302, "text/html", b"/lokales/radwege"),
        "/nach-ftp": (302, "text/html", b"ftp://127.0.0.1/datei.html"),
    }
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Handler)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{httpd.server_address[1]}"
    httpd.shutdown()
    httpd.server_close()


def test_url_gives_title_teaser_headings_and_paragraphs_without_boilerplate(server: str) -> None:
    document = open_document(f"{server}/panorama/hochwasser.html")
    kinds = [block.kind for block in document.blocks]
    assert document.title == "Hochwasser im Süden: Pegel steigen weiter"
    assert kinds[:3] == ["title", "teaser", "paragraph"]
    assert [b.text for b in document.blocks if b.kind == "heading"] == [
        "Deiche unter Druck",
        "Kritik an fehlender Vorsorge",
    ]
    assert "Menschenleben zu retten" in document.source
    for boilerplate in BOILERPLATE:
        assert boilerplate not in document.source, boilerplate
    assert document.metadata.source == "Tagesblatt"
    assert document.metadata.date == "2024-06-02"
    assert document.metadata.url.endswith("/panorama/hochwasser-sueden-100.html")


def test_download_is_stored_in_the_library_and_reopens_without_network(server: str) -> None:
    url = f"{server}/lokales/radwege"
    first = open_document(url)
    assert first.path is not None and first.path.parent == library_dir().resolve()
    assert first.path.name.startswith("web-") and "radwege" not in first.path.name
    assert "„Wir holen nach" in first.source  # windows-1252 page decoded
    assert "Handwerker" not in first.source and "Newsletter" not in first.source
    _Handler.routes = {}  # the server now answers 404 to everything
    again = open_document(url)
    assert again.text_id == first.text_id  # the position store's key: the position is kept


def test_download_shows_progress_on_stderr(server: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", "Radweg", f"{server}/lokales/radwege"]) == 0
    captured = capsys.readouterr()
    assert "downloading http://127.0.0.1" in captured.err
    assert "Radweg" in captured.out


@pytest.mark.parametrize(
    ("path", "message"),
    [
        ("/fehlt.html", "404"),
        ("/bild.png", "not a web page (it is image/png)"),
        ("/gross.html", "larger than"),
    ],
)
def test_bad_downloads_are_one_line_errors(
    server: str, path: str, message: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(web, "MAX_PAGE_BYTES", 1024 * 1024)
    with pytest.raises(UserError) as error:
        open_document(f"{server}{path}")
    assert message in error.value.message and "\n" not in error.value.message
    assert not library_dir().exists() or not list(library_dir().glob("*.md"))


def test_redirects_are_followed_to_http_only(server: str) -> None:
    assert "Radwege" in open_document(f"{server}/weiter").title
    with pytest.raises(UserError, match="not http or https") as error:
        open_document(f"{server}/nach-ftp")
    assert "\n" not in error.value.message


@pytest.mark.parametrize("path", ["/boese", "/fehler"])
def test_what_the_server_says_reaches_the_terminal_without_escapes(server: str, path: str) -> None:
    with pytest.raises(UserError) as error:
        open_document(f"{server}{path}")
    assert "\x1b" not in error.value.message and "\x07" not in error.value.message


@pytest.mark.parametrize(
    "url", ["ftp://example.org/a.html", "file:///etc/passwd", "javascript://x"]
)
def test_only_http_and_https(url: str) -> None:
    with pytest.raises(UserError, match="only http and https"):
        open_document(url)


def test_silent_server_times_out(monkeypatch: pytest.MonkeyPatch) -> None:
    import socket

    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(1)  # accepts the connection, never answers
    monkeypatch.setattr(web, "TIMEOUT_SECONDS", 0.3)
    try:
        with pytest.raises(UserError, match="no answer within|timed out"):
            open_document(f"http://127.0.0.1:{listener.getsockname()[1]}/")
    finally:
        listener.close()


def test_saved_html_file_is_read_as_its_article(tmp_path: Path) -> None:
    page = tmp_path / "artikel.html"
    page.write_bytes(NEWS.read_bytes())
    document = open_document(str(page))
    assert document.blocks[1].kind == "teaser"
    assert "<p>" not in document.source and "Cookies" not in document.source
    assert "Der Deutsche Wetterdienst warnt" in document.source
    assert open_document(str(page)).text_id == document.text_id


def test_control_characters_in_a_page_never_reach_the_text(tmp_path: Path) -> None:
    page = tmp_path / "böse.html"
    evil = NEWS.read_text("utf-8").replace(
        "Deiche unter Druck", "Deiche \x1b]52;c;SGFjaw==\x07 Druck"
    )
    page.write_text(evil.replace("Feuerwehr,", "Feuer\x1b[2Jwehr,"), "utf-8")
    document = open_document(str(page))
    assert not any(ord(c) < 32 and c not in "\n" for c in document.source)
    assert "\x9b" not in document.source


@pytest.mark.parametrize(
    "data",
    [b"", b"\x00\x01\x02binary", b"<html><body><nav>Start</nav></body></html>", b"   "],
)
def test_pages_without_an_article_are_one_line_errors(tmp_path: Path, data: bytes) -> None:
    page = tmp_path / "leer.html"
    page.write_bytes(data)
    with pytest.raises(UserError) as error:
        open_document(str(page))
    assert str(page) in error.value.message and "\n" not in error.value.message


def test_read_of_a_missing_html_file_is_one_line(capsys: pytest.CaptureFixture[str]) -> None:
    assert cli.main(["search", "x", "/nonexistent/seite.html"]) == 2
    assert "no such file" in capsys.readouterr().err


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    st.one_of(
        st.binary(max_size=2000),
        st.text(max_size=2000).map(lambda text: text.encode("utf-8", "surrogatepass")),
        st.lists(
            st.sampled_from(
                [
                    "<p>",
                    "</p>",
                    "<h2>",
                    "</h2>",
                    "<article>",
                    "<div>",
                    "</div>",
                    "<li>",
                    "Das Wort ist lang genug für einen Satz.",
                    "\x1b[2J",
                    "&amp;",
                    "<!--",
                    "<![CDATA[",
                ]
            ),
            max_size=60,
        ).map(lambda parts: "".join(parts).encode("utf-8")),
    )
)
def test_any_page_gives_markdown_or_a_load_error(data: bytes) -> None:
    try:
        markdown = web.html_to_markdown(data)
    except TextLoadError as error:
        assert "\n" not in str(error)
        return
    assert markdown.startswith("---\n")
    assert not any(ord(c) < 32 and c != "\n" for c in markdown)


def test_import_source_leaves_other_files_alone(tmp_path: Path) -> None:
    assert import_source(str(tmp_path / "text.md")) is None


def test_read_url_downloads_before_the_app_opens(
    server: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    import reader.ui.app

    opened: list[str] = []

    class FakeApp:
        return_code = 0

        def __init__(self, document: object) -> None:
            self.document = document

        def run(self) -> None:
            opened.append(getattr(self.document, "title", ""))

    monkeypatch.setattr(reader.ui.app, "make_app", lambda document, store: FakeApp(document))
    # Under pytest stdin is no terminal; the terminal check has its own tests.
    monkeypatch.setattr(cli, "require_terminal", lambda: None)
    assert cli.main(["read", f"{server}/panorama/hochwasser.html"]) == 0
    assert opened == ["Hochwasser im Süden: Pegel steigen weiter"]
