"""Fetching the package index and package files over HTTP(S), with bounded sizes and safe names.

Index data never names a file: a download goes to a temporary file whose name we make (with
our process id, so a later run can tell a crashed download from a running one) in the cache's
``downloads`` folder. Only ``http``/``https`` links are followed, and a redirect may not move
to another host or from ``https`` down to ``http`` (``http`` up to ``https`` on the same host is
allowed) unless the caller allows it: the reader's explicit ``--allow-redirects`` or
``LESEPULT_ALLOW_REDIRECTS=1``. Sizes are bounded: the index to :data:`MAX_INDEX_BYTES`, a
package file to :data:`MAX_DOWNLOAD_BYTES`.
"""

from __future__ import annotations

import hashlib
import http.client
import os
import tempfile
import urllib.error
import urllib.request
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from reader.fetch import (
    BodyTooLarge,
    FetchCancelled,
    RedirectCheck,
    announced_length,
    body_chunks,
    open_http,
)
from reader.translation.package_data import ModelError, check_link

MAX_INDEX_BYTES = 8 << 20
"""Largest index read (the real one, 96 entries, is about 40 KB)."""
MAX_DOWNLOAD_BYTES = 1 << 30
"""Largest package file downloaded (the real German→English one is 87 MB)."""
NETWORK_TIMEOUT_SECONDS = 30.0
ALLOW_REDIRECTS_VARIABLE = "LESEPULT_ALLOW_REDIRECTS"
PARTIAL_PREFIX = ".partial-"
"""Prefix of downloads in progress: ``.partial-<pid>-<random>.argosmodel``."""

ProgressCallback = Callable[[int, int | None], None]
"""Called with (bytes done, bytes in total or None when the server does not say)."""


def redirects_allowed_by_environment() -> bool:
    """Whether ``LESEPULT_ALLOW_REDIRECTS`` lets redirects change host or scheme."""
    return os.environ.get(ALLOW_REDIRECTS_VARIABLE, "").strip().lower() in ("1", "yes", "true")


def _redirect_check(allow_other_hosts: bool) -> RedirectCheck:
    """Follow a redirect only to http(s), and only to the same host unless allowed."""

    def check(old_url: str, new_url: str) -> None:
        try:
            check_link(new_url)
        except ModelError as error:
            raise urllib.error.URLError(f"redirect refused: {error.message}") from None
        old, new = urlsplit(old_url), urlsplit(new_url)
        same_host = (old.hostname, old.port) == (new.hostname, new.port)
        upgrade_only = old.scheme == new.scheme or (old.scheme, new.scheme) == ("http", "https")
        if not allow_other_hosts and not (same_host and upgrade_only):
            raise urllib.error.URLError(
                f"redirect to {new.scheme}://{new.hostname} refused (it changes host or"
                f" scheme); allow it with --allow-redirects or {ALLOW_REDIRECTS_VARIABLE}=1"
            )

    return check


def open_url(url: str, timeout: float, allow_redirects: bool) -> Any:
    """Open an http(s) URL with the redirect policy; raises what ``urlopen`` raises."""
    check_link(url)
    return open_http(url, timeout, "Lesepult", _redirect_check(allow_redirects))


def reason(error: BaseException) -> str:
    """A one-line reason for a network error."""
    if isinstance(error, urllib.error.URLError) and not isinstance(error, urllib.error.HTTPError):
        return str(error.reason)
    return str(error) or type(error).__name__


def fetch_bytes(
    url: str, limit: int, timeout: float, allow_redirects: bool, what: str = ""
) -> bytes:
    """At most ``limit`` bytes from ``url``; ModelError when unreachable or larger."""
    try:
        with open_url(url, timeout, allow_redirects) as response:
            data: bytes = response.read(limit + 1)
    except (OSError, urllib.error.URLError, http.client.HTTPException, ValueError) as error:
        raise ModelError(f"cannot reach {what}{url}: {reason(error)}") from error
    if len(data) > limit:
        raise ModelError(f"{what}{url} is larger than {limit // (1 << 20)} MB; refused")
    return data


def download_file(
    url: str,
    directory: Path,
    expected_sha256: str | None,
    progress: ProgressCallback | None,
    is_cancelled: Callable[[], bool] | None,
    allow_redirects: bool,
) -> Path:
    """Download ``url`` into a new file in ``directory`` named by us; verify its checksum.

    Returns the file, or raises ModelError having removed whatever was written.
    """
    check_link(url)
    directory.mkdir(parents=True, exist_ok=True)
    descriptor, name = tempfile.mkstemp(
        prefix=f"{PARTIAL_PREFIX}{os.getpid()}-", suffix=".argosmodel", dir=directory
    )
    partial = Path(name)
    digest = hashlib.sha256()
    try:
        with os.fdopen(descriptor, "wb") as file:
            with open_url(url, NETWORK_TIMEOUT_SECONDS, allow_redirects) as response:
                total = announced_length(response)
                if total is not None and total > MAX_DOWNLOAD_BYTES:
                    raise ModelError(f"{url}: {total} bytes is more than a package may be")
                done = 0
                if progress:
                    progress(done, total)
                for chunk in body_chunks(response, MAX_DOWNLOAD_BYTES, is_cancelled=is_cancelled):
                    done += len(chunk)
                    file.write(chunk)
                    digest.update(chunk)
                    if progress:
                        progress(done, total)
                if total is not None and done < total:
                    raise ModelError(f"{url}: connection dropped after {done} of {total} bytes")
        if expected_sha256 is not None and digest.hexdigest() != expected_sha256:
            raise ModelError(f"{url}: checksum mismatch (got {digest.hexdigest()[:12]}…)")
        return partial
    except FetchCancelled:
        partial.unlink(missing_ok=True)
        raise ModelError("download cancelled") from None
    except BodyTooLarge:
        partial.unlink(missing_ok=True)
        raise ModelError(f"{url}: more than {MAX_DOWNLOAD_BYTES} bytes; refused") from None
    except http.client.IncompleteRead as error:
        partial.unlink(missing_ok=True)
        raise ModelError(
            f"{url}: connection dropped after {len(error.partial)} bytes of this read"
        ) from error
    except (OSError, urllib.error.URLError, http.client.HTTPException, ValueError) as error:
        partial.unlink(missing_ok=True)
        raise ModelError(f"{url}: {reason(error)}") from error
    except BaseException:
        partial.unlink(missing_ok=True)
        raise
