"""Build a real Argos Translate package with random weights, for tests and the benchmark.

The package is a genuine ``.argosmodel`` zip: ``metadata.json``, a CTranslate2 Transformer
built from numpy arrays (no training, no torch) and a SentencePiece model trained on a few
German sentences. Its English is nonsense; it exercises the real install, load and translate
path. Sizes are parameters so the benchmark can build a model as big as the real one.
"""

from __future__ import annotations

import io
import json
import tempfile
import zipfile
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

SPECIAL_TOKENS = ("<unk>", "<s>", "</s>", "<blank>")


@dataclass(frozen=True)
class TinyModelSize:
    """The shape of the random Transformer."""

    layers: int = 2
    """Encoder and decoder layers each."""
    model_dim: int = 64
    """Width of embeddings and hidden states."""
    heads: int = 4
    """Attention heads."""
    ffn_dim: int = 128
    """Inner width of the feed-forward blocks."""
    sentencepiece_vocabulary: int = 400
    """Pieces the SentencePiece model learns (fewer if the text is too small)."""
    model_vocabulary: int | None = None
    """Model vocabulary size; padded with filler tokens beyond the pieces (None: the pieces)."""
    end_bias: float = 1.3
    """Added to the end-of-sentence logit so random outputs stop early (0: no push)."""


BENCHMARK_SIZE = TinyModelSize(
    layers=6,
    model_dim=512,
    heads=8,
    ffn_dim=2048,
    sentencepiece_vocabulary=400,
    model_vocabulary=32000,
    end_bias=0.0,
)


def _train_sentencepiece(sentences: Sequence[str], vocabulary: int) -> bytes:
    import sentencepiece as spm

    model = io.BytesIO()
    spm.SentencePieceTrainer.train(
        sentence_iterator=iter(sentences),
        model_writer=model,
        vocab_size=vocabulary,
        hard_vocab_limit=False,
        character_coverage=1.0,
        minloglevel=2,
    )
    return model.getvalue()


def _pieces(sentencepiece_model: bytes) -> list[str]:
    import sentencepiece as spm

    processor = spm.SentencePieceProcessor(model_proto=sentencepiece_model)
    return [processor.id_to_piece(index) for index in range(processor.get_piece_size())]


def _build_ctranslate2_model(output_dir: Path, vocabulary: list[str], size: TinyModelSize) -> None:
    from ctranslate2.converters.converter import Converter
    from ctranslate2.specs import transformer_spec

    random = np.random.default_rng(7)
    d, ffn, v = size.model_dim, size.ffn_dim, len(vocabulary)

    def weights(*shape: int) -> np.ndarray[Any, Any]:
        return (random.standard_normal(shape) * 0.1).astype(np.float32)

    def norm(layer: Any) -> None:
        layer.gamma = np.ones(d, np.float32)
        layer.beta = np.zeros(d, np.float32)

    def linear(layer: Any, out_dim: int, in_dim: int) -> None:
        layer.weight = weights(out_dim, in_dim)
        layer.bias = np.zeros(out_dim, np.float32)

    def positions() -> np.ndarray[Any, Any]:
        return weights(512, d)

    class RandomConverter(Converter):
        def _load(self) -> Any:
            spec = transformer_spec.TransformerSpec.from_config(size.layers, size.heads)
            encoder, decoder = spec.encoder, spec.decoder
            encoder.embeddings[0].weight = weights(v, d)
            encoder.position_encodings.encodings = positions()
            norm(encoder.layer_norm)
            for layer in encoder.layer:
                norm(layer.self_attention.layer_norm)
                linear(layer.self_attention.linear[0], 3 * d, d)
                linear(layer.self_attention.linear[1], d, d)
                norm(layer.ffn.layer_norm)
                linear(layer.ffn.linear_0, ffn, d)
                linear(layer.ffn.linear_1, d, ffn)
            decoder.embeddings.weight = weights(v, d)
            decoder.position_encodings.encodings = positions()
            norm(decoder.layer_norm)
            linear(decoder.projection, v, d)
            decoder.projection.bias[SPECIAL_TOKENS.index("</s>")] = size.end_bias
            for layer in decoder.layer:
                norm(layer.self_attention.layer_norm)
                linear(layer.self_attention.linear[0], 3 * d, d)
                linear(layer.self_attention.linear[1], d, d)
                norm(layer.attention.layer_norm)
                linear(layer.attention.linear[0], d, d)
                linear(layer.attention.linear[1], 2 * d, d)
                linear(layer.attention.linear[2], d, d)
                norm(layer.ffn.layer_norm)
                linear(layer.ffn.linear_0, ffn, d)
                linear(layer.ffn.linear_1, d, ffn)
            spec.register_source_vocabulary(vocabulary)
            spec.register_target_vocabulary(vocabulary)
            return spec

    RandomConverter().convert(str(output_dir), quantization="int8", force=True)


def build_tiny_package(
    destination: Path,
    sentences: Sequence[str],
    size: TinyModelSize = TinyModelSize(),
    code: str = "translate-de_en",
    version: str = "0.1",
    with_spacy: bool = False,
    target_prefix: str = "",
) -> Path:
    """Write ``destination`` (an ``.argosmodel`` zip) and return it.

    ``with_spacy`` adds a saved ``spacy.blank("de")`` pipeline so that
    ``argostranslate.translate`` can split sentences offline (benchmark only).
    """
    sentencepiece_model = _train_sentencepiece(sentences, size.sentencepiece_vocabulary)
    pieces = [piece for piece in _pieces(sentencepiece_model) if piece not in SPECIAL_TOKENS]
    vocabulary = list(SPECIAL_TOKENS) + pieces
    if size.model_vocabulary is not None and size.model_vocabulary > len(vocabulary):
        vocabulary += [
            f"<filler{index}>" for index in range(size.model_vocabulary - len(vocabulary))
        ]
    folder = f"{code}-{version}"
    metadata = package_metadata(code, version)
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    with tempfile.TemporaryDirectory() as work:
        model_dir = Path(work) / "model"
        _build_ctranslate2_model(model_dir, vocabulary, size)
        spacy_dir = Path(work) / "spacy"
        if with_spacy:
            import spacy

            spacy.blank("de").to_disk(spacy_dir)
        destination.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as archive:
            archive.writestr(f"{folder}/metadata.json", json.dumps(metadata, indent=2))
            archive.writestr(f"{folder}/sentencepiece.model", sentencepiece_model)
            for directory in (model_dir, spacy_dir):
                if not directory.exists():
                    continue
                for file in sorted(directory.rglob("*")):
                    if file.is_file():
                        archive.write(file, f"{folder}/{file.relative_to(work)}")
    return destination


def package_metadata(code: str, version: str) -> dict[str, Any]:
    """The ``metadata.json`` of a German→English package (also the core of an index entry)."""
    return {
        "package_version": version,
        "argos_version": "1.9",
        "from_code": "de",
        "from_name": "German",
        "to_code": "en",
        "to_name": "English",
        "type": "translate",
        "code": code,
    }


def index_entry(code: str, version: str, links: list[str], **extra: Any) -> dict[str, Any]:
    """An Argos package index entry for a package built by :func:`build_tiny_package`."""
    return {
        **package_metadata(code, version),
        "links": links,
        **extra,
    }
