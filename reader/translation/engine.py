"""The translation engine: a package's CTranslate2 model and tokenizer, loaded once, lazily.

We do not go through ``argostranslate.translate``: it imports spaCy, stanza and torch, splits
sentences itself, and sends each sentence as its own batch. Here the reader's sentences are
encoded with the package's own tokenizer and translated in one ``translate_batch`` call
(CTranslate2 cuts it into batches of ``max_batch_sentences`` only to bound memory), then
decoded and stripped of the package's ``target_prefix`` exactly as Argos does.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from reader.translation.models import ModelError, ModelInfo


@dataclass(frozen=True)
class EngineSettings:
    """How the model runs."""

    beam_size: int = 4
    """Beam width (Argos's default is 4; 1 is greedy and about twice as fast)."""
    threads: int = 0
    """CPU threads for one translation; 0 lets CTranslate2 use every core."""
    max_batch_sentences: int = 64
    """Largest batch CTranslate2 runs at once, to bound memory on long texts."""
    max_decoding_length: int = 256
    """Longest output, in tokens."""
    min_decoding_length: int = 0
    """Shortest output, in tokens (the benchmark forces equal lengths with it)."""

    @classmethod
    def from_environment(cls) -> EngineSettings:
        """Settings with ``LESEPULT_BEAM_SIZE`` and ``LESEPULT_THREADS`` applied when set."""
        return cls(
            beam_size=_positive_int("LESEPULT_BEAM_SIZE", cls.beam_size),
            threads=_positive_int("LESEPULT_THREADS", cls.threads, allow_zero=True),
        )


def _positive_int(variable: str, default: int, allow_zero: bool = False) -> int:
    value = os.environ.get(variable)
    if value is None:
        return default
    try:
        number = int(value)
    except ValueError:
        raise ModelError(f"{variable}={value!r}: not a whole number") from None
    if number < (0 if allow_zero else 1):
        raise ModelError(f"{variable}={value!r}: too small")
    return number


class Translator(Protocol):
    """What the pipeline needs from a translator (the engine, or a test's wrapper around it)."""

    @property
    def model_id(self) -> str:
        """The key translations are stored under, ``translate-de_en 1.9``."""
        ...

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """One English sentence per German sentence, in order."""
        ...

    def alternatives(self, sentence: str, count: int) -> list[str]:
        """Up to ``count`` different translations of one sentence, best first."""
        ...


class TranslationEngine:
    """An installed package's model, loaded on first use and then kept for the process."""

    def __init__(self, model: ModelInfo, settings: EngineSettings | None = None) -> None:
        self.model = model
        self.settings = settings or EngineSettings()
        self._lock = threading.Lock()
        self._translator: Any = None
        self._tokenizer: Any = None
        self._target_prefix = ""

    @property
    def model_id(self) -> str:
        """The key translations are stored under."""
        return self.model.model_id

    @property
    def loaded(self) -> bool:
        """Whether the model is in memory."""
        return self._translator is not None

    def load(self) -> None:
        """Load the model and tokenizer (slow, once); ModelError with a one-line reason."""
        with self._lock:
            if self._translator is not None:
                return
            import ctranslate2
            from argostranslate.package import Package

            try:
                package = Package(self.model.path)
                tokenizer = package.tokenizer
                translator = ctranslate2.Translator(
                    str(self.model.path / "model"),
                    device="cpu",
                    compute_type="auto",
                    inter_threads=1,
                    intra_threads=self.settings.threads,
                )
                # Loading the SentencePiece model now makes a broken file fail here, in one place.
                tokenizer.encode("Test")
            except (RuntimeError, OSError, ValueError, AttributeError) as error:
                raise ModelError(
                    f"cannot load the model {self.model_id} from {self.model.path}:"
                    f" {str(error).splitlines()[0] if str(error) else type(error).__name__}"
                ) from error
            self._tokenizer = tokenizer
            self._target_prefix = package.target_prefix or ""
            self._translator = translator

    def _run(self, sentences: Sequence[str], count: int) -> list[list[str]]:
        self.load()
        encoded = [self._tokenizer.encode(sentence) for sentence in sentences]
        prefix = [[self._target_prefix]] * len(encoded) if self._target_prefix else None
        results = self._translator.translate_batch(
            encoded,
            target_prefix=prefix,
            replace_unknowns=True,
            max_batch_size=self.settings.max_batch_sentences,
            batch_type="examples",
            beam_size=max(count, self.settings.beam_size),
            num_hypotheses=count,
            length_penalty=0.2,
            max_decoding_length=self.settings.max_decoding_length,
            min_decoding_length=self.settings.min_decoding_length,
        )
        return [[self._decode(tokens) for tokens in result.hypotheses] for result in results]

    def _decode(self, tokens: list[str]) -> str:
        # As argostranslate.translate.apply_packaged_translation: decode, drop the prefix,
        # drop the space the tokenizer puts first.
        value: str = self._tokenizer.decode(tokens)
        if self._target_prefix and value.startswith(self._target_prefix):
            value = value[len(self._target_prefix) :]
        if value.startswith(" "):
            value = value[1:]
        return value

    def translate(self, sentences: Sequence[str]) -> list[str]:
        """One English sentence per German sentence, in one batched call."""
        if not sentences:
            return []
        return [hypotheses[0] for hypotheses in self._run(sentences, 1)]

    def alternatives(self, sentence: str, count: int) -> list[str]:
        """Up to ``count`` distinct n-best translations of one sentence, best first."""
        seen: dict[str, None] = {}
        for hypothesis in self._run([sentence], max(1, count))[0]:
            seen.setdefault(hypothesis, None)
        return list(seen)
