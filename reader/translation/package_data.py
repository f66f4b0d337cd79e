"""Strict readers for outside package data: ``metadata.json`` and package index entries.

Neither a package archive nor a package index is trusted. ``argostranslate.package`` reads
both with ``dict.get`` and then calls ``.append`` on whatever it found, so a ``[]`` metadata or a
``"languages": 5`` ends in a traceback; and its ``code``/``package_version`` end up in file
names. Here every field we use is checked for type, length and (for codes and versions) a strict
pattern, the lists argostranslate would touch must be lists, and anything else is a
:class:`ModelError` naming the field. Codes and versions that pass the patterns cannot hold a
path separator, ``..`` or a control character, but file names are still never built from them
(see ``reader.translation.archive`` and ``reader.translation.download``).
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from reader.core.errors import UserError

PACKAGE_CODE = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
"""An Argos package code, ``translate-de_en``."""
PACKAGE_VERSION = re.compile(r"[0-9]{1,6}(\.[0-9]{1,6}){0,3}")
"""A package version, ``1.0`` or ``1.9.2``."""
LANGUAGE_CODE = re.compile(r"[a-z]{2,3}([_-][A-Za-z0-9]{1,8})?")
"""A language code as Argos writes them, ``de``, ``pt``, ``zh_Hant``."""
SHA256 = re.compile(r"[0-9a-fA-F]{64}")

MAX_NAME_CHARS = 100
"""Longest language name or target prefix accepted."""
MAX_LINK_CHARS = 2048
MAX_LINKS = 16
MAX_LIST_ITEMS = 1000
"""Longest list field (``languages`` and its kind) accepted."""
MAX_METADATA_BYTES = 1 << 20
"""Largest ``metadata.json`` read (the real ones are under 1 KB)."""

# Fields argostranslate copies or appends to: they must be lists or it raises on them.
_LIST_FIELDS = (
    "languages",
    "source_languages",
    "target_languages",
    "from_codes",
    "to_codes",
    "dependencies",
)
_OPTIONAL_TEXT_FIELDS = ("from_name", "to_name", "argos_version", "target_prefix", "type")


class ModelError(UserError):
    """A model package cannot be listed, downloaded, installed, loaded or removed."""


@dataclass(frozen=True)
class PackageMetadata:
    """The checked fields of one package's ``metadata.json`` or index entry."""

    code: str
    """The package code (``translate-de_en``), derived from the languages when not given."""
    version: str
    """The package version (``1.0``); ``0`` when an installed package does not say."""
    from_code: str
    """Source language code."""
    to_code: str
    """Target language code."""
    from_name: str
    """Source language name (the code when not given)."""
    to_name: str
    """Target language name (the code when not given)."""
    package_type: str
    """``translate`` unless the data says otherwise (other types are not for us)."""
    target_prefix: str
    """Token the model's output starts with, or empty."""

    @property
    def model_id(self) -> str:
        """Code and version, the key translations are stored under: ``translate-de_en 1.0``."""
        return f"{self.code} {self.version}"


def _text(data: dict[str, Any], field: str, limit: int = MAX_NAME_CHARS) -> str | None:
    value = data.get(field)
    if value is None:
        return None
    if not isinstance(value, str):
        raise ModelError(f"{field} is {type(value).__name__}, not text")
    if len(value) > limit:
        raise ModelError(f"{field} is longer than {limit} characters")
    return value


def _matching(data: dict[str, Any], field: str, pattern: re.Pattern[str]) -> str | None:
    value = _text(data, field)
    if value is not None and not pattern.fullmatch(value):
        raise ModelError(f"{field} {value[:40]!r} is not a valid {field.replace('_', ' ')}")
    return value


def parse_metadata(data: object, require_version: bool = False) -> PackageMetadata:
    """The checked metadata of a package or index entry; ModelError naming the bad field."""
    if not isinstance(data, dict):
        raise ModelError(f"the metadata is {type(data).__name__}, not a JSON object")
    for field in _LIST_FIELDS:
        value = data.get(field)
        if value is not None and not isinstance(value, list):
            raise ModelError(f"{field} is {type(value).__name__}, not a list")
        if isinstance(value, list) and len(value) > MAX_LIST_ITEMS:
            raise ModelError(f"{field} has more than {MAX_LIST_ITEMS} items")
    for field in _OPTIONAL_TEXT_FIELDS:
        _text(data, field)
    from_code = _matching(data, "from_code", LANGUAGE_CODE)
    to_code = _matching(data, "to_code", LANGUAGE_CODE)
    if from_code is None or to_code is None:
        raise ModelError("from_code and to_code are required")
    code = _matching(data, "code", PACKAGE_CODE) or f"translate-{from_code}_{to_code}"
    if not PACKAGE_CODE.fullmatch(code):
        raise ModelError(f"no valid package code can be made for {from_code}→{to_code}")
    version = _matching(data, "package_version", PACKAGE_VERSION)
    if version is None and require_version:
        raise ModelError("package_version is required")
    return PackageMetadata(
        code=code,
        version=version or "0",
        from_code=from_code,
        to_code=to_code,
        from_name=_text(data, "from_name") or from_code,
        to_name=_text(data, "to_name") or to_code,
        package_type=_text(data, "type") or "translate",
        target_prefix=_text(data, "target_prefix") or "",
    )


def parse_metadata_bytes(raw: bytes) -> PackageMetadata:
    """Parse the bytes of a ``metadata.json``; ModelError for anything that is not valid."""
    if len(raw) > MAX_METADATA_BYTES:
        raise ModelError(f"metadata.json is larger than {MAX_METADATA_BYTES} bytes")
    return parse_metadata(load_json(raw, "metadata.json"))


def load_json(raw: bytes, what: str) -> Any:
    """JSON from outside bytes; ModelError (not a traceback) for bad UTF-8, syntax or nesting."""
    try:
        return json.loads(raw.decode("utf-8"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ModelError(f"{what} is not valid JSON: {error}") from error
    except RecursionError as error:  # "[[[[…" nested thousands deep
        raise ModelError(f"{what} is nested too deeply") from error


def check_link(link: object) -> str:
    """A download link if it is an absolute http(s) URL with a host; ModelError otherwise."""
    if not isinstance(link, str):
        raise ModelError(f"a link is {type(link).__name__}, not text")
    if len(link) > MAX_LINK_CHARS:
        raise ModelError(f"a link is longer than {MAX_LINK_CHARS} characters")
    if any(ord(character) <= 0x20 or 0x7F <= ord(character) <= 0x9F for character in link):
        raise ModelError("a link holds spaces or control characters")
    try:
        parts = urlsplit(link)
        host = parts.hostname
        parts.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError as error:
        raise ModelError(f"the link {link[:60]!r} is not a valid URL") from error
    if parts.scheme not in ("http", "https"):
        raise ModelError(f"the link {link[:60]!r} is not http or https; refused")
    if not host:
        raise ModelError(f"the link {link[:60]!r} names no host")
    return link


def parse_links(data: dict[str, Any]) -> tuple[str, ...]:
    """The entry's ``links``: a non-empty list of http(s) URLs."""
    links = data.get("links")
    if not isinstance(links, list):
        raise ModelError(f"links is {type(links).__name__}, not a list of URLs")
    if not links:
        raise ModelError("links is empty")
    if len(links) > MAX_LINKS:
        raise ModelError(f"more than {MAX_LINKS} links")
    return tuple(check_link(link) for link in links)


def parse_checksum(data: dict[str, Any]) -> str | None:
    """The entry's SHA-256 (``sha256`` or ``checksum``, optionally ``sha256:``-prefixed)."""
    value = data.get("sha256", data.get("checksum"))
    if value is None:
        return None
    if not isinstance(value, str):
        raise ModelError(f"the checksum is {type(value).__name__}, not text")
    digest = value.removeprefix("sha256:")
    if not SHA256.fullmatch(digest):
        raise ModelError("the checksum is not a SHA-256 hex digest")
    return digest.lower()
