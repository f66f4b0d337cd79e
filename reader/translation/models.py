"""Argos Translate model packages: which are installed, which the index offers, install, remove.

Installed packages are the folders ``argostranslate.package`` reads, in the directory it uses
(``ARGOS_PACKAGES_DIR``), so Argos's own tools see what we install and we see theirs. What
is our own, with reasons:

- Directories are worked out from the environment at each call, because
  ``argostranslate.settings`` freezes them when it is first imported.
- Metadata and index entries are read by ``reader.translation.package_data``, strictly:
  argostranslate's readers trust them (a ``[]`` metadata or ``"languages": 5`` is a traceback).
  A broken package folder or index entry is skipped with one line saying why.
- Install and remove do not call ``argostranslate.package.install_from_path``/``uninstall``:
  both import ``argostranslate.translate`` (spaCy, stanza, torch: seconds and hundreds of MB)
  only to clear a cache, and the install extracts straight into the package folder, trusting
  the archive's names and sizes. We unpack with ``reader.translation.archive`` (bounded, no
  path escapes) into a temporary folder, name the package folder ourselves from its checked
  code and version, and rename it into place.
- Downloads go through ``reader.translation.download`` (http(s) only, redirect policy,
  bounded size, checksum when the index gives one, a file name of our own).
- Leftovers of a killed install or download are cleaned by :func:`clean_stale_leftovers`.

What a package is (its descriptions, the check of one folder): ``reader.translation.package_info``.
"""

from __future__ import annotations

import os
import shutil
import tempfile
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from reader.core.paths import cache_dir
from reader.translation import leftovers
from reader.translation.archive import extract
from reader.translation.download import (
    MAX_INDEX_BYTES,
    NETWORK_TIMEOUT_SECONDS,
    ProgressCallback,
    download_file,
    fetch_bytes,
    redirects_allowed_by_environment,
)
from reader.translation.package_data import (
    ModelError,
    PackageMetadata,
    load_json,
    parse_checksum,
    parse_links,
    parse_metadata,
    parse_metadata_bytes,
)
from reader.translation.package_info import (
    MISSING_MODEL_HELP,
    SOURCE_LANGUAGE,
    TARGET_LANGUAGE,
    AvailableModel,
    InstalledModels,
    ModelInfo,
    language_pair,
    package_size,
    read_package_folder,
    version_key,
)

# Re-exported: callers import the package names from here.
__all__ = [
    "MISSING_MODEL_HELP",
    "SOURCE_LANGUAGE",
    "TARGET_LANGUAGE",
    "AvailableModel",
    "InstalledModels",
    "ModelError",
    "ModelInfo",
    "ProgressCallback",
    "language_pair",
    "package_size",
]

DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
MAX_INDEX_ENTRIES = 5000
"""Most entries read from a package index (the real one has 96)."""


def readable_size(size: int | None) -> str:
    """A package's size for the table: ``98 MB``, ``740 kB``; "?" when it was not read."""
    if size is None:
        return "?"
    if size >= 1_000_000:
        return f"{size / 1e6:.0f} MB"
    return f"{max(1, round(size / 1e3))} kB"


def argos_packages_dir() -> Path:
    """The folder Argos installs packages into, read from the environment at each call."""
    configured = os.environ.get("ARGOS_PACKAGES_DIR")
    if configured:
        return Path(configured).expanduser()
    data_home = os.environ.get("XDG_DATA_HOME") or str(Path.home() / ".local" / "share")
    return Path(data_home) / "argos-translate" / "packages"


def argos_index_url() -> str:
    """The package index base URL (``ARGOS_PACKAGE_INDEX``), ending with a slash."""
    url = os.environ.get("ARGOS_PACKAGE_INDEX") or DEFAULT_INDEX_URL
    return url if url.endswith("/") else url + "/"


def clean_stale_leftovers(now: float | None = None) -> list[Path]:
    """Remove what killed installs, removals and downloads left (rule: ``leftovers``)."""
    return leftovers.clean(argos_packages_dir(), cache_dir() / "downloads", now)


def installed_models() -> InstalledModels:
    """Every translation package in the packages folder, and why any other folder is unusable."""
    clean_stale_leftovers()
    directory = argos_packages_dir()
    models: list[ModelInfo] = []
    problems: list[str] = []
    try:
        folders = sorted(directory.iterdir()) if directory.is_dir() else []
    except OSError as error:
        message = f"cannot read the packages folder {directory}: {error.strerror}"
        raise ModelError(message) from error
    for folder in folders:
        if not folder.is_dir() or folder.name.startswith("."):
            continue
        try:
            models.append(read_package_folder(folder))
        except ModelError as error:
            problems.append(error.message)
    models.sort(key=lambda model: (model.code, version_key(model.version)))
    return InstalledModels(tuple(models), tuple(problems))


def installed_model(
    from_code: str = SOURCE_LANGUAGE, to_code: str = TARGET_LANGUAGE
) -> ModelInfo | None:
    """The newest installed package for the language pair, or None (fast: no model loading)."""
    matching = [
        model
        for model in installed_models().models
        if model.from_code == from_code and model.to_code == to_code
    ]
    return matching[-1] if matching else None


@dataclass(frozen=True)
class PackageIndex:
    """What the package index offers, and the entries that were skipped."""

    models: tuple[AvailableModel, ...]
    """Valid translation packages, in index order."""
    problems: tuple[str, ...]
    """One line per skipped entry: its position and what is wrong with it."""


def parse_index(raw: bytes, url: str = "the model index") -> PackageIndex:
    """Read index JSON bytes: each entry checked, bad ones skipped with a reason."""
    entries = load_json(raw, url)
    if not isinstance(entries, list):
        raise ModelError(f"{url} is not a list of packages")
    if len(entries) > MAX_INDEX_ENTRIES:
        raise ModelError(f"{url} has more than {MAX_INDEX_ENTRIES} entries; refused")
    available: list[AvailableModel] = []
    problems: list[str] = []
    for number, entry in enumerate(entries, start=1):
        try:
            metadata = parse_metadata(entry, require_version=True)
            if not isinstance(entry, dict):  # parse_metadata refused it already
                continue
            links, checksum = parse_links(entry), parse_checksum(entry)
        except ModelError as error:
            problems.append(f"index entry {number} skipped: {error.message}")
            continue
        if metadata.package_type == "translate":
            available.append(AvailableModel.from_metadata(metadata, links, checksum))
    return PackageIndex(tuple(available), tuple(problems))


def fetch_index(
    timeout: float = NETWORK_TIMEOUT_SECONDS, allow_redirects: bool | None = None
) -> PackageIndex:
    """Download and read the package index; raise ModelError when it cannot be read at all."""
    url = argos_index_url() + "index.json"
    if allow_redirects is None:
        allow_redirects = redirects_allowed_by_environment()
    raw = fetch_bytes(url, MAX_INDEX_BYTES, timeout, allow_redirects, "the model index ")
    return parse_index(raw, f"the model index {url}")


def find_available(
    index: PackageIndex,
    from_code: str = SOURCE_LANGUAGE,
    to_code: str = TARGET_LANGUAGE,
) -> AvailableModel:
    """The newest index entry for the language pair; ModelError when the index has none."""
    matching = [m for m in index.models if m.from_code == from_code and m.to_code == to_code]
    if not matching:
        skipped = f" ({len(index.problems)} entries skipped; first: {index.problems[0]})"
        raise ModelError(
            f"the model index offers no {from_code}→{to_code} package"
            + (skipped if index.problems else "")
        )
    return max(matching, key=lambda model: version_key(model.version))


def download(
    model: AvailableModel,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    allow_redirects: bool | None = None,
) -> Path:
    """Download the package file into the cache; verify it; no partial file is ever left."""
    if not model.links:
        raise ModelError(f"the model index gives no download link for {model.model_id}")
    if allow_redirects is None:
        allow_redirects = redirects_allowed_by_environment()
    clean_stale_leftovers()
    failures: list[str] = []
    for url in model.links:
        try:
            return download_file(
                url, cache_dir() / "downloads", model.sha256, progress, is_cancelled,
                allow_redirects,
            )  # fmt: skip
        except ModelError as error:
            if error.message == "download cancelled":
                raise
            failures.append(error.message)
    raise ModelError("download failed: " + "; ".join(failures))


def package_folder_name(metadata: PackageMetadata) -> str:
    """The folder a package is installed as, made from its checked code and version only."""
    return f"{metadata.code}-{metadata.version.replace('.', '_')}"


def install_from_file(path: Path) -> ModelInfo:
    """Install an ``.argosmodel`` file; replaces the same package; never leaves half a package."""
    if path.is_dir():
        raise ModelError(f"{path}: is a directory; give an .argosmodel file")
    if not path.is_file():
        raise ModelError(f"{path}: no such file (expected an .argosmodel file)")
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{path}: not an Argos model package (not a zip archive)")
    packages = argos_packages_dir()
    try:
        packages.mkdir(parents=True, exist_ok=True)
    except OSError as error:
        raise ModelError(f"cannot create the packages folder {packages}: {error}") from error
    clean_stale_leftovers()
    staging = Path(tempfile.mkdtemp(prefix=f".installing-{os.getpid()}-", dir=packages))
    try:
        try:
            with zipfile.ZipFile(path) as archive:
                unpacked = extract(archive, path, staging)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise ModelError(f"{path}: corrupted archive ({error})") from error
        except NotImplementedError as error:  # a zip format newer than Python reads
            raise ModelError(f"{path}: unsupported archive ({error})") from error
        try:
            read_package_folder(unpacked)
        except ModelError as error:
            raise ModelError(error.message.replace(str(unpacked), str(path))) from error
        metadata = parse_metadata_bytes((unpacked / "metadata.json").read_bytes())
        target = packages / package_folder_name(metadata)
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=f".removing-{os.getpid()}-", dir=packages))
            os.replace(target, old / target.name)
        os.replace(unpacked, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        installed = read_package_folder(target)
        _remove_other_versions(installed)
        return installed
    except OSError as error:
        raise ModelError(f"cannot install {path} into {packages}: {error}") from error
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _remove_other_versions(kept: ModelInfo) -> None:
    """One package per code: remove the installed folders of ``kept``'s code but other versions.

    Otherwise a reader who had 1.9 and installs 1.0 keeps translating with 1.9 (the newest).
    Translations stay in the store under their own model id.
    """
    for model in installed_models().models:
        if model.code == kept.code and model.path != kept.path:
            _remove_folder(model.path)


def _remove_folder(folder: Path) -> None:
    # Rename first so a reader starting now never sees half a package.
    trash = Path(tempfile.mkdtemp(prefix=f".removing-{os.getpid()}-", dir=folder.parent))
    os.replace(folder, trash / folder.name)
    shutil.rmtree(trash, ignore_errors=True)


def install_available(
    model: AvailableModel,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
    allow_redirects: bool | None = None,
) -> ModelInfo:
    """Download, verify and install a package from the index; the download is then deleted."""
    downloaded = download(model, progress, is_cancelled, allow_redirects)
    try:
        return install_from_file(downloaded)
    finally:
        downloaded.unlink(missing_ok=True)


def remove(code: str) -> ModelInfo:
    """Remove the installed package named by code (``translate-de_en``), model id or folder."""
    for model in reversed(installed_models().models):
        if code in (model.code, model.model_id, model.path.name):
            _remove_folder(model.path)
            return model
    raise ModelError(f"no installed model package {code!r} (see `lesepult models list`)")
