"""Glossary-guided choices in the store, the English feed, the CLI and the reading view.

The choice itself is tested on given n-best lists in ``test_translation_guided.py``; here the
stored label and first choice: saved beside each other, read back labelled, migrated into an
old store, shown in the English column, one key (``F``) apart.
"""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path

import pytest

from reader.cli import main
from reader.core.paths import store_path
from reader.core.text import load_document
from reader.english import choice_notes, machine_version, swapped_choice
from reader.navigation import Cursor
from reader.store import MIGRATIONS, SCHEMA_VERSION, Store
from reader.translation.guided import FIRST_CHOICE_LABEL, GUIDED_LABEL, GuidedChoice
from reader.translation.models import ModelInfo
from reader.translation.store import SentenceTranslation, TranslationStore
from tests.ui_support import open_reader

MODEL = "translate-de_en 1.0"
GERMAN = "Der Kremlchef besucht Minsk."


def guided(english: str, first: str) -> GuidedChoice:
    """A choice the glossary changed (from ``first`` to ``english``)."""
    return GuidedChoice(english, first, guided=True, missing=0, score_loss=0.4)


def test_a_guided_choice_is_stored_with_its_label_and_the_first_choice(store: Store) -> None:
    translations = TranslationStore(store)
    translations.save_machine(MODEL, [(GERMAN, "The Kremlin boss visits Minsk.")])
    choice = guided("The Kremlin chief visits Minsk.", "The Kremlin boss visits Minsk.")
    translations.save_guided(MODEL, [(GERMAN, choice)])
    found = TranslationStore(Store(store.path)).lookup(MODEL, [GERMAN])[GERMAN]
    assert (found.english, found.label, found.model_first, found.origin) == (
        "The Kremlin chief visits Minsk.",
        GUIDED_LABEL,
        "The Kremlin boss visits Minsk.",
        "machine",
    )


def test_swapping_shows_the_first_choice_and_back() -> None:
    stored = SentenceTranslation(GERMAN, "chief", "machine", MODEL, (), GUIDED_LABEL, "boss")
    first = stored.swapped()
    assert first is not None
    assert (first.english, first.label, first.other) == ("boss", FIRST_CHOICE_LABEL, "chief")
    assert first.model_first == "boss"
    assert first.swapped() == stored
    plain = SentenceTranslation(GERMAN, "boss", "machine", MODEL)
    assert plain.swapped() is None and swapped_choice(plain) is None
    assert swapped_choice(SentenceTranslation(GERMAN, "mine", "edited", None)) is None


def test_a_new_machine_translation_or_an_unchanged_choice_clears_the_guided_one(
    store: Store,
) -> None:
    translations = TranslationStore(store)
    translations.save_guided(MODEL, [(GERMAN, guided("chief", "boss"))])
    translations.save_machine(MODEL, [(GERMAN, "head")])
    assert translations.lookup(MODEL, [GERMAN])[GERMAN] == SentenceTranslation(
        GERMAN, "head", "machine", MODEL
    )
    translations.save_guided(MODEL, [(GERMAN, guided("chief", "head"))])
    unchanged = GuidedChoice("head", "head", guided=False, missing=1, score_loss=0.0)
    translations.save_guided(MODEL, [(GERMAN, unchanged)])
    found = translations.lookup(MODEL, [GERMAN])[GERMAN]
    assert (found.english, found.label, found.other) == ("head", "", None)


def test_a_correction_still_wins_over_a_guided_choice(store: Store) -> None:
    translations = TranslationStore(store)
    translations.save_guided(MODEL, [(GERMAN, guided("chief", "boss"))])
    translations.correct(GERMAN, "The head of the Kremlin visits Minsk.")
    found = translations.lookup(MODEL, [GERMAN])[GERMAN]
    assert (found.origin, found.label) == ("edited", "")


def test_an_old_store_gets_the_guided_column_and_keeps_its_translations(tmp_path: Path) -> None:
    path = tmp_path / "old.sqlite3"
    connection = sqlite3.connect(path, isolation_level=None)
    for migration in MIGRATIONS[:6]:  # the store as Lesepult wrote it before issue 13
        connection.executescript(migration)
    connection.execute("PRAGMA user_version = 6")
    connection.execute(
        "INSERT INTO translations (model, german, english, created) VALUES (?, ?, ?, 0)",
        (MODEL, GERMAN, "The Kremlin boss visits Minsk."),
    )
    connection.close()
    translations = TranslationStore(Store(path))
    assert translations.lookup(MODEL, [GERMAN])[GERMAN] == SentenceTranslation(
        GERMAN, "The Kremlin boss visits Minsk.", "machine", MODEL
    )
    translations.save_guided(MODEL, [(GERMAN, guided("chief", "The Kremlin boss visits Minsk."))])
    assert translations.lookup(MODEL, [GERMAN])[GERMAN].label == GUIDED_LABEL
    with sqlite3.connect(path) as check:
        assert check.execute("PRAGMA user_version").fetchone() == (SCHEMA_VERSION,)


def test_the_english_feed_labels_the_block_and_names_the_other_choice() -> None:
    stored = SentenceTranslation(GERMAN, "chief", "machine", MODEL, (), GUIDED_LABEL, "boss")
    plain = SentenceTranslation("Es regnet.", "It rains.", "machine", MODEL)
    version = machine_version((GERMAN, "Es regnet."), {GERMAN: stored, plain.german: plain}, MODEL)
    assert version is not None
    assert version.label == f"machine · {MODEL} · 1 glossary-guided"
    assert version.notes == ("✦ sentence 1: glossary-guided · the model's first choice: “boss”",)
    first = stored.swapped()
    assert choice_notes([plain, first]) == (
        ("1 model's first choice",),
        ("✦ sentence 2: model's first choice · glossary-guided: “chief”",),
    )
    assert choice_notes([plain, None]) == ((), ())


def _guide_everything(monkeypatch: pytest.MonkeyPatch) -> None:
    """Random weights never produce the glossary's renderings: stand in for the check, so
    the model's first choice "lacks" a term and every other hypothesis has it."""
    from reader.translation import guided as guided_module

    def counter(matches: object) -> object:
        calls: list[str] = []

        def missing(english: str) -> int:
            calls.append(english)
            return 1 if len(calls) == 1 else 0

        return missing

    monkeypatch.setattr(guided_module, "glossary_counter", counter)
    monkeypatch.setattr(guided_module, "SCORE_MARGIN", 1e9)


def test_translate_glossary_guided_stores_both_and_later_runs_print_them(
    tiny_model: ModelInfo,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.translation.guided import glossary_counter as original_counter

    _guide_everything(monkeypatch)
    text = tmp_path / "text.md"
    text.write_text(f"# Titel\n\n{GERMAN} Es regnet heute nicht.\n")
    assert main(["translate", str(text), "--format", "json", "--glossary-guided"]) == 0
    first_run = json.loads(capsys.readouterr().out)["sentences"]
    from reader.translation import guided as guided_module

    monkeypatch.setattr(guided_module, "glossary_counter", original_counter)
    # Without --glossary-guided (and without the stand-in): the choice comes from the store.
    assert main(["translate", str(text), "--format", "json"]) == 0
    pairs = {pair["german"]: pair for pair in json.loads(capsys.readouterr().out)["sentences"]}
    assert pairs == {pair["german"]: pair for pair in first_run}
    assert pairs[GERMAN]["label"] == GUIDED_LABEL
    assert pairs[GERMAN]["model_first"] != pairs[GERMAN]["english"]
    assert pairs["Es regnet heute nicht."]["label"] == ""
    assert "model_first" not in pairs["Es regnet heute nicht."]
    stored = TranslationStore(Store(store_path())).lookup(tiny_model.model_id, [GERMAN])[GERMAN]
    assert (stored.english, stored.model_first) == (
        pairs[GERMAN]["english"],
        pairs[GERMAN]["model_first"],
    )
    assert main(["translate", str(text)]) == 0
    assert "_(glossary-guided; model's first choice: " in capsys.readouterr().out


async def test_the_reading_view_labels_a_guided_sentence_and_f_swaps_it(
    tiny_model: ModelInfo,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _guide_everything(monkeypatch)
    text = tmp_path / "text.md"
    text.write_text(f"# Titel\n\n{GERMAN} Es regnet heute nicht.\n")
    assert main(["translate", str(text), "--format", "json", "--glossary-guided"]) == 0
    pairs = json.loads(capsys.readouterr().out)["sentences"]
    chosen, first = pairs[1]["english"], pairs[1]["model_first"]
    document = load_document(text)
    async with open_reader(document, Store(store_path())) as (app, pilot, screen):
        screen.move_to(Cursor(1, 0))
        shown = screen.english_for(1).versions[0]
        assert "1 glossary-guided" in shown.label
        assert shown.sentences[0].text == chosen
        assert (
            shown.notes[0] == f"✦ sentence 1: glossary-guided · the model's first choice: “{first}”"
        )
        await pilot.press("F")
        shown = screen.english_for(1).versions[0]
        assert shown.sentences[0].text == first
        assert "1 model's first choice" in shown.label
        assert "model's first choice" in screen.status.translation
        await pilot.press("F")
        assert screen.english_for(1).versions[0].sentences[0].text == chosen
        await pilot.press("j")  # the second sentence has no second choice
        await pilot.press("F")
        assert screen.english_for(1).versions[0].sentences[1].text == pairs[2]["english"]


def test_a_block_without_second_choices_keeps_its_plain_label() -> None:
    plain = SentenceTranslation("Es regnet.", "It rains.", "machine", MODEL)
    version = machine_version(("Es regnet.",), {plain.german: plain}, MODEL)
    assert version is not None and (version.label, version.notes) == (f"machine · {MODEL}", ())
