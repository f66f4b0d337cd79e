"""A fake translation engine for tests of the reading view's translation flow: it prefixes
"EN" (tests only; never shown to a reader), and can hold a batch until the test releases it."""

from __future__ import annotations

import threading
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

import pytest

import reader.translation
import reader.translation.engine as engine_module
from reader.translation import InstalledModels, ModelInfo

FAKE_MODEL = ModelInfo("translate-de_en", "0.0", "de", "en", Path("/nowhere"))


class FakeEngine:
    """Translates by prefixing "EN"; with ``hold_from`` set, the call of that number (1-based)
    and the later ones wait until ``release`` is set."""

    calls: list[int] = []
    hold_from: int | None = None
    release = threading.Event()

    def __init__(self, model: ModelInfo, settings: Any = None) -> None:
        self.model = model

    @property
    def model_id(self) -> str:
        """The key the fake's English is stored under."""
        return "fake 0.0"

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """One English sentence per German one."""
        FakeEngine.calls.append(len(sentences))
        if self.hold_from is not None and len(FakeEngine.calls) >= self.hold_from:
            assert FakeEngine.release.wait(timeout=30), "the test never released the engine"
        return ["EN " + sentence for sentence in sentences]

    def alternatives(self, sentence: str, count: int) -> list[str]:
        """None."""
        return []


@pytest.fixture
def fake_engine(monkeypatch: pytest.MonkeyPatch) -> Iterator[type[FakeEngine]]:
    """A fake model is installed and the engine translates by prefixing."""
    monkeypatch.setattr(
        reader.translation, "installed_models", lambda: InstalledModels((FAKE_MODEL,), ())
    )
    monkeypatch.setattr(engine_module, "TranslationEngine", FakeEngine)
    FakeEngine.calls, FakeEngine.hold_from = [], None
    FakeEngine.release = threading.Event()
    yield FakeEngine
    FakeEngine.release.set()
