"""Property tests (Hypothesis) for the loaders of outside package data (issue 8).

Package metadata, index JSON, download links and whole package archives are generated, valid
and hostile mixed; the only exception that may escape is :class:`ModelError` (the project's
``UserError``), whatever comes back is checked against the strict patterns, and installing a
generated archive writes nothing outside the packages folder.
"""

from __future__ import annotations

import json
import os
import stat
import tempfile
import warnings
import zipfile
from pathlib import Path
from typing import Any
from unittest import mock
from urllib.parse import urlsplit

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from reader.translation.models import install_from_file, parse_index
from reader.translation.package_data import (
    LANGUAGE_CODE,
    PACKAGE_CODE,
    PACKAGE_VERSION,
    ModelError,
    check_link,
    parse_metadata,
    parse_metadata_bytes,
)

FAST = settings(max_examples=2000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats() | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=8,
)
# Flat wrong-typed values: cheap to generate, so thousands of entries stay fast.
junk = (
    st.none()
    | st.booleans()
    | st.integers()
    | st.text(max_size=5)
    | st.lists(st.integers(), max_size=2)
    | st.dictionaries(st.text(max_size=3), st.integers(), max_size=2)
)
links = st.sampled_from(
    [
        "https://argos-net.com/v1/translate-de_en-1_0.argosmodel",
        "http://127.0.0.1:8000/x.argosmodel",
        "file:///etc/passwd",
        "data:application/zip;base64,AAAA",
        "ftp://host/x",
        "http://",
        "https://[::1",
        "http://h:99999999/",
        "//no-scheme/x",
        "http://a/\x1b]52;c;x\x07",
    ]
) | st.text(max_size=40)
plausible = {
    "code": st.sampled_from(["translate-de_en", "../../tmp/x/victim", "", "A", "a" * 70]),
    "package_version": st.sampled_from(["1.0", "1.9", "0", "1.0.0.0.0", "../1", "1.x", ""]),
    "from_code": st.sampled_from(["de", "en", "pt_BR", "d", "../", "DE", ""]),
    "to_code": st.sampled_from(["en", "de", "zh_Hant", "e n"]),
    "from_name": st.text(max_size=30),
    "to_name": st.text(max_size=30),
    "type": st.sampled_from(["translate", "sbd", ""]),
    "links": st.lists(links, max_size=4),
    "languages": st.lists(junk, max_size=3),
    "source_languages": st.lists(junk, max_size=3),
    "target_prefix": st.text(max_size=10),
    "sha256": st.sampled_from(["0" * 64, "sha256:" + "a" * 64, "zz", ""]),
}
entries = st.fixed_dictionaries(
    {}, optional={key: value | junk for key, value in plausible.items()}
)


def check_result(metadata: Any) -> None:
    assert PACKAGE_CODE.fullmatch(metadata.code)
    assert metadata.version == "0" or PACKAGE_VERSION.fullmatch(metadata.version)
    assert LANGUAGE_CODE.fullmatch(metadata.from_code)
    assert LANGUAGE_CODE.fullmatch(metadata.to_code)


@FAST
@given(json_values)
def test_metadata_from_any_json_value(value: object) -> None:
    try:
        check_result(parse_metadata(value))
    except ModelError as error:
        assert "\n" not in error.message


@FAST
@given(entries)
def test_metadata_from_entries_with_the_real_keys(entry: dict[str, Any]) -> None:
    try:
        check_result(parse_metadata(entry))
    except ModelError:
        pass


@FAST
@given(st.binary(max_size=200) | entries.map(lambda entry: json.dumps(entry).encode()))
def test_metadata_json_bytes(raw: bytes) -> None:
    try:
        check_result(parse_metadata_bytes(raw))
    except ModelError:
        pass


@FAST
@given(
    st.lists(entries | junk, max_size=6).map(lambda value: json.dumps(value).encode())
    | st.binary(max_size=200)
)
def test_index_json(raw: bytes) -> None:
    try:
        index = parse_index(raw)
    except ModelError:
        return
    for model in index.models:
        assert PACKAGE_CODE.fullmatch(model.code) and PACKAGE_VERSION.fullmatch(model.version)
        assert model.links and all(
            urlsplit(link).scheme in ("http", "https") for link in model.links
        )
    assert all("\n" not in problem for problem in index.problems)


@FAST
@given(links)
def test_download_links(link: str) -> None:
    try:
        checked = check_link(link)
    except ModelError:
        return
    parts = urlsplit(checked)
    assert parts.scheme in ("http", "https") and parts.hostname


names = st.sampled_from(
    ["p/metadata.json", "p/model/model.bin", "p/sentencepiece.model", "p/", "p/model/",
     "../p/x", "/etc/x", "p/../../x", "p\\x", "C:/x", "q/metadata.json", "p/\x1b[2J", "p//x"]
) | st.text(min_size=1, max_size=12)  # fmt: skip
metadata_bytes = st.sampled_from([b"[]", b"null", b'"x"', b"{oops", b"\xff"]) | entries.map(
    lambda entry: json.dumps(entry).encode()
)
members = st.tuples(
    names,
    metadata_bytes | st.binary(max_size=50),
    st.sampled_from([0, stat.S_IFREG | 0o644, stat.S_IFLNK | 0o777, stat.S_IFIFO | 0o644]),
)


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(members, max_size=6))
def test_installing_generated_archives(contents: list[tuple[str, bytes, int]]) -> None:
    with tempfile.TemporaryDirectory() as work:
        root = Path(work)
        package = root / "in" / "p.argosmodel"
        package.parent.mkdir()
        with zipfile.ZipFile(package, "w") as archive, warnings.catch_warnings():
            warnings.simplefilter("ignore")  # duplicate names are part of the test
            for name, data, mode in contents:
                info = zipfile.ZipInfo(name)
                info.external_attr = mode << 16
                try:
                    archive.writestr(info, data)
                except ValueError:
                    pass
        packages = root / "packages"
        with mock.patch.dict(os.environ, {"ARGOS_PACKAGES_DIR": str(packages)}):
            try:
                install_from_file(package)
            except ModelError as error:
                assert "\n" not in error.message
        assert sorted(os.listdir(root)) == ["in", "packages"] or os.listdir(root) == ["in"]
        assert os.listdir(root / "in") == ["p.argosmodel"]
        if packages.exists():
            installed = os.listdir(packages)
            assert len(installed) <= 1 and all(PACKAGE_CODE.match(name) for name in installed)
