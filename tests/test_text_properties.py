"""Property tests for every loader of texts, front matter, reference files and YAML (issue 8).

Thousands of generated inputs each: random bytes, byte order marks, control characters,
generated YAML with anchors, aliases, tags, deep nesting and invalid dates. Each loader may
refuse an input only with the project's own error (``UserError``, or the glossary loader's
problems list), and nothing is written outside the test's temporary folder.
"""

from __future__ import annotations

import codecs
import json
import os
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from glossary.loading import parse_glossary_text
from reader.core import safe_yaml
from reader.core.errors import UserError
from reader.core.structure import MAX_BLOCK_CHARS
from reader.core.text import decode_text, load_document, load_reference, parse_document

SETTINGS = {"deadline": None, "suppress_health_check": [HealthCheck.too_slow]}
BOMS = [b"", codecs.BOM_UTF8, codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE, codecs.BOM_UTF32_LE]
CONTROLS = st.sampled_from(["\x1b]2;x\x07", "\x1b[2J", "\x9b", "\x00", "\x7f", "\r", "\r\n", "\f"])
GERMAN = st.sampled_from(
    ["Der Brief kam.", "BERLIN taz | Es regnet.", "Berlin (dpa) - Ja.", "[1]", "# Titel", "\n\n"]
)
SCALARS = [
    "1",
    "true",
    "null",
    "~",
    "2022-13-45",
    "2022-12-01",
    "2022-12-01 10:00:00",
    "'quoted'",
    "!!binary aGk=",
    "!!python/name:os.system",
    "!!python/object/apply:os.system [id]",
    "!!timestamp 2022-99-99",
    "!!int x",
    "!!float nan",
    "[]",
    "{}",
    "-",
    "|\n  block",
    "Berlin (Reuters) -",
]
KEYS = ["title", "date", "teaser", "reference", "source", "language", "url", "x", "entries"]
NAMES = ["a", "b", "c"]


@st.composite
def yaml_value(draw: st.DrawFn, depth: int = 0) -> str:
    """A YAML flow value, often with anchors, aliases, tags or collection keys."""
    kind = draw(st.integers(0, 7 if depth < 3 else 2))
    if kind == 0:
        return draw(st.sampled_from(SCALARS))
    if kind == 1:
        return "*" + draw(st.sampled_from(NAMES))
    if kind == 2:
        return json.dumps(draw(st.text(max_size=12)))
    if kind == 3:
        return f"&{draw(st.sampled_from(NAMES))} {draw(yaml_value(depth + 1))}"
    if kind in (4, 5):
        items = draw(st.lists(yaml_value(depth + 1), max_size=3))
        return "[" + ", ".join(items) + "]"
    if kind == 6:
        pairs = draw(st.lists(st.tuples(yaml_value(depth + 1), yaml_value(depth + 1)), max_size=2))
        return "{" + ", ".join(f"? {key} : {value}" for key, value in pairs) + "}"
    return "[" * draw(st.integers(30, 80)) + "]" * draw(st.integers(0, 80))


@st.composite
def yaml_document(draw: st.DrawFn) -> str:
    """Several top-level lines: known and unknown keys, generated values, raw junk."""
    lines = []
    for _ in range(draw(st.integers(0, 4))):
        choice = draw(st.integers(0, 5))
        if choice == 0:
            lines.append(draw(st.text(max_size=30)).replace("\n", " "))
        elif choice == 1:
            lines.append(f"? {draw(yaml_value())}\n: {draw(yaml_value())}")
        else:
            lines.append(f"{draw(st.sampled_from(KEYS))}: {draw(yaml_value())}")
    return "\n".join(lines) + "\n"


@contextmanager
def watched_folder() -> Iterator[Path]:
    """A temporary folder; on leaving, asserts nothing appeared in the working directory."""
    before = set(os.listdir("."))
    with tempfile.TemporaryDirectory() as folder:
        yield Path(folder)
    assert set(os.listdir(".")) == before


def _check_document_source(source: str) -> None:
    assert "\r" not in source
    assert all(c in "\n\t" or not (ord(c) < 32 or 0x7F <= ord(c) <= 0x9F) for c in source)


@settings(max_examples=2000, **SETTINGS)
@given(
    bom=st.sampled_from(BOMS),
    parts=st.lists(st.one_of(st.text(max_size=40), CONTROLS, GERMAN), max_size=12),
    raw=st.binary(max_size=60),
    encoding=st.sampled_from([None, None, "utf-8", "utf-16", "cp1252", "latin-1", "nonsense"]),
)
def test_text_bytes_load_or_fail_with_a_user_error(
    bom: bytes, parts: list[str], raw: bytes, encoding: str | None
) -> None:
    text = "".join(parts)
    codec = {codecs.BOM_UTF16_LE: "utf-16-le", codecs.BOM_UTF16_BE: "utf-16-be"}.get(bom)
    codec = codec or ("utf-32-le" if bom == codecs.BOM_UTF32_LE else "utf-8")
    data = bom + text.encode(codec, "surrogatepass") + raw
    try:
        document = parse_document(decode_text(data, "t.txt", encoding), "t.txt")
    except UserError as error:
        assert "\n" not in str(error)
        return
    _check_document_source(document.source)
    assert all(len(block.text) <= MAX_BLOCK_CHARS for block in document.blocks)
    assert all(document.source[b.start : b.end] == b.text for b in document.blocks)


@settings(max_examples=2000, **SETTINGS)
@given(front=st.one_of(yaml_document(), st.text(max_size=80)), controls=st.lists(CONTROLS))
def test_front_matter_loads_or_fails_with_a_user_error(front: str, controls: list[str]) -> None:
    text = f"---\n{front}{''.join(controls)}\n---\n\nTitel\n\nDer Brief kam am Montag an.\n"
    try:
        document = parse_document(
            decode_text(text.encode("utf-8", "surrogatepass"), "f.md"), "f.md"
        )
    except UserError as error:
        assert "\n" not in str(error)
        assert len(str(error)) < 400
        return
    _check_document_source(document.source)
    for value in (document.metadata.title, document.metadata.date, document.metadata.reference):
        assert isinstance(value, str)


@settings(max_examples=2000, **SETTINGS)
@given(text=st.one_of(yaml_document(), st.text(max_size=100)))
def test_safe_yaml_refuses_with_yaml_errors_only(text: str) -> None:
    try:
        node = safe_yaml.compose(text)
        safe_yaml.load(text)
    except yaml.YAMLError as error:
        assert "\n" not in safe_yaml.describe(error)
        return
    # What was accepted holds no anchor or alias: composing built each node once.
    seen: set[int] = set()
    stack = [node] if node is not None else []
    while stack:
        current = stack.pop()
        assert id(current) not in seen
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            for key, value in current.value:
                assert isinstance(key, yaml.ScalarNode)
                stack += [key, value]
        elif isinstance(current, yaml.SequenceNode):
            stack += current.value


@settings(max_examples=1500, **SETTINGS)
@given(body=yaml_document(), entries=st.lists(yaml_value(), max_size=4))
def test_glossary_yaml_never_raises(body: str, entries: list[str]) -> None:
    text = "glossary: G\nversion: '1'\nentries:\n" + "".join(f"  - {e}\n" for e in entries) + body
    parsed = parse_glossary_text(text, "g.yaml", "user")
    assert parsed.problems or parsed.header is not None
    for problem in parsed.problems:
        assert "\n" not in problem.message
        assert len(problem.message) < 400


REFERENCE_NAMES = st.one_of(
    st.sampled_from(
        ["text.en.md", "../x.md", "/etc/passwd", "/dev/zero", ".", "..", "sub/../../x", "~/x"]
    ),
    st.text(alphabet="ab./~-_ \\", min_size=1, max_size=12),
)


@settings(max_examples=1000, **SETTINGS)
@given(name=REFERENCE_NAMES, content=st.binary(max_size=200), bom=st.sampled_from(BOMS))
def test_reference_files_load_or_fail_with_a_user_error(
    name: str, content: bytes, bom: bytes
) -> None:
    with watched_folder() as root:
        folder = root / "texts"
        folder.mkdir()
        (root / "x.md").write_text("outside\n", encoding="utf-8")
        text = folder / "text.md"
        text.write_text(
            f"---\nreference: {json.dumps(name)}\n---\n\nTitel\n\nDer Brief kam.\n",
            encoding="utf-8",
        )
        (folder / "text.en.md").write_bytes(bom + content)
        try:
            reference = load_reference(load_document(text))
        except UserError as error:
            assert "\n" not in str(error)
            return
        if reference is not None:
            assert reference.path.resolve().is_relative_to(folder.resolve())
            assert reference.path.is_file()
