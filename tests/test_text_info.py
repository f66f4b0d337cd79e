"""The text info screen (I), `lesepult info`, and the word statistics screen (S)."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from rich.console import Console
from textual.widgets import Sparkline, Static

from reader.cli import main
from reader.core.text import Document, TextLoadError, load_document, parse_document
from reader.store import Store
from reader.text_info import info_lines, text_counts, text_details
from reader.ui.screens.statistics import StatisticsScreen
from reader.ui.screens.text_info import TextInfoScreen
from reader.vocabulary import Vocabulary
from tests.ui_support import open_reader, settle

FRONT = """\
---
title: "Ein Brief\\e[31m"
source: Beispiel
date: 2024-05-01
url: https://example.org/brief
author: Erika Muster
licence: CC BY-SA 4.0
series: Briefe
---
# Ein Brief

Der Hund bellt. Der Hund schläft.

Die Katze schläft nicht.
"""


def lemma_as_written(sentence: object) -> list[str]:
    """A stand-in tagger for the core test: each token is its own lemma."""
    return [token.text for token in sentence.tokens]  # type: ignore[attr-defined]


def brief(tmp_path: Path) -> Document:
    path = tmp_path / "brief.md"
    path.write_text(FRONT, encoding="utf-8")
    return load_document(path)


def test_details_and_counts(tmp_path: Path, store: Store) -> None:
    document = brief(tmp_path)
    vocabulary = Vocabulary(store)
    vocabulary.set_statuses({"Hund": "known", "schläft": "2", "Katze": "ignored"})
    details = text_details(document, store)
    assert (details.source, details.date, details.url) == (
        "Beispiel",
        "2024-05-01",
        "https://example.org/brief",
    )
    assert (details.author, details.licence, details.other) == (
        "Erika Muster",
        "CC BY-SA 4.0",
        (("series", "Briefe"),),
    )
    assert "\x1b" not in details.title  # the YAML escape is made visible, never sent
    assert (details.paragraphs, details.headings, details.position) == (3, 1, None)
    counts = text_counts(document, vocabulary, lemma_as_written)
    assert counts is not None
    assert (counts.sentences, counts.words, counts.lemmas) == (4, 12, 9)
    assert (counts.known, counts.learning, counts.ignored, counts.new) == (1, 1, 1, 6)
    assert counts.known_words == 3  # Hund twice, Katze once
    labels = [label for label, _ in info_lines(details, counts)]
    assert labels[:6] == ["Title", "Source", "Date", "URL", "Author", "Licence"]
    assert "Series" in labels and "Known" in labels
    assert text_counts(document, vocabulary, lemma_as_written, cancelled=lambda: True) is None


def test_cli_info_text_and_json(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    path = tmp_path / "brief.md"
    path.write_text(FRONT, encoding="utf-8")
    assert main(["info", str(path)]) == 0
    out = capsys.readouterr().out
    assert "Licence:" in out and "CC BY-SA 4.0" in out and "Erika Muster" in out
    assert "\x1b" not in out
    assert main(["info", str(path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["url"] == "https://example.org/brief" and data["other"] == {"series": "Briefe"}
    assert data["counts"]["sentences"] == 4 and data["counts"]["new"] >= 1
    assert main(["info", str(tmp_path / "none.md")]) == 2
    assert "no such file" in capsys.readouterr().err


def screen_text(screen: object, selector: str) -> str:
    """The plain text a Static shows (a Rich table drawn at 120 columns)."""
    content = screen.query_one(selector, Static).content  # type: ignore[attr-defined]
    console = Console(width=120, record=True, file=io.StringIO())
    console.print(content)
    return console.export_text()


async def test_info_key_opens_the_screen_with_counts(tmp_path: Path, store: Store) -> None:
    document = parse_document(FRONT, "brief.md")
    async with open_reader(document, store, size=(120, 40)) as (app, pilot, _):
        await pilot.press("I")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, TextInfoScreen)
        table = screen_text(screen, "#text-info-table")
        for expected in ("Beispiel", "2024-05-01", "https://example.org/brief", "CC BY-SA 4.0"):
            assert expected in table
        assert "Sentences" in table and "New" in table
        assert not screen.query_one("#text-info-status", Static).display
        await pilot.press("escape")
        assert not isinstance(app.screen, TextInfoScreen)


async def test_statistics_key_draws_known_over_time_and_per_text(
    article: Document, store: Store
) -> None:
    vocabulary = Vocabulary(store)
    vocabulary.set_statuses({"Krieg": "known", "Minsk": "1"}, text_id=article.text_id)
    async with open_reader(article, store, size=(120, 40)) as (app, pilot, _):
        await pilot.press("W")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, StatisticsScreen)
        assert list(screen.query_one(Sparkline).data or []) == [1.0]
        assert "Words known per day: 1 → 1" in screen_text(screen, "#statistics-caption")
        texts = screen_text(screen, "#statistics-texts")
        assert "Belarus" in texts and "▶" in texts
        await pilot.press("w")
        assert "per week" in screen_text(screen, "#statistics-caption")
        await pilot.press("escape")
        assert not isinstance(app.screen, StatisticsScreen)


@pytest.mark.parametrize(
    "argv",
    [
        ["info"],
        ["words", "edit", "--exact", "Wort00001", "--note", "x"],
    ],
    ids=["info", "words-edit"],
)
def test_new_commands_on_a_damaged_store_say_so_in_one_line(
    argv: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    from reader.core.paths import store_path
    from tests.test_bad_input_matrix import _damage_store

    _damage_store(store_path())
    status = main(argv)
    err = capsys.readouterr().err
    assert status == 2
    assert err.startswith("lesepult: ") and err.count("\n") == 1 and "is damaged" in err


CONTROLS = [chr(code) for code in (*range(0x00, 0x09), *range(0x0B, 0x20), *range(0x7F, 0xA0))]


@settings(max_examples=300, deadline=None)
@given(
    st.dictionaries(
        st.sampled_from(["title", "source", "date", "url", "author", "licence", "x-y", "series"]),
        st.text(max_size=40),
        max_size=6,
    )
)
def test_any_front_matter_shows_without_control_characters(fields: dict[str, str]) -> None:
    front = "".join(f"{key}: {json.dumps(value)}\n" for key, value in fields.items())
    try:
        document = parse_document(f"---\n{front}---\nDer Hund bellt.\n", "hostile.md")
    except TextLoadError:
        return
    store = Store(Path(":memory:"))
    rows = info_lines(text_details(document, store), None)
    store.close()
    for label, value in rows:
        assert not any(control in label + value for control in CONTROLS), (label, value)
