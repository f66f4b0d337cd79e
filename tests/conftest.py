"""Fixtures shared by every test: all user directories point into a temporary folder.

Feature fixtures live in ``fixtures_*.py`` beside this file and are loaded as plugins.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from hypothesis import settings

from reader.core.paths import DEFAULT_TEXT
from reader.core.text import Document, load_document
from reader.store import Store

# In CI (CI=true) every run explores the same generated inputs, so a submission's result does
# not depend on the draw; developers' runs stay random and keep finding new cases, which are
# then pinned with @example.
settings.register_profile("ci", derandomize=True, print_blob=True)
if os.environ.get("CI"):
    settings.load_profile("ci")

pytest_plugins = [
    "tests.fixtures_translation",
    "tests.fixtures_glossary",
    "tests.fixtures_study",
]

USER_DIRECTORY_VARIABLES = {
    "LESEPULT_DATA_DIR": "data",
    "LESEPULT_CONFIG_DIR": "config",
    "ARGOS_PACKAGES_DIR": "argos-packages",
    "XDG_DATA_HOME": "xdg-data",
    "XDG_CACHE_HOME": "xdg-cache",
    "XDG_CONFIG_HOME": "xdg-config",
}


@pytest.fixture(scope="session")
def shared_cache_directory(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One cache folder for the session: the dictionary index is built once, not per test.

    The index is keyed by the dictionary file's size and mtime, so sharing it is safe; tests
    of the index itself pass their own folders.
    """
    return tmp_path_factory.mktemp("cache")


@pytest.fixture(autouse=True)
def isolated_user_directories(
    tmp_path_factory: pytest.TempPathFactory,
    monkeypatch: pytest.MonkeyPatch,
    shared_cache_directory: Path,
) -> Iterator[Path]:
    """Point every user directory (ours and Argos's) into a fresh temporary folder."""
    root = tmp_path_factory.mktemp("home")
    for variable, name in USER_DIRECTORY_VARIABLES.items():
        monkeypatch.setenv(variable, str(root / name))
    monkeypatch.setenv("LESEPULT_CACHE_DIR", str(shared_cache_directory))
    # A package index nobody serves: any unplanned index request fails fast on loopback.
    monkeypatch.setenv("ARGOS_PACKAGE_INDEX", "http://127.0.0.1:9/")
    yield root


@pytest.fixture(autouse=True)
def lasting_status_messages(monkeypatch: pytest.MonkeyPatch) -> None:
    """Status messages stay while a test reads them, however slow a loaded machine is.

    The reading screen clears a message after a few seconds; on a busy CI machine a Pilot
    test's key presses can take longer than that, and the assertion would read an empty bar.
    """
    monkeypatch.setattr("reader.ui.screens.reading_base.MESSAGE_SECONDS", 600.0)


@pytest.fixture
def store(tmp_path: Path) -> Iterator[Store]:
    """A fresh store in the test's temporary folder."""
    opened = Store(tmp_path / "store.sqlite3")
    yield opened
    opened.close()


@pytest.fixture(scope="session")
def article() -> Document:
    """The bundled taz article, segmented once per session."""
    document = load_document(DEFAULT_TEXT)
    for _ in document.all_sentences():
        pass
    return document
