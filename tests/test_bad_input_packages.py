"""The bad-input matrix for model packages and package indexes (issue 8), one named case each.

Every case goes through the public entry points (``lesepult models ...``, ``translate``,
``export``) with a hostile or broken index on 127.0.0.1, package file or package folder, and
checks: exit status 2 with one ``lesepult:`` line (or the good package still used), no
traceback, nothing written outside the test's folders, nothing left behind.
"""

from __future__ import annotations

import io
import json
import os
import stat
import time
import warnings
import zipfile
from pathlib import Path
from typing import Any

import pytest

from reader.cli import main
from reader.core.paths import cache_dir
from reader.translation import archive, models
from reader.translation.models import argos_packages_dir, installed_model, installed_models
from tests.fixtures_translation import PackageServer
from tests.tiny_argos import index_entry, package_metadata

PACKAGE_NAME = "translate-de_en-0_1.argosmodel"
DEAD_PID = 999_999_999  # above Linux's pid_max (4194304): never a running process


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    status = main(list(argv))
    captured = capsys.readouterr()
    return status, captured.out, captured.err


def assert_one_line_error(status: int, err: str, *fragments: str) -> None:
    lines = err.strip().splitlines()
    assert status == 2, err
    assert len(lines) == 1 and lines[0].startswith("lesepult: "), err
    assert "Traceback" not in err
    for fragment in fragments:
        assert fragment in lines[0]


def nothing_installed_or_left() -> None:
    assert installed_model() is None
    for folder in (argos_packages_dir(), cache_dir() / "downloads"):
        if folder.exists():
            assert [p.name for p in folder.iterdir() if p.name.startswith(".")] == []
    if argos_packages_dir().exists():
        assert list(argos_packages_dir().iterdir()) == []


# --- 1. The index must not name files --------------------------------------------------------


def _traversal_entry(tmp_path: Path, field: str, base_url: str) -> tuple[dict[str, Any], Path]:
    victim_folder = tmp_path / "x"
    victim_folder.mkdir()
    downloads = cache_dir() / "downloads"
    downloads.mkdir(parents=True, exist_ok=True)
    escape = os.path.relpath(victim_folder / "victim", downloads)
    entry = index_entry("translate-de_en", "0.1", [base_url + PACKAGE_NAME])
    entry[field] = escape
    victim = victim_folder / ("victim-0.1.argosmodel" if field == "code" else "victim")
    victim.write_text("precious")
    return entry, victim_folder


@pytest.mark.parametrize("field", ["code", "package_version"])
def test_index_code_or_version_with_a_path_writes_nothing_outside(
    package_server: PackageServer,
    tiny_package: Path,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    field: str,
) -> None:
    package_server.files[PACKAGE_NAME] = tiny_package.read_bytes()
    entry, victim_folder = _traversal_entry(tmp_path, field, package_server.base_url)
    package_server.publish([entry])
    before = {path.name: path.read_bytes() for path in victim_folder.iterdir()}
    status, _, err = run(capsys, "models", "install")
    assert_one_line_error(status, err, "offers no de→en package", field)
    assert {path.name: path.read_bytes() for path in victim_folder.iterdir()} == before
    nothing_installed_or_left()


@pytest.mark.parametrize(
    "link",
    [
        "file:///etc/passwd",
        "data:application/zip;base64,UEsFBgAAAAAAAAAAAAAAAAAAAAAAAA==",
        "ftp://127.0.0.1/package.argosmodel",
        "http:///no-host.argosmodel",
        "http://127.0.0.1:99999999/x.argosmodel",
        "http://127.0.0.1/\x1b]52;c;aGk=\x07.argosmodel",
    ],
    ids=["file", "data", "ftp", "no-host", "bad-port", "control-characters"],
)
def test_index_links_that_are_not_http_are_refused(
    package_server: PackageServer, capsys: pytest.CaptureFixture[str], link: str
) -> None:
    package_server.publish([index_entry("translate-de_en", "0.1", [link])])
    status, _, err = run(capsys, "models", "install")
    assert_one_line_error(status, err, "offers no de→en package")
    assert "\x1b" not in err
    nothing_installed_or_left()


@pytest.mark.parametrize(
    "target",
    ["other-host", "file", "ftp"],
)
def test_a_redirect_that_changes_host_or_scheme_is_refused(
    package_server: PackageServer,
    tiny_package: Path,
    capsys: pytest.CaptureFixture[str],
    target: str,
) -> None:
    package_server.files["real.argosmodel"] = tiny_package.read_bytes()
    port = package_server.base_url.rsplit(":", 1)[1].rstrip("/")
    package_server.redirects[PACKAGE_NAME] = {
        "other-host": f"http://localhost:{port}/real.argosmodel",
        "file": "file:///etc/passwd",
        "ftp": f"ftp://127.0.0.1:{port}/real.argosmodel",
    }[target]
    link = package_server.base_url + PACKAGE_NAME
    package_server.publish([index_entry("translate-de_en", "0.1", [link])])
    status, _, err = run(capsys, "models", "install")
    assert_one_line_error(status, err)
    assert "redirect" in err.lower() and ("refused" in err or "not allowed" in err)
    nothing_installed_or_left()


def test_a_redirect_to_another_host_is_followed_when_allowed(
    package_server: PackageServer, tiny_package: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    package_server.files["real.argosmodel"] = tiny_package.read_bytes()
    port = package_server.base_url.rsplit(":", 1)[1].rstrip("/")
    package_server.redirects[PACKAGE_NAME] = f"http://localhost:{port}/real.argosmodel"
    link = package_server.base_url + PACKAGE_NAME
    package_server.publish([index_entry("translate-de_en", "0.1", [link])])
    status, out, _ = run(capsys, "models", "install", "--allow-redirects")
    assert status == 0 and "installed translate-de_en 0.1" in out
    same_host = f"{package_server.base_url}real.argosmodel"
    package_server.redirects[PACKAGE_NAME] = same_host
    assert run(capsys, "models", "remove", "translate-de_en")[0] == 0
    assert run(capsys, "models", "install")[0] == 0  # same host: no flag needed


# --- 2. Index entries of the wrong shape ------------------------------------------------------

BAD_ENTRIES: dict[str, object] = {
    "source_languages-5": {"source_languages": 5},
    "languages-5": {"languages": 5},
    "target_languages-text": {"target_languages": "x"},
    "links-a-string": {"links": "https://example.org/x.argosmodel"},
    "links-of-numbers": {"links": [5]},
    "links-empty": {"links": []},
    "from_code-5": {"from_code": 5},
    "to_code-missing": {"to_code": None},
    "code-a-list": {"code": ["x"]},
    "version-a-number": {"package_version": 1.0},
    "name-huge": {"from_name": "G" * 10_000},
    "checksum-not-hex": {"sha256": "zz"},
    "type-5": {"type": 5},
}


@pytest.mark.parametrize("change", list(BAD_ENTRIES.values()), ids=list(BAD_ENTRIES))
def test_a_bad_index_entry_is_skipped_and_the_rest_listed(
    package_server: PackageServer,
    tiny_package: Path,
    capsys: pytest.CaptureFixture[str],
    change: dict[str, object],
) -> None:
    good = index_entry("translate-de_en", "0.1", [package_server.base_url + PACKAGE_NAME])
    bad = {**index_entry("translate-de_en", "9.0", ["https://example.org/x"]), **change}
    bad = {key: value for key, value in bad.items() if value is not None}
    package_server.files[PACKAGE_NAME] = tiny_package.read_bytes()
    package_server.publish([bad, "not an object", good])  # type: ignore[list-item]
    status, out, err = run(capsys, "models", "list")
    assert status == 0 and "Traceback" not in err
    assert "translate-de_en 0.1" in out
    assert "index entry 1 skipped" in out and "index entry 2 skipped" in out
    status, out, _ = run(capsys, "models", "install")
    assert status == 0 and "installed translate-de_en 0.1" in out


@pytest.mark.parametrize(
    "body",
    [b"[" * 100_000 + b"]" * 100_000, b"{}", b"\xff\xfe not utf-8", b"[1, 2", b"null"],
    ids=["nested-deep", "an-object", "not-utf8", "truncated", "null"],
)
def test_an_unreadable_index_is_one_line(
    package_server: PackageServer, capsys: pytest.CaptureFixture[str], body: bytes
) -> None:
    package_server.files["index.json"] = body
    status, _, err = run(capsys, "models", "install")
    assert_one_line_error(status, err, "the model index")
    status, out, err = run(capsys, "models", "list")
    assert status == 0 and "Available: unknown" in out and "Traceback" not in err


def test_an_oversized_index_is_refused(
    package_server: PackageServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(models, "MAX_INDEX_BYTES", 1000)
    package_server.publish([index_entry("translate-de_en", "0.1", ["http://127.0.0.1/x"])] * 50)
    status, _, err = run(capsys, "models", "install")
    assert_one_line_error(status, err, "larger than")


def test_an_index_with_too_many_entries_is_refused(
    package_server: PackageServer,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(models, "MAX_INDEX_ENTRIES", 10)
    package_server.publish([index_entry("translate-de_en", "0.1", ["http://127.0.0.1/x"])] * 11)
    status, _, err = run(capsys, "models", "install")
    assert_one_line_error(status, err, "more than 10 entries")


# --- 3. Package archives ---------------------------------------------------------------------


def write_zip(path: Path, entries: list[tuple[zipfile.ZipInfo | str, bytes]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as package:
        for info, data in entries:
            package.writestr(info, data)
    return path


def metadata_entry(value: object) -> tuple[str, bytes]:
    return ("p/metadata.json", json.dumps(value).encode())


def symlink(name: str, target: str) -> tuple[zipfile.ZipInfo, bytes]:
    info = zipfile.ZipInfo(name)
    info.external_attr = (stat.S_IFLNK | 0o777) << 16
    return info, target.encode()


GOOD_METADATA = package_metadata("translate-de_en", "0.1")
BAD_ARCHIVES: dict[str, tuple[list[tuple[zipfile.ZipInfo | str, bytes]], str]] = {
    "metadata-a-list": ([metadata_entry([])], "not a JSON object"),
    "metadata-null": ([metadata_entry(None)], "not a JSON object"),
    "metadata-a-string": ([metadata_entry("x")], "not a JSON object"),
    "metadata-not-json": ([("p/metadata.json", b"{oops")], "not valid JSON"),
    "source_languages-text": (
        [metadata_entry({**GOOD_METADATA, "source_languages": "x"})], "not a list"),
    "languages-5": ([metadata_entry({**GOOD_METADATA, "languages": 5})], "not a list"),
    "code-with-a-path": (
        [metadata_entry({**GOOD_METADATA, "code": "../../victim"})], "not a valid code"),
    "absolute-path": ([metadata_entry(GOOD_METADATA), ("/etc/x", b"x")], "unsafe file name"),
    "dot-dot": ([metadata_entry(GOOD_METADATA), ("p/../../x", b"x")], "unsafe file name"),
    "backslash": ([metadata_entry(GOOD_METADATA), ("p\\..\\x", b"x")], "unsafe file name"),
    "drive-letter": ([metadata_entry(GOOD_METADATA), ("C:/x", b"x")], "unsafe file name"),
    "control-character": ([metadata_entry(GOOD_METADATA), ("p/\x1b[2J", b"x")], "unsafe"),
    "symlink": ([metadata_entry(GOOD_METADATA), symlink("p/link", "/etc/passwd")],
                "symbolic link"),
    "duplicate-entry": ([metadata_entry(GOOD_METADATA), metadata_entry(GOOD_METADATA)],
                        "appears twice"),
}  # fmt: skip


@pytest.mark.parametrize(
    ("entries", "message"), list(BAD_ARCHIVES.values()), ids=list(BAD_ARCHIVES)
)
def test_a_bad_archive_is_refused_in_one_line(
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    entries: list[tuple[zipfile.ZipInfo | str, bytes]],
    message: str,
) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")  # zipfile warns about the duplicate name
        package = write_zip(tmp_path / "bad.argosmodel", entries)
    status, _, err = run(capsys, "models", "install", "--file", str(package))
    assert_one_line_error(status, err, message)
    assert "\x1b" not in err
    nothing_installed_or_left()
    assert sorted(path.name for path in tmp_path.iterdir()) == ["bad.argosmodel"]


def test_a_zip_bomb_is_refused_by_its_declared_size(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LESEPULT_MAX_PACKAGE_MB", "1")
    package = write_zip(
        tmp_path / "bomb.argosmodel",
        [metadata_entry(GOOD_METADATA), ("p/model/model.bin", b"\0" * (3 << 20))],
    )
    assert package.stat().st_size < 100_000
    status, _, err = run(capsys, "models", "install", "--file", str(package))
    assert_one_line_error(status, err, "unpacks to 3 MB, more than the 1 MB", "refused")
    nothing_installed_or_left()


def test_a_zip_bomb_with_lying_sizes_stops_at_what_it_declared(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w", zipfile.ZIP_DEFLATED) as package:
        package.writestr("p/metadata.json", json.dumps(GOOD_METADATA))
        package.writestr("p/model/model.bin", b"\0" * (3 << 20))
    data = bytearray(buffer.getvalue())
    real = (3 << 20).to_bytes(4, "little")
    small = (1000).to_bytes(4, "little")
    assert data.count(real) == 2  # local header and central directory: uncompressed size
    data = data.replace(real, small)
    bomb = tmp_path / "liar.argosmodel"
    bomb.write_bytes(bytes(data))
    status, _, err = run(capsys, "models", "install", "--file", str(bomb))
    assert_one_line_error(status, err, "liar.argosmodel")
    nothing_installed_or_left()


def test_too_many_entries_are_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(archive, "MAX_ENTRIES", 10)
    entries = [metadata_entry(GOOD_METADATA)] + [(f"p/f{n}", b"") for n in range(10)]
    package = write_zip(tmp_path / "many.argosmodel", entries)  # type: ignore[arg-type]
    status, _, err = run(capsys, "models", "install", "--file", str(package))
    assert_one_line_error(status, err, "more than 10 files")
    nothing_installed_or_left()


def test_a_full_disk_is_said_plainly(
    tiny_package: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    class Usage:
        total, used, free = 10 << 30, 10 << 30, 1000

    monkeypatch.setattr(archive.shutil, "disk_usage", lambda path: Usage())
    status, _, err = run(capsys, "models", "install", "--file", str(tiny_package))
    assert_one_line_error(status, err, "not enough disk space")
    assert "corrupted" not in err
    nothing_installed_or_left()


# --- 4. Broken package folders beside a good one --------------------------------------------

BROKEN_FOLDERS: dict[str, bytes | None] = {
    "metadata-a-list": b"[]",
    "metadata-null": b"null",
    "source_languages-text": json.dumps({**GOOD_METADATA, "source_languages": "x"}).encode(),
    "metadata-binary": b"\xff\xfe\x00",
    "metadata-a-folder": None,
}


@pytest.mark.parametrize("metadata", list(BROKEN_FOLDERS.values()), ids=list(BROKEN_FOLDERS))
def test_a_broken_package_folder_is_skipped_with_one_warning(
    tiny_model: models.ModelInfo,
    capsys: pytest.CaptureFixture[str],
    tmp_path: Path,
    metadata: bytes | None,
) -> None:
    broken = argos_packages_dir() / "translate-de_en-9_9"
    (broken / "model").mkdir(parents=True)
    (broken / "model" / "model.bin").write_bytes(b"x")
    (broken / "sentencepiece.model").write_bytes(b"x")
    if metadata is None:
        (broken / "metadata.json").mkdir()
    else:
        (broken / "metadata.json").write_bytes(metadata)
    assert installed_models().models == (tiny_model,)
    status, out, err = run(capsys, "models", "list", "--offline")
    assert status == 0 and "translate-de_en 0.1" in out and "Traceback" not in err
    assert sum("unusable" in line for line in out.splitlines()) == 1
    text = tmp_path / "text.md"
    text.write_text("# Titel\n\nEin Satz. Noch ein Satz.\n")
    status, out, err = run(capsys, "translate", str(text), "--format", "json")
    assert status == 0, err
    assert json.loads(out)["model"] == "translate-de_en 0.1"
    assert sum("warning: skipped" in line for line in err.splitlines()) == 1
    assert "translating on the CPU" in err
    target = tmp_path / "sheet.md"
    status, _, err = run(capsys, "export", str(text), "--translation", "best", "-o", str(target))
    assert status == 0 and "Traceback" not in err


# --- 5. Leftovers of a killed install or download --------------------------------------------


def make_leftovers() -> tuple[list[Path], list[Path]]:
    """(stale leftovers, leftovers of a running process) in the packages and download folders."""
    packages = argos_packages_dir()
    downloads = cache_dir() / "downloads"
    for folder in (packages, downloads):
        folder.mkdir(parents=True, exist_ok=True)
    stale = [
        packages / f".installing-{DEAD_PID}-abc",
        packages / f".removing-{DEAD_PID}-abc",
        packages / ".installing-old_style",
        downloads / f".partial-{DEAD_PID}-abc.argosmodel",
    ]
    alive = [
        packages / f".installing-{os.getpid()}-running",
        downloads / f".partial-{os.getpid()}-running.argosmodel",
        packages / ".installing-recent_style",
    ]
    for path in stale + alive:
        if path.suffix == ".argosmodel":
            path.write_bytes(b"partial")
        else:
            (path / "translate-de_en-0_1").mkdir(parents=True)
            (path / "translate-de_en-0_1" / "model.bin").write_bytes(b"x" * 1000)
    hours_ago = time.time() - 2 * 3600
    os.utime(packages / ".installing-old_style", (hours_ago, hours_ago))
    return stale, alive


@pytest.mark.parametrize("command", ["list", "install"])
def test_leftovers_of_a_killed_install_are_cleaned(
    tiny_package: Path, capsys: pytest.CaptureFixture[str], command: str
) -> None:
    stale, alive = make_leftovers()
    argv = ["models", "list", "--offline"] if command == "list" else [
        "models", "install", "--file", str(tiny_package)]  # fmt: skip
    assert run(capsys, *argv)[0] == 0
    assert [path for path in stale if path.exists()] == []
    assert all(path.exists() for path in alive)
    for path in alive:
        if path.is_dir():
            import shutil

            shutil.rmtree(path)
        else:
            path.unlink()


def test_bytes_written_beyond_the_declared_size_stop_the_install(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    # zipfile itself stops at the declared size; this is the second line of defence, for a
    # decompressor that does not: the bytes actually written are counted.
    package = write_zip(
        tmp_path / "inflating.argosmodel",
        [metadata_entry(GOOD_METADATA), ("p/model/model.bin", b"\0" * 1000)],
    )
    real_open = zipfile.ZipFile.open

    def inflating(self: zipfile.ZipFile, name: Any, *args: Any, **kwargs: Any) -> Any:
        if getattr(name, "filename", name).endswith("model.bin"):
            return io.BytesIO(b"\0" * (5 << 20))
        return real_open(self, name, *args, **kwargs)

    monkeypatch.setattr(zipfile.ZipFile, "open", inflating)
    status, _, err = run(capsys, "models", "install", "--file", str(package))
    assert_one_line_error(status, err, "unpacks to more than the archive declares")
    nothing_installed_or_left()


def needs_a_newer_zip_reader(path: Path) -> Path:
    """Rewrite every central-directory entry to say it needs zip version 6.4 to extract."""
    data = bytearray(path.read_bytes())
    at = data.find(b"PK\x01\x02")
    while at != -1:
        data[at + 6 : at + 8] = (64).to_bytes(2, "little")  # "version needed to extract"
        at = data.find(b"PK\x01\x02", at + 4)
    path.write_bytes(bytes(data))
    return path


def test_an_archive_of_a_newer_zip_version_is_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # Found by Hypothesis on EPUB files: zipfile raises NotImplementedError when opening it.
    package = needs_a_newer_zip_reader(
        write_zip(tmp_path / "new.argosmodel", [metadata_entry(GOOD_METADATA)])
    )
    status, _, err = run(capsys, "models", "install", "--file", str(package))
    assert_one_line_error(status, err, "unsupported archive")
    nothing_installed_or_left()
