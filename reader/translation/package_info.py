"""What an Argos package is: an installed one, one the index offers, and reading its folder.

The descriptions (:class:`ModelInfo`, :class:`AvailableModel`, :class:`InstalledModels`), the
names shown for them, and the check of one installed package folder (metadata, model,
tokenizer), without the folder lookups, the index or installing
(``reader.translation.models``, which re-exports these names).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any

from reader.translation.package_data import ModelError, PackageMetadata, parse_metadata_bytes

SOURCE_LANGUAGE = "de"
TARGET_LANGUAGE = "en"

MISSING_MODEL_HELP = (
    "No German→English translation model is installed. Install one with"
    " `lesepult models install` (downloads about 100 MB from the Argos package index)"
    " or `lesepult models install --file translate-de_en.argosmodel`."
)


@dataclass(frozen=True)
class ModelInfo:
    """An installed Argos translation package."""

    code: str
    """The package code, for example ``translate-de_en``."""
    version: str
    """The package version, for example ``1.9``."""
    from_code: str
    """Source language code."""
    to_code: str
    """Target language code."""
    path: Path
    """The installed package folder."""
    tokenizer: str = "sentencepiece"
    """``sentencepiece`` (``sentencepiece.model``) or ``bpe`` (``bpe.model``, Opus-MT ports)."""
    target_prefix: str = ""
    """Token the model's output starts with (multilingual packages), or empty."""

    @property
    def model_id(self) -> str:
        """Code and version, the key translations are stored under: ``translate-de_en 1.9``."""
        return f"{self.code} {self.version}"

    @property
    def tokenizer_file(self) -> Path:
        """The package's tokenizer model."""
        return self.path / TOKENIZER_FILES[self.tokenizer]


TOKENIZER_FILES = {"sentencepiece": "sentencepiece.model", "bpe": "bpe.model"}
"""The tokenizers argostranslate 1.11 supports, by the file a package holds (checked in order)."""


@dataclass(frozen=True)
class AvailableModel:
    """A package offered by the Argos package index."""

    code: str
    """The package code, for example ``translate-de_en``."""
    version: str
    """The package version."""
    from_code: str
    """Source language code."""
    to_code: str
    """Target language code."""
    from_name: str
    """Source language name."""
    to_name: str
    """Target language name."""
    links: tuple[str, ...]
    """Download URLs of the ``.argosmodel`` file, tried in order."""
    sha256: str | None
    """The file's SHA-256 checksum when the index gives one."""

    @property
    def model_id(self) -> str:
        """Code and version: ``translate-de_en 1.9``."""
        return f"{self.code} {self.version}"

    @classmethod
    def from_metadata(
        cls, metadata: PackageMetadata, links: tuple[str, ...], sha256: str | None
    ) -> AvailableModel:
        """An index entry from its checked fields."""
        return cls(
            code=metadata.code,
            version=metadata.version,
            from_code=metadata.from_code,
            to_code=metadata.to_code,
            from_name=metadata.from_name,
            to_name=metadata.to_name,
            links=links,
            sha256=sha256,
        )


@dataclass(frozen=True)
class InstalledModels:
    """What the packages folder holds."""

    models: tuple[ModelInfo, ...]
    """Readable translation packages, sorted by code then version."""
    problems: tuple[str, ...]
    """One line per package folder that could not be read."""


LANGUAGE_NAMES = {"de": "German", "en": "English"}
"""Readable names of the language codes this reader uses; others are shown as their code."""


def language_pair(from_code: str, to_code: str) -> str:
    """A package's languages for display, the same for installed and available packages."""
    names = (LANGUAGE_NAMES.get(code, code) for code in (from_code, to_code))
    return " → ".join(names)


def package_size(folder: Path) -> int:
    """The bytes an installed package's files take (0 for what cannot be read)."""
    total = 0
    for file in folder.rglob("*"):
        try:
            if file.is_file():
                total += file.stat().st_size
        except OSError:
            continue
    return total


def version_key(version: str) -> tuple[int, Any]:
    """A sort key for package versions: PEP 440 order, unreadable versions first."""
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def read_package_folder(folder: Path) -> ModelInfo:
    """Read one installed package; raise ModelError with a one-line reason."""
    try:
        with (folder / "metadata.json").open("rb") as file:
            raw = file.read(MAX_METADATA_READ)
    except OSError as error:
        raise ModelError(f"{folder}: no readable metadata.json ({error.strerror})") from error
    try:
        metadata = parse_metadata_bytes(raw)
    except ModelError as error:
        raise ModelError(f"{folder}: not a usable Argos package: {error.message}") from error
    if metadata.package_type != "translate":
        raise ModelError(f"{folder}: not a translation package")
    if not (folder / "model" / "model.bin").is_file():
        raise ModelError(f"{folder}: no CTranslate2 model (model/model.bin is missing)")
    tokenizer = next((k for k, f in TOKENIZER_FILES.items() if (folder / f).is_file()), None)
    if tokenizer is None:
        raise ModelError(f"{folder}: no tokenizer (neither sentencepiece.model nor bpe.model)")
    return ModelInfo(
        code=metadata.code,
        version=metadata.version,
        from_code=metadata.from_code,
        to_code=metadata.to_code,
        path=folder,
        tokenizer=tokenizer,
        target_prefix=metadata.target_prefix,
    )


MAX_METADATA_READ = (1 << 20) + 1
"""One byte more than package_data accepts, so an oversized file is reported, not cut."""
