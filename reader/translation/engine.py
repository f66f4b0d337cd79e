"""The translation engine: a package's CTranslate2 model and tokenizer, loaded once, lazily.

We do not go through ``argostranslate.translate``: it imports spaCy, stanza and torch, splits
sentences itself, and sends each sentence as its own batch. Here the reader's sentences are
encoded with the package's own tokenizer and translated in one ``translate_batch`` call
(CTranslate2 cuts it into batches of ``max_batch_sentences`` only to bound memory), then
decoded and stripped of the package's ``target_prefix`` exactly as Argos does.

The tokenizer is argostranslate's own (``argostranslate.tokenizer``: SentencePiece, or BPE
with Moses for the Opus-MT ports), which imports no torch. Decoding follows Argos (beam 4,
length penalty 0.2, unknowns replaced, at least one output token); sentences longer than the
model's input are split at clause boundaries (``reader.translation.decoding``) and joined.
"""

from __future__ import annotations

import os
import threading
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from reader.translation.decoding import MAX_INPUT_TOKENS, choose_device, split_long_sentence
from reader.translation.models import ModelError, ModelInfo


@dataclass(frozen=True)
class EngineSettings:
    """How the model runs."""

    beam_size: int = 4
    """Beam width (Argos's default is 4; 1 is greedy and about twice as fast)."""
    threads: int = 0
    """CPU threads for one translation; 0 lets CTranslate2 use every core."""
    max_batch_sentences: int = 32
    """Largest batch CTranslate2 runs at once, to bound memory on long texts. Beam 4 keeps
    attention caches for 4 hypotheses per sentence: with the base-size model, batches of 64
    held about 440 MB resident against about 300 MB for 32, at no clear gain in speed on CPU."""
    max_decoding_length: int = 256
    """Longest output, in tokens."""
    min_decoding_length: int = 1
    """Shortest output, in tokens: 1 as Argos, so no sentence comes back empty."""
    max_input_tokens: int = MAX_INPUT_TOKENS
    """Longer sentences are split at clause boundaries (CTranslate2 would truncate them)."""
    device: str | None = None
    """``auto``, ``cpu`` or ``cuda``; None: ``ARGOS_DEVICE_TYPE``, else ``auto``."""

    @classmethod
    def from_environment(cls) -> EngineSettings:
        """Settings with ``LESEPULT_BEAM_SIZE`` and ``LESEPULT_THREADS`` applied when set."""
        return cls(
            beam_size=_positive_int("LESEPULT_BEAM_SIZE", cls.beam_size),
            threads=_positive_int("LESEPULT_THREADS", cls.threads, allow_zero=True),
        )


def device_line(device: str | None = None) -> str:
    """Where the model runs with the environment's settings: the line ``translate`` prints
    (``translating on the CPU (2 cores; no CUDA device found)``), or why it cannot run."""
    try:
        return choose_device(device, EngineSettings.from_environment().threads).explanation
    except ModelError as error:
        return error.message


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
        self._target_prefix = model.target_prefix
        self.device_line = ""
        """Where the model runs, one line (set by :meth:`load`)."""

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
            from argostranslate.tokenizer import BPETokenizer, SentencePieceTokenizer

            choice = choose_device(self.settings.device, self.settings.threads)
            try:
                tokenizer: Any
                if self.model.tokenizer == "bpe":
                    tokenizer = BPETokenizer(
                        self.model.tokenizer_file, self.model.from_code, self.model.to_code
                    )
                else:
                    tokenizer = SentencePieceTokenizer(self.model.tokenizer_file)
                # CTranslate2's advice for one stream of requests: one translator thread using
                # the cores (intra_threads 0 = all) rather than several competing ones.
                translator = ctranslate2.Translator(
                    str(self.model.path / "model"),
                    device=choice.device,
                    compute_type="auto",
                    inter_threads=1,
                    intra_threads=self.settings.threads,
                )
                # Loading the tokenizer now makes a broken file fail here, in one place.
                tokenizer.encode("Test")
            except (RuntimeError, OSError, ValueError, AttributeError, UnicodeError) as error:
                raise ModelError(
                    f"cannot load the model {self.model_id} from {self.model.path}:"
                    f" {str(error).splitlines()[0] if str(error) else type(error).__name__}"
                ) from error
            self._tokenizer = tokenizer
            self._translator = translator
            self.device_line = choice.explanation

    def _run(self, sentences: Sequence[str], count: int) -> list[list[str]]:
        """Up to ``count`` hypotheses per sentence; long sentences translated in parts."""
        return [[text for text, _ in scored] for scored in self.scored(sentences, count)]

    def scored(self, sentences: Sequence[str], count: int) -> list[list[tuple[str, float]]]:
        """Up to ``count`` (English, score) hypotheses per sentence, best first.

        A sentence split into parts gets, as its k-th hypothesis, the parts' k-th hypotheses
        joined (the first when a part has fewer), scored by the sum of the parts' scores.
        """
        self.load()

        def pieces(text: str) -> int:
            return len(self._tokenizer.encode(text))

        limit = self.settings.max_input_tokens
        parts: list[list[str]] = []
        flat: list[list[str]] = []  # the encoded parts, in order
        for sentence in sentences:
            tokens = self._tokenizer.encode(sentence)
            if len(tokens) <= limit:  # the usual case: encoded once
                parts.append([sentence])
                flat.append(tokens)
                continue
            cut = split_long_sentence(sentence, pieces, limit)
            parts.append(cut)
            flat += [self._tokenizer.encode(part) for part in cut]
        results = iter(self._translate_parts(flat, count))
        combined: list[list[tuple[str, float]]] = []
        for sentence_parts in parts:
            per_part = [next(results) for _ in sentence_parts]
            if len(per_part) == 1:
                combined.append(per_part[0])
                continue
            width = max(len(hypotheses) for hypotheses in per_part)
            joined = []
            for k in range(width):
                chosen = [h[k] if k < len(h) else h[0] for h in per_part]
                joined.append((" ".join(t for t, _ in chosen), sum(s for _, s in chosen)))
            combined.append(joined)
        return combined

    def _translate_parts(
        self, encoded: list[list[str]], count: int
    ) -> list[list[tuple[str, float]]]:
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
            return_scores=True,
        )
        return [
            [(self._decode(tokens), float(score)) for tokens, score in zip(
                result.hypotheses, result.scores, strict=True)]
            for result in results
        ]  # fmt: skip

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
