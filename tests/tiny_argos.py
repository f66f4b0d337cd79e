"""Build a real Argos Translate package with random weights, for tests and the benchmark.

The package is a genuine ``.argosmodel`` zip: ``metadata.json``, a CTranslate2 Transformer
built from numpy arrays (no training, no torch) and a SentencePiece model trained on a few
German sentences. Its English is nonsense; it exercises the real install, load and translate
path. Sizes are parameters so the benchmark can build a model as big as the real one.

Two layouts: ``"lesepult"`` (full metadata, the converter's JSON vocabulary) and ``"real"``,
exactly as the real ``translate-de_en-1_0.argosmodel``: a ``translate-de_en-1_0`` top folder
with directory entries, ``metadata.json`` with only the six language/version fields,
``README.md``, ``sentencepiece.model``, ``model/model.bin`` with a text
``model/shared_vocabulary.txt``, and ``stanza/`` tokenizer files. The
tokenizer can also be ``"bpe"``: a ``bpe.model`` of subword-nmt merges, as the Opus-MT ports.
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


def _bpe_codes(sentences: Sequence[str], merges: int = 200) -> tuple[str, list[str]]:
    """Learn subword-nmt style merges (the ``bpe.model`` format) and the resulting tokens."""
    from collections import Counter

    from argostranslate.apply_bpe import BPE
    from sacremoses.tokenize import MosesTokenizer

    tokenizer = MosesTokenizer("de")
    words = Counter(
        word for sentence in sentences for word in tokenizer.tokenize(sentence, escape=False)
    )
    vocabulary = Counter({tuple(word[:-1]) + (word[-1] + "</w>",): n for word, n in words.items()})
    codes: list[tuple[str, str]] = []
    for _ in range(merges):
        pairs: Counter[tuple[str, str]] = Counter()
        for symbols, count in vocabulary.items():
            for pair in zip(symbols, symbols[1:], strict=False):
                pairs[pair] += count
        if not pairs:
            break
        best = max(pairs, key=lambda pair: (pairs[pair], pair))
        codes.append(best)
        merged: Counter[tuple[str, ...]] = Counter()
        for symbols, count in vocabulary.items():
            out: list[str] = []
            index = 0
            while index < len(symbols):
                if index + 1 < len(symbols) and (symbols[index], symbols[index + 1]) == best:
                    out.append(symbols[index] + symbols[index + 1])
                    index += 2
                else:
                    out.append(symbols[index])
                    index += 1
            merged[tuple(out)] += count
        vocabulary = merged
    text = "#version: 0.2\n" + "".join(f"{a} {b}\n" for a, b in codes)
    bpe = BPE(io.StringIO(text))
    tokens = sorted({token for word in words for token in bpe.segment_tokens([word])})
    return text, tokens


def build_tiny_package(  # noqa: C901  each option (layout, tokenizer, spaCy) is a branch of one build
    destination: Path,
    sentences: Sequence[str],
    size: TinyModelSize = TinyModelSize(),
    code: str = "translate-de_en",
    version: str = "0.1",
    with_spacy: bool = False,
    target_prefix: str = "",
    layout: str = "lesepult",
    tokenizer: str = "sentencepiece",
) -> Path:
    """Write ``destination`` (an ``.argosmodel`` zip) and return it.

    ``with_spacy`` adds a saved ``spacy.blank("de")`` pipeline so that
    ``argostranslate.translate`` can split sentences offline (benchmark only). ``layout`` is
    ``"lesepult"`` or ``"real"`` (see the module docstring); ``tokenizer`` is
    ``"sentencepiece"`` or ``"bpe"``.
    """
    tokenizer_files: dict[str, bytes] = {}
    if tokenizer == "bpe":
        codes, pieces = _bpe_codes(sentences)
        tokenizer_files["bpe.model"] = codes.encode()
    else:
        sentencepiece_model = _train_sentencepiece(sentences, size.sentencepiece_vocabulary)
        pieces = [p for p in _pieces(sentencepiece_model) if p not in SPECIAL_TOKENS]
        tokenizer_files["sentencepiece.model"] = sentencepiece_model
    vocabulary = list(SPECIAL_TOKENS) + pieces
    if size.model_vocabulary is not None and size.model_vocabulary > len(vocabulary):
        vocabulary += [
            f"<filler{index}>" for index in range(size.model_vocabulary - len(vocabulary))
        ]
    real = layout == "real"
    folder = f"{code}-{version.replace('.', '_')}" if real else f"{code}-{version}"
    metadata = package_metadata(code, version)
    if real:
        metadata = {key: metadata[key] for key in REAL_METADATA_FIELDS}
    if target_prefix:
        metadata["target_prefix"] = target_prefix
    with tempfile.TemporaryDirectory() as work:
        model_dir = Path(work) / "model"
        _build_ctranslate2_model(model_dir, vocabulary, size)
        if real:  # as CTranslate2 2.x wrote it: a text vocabulary
            # config.json stays: a model.bin written by CTranslate2 4 cannot load without it
            # (the real 1.0 model.bin is an older spec revision with its defaults built in).
            (model_dir / "shared_vocabulary.json").unlink()
            (model_dir / "shared_vocabulary.txt").write_text("\n".join(vocabulary) + "\n")
            stanza = Path(work) / "stanza"
            for name in ("de/tokenize/gsd.pt", "de/mwt/gsd.pt"):
                (stanza / name).parent.mkdir(parents=True, exist_ok=True)
                (stanza / name).write_bytes(b"stanza model placeholder")
            (stanza / "resources.json").write_text("{}")
        spacy_dir = Path(work) / "spacy"
        if with_spacy:
            import spacy

            spacy.blank("de").to_disk(spacy_dir)
        destination.parent.mkdir(parents=True, exist_ok=True)
        with zipfile.ZipFile(destination, "w", zipfile.ZIP_DEFLATED) as archive:
            if real:
                archive.writestr(f"{folder}/", b"")
            archive.writestr(f"{folder}/metadata.json", json.dumps(metadata, indent=2))
            if real:
                archive.writestr(f"{folder}/README.md", f"# {code} {version}\n\nTest package.\n")
            for name, data in tokenizer_files.items():
                archive.writestr(f"{folder}/{name}", data)
            for file in sorted(Path(work).rglob("*")):
                relative = file.relative_to(work).as_posix()
                if file.is_dir() and real:
                    archive.writestr(f"{folder}/{relative}/", b"")
                elif file.is_file():
                    archive.write(file, f"{folder}/{relative}")
    return destination


REAL_METADATA_FIELDS = (
    "package_version",
    "argos_version",
    "from_code",
    "from_name",
    "to_code",
    "to_name",
)
"""The only fields of the real translate-de_en 1.0 ``metadata.json``."""


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
