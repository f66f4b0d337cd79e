"""Decoding rules shared by the engine: long sentences split at clause boundaries, the device.

A Transformer translates what it was trained on: sentences of up to about a hundred and fifty
pieces. CTranslate2 silently truncates input beyond ``max_input_length``, so the end of a very
long German sentence (legal texts, Thomas Mann) would be lost. Such a sentence is cut here at
clause boundaries (``;``, ``:``, dashes, commas, then before coordinating conjunctions) into
parts under the limit, each part is translated, and the English parts are joined with a space.
Only when a part has no boundary at all is it cut between words.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from dataclasses import dataclass

MAX_INPUT_TOKENS = 150
"""Pieces a sentence may have before it is split (CTranslate2 would truncate at 1024)."""

# Stronger boundaries first: a split at a semicolon reads better than one at a comma.
_BOUNDARIES = (
    re.compile(r"(?<=[;:])\s+"),
    re.compile(r"(?<=\S)\s+(?=[–—-]\s)"),
    re.compile(r"(?<=,)\s+"),
    re.compile(r"\s+(?=(?:und|oder|aber|denn|sondern|doch|weil|dass|wenn|als|während)\s)"),
)


def split_long_sentence(
    sentence: str, count: Callable[[str], int], limit: int = MAX_INPUT_TOKENS
) -> list[str]:
    """``sentence`` as one part, or cut at clause boundaries into parts of at most ``limit``.

    ``count`` gives the number of model pieces of a text. Joining the parts with single
    spaces gives the sentence back with its whitespace runs folded.
    """
    if count(sentence) <= limit:
        return [sentence]
    for boundary in _BOUNDARIES:
        pieces = [piece for piece in boundary.split(sentence) if piece.strip()]
        if len(pieces) > 1:
            return _pack(pieces, count, limit)
    words = sentence.split()
    if len(words) <= 1:
        return [sentence]  # one enormous word: nothing sensible to cut; CTranslate2 truncates
    middle = len(words) // 2
    first, second = " ".join(words[:middle]), " ".join(words[middle:])
    return split_long_sentence(first, count, limit) + split_long_sentence(second, count, limit)


def _pack(pieces: list[str], count: Callable[[str], int], limit: int) -> list[str]:
    """Greedily join neighbouring pieces while they fit; split what still does not fit."""
    parts: list[str] = []
    current = ""
    for piece in pieces:
        candidate = f"{current} {piece}" if current else piece
        if current and count(candidate) > limit:
            parts.append(current)
            current = piece
        else:
            current = candidate
    parts.append(current)
    result: list[str] = []
    for part in parts:
        result += split_long_sentence(part, count, limit) if count(part) > limit else [part]
    return result


DEVICES = ("auto", "cpu", "cuda")
DEVICE_VARIABLE = "ARGOS_DEVICE_TYPE"


@dataclass(frozen=True)
class DeviceChoice:
    """Where CTranslate2 runs, and the line that tells the reader."""

    device: str
    """``cpu`` or ``cuda``."""
    explanation: str
    """One line: which device, and why (shown by ``translate`` and in the app's status)."""


def cuda_device_count() -> int:
    """CUDA devices CTranslate2 can use (0 without a CUDA build or GPU)."""
    import ctranslate2

    try:
        return int(ctranslate2.get_cuda_device_count())
    except (RuntimeError, OSError):
        return 0


def choose_device(requested: str | None, threads: int) -> DeviceChoice:
    """Resolve ``auto``/``cpu``/``cuda`` (``ARGOS_DEVICE_TYPE`` when not given)."""
    wanted = (requested or os.environ.get(DEVICE_VARIABLE) or "auto").strip().lower()
    if wanted not in DEVICES:
        from reader.translation.package_data import ModelError

        raise ModelError(f"device {wanted!r}: choose auto, cpu or cuda")
    cpu_threads = f"{threads} threads" if threads else f"{os.cpu_count() or 1} cores"
    if wanted == "cpu":
        return DeviceChoice("cpu", f"translating on the CPU ({cpu_threads}; as requested)")
    gpus = cuda_device_count()
    if gpus:
        return DeviceChoice("cuda", f"translating on the GPU (CUDA, {gpus} device(s))")
    if wanted == "cuda":
        from reader.translation.package_data import ModelError

        raise ModelError("--device cuda: CTranslate2 finds no CUDA device here; use auto or cpu")
    return DeviceChoice("cpu", f"translating on the CPU ({cpu_threads}; no CUDA device found)")
