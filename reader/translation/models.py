"""Argos Translate model packages: which are installed, which the index offers, install, remove.

``argostranslate.package`` stays the source of truth: installed packages are the folders it
reads (``Package``) in the directory it uses (``ARGOS_PACKAGES_DIR``), and index entries are
read with its ``AvailablePackage``. Three steps are our own, with reasons:

- Directories are worked out from the environment at each call, because
  ``argostranslate.settings`` freezes them when it is first imported.
- Install and remove do not call ``argostranslate.package.install_from_path``/``uninstall``:
  both import ``argostranslate.translate`` (spaCy, stanza, torch: seconds and hundreds of MB)
  only to clear a cache, and the install extracts straight into the package folder, so an
  interruption leaves half a package. We extract into a temporary folder and rename it.
- The download streams in chunks for a progress bar, verifies a checksum when the index
  gives one, and removes the partial file on any failure.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
import urllib.error
import urllib.request
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from typing import Any

from reader.errors import UserError
from reader.paths import cache_dir

SOURCE_LANGUAGE = "de"
TARGET_LANGUAGE = "en"
DEFAULT_INDEX_URL = "https://raw.githubusercontent.com/argosopentech/argospm-index/main/"
DOWNLOAD_CHUNK_BYTES = 64 * 1024
NETWORK_TIMEOUT_SECONDS = 30.0

MISSING_MODEL_HELP = (
    "No German→English translation model is installed. Install one with"
    " `lesepult models install` (downloads about 100 MB from the Argos package index)"
    " or `lesepult models install --file translate-de_en.argosmodel`."
)

ProgressCallback = Callable[[int, int | None], None]
"""Called with (bytes done, bytes in total or None when the server does not say)."""


class ModelError(UserError):
    """A model package cannot be listed, downloaded, installed, loaded or removed."""


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

    @property
    def model_id(self) -> str:
        """Code and version, the key translations are stored under: ``translate-de_en 1.9``."""
        return f"{self.code} {self.version}"


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


def _version_key(version: str) -> tuple[int, Any]:
    from packaging.version import InvalidVersion, Version

    try:
        return (1, Version(version))
    except InvalidVersion:
        return (0, version)


def _check_package_folder(folder: Path) -> ModelInfo:
    """Read one installed package with argostranslate; raise ModelError with a one-line reason."""
    from argostranslate.package import Package

    try:
        package = Package(folder)
    except (OSError, ValueError) as error:
        raise ModelError(f"{folder}: not a readable Argos package ({error})") from error
    if package.type != "translate" or not package.from_code or not package.to_code:
        raise ModelError(f"{folder}: not a translation package")
    if not (folder / "model" / "model.bin").is_file():
        raise ModelError(f"{folder}: no CTranslate2 model (model/model.bin is missing)")
    if not (folder / "sentencepiece.model").is_file():
        raise ModelError(f"{folder}: no sentencepiece.model (older BPE packages are not supported)")
    code = package.code or f"translate-{package.from_code}_{package.to_code}"
    return ModelInfo(
        code=code,
        version=str(package.package_version or "0"),
        from_code=package.from_code,
        to_code=package.to_code,
        path=folder,
    )


def installed_models() -> InstalledModels:
    """Every translation package in the packages folder, and why any other folder is unusable."""
    directory = argos_packages_dir()
    models: list[ModelInfo] = []
    problems: list[str] = []
    if directory.is_dir():
        for folder in sorted(directory.iterdir()):
            if not folder.is_dir() or folder.name.startswith("."):
                continue
            try:
                models.append(_check_package_folder(folder))
            except ModelError as error:
                problems.append(error.message)
    models.sort(key=lambda model: (model.code, _version_key(model.version)))
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


def fetch_index(timeout: float = NETWORK_TIMEOUT_SECONDS) -> tuple[AvailableModel, ...]:
    """Download and read the package index; raise ModelError when it cannot be reached."""
    from argostranslate.package import AvailablePackage

    url = argos_index_url() + "index.json"
    try:
        with urllib.request.urlopen(_request(url), timeout=timeout) as response:
            entries = json.loads(response.read().decode("utf-8"))
    except (OSError, urllib.error.URLError) as error:
        raise ModelError(f"cannot reach the model index {url}: {_reason(error)}") from error
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"the model index {url} is not valid JSON: {error}") from error
    if not isinstance(entries, list):
        raise ModelError(f"the model index {url} is not a list of packages")
    available = []
    for entry in entries:
        if not isinstance(entry, dict):
            continue
        package = AvailablePackage(entry)
        if package.type != "translate" or not package.from_code or not package.to_code:
            continue
        checksum = entry.get("sha256") or entry.get("checksum")
        if isinstance(checksum, str) and checksum.startswith("sha256:"):
            checksum = checksum.removeprefix("sha256:")
        available.append(
            AvailableModel(
                code=package.code or f"translate-{package.from_code}_{package.to_code}",
                version=str(package.package_version or "0"),
                from_code=package.from_code,
                to_code=package.to_code,
                from_name=package.from_name or package.from_code,
                to_name=package.to_name or package.to_code,
                links=tuple(str(link) for link in package.links),
                sha256=checksum.lower() if isinstance(checksum, str) else None,
            )
        )
    return tuple(available)


def find_available(
    available: tuple[AvailableModel, ...],
    from_code: str = SOURCE_LANGUAGE,
    to_code: str = TARGET_LANGUAGE,
) -> AvailableModel:
    """The newest index entry for the language pair; ModelError when the index has none."""
    matching = [m for m in available if m.from_code == from_code and m.to_code == to_code]
    if not matching:
        raise ModelError(f"the model index offers no {from_code}→{to_code} package")
    return max(matching, key=lambda model: _version_key(model.version))


def _request(url: str) -> urllib.request.Request:
    return urllib.request.Request(url, headers={"User-Agent": "Lesepult"})


def _reason(error: BaseException) -> str:
    if isinstance(error, urllib.error.URLError) and not isinstance(error, urllib.error.HTTPError):
        return str(error.reason)
    return str(error) or type(error).__name__


def download(
    model: AvailableModel,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> Path:
    """Download the package file into the cache; verify it; no partial file is ever left."""
    if not model.links:
        raise ModelError(f"the model index gives no download link for {model.model_id}")
    downloads = cache_dir() / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    target = downloads / f"{model.code}-{model.version}.argosmodel"
    failures: list[str] = []
    for url in model.links:
        try:
            _download_to(url, target, progress, is_cancelled)
        except ModelError as error:
            failures.append(error.message)
            continue
        if model.sha256 is not None:
            digest = _sha256(target)
            if digest != model.sha256:
                target.unlink(missing_ok=True)
                failures.append(f"{url}: checksum mismatch (got {digest[:12]}…)")
                continue
        return target
    raise ModelError("download failed: " + "; ".join(failures))


def _download_to(
    url: str,
    target: Path,
    progress: ProgressCallback | None,
    is_cancelled: Callable[[], bool] | None,
) -> None:
    import http.client

    descriptor, partial_name = tempfile.mkstemp(prefix=f".{target.name}.", dir=target.parent)
    partial = Path(partial_name)
    try:
        with os.fdopen(descriptor, "wb") as file:
            with urllib.request.urlopen(_request(url), timeout=NETWORK_TIMEOUT_SECONDS) as response:
                length_header = response.headers.get("Content-Length")
                total = int(length_header) if length_header and length_header.isdigit() else None
                done = 0
                if progress:
                    progress(done, total)
                while True:
                    if is_cancelled and is_cancelled():
                        raise ModelError("download cancelled")
                    chunk = response.read(DOWNLOAD_CHUNK_BYTES)
                    if not chunk:
                        break
                    file.write(chunk)
                    done += len(chunk)
                    if progress:
                        progress(done, total)
                if total is not None and done < total:
                    raise ModelError(f"{url}: connection dropped after {done} of {total} bytes")
        os.replace(partial, target)
    except http.client.IncompleteRead as error:
        raise ModelError(
            f"{url}: connection dropped after {len(error.partial)} bytes of this read"
        ) from error
    except (OSError, urllib.error.URLError, http.client.HTTPException) as error:
        raise ModelError(f"{url}: {_reason(error)}") from error
    finally:
        partial.unlink(missing_ok=True)


def _sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def _package_folder_name(archive: zipfile.ZipFile, path: Path) -> str:
    """The single top folder holding metadata.json; rejects unsafe or odd archives."""
    tops: set[str] = set()
    for name in archive.namelist():
        parts = PurePosixPath(name).parts
        if not parts or name.startswith("/") or ".." in parts or "\\" in name:
            raise ModelError(f"{path}: unsafe file name in the archive: {name!r}")
        tops.add(parts[0])
    if len(tops) != 1:
        raise ModelError(f"{path}: an Argos package holds exactly one top folder")
    (top,) = tops
    if f"{top}/metadata.json" not in archive.namelist():
        raise ModelError(f"{path}: no metadata.json in the package")
    return top


def install_from_file(path: Path) -> ModelInfo:
    """Install an ``.argosmodel`` file; replaces the same package; never leaves half a package."""
    if path.is_dir():
        raise ModelError(f"{path}: is a directory; give an .argosmodel file")
    if not path.is_file():
        raise ModelError(f"{path}: no such file (expected an .argosmodel file)")
    if not zipfile.is_zipfile(path):
        raise ModelError(f"{path}: not an Argos model package (not a zip archive)")
    packages = argos_packages_dir()
    packages.mkdir(parents=True, exist_ok=True)
    staging = Path(tempfile.mkdtemp(prefix=".installing-", dir=packages))
    try:
        try:
            with zipfile.ZipFile(path) as archive:
                top = _package_folder_name(archive, path)
                broken = archive.testzip()
                if broken is not None:
                    raise ModelError(f"{path}: corrupted archive ({broken} fails its checksum)")
                archive.extractall(staging)
        except (zipfile.BadZipFile, OSError, EOFError) as error:
            raise ModelError(f"{path}: corrupted archive ({error})") from error
        try:
            _check_package_folder(staging / top)
        except ModelError as error:
            raise ModelError(error.message.replace(str(staging / top), str(path))) from error
        target = packages / top
        old = None
        if target.exists():
            old = Path(tempfile.mkdtemp(prefix=".removing-", dir=packages))
            os.replace(target, old / top)
        os.replace(staging / top, target)
        if old is not None:
            shutil.rmtree(old, ignore_errors=True)
        return _check_package_folder(target)
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def install_available(
    model: AvailableModel,
    progress: ProgressCallback | None = None,
    is_cancelled: Callable[[], bool] | None = None,
) -> ModelInfo:
    """Download, verify and install a package from the index; the download is then deleted."""
    downloaded = download(model, progress, is_cancelled)
    try:
        return install_from_file(downloaded)
    finally:
        downloaded.unlink(missing_ok=True)


def remove(code: str) -> ModelInfo:
    """Remove the installed package named by code (``translate-de_en``), model id or folder."""
    for model in reversed(installed_models().models):
        if code in (model.code, model.model_id, model.path.name):
            # Rename first so a reader starting now never sees half a package.
            trash = Path(tempfile.mkdtemp(prefix=".removing-", dir=model.path.parent))
            os.replace(model.path, trash / model.path.name)
            shutil.rmtree(trash, ignore_errors=True)
            return model
    raise ModelError(f"no installed model package {code!r} (see `lesepult models list`)")
