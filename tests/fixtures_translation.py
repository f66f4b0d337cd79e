"""Pytest fixtures for the translation tests: the tiny real Argos package and a local index."""

from __future__ import annotations

import http.server
import json
import threading
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from reader.core.paths import DEFAULT_TEXT
from reader.core.text import load_document
from reader.translation.models import ModelInfo, install_from_file
from tests.tiny_argos import build_tiny_package, index_entry


@pytest.fixture(scope="session")
def tiny_package(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A real ``.argosmodel`` file (random weights) built once per session."""
    document = load_document(DEFAULT_TEXT)
    sentences = [sentence.text for sentence in document.all_sentences()]
    folder = tmp_path_factory.mktemp("tiny-argos")
    return build_tiny_package(folder / "translate-de_en-0_1.argosmodel", sentences)


LAYOUTS = {
    # name: (build options, the version the package gets)
    "lesepult": ({}, "0.1"),
    "real-1.0": ({"layout": "real"}, "1.0"),
    "bpe-1.9": ({"layout": "real", "tokenizer": "bpe"}, "1.9"),
}
"""The package layouts every install/translate/alternatives test runs on."""


@pytest.fixture(scope="session")
def layout_packages(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """One tiny package per layout, built once per session."""
    document = load_document(DEFAULT_TEXT)
    sentences = [sentence.text for sentence in document.all_sentences()]
    folder = tmp_path_factory.mktemp("tiny-argos-layouts")
    return {
        name: build_tiny_package(
            folder / f"{name}.argosmodel", sentences, version=version, **options
        )
        for name, (options, version) in LAYOUTS.items()
    }


@pytest.fixture(params=list(LAYOUTS))
def layout_package(request: pytest.FixtureRequest, layout_packages: dict[str, Path]) -> Path:
    """Each layout's package file in turn (the test runs once per layout)."""
    return layout_packages[request.param]


@pytest.fixture
def tiny_model(tiny_package: Path) -> ModelInfo:
    """The tiny package installed into this test's Argos packages folder."""
    return install_from_file(tiny_package)


@dataclass
class PackageServer:
    """A package index on 127.0.0.1 serving ``index.json`` and package files."""

    base_url: str
    files: dict[str, bytes] = field(default_factory=dict)
    """Served paths (without the leading slash) and their bytes."""
    drop_after: dict[str, int] = field(default_factory=dict)
    """Paths whose response announces the full length but closes after this many bytes."""
    redirects: dict[str, str] = field(default_factory=dict)
    """Paths answered with a 302 redirect to the given URL."""

    def publish(self, entries: list[dict[str, object]]) -> None:
        """Serve ``entries`` as the index."""
        self.files["index.json"] = json.dumps(entries).encode()

    def publish_package(self, name: str, data: bytes, **extra: object) -> None:
        """Serve a package file and an index listing it."""
        self.files[name] = data
        self.publish([index_entry("translate-de_en", "0.1", [self.base_url + name], **extra)])


@pytest.fixture
def package_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[PackageServer]:
    """An Argos package index served by ``http.server`` on loopback; ARGOS_PACKAGE_INDEX set."""
    served = PackageServer(base_url="")

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self) -> None:  # http.server's naming
            name = self.path.lstrip("/")
            if name in served.redirects:
                self.send_response(302)
                self.send_header("Location", served.redirects[name])
                self.send_header("Content-Length", "0")
                self.end_headers()
                self.close_connection = True
                return
            data = served.files.get(name)
            if data is None:
                self.send_error(404)
                return
            self.send_response(200)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data[: served.drop_after.get(name, len(data))])
            self.wfile.flush()
            self.close_connection = True

        def log_message(self, format: str, *args: object) -> None:
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    served.base_url = f"http://127.0.0.1:{server.server_address[1]}/"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", served.base_url)
    yield served
    server.shutdown()
    server.server_close()
    thread.join()
