"""The reading commands' output (issue 11, bug 16): JSON ends with a newline, `texts` counts
the paragraphs of opened texts, a URL is imported or refused in one line."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader import cli
from reader.cli.common import open_store
from reader.core.text import load_document


@pytest.mark.parametrize("pattern", ["Teppich", "zzqqxx"])
def test_search_json_ends_with_a_newline(pattern: str, capsys: pytest.CaptureFixture[str]) -> None:
    cli.main(["search", pattern, "--json"])
    out = capsys.readouterr().out
    assert out.endswith("]\n")
    json.loads(out)


def test_texts_json_counts_the_paragraphs_of_opened_texts(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "mein-text.md"
    text.write_text("# Titel\n\nErster Absatz.\n\nZweiter Absatz.\n\nDritter.\n", encoding="utf-8")
    gone = tmp_path / "weg.md"
    gone.write_text("# Weg\n\nBald weg.\n", encoding="utf-8")
    store = open_store()
    for path in (text, gone):
        document = load_document(path)
        store.remember_position(document.text_id, document.title, str(path), 1, 0)
    store.remember_position("from-stdin", "Aus der Pipe", None, 0, 0)
    store.close()
    gone.unlink()
    assert cli.main(["texts", "--json"]) == 0
    out = capsys.readouterr().out
    assert out.endswith("\n")
    rows = {row["title"]: row for row in json.loads(out)}
    assert rows["Titel"]["paragraphs"] == 4  # the title and three paragraphs
    assert rows["Weg"]["paragraphs"] is None  # deleted since: not known
    assert rows["Aus der Pipe"]["paragraphs"] is None
    assert all(row["paragraphs"] for row in rows.values() if row["bundled"])


@pytest.mark.parametrize("name", ["https:/example.org/artikel", "http:example.org/artikel"])
def test_a_url_missing_its_slashes_is_one_line_that_says_so(
    name: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(cli, "require_terminal", lambda: None)
    assert cli.main(["read", name]) == 2
    error = capsys.readouterr().err
    assert error.count("\n") == 1
    assert "no such file" not in error
    assert "two slashes (https://…)" in error and "lesepult read URL" in error


def test_read_of_a_url_goes_to_the_web_importer(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """`read https://…` is a download (here refused: no network in tests), never a file name."""
    monkeypatch.setattr(cli, "require_terminal", lambda: None)
    assert cli.main(["read", "https://example.org/artikel.html"]) == 2
    error = capsys.readouterr().err
    assert error.startswith("lesepult: https://example.org/artikel.html: ")
    assert "no such file" not in error and error.count("\n") == 1
