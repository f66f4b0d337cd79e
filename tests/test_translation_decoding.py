"""Long sentences split at clause boundaries, and the device choice (issue 13)."""

from __future__ import annotations

import pytest

from reader.translation import decoding
from reader.translation.decoding import choose_device, split_long_sentence
from reader.translation.models import ModelError


def words(text: str) -> int:
    return len(text.split())


LONG = (
    "Der Präsident sprach lange über die Lage im Land, die Wirtschaft und die Armee;"
    " danach antworteten die Minister auf viele Fragen der Presse, und am Abend"
    " veröffentlichte das Amt eine kurze Erklärung."
)


def test_a_short_sentence_stays_whole() -> None:
    assert split_long_sentence("Ein kurzer Satz.", words, limit=10) == ["Ein kurzer Satz."]


def test_a_long_sentence_is_cut_at_the_strongest_boundary_first() -> None:
    parts = split_long_sentence(LONG, words, limit=16)
    assert parts[0].endswith("Armee;")
    assert all(words(part) <= 16 for part in parts)
    assert " ".join(parts) == " ".join(LONG.split())


def test_commas_and_conjunctions_are_used_when_needed() -> None:
    parts = split_long_sentence(LONG, words, limit=8)
    assert len(parts) > 3 and all(words(part) <= 8 for part in parts)
    assert " ".join(parts) == " ".join(LONG.split())


def test_without_boundaries_it_cuts_between_words() -> None:
    sentence = " ".join(f"Wort{n}" for n in range(40))
    parts = split_long_sentence(sentence, words, limit=10)
    assert all(words(part) <= 10 for part in parts)
    assert " ".join(parts) == sentence


def test_one_enormous_word_is_left_alone() -> None:
    assert split_long_sentence("x" * 5000, len, limit=10) == ["x" * 5000]


def test_device_auto_without_cuda_says_cpu(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "cuda_device_count", lambda: 0)
    choice = choose_device("auto", 2)
    assert (
        choice.device == "cpu" and "CPU" in choice.explanation and "no CUDA" in choice.explanation
    )
    with pytest.raises(ModelError, match="no CUDA device"):
        choose_device("cuda", 0)
    with pytest.raises(ModelError, match="choose auto, cpu or cuda"):
        choose_device("tpu", 0)


def test_device_from_argos_variable(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(decoding, "cuda_device_count", lambda: 1)
    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "cpu")
    assert choose_device(None, 0).device == "cpu"
    monkeypatch.setenv("ARGOS_DEVICE_TYPE", "cuda")
    assert choose_device(None, 0).device == "cuda"
    assert choose_device("auto", 0).device == "cuda"
