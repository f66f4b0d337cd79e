"""The bad-input matrix for texts, front matter, reference files and glossary YAML (issue 8).

Each case is one thing a hostile or clumsy file did on a real machine; each is a named,
parametrized test: the file is refused with one line (a ``UserError``) or read safely.
"""

from __future__ import annotations

import codecs
import os
from collections.abc import Callable
from pathlib import Path

import pytest

from glossary.loading import parse_glossary_text
from reader.cli import main
from reader.core.errors import UserError
from reader.core.structure import MAX_BLOCK_CHARS
from reader.core.text import TextLoadError, load_document, load_reference
from reader.store import Store
from tests.ui_support import open_reader

BODY = "Titel\n\nDer Brief kam am Montag an. Niemand hatte ihn erwartet.\n"
# 9 levels of nine aliases each: 9**9 (387 million) strings from 1 KB if aliases expand.
ALIAS_BOMB = "a: &a ['lol','lol','lol','lol','lol','lol','lol','lol','lol']\n" + "".join(
    f"{chr(98 + level)}: &{chr(98 + level)} [{','.join(['*' + chr(97 + level)] * 9)}]\n"
    for level in range(8)
)
ALIAS_KEY = "a: &a [x, y]\nb:\n  ? *a\n  : 1\n"


def _front(tmp_path: Path, front: str, body: str = BODY, name: str = "text.md") -> Path:
    path = tmp_path / name
    path.write_text(f"---\n{front}---\n\n{body}", encoding="utf-8")
    return path


def _with_reference(tmp_path: Path, reference: str) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir(exist_ok=True)
    return _front(folder, f"reference: {reference}\n")


def _symlinked_reference(tmp_path: Path) -> Path:
    text = _with_reference(tmp_path, "text.en.md")
    outside = tmp_path / "secret.txt"
    outside.write_text("geheim\n\nsecret\n", encoding="utf-8")
    (text.parent / "text.en.md").symlink_to(outside)
    return text


def _implicit_symlinked_reference(tmp_path: Path) -> Path:
    folder = tmp_path / "texts"
    folder.mkdir()
    text = folder / "text.md"
    text.write_text(BODY, encoding="utf-8")
    outside = tmp_path / "secret.txt"
    outside.write_text("geheim\n\nsecret\n", encoding="utf-8")
    (folder / "text.en.md").symlink_to(outside)
    return text


def _huge_reference(tmp_path: Path) -> Path:
    text = _with_reference(tmp_path, "text.en.md")
    with (text.parent / "text.en.md").open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)  # sparse: costs no disk, would cost memory to read
    return text


def _fifo_reference(tmp_path: Path) -> Path:
    text = _with_reference(tmp_path, "pipe.en.md")
    os.mkfifo(text.parent / "pipe.en.md")
    return text


def _utf16_reference(tmp_path: Path) -> Path:
    text = _with_reference(tmp_path, "text.en.md")
    (text.parent / "text.en.md").write_bytes("Title\n\nThe letter.\n".encode("cp1252") + b"\xff")
    return text


REFERENCE_CASES: dict[str, tuple[Callable[[Path], Path], str]] = {
    "reference-absolute-etc-passwd": (
        lambda tmp: _with_reference(tmp, "/etc/passwd"),
        "absolute path",
    ),
    "reference-parent-escape": (
        lambda tmp: _with_reference(tmp, "../../../../../../etc/hostname"),
        "outside the text's folder",
    ),
    "reference-dev-zero": (lambda tmp: _with_reference(tmp, "/dev/zero"), "absolute path"),
    "reference-home": (lambda tmp: _with_reference(tmp, "~/.bashrc"), "absolute path"),
    "reference-the-folder-itself": (
        lambda tmp: _with_reference(tmp, "."),
        "outside the text's folder",
    ),
    "reference-symlink-escape": (_symlinked_reference, "outside the text's folder"),
    "reference-larger-than-bound": (_huge_reference, "larger than"),
    "reference-fifo": (_fifo_reference, "not a regular file"),
    "reference-not-utf8": (_utf16_reference, "not UTF-8"),
}


@pytest.mark.parametrize("case", list(REFERENCE_CASES))
def test_reference_outside_or_unreadable_is_refused(case: str, tmp_path: Path) -> None:
    make, expected = REFERENCE_CASES[case]
    document = load_document(make(tmp_path))
    with pytest.raises(TextLoadError) as raised:
        load_reference(document)
    assert expected in str(raised.value)
    assert "\n" not in str(raised.value)


def test_implicit_reference_symlinked_outside_is_ignored(tmp_path: Path) -> None:
    assert load_reference(load_document(_implicit_symlinked_reference(tmp_path))) is None


def test_reference_in_a_subfolder_is_read(tmp_path: Path) -> None:
    text = _with_reference(tmp_path, "en/text.md")
    (text.parent / "en").mkdir()
    (text.parent / "en" / "text.md").write_text("Title\n\nThe letter came.\n", encoding="utf-8")
    reference = load_reference(load_document(text))
    assert reference is not None
    assert reference.blocks[1] == ("The letter came.",)


def test_export_does_not_show_etc_hostname_as_reference(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = _with_reference(tmp_path, "../../../../../../../../etc/hostname")
    status = main(["export", str(text), "-o", str(tmp_path / "out.md")])
    captured = capsys.readouterr()
    assert status == 2
    assert "points outside the text's folder" in captured.err
    assert captured.err.count("\n") == 1
    assert not (tmp_path / "out.md").exists()


FRONT_MATTER_CASES: dict[str, tuple[str, str]] = {
    "front-matter-alias-bomb": (ALIAS_BOMB, "anchors (&name) are not allowed"),
    "front-matter-alias": ("a: &x 1\nb: *x\n", "(line 2): anchors (&name) are not allowed"),
    "front-matter-alias-as-key": ("? *a\n: 1\n", "aliases (*name) are not allowed"),
    "front-matter-collection-key": ("? [a, b]\n: 1\n", "mapping key must be a plain value"),
    "front-matter-deep-nesting": ("a: " + "[" * 200 + "]" * 200 + "\n", "nested more than"),
    "front-matter-invalid-date": ("date: 2022-13-45\n", "'date' (line 2) is not a calendar"),
    "front-matter-title-list": ("title: [a, b]\n", "'title' (line 2) must be one value"),
    "front-matter-title-mapping": ("title:\n  de: x\n", "'title' (line 2) must be one value"),
    "front-matter-teaser-not-bool": ("teaser: sometimes\n", "'teaser' (line 2) must be true"),
    "front-matter-reference-list": ("reference: [a]\n", "'reference' (line 2) must be one"),
    "front-matter-duplicate-key": ("source: a\nsource: b\n", "'source' (line 3) appears twice"),
    "front-matter-python-tag": ("title: !!python/object/apply:os.system [id]\n", "one value"),
    "front-matter-too-long": ("about: " + "x" * 70_000 + "\n", "longer than"),
}


@pytest.mark.parametrize("case", list(FRONT_MATTER_CASES))
def test_bad_front_matter_is_one_line_naming_the_problem(case: str, tmp_path: Path) -> None:
    front, expected = FRONT_MATTER_CASES[case]
    path = _front(tmp_path, front)
    with pytest.raises(TextLoadError) as raised:
        load_document(path)
    message = str(raised.value)
    assert expected in message
    assert "\n" not in message
    assert len(message) < 300


def test_search_refuses_an_alias_bomb_in_front_matter(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = _front(tmp_path, ALIAS_BOMB)
    assert main(["search", "Brief", str(path)]) == 2
    assert "anchors (&name) are not allowed" in capsys.readouterr().err


def test_quoted_invalid_date_is_kept_as_text(tmp_path: Path) -> None:
    document = load_document(_front(tmp_path, 'date: "2022-13-45"\ntitle: 1984\n'))
    assert document.metadata.date == "2022-13-45"
    assert document.metadata.title == "1984"


GLOSSARY_HEAD = "glossary: Test\nversion: '1'\nlanguage: de\n"
GLOSSARY_CASES: dict[str, tuple[str, str]] = {
    "glossary-alias-bomb": (GLOSSARY_HEAD + "x:\n  " + ALIAS_BOMB.replace("\n", "\n  "), "anch"),
    "glossary-alias-as-key": (GLOSSARY_HEAD + "entries:\n  - ? *a\n    : 1\n", "aliases"),
    "glossary-anchor": (GLOSSARY_HEAD + "entries:\n  - " + ALIAS_KEY, "anchors"),
    "glossary-collection-key": (GLOSSARY_HEAD + "entries:\n  - ? [a, b]\n    : 1\n", "plain"),
    "glossary-deep-nesting": (GLOSSARY_HEAD + "entries: " + "[" * 300 + "]" * 300, "nested"),
}


@pytest.mark.parametrize("case", list(GLOSSARY_CASES))
def test_bad_glossary_yaml_is_a_problem_with_its_line(case: str) -> None:
    text, expected = GLOSSARY_CASES[case]
    parsed = parse_glossary_text(text, "g.yaml")
    assert parsed.entries == ()
    assert len(parsed.problems) == 1
    assert expected in parsed.problems[0].message
    assert parsed.problems[0].line >= 1
    assert len(parsed.problems[0].message) < 200


def test_glossary_validate_refuses_alias_key(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "g.yaml"
    path.write_text(GLOSSARY_HEAD + "entries:\n  - ? *a\n    : 1\n", encoding="utf-8")
    assert main(["glossary", "validate", str(path)]) == 1
    assert "aliases (*name) are not allowed" in capsys.readouterr().out


ENCODING_CASES: dict[str, tuple[bytes, str | None]] = {
    "utf-8-bom": (codecs.BOM_UTF8 + BODY.encode("utf-8"), None),
    "utf-16-le-bom": (BODY.encode("utf-16"), None),
    "utf-16-le-bom-with-encoding-option": (BODY.encode("utf-16"), "utf-16"),
    "utf-16-be-bom": (codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"), None),
    "utf-16-be-bom-with-encoding-option": (
        codecs.BOM_UTF16_BE + BODY.encode("utf-16-be"),
        "utf-16",
    ),
    "utf-32-le-bom": (codecs.BOM_UTF32_LE + BODY.encode("utf-32-le"), None),
    "utf-32-be-bom": (codecs.BOM_UTF32_BE + BODY.encode("utf-32-be"), "utf-32"),
    "utf-16-le-without-bom-with-option": (BODY.encode("utf-16-le"), "utf-16-le"),
}


@pytest.mark.parametrize("case", list(ENCODING_CASES))
def test_byte_order_marks_are_honoured(case: str, tmp_path: Path) -> None:
    data, encoding = ENCODING_CASES[case]
    path = tmp_path / "text.txt"
    path.write_bytes(data)
    document = load_document(path, encoding)
    assert document.source == BODY
    assert document.title == "Titel"


CONTROL_CASES = {
    "osc-title": "Der Brief\x1b]2;pwned\x07 kam an.",
    "osc-52-clipboard": "Der Brief\x1b]52;c;ZWNobyBoaQ==\x07 kam an.",
    "clear-screen": "Der \x1b[2JBrief kam an.",
    "c1-csi": "Der \x9b2JBrief kam an.",
    "bidi-override": "Der \u202eBrief kam an.",
    "bell-and-del": "Der\x07 Brief\x7f kam an.",
}


@pytest.mark.parametrize("case", list(CONTROL_CASES))
def test_control_characters_are_made_visible_at_load_same_length(case: str, tmp_path: Path) -> None:
    paragraph = CONTROL_CASES[case]
    path = tmp_path / "text.txt"
    path.write_bytes(f"Titel\n\n{paragraph}\n".encode())
    document = load_document(path)
    shown = document.blocks[1].text
    assert len(shown) == len(paragraph)
    assert not any(ord(c) < 32 or 0x7F <= ord(c) <= 0x9F for c in document.source if c != "\n")
    assert "\u202e" not in document.source


@pytest.mark.parametrize("ending", ["\r\n", "\r"], ids=["crlf", "cr"])
def test_line_endings_are_normalised(ending: str, tmp_path: Path) -> None:
    path = tmp_path / "text.txt"
    path.write_bytes(BODY.replace("\n", ending).encode("utf-8"))
    document = load_document(path)
    assert document.source == BODY
    assert [block.kind for block in document.blocks] == ["title", "paragraph"]


def test_mostly_control_characters_is_still_binary(tmp_path: Path) -> None:
    path = tmp_path / "x.txt"
    path.write_bytes(bytes(range(1, 9)) * 10 + b"Text")
    with pytest.raises(TextLoadError, match="binary"):
        load_document(path)


def test_one_megabyte_paragraph_is_cut_into_bounded_blocks(tmp_path: Path) -> None:
    sentence = "Der Minister sagte am Montag in Berlin, dass die Regierung mehr ausgeben werde. "
    path = tmp_path / "lang.txt"
    path.write_text("Titel\n\n" + sentence * (1_000_000 // len(sentence)), encoding="utf-8")
    document = load_document(path)
    assert all(len(block.text) <= MAX_BLOCK_CHARS for block in document.blocks)
    assert len(document.blocks) > 1_000_000 // MAX_BLOCK_CHARS
    # Every cut is at a sentence end: each block ends with the full stop.
    assert all(block.text.endswith("werde.") for block in document.blocks[1:])
    assert document.sentences(5)[0].text == sentence.strip()


def test_text_larger_than_bound_is_refused_without_reading(tmp_path: Path) -> None:
    path = tmp_path / "huge.txt"
    with path.open("wb") as handle:
        handle.truncate(64 * 1024 * 1024)
    with pytest.raises(UserError, match="larger than"):
        load_document(path)


async def test_german_view_columns_do_not_shift_with_control_characters(
    tmp_path: Path, store: Store
) -> None:
    from reader.core.display import displayable

    paragraph = (
        "Der Brief\x1b]2;pwned\x07 kam gestern an. Er\x1b[2J lag\x9b dann lange auf dem Tisch. " * 3
    )
    plain = "".join("x" if displayable(c) != c else c for c in paragraph)
    rendered = []
    for name, text in (("controls.txt", paragraph), ("plain.txt", plain)):
        path = tmp_path / name
        path.write_text(f"Titel\n\n{text}\n", encoding="utf-8")
        async with open_reader(load_document(path), store, size=(120, 30)) as (_, _, screen):
            rendered.append([strip.text for strip in screen.view._block_strips(1)])
    with_controls, without = rendered
    assert len(with_controls) == len(without)
    for line, plain_line in zip(with_controls, without, strict=True):
        assert len(line) == len(plain_line)
        assert "".join("x" if c in "\u241b\u2407\ufffd" else c for c in line) == plain_line


@pytest.mark.parametrize("pure_python", [False, True], ids=["libyaml", "pure-python"])
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (ALIAS_BOMB, "anchors"),
        ("? *a\n: 1\n", "aliases"),
        ("? {a: 1}\n: 1\n", "plain value"),
        ("a: " + "[" * 100 + "]" * 100, "nested more than"),
        ("a: \x1b\n", "U+001B"),
    ],
    ids=["alias-bomb", "alias-key", "mapping-key", "deep", "control-character"],
)
def test_safe_yaml_refuses_with_both_parsers(
    text: str, expected: str, pure_python: bool, monkeypatch: pytest.MonkeyPatch
) -> None:
    import yaml

    from reader.core import safe_yaml

    if pure_python:
        monkeypatch.setattr(safe_yaml, "_Loader", safe_yaml.PyLoader)
    with pytest.raises(yaml.YAMLError) as raised:
        safe_yaml.compose(text)
    assert expected in safe_yaml.describe(raised.value)
    assert safe_yaml.error_line(raised.value) >= 1
    assert safe_yaml.load("a: [1, {b: c}]\n") == {"a": [1, {"b": "c"}]}
