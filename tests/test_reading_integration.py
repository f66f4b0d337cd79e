"""Pilot tests of the reading screen with its services: the translation column, the word
cursor and lookup panel, glossary marks and checks, vocabulary keys and colours, and the
screens it opens. The translation tests use the tiny real Argos package (random weights):
they check plumbing (one English sentence per German one, labels, storage), never wording.
"""

from __future__ import annotations

import threading
from collections.abc import Sequence
from pathlib import Path

import pytest
import yaml
from textual.message import Message

from glossary import load_glossaries
from reader.core.text import Document
from reader.navigation import Cursor
from reader.store import Store
from reader.translation import ModelInfo, TranslationEngine, TranslationStore
from reader.translation import engine as engine_module
from reader.ui.screens import reading_messages
from reader.ui.screens.edit_translation import EditTranslationScreen, EnglishBox
from reader.ui.screens.entry_form import EntryFormScreen
from reader.ui.screens.export_dialog import ExportDialog
from reader.ui.screens.glossary import GlossaryScreen
from reader.ui.screens.models import ModelsScreen
from reader.ui.screens.vocabulary import VocabularyScreen
from reader.ui.widgets.lookup_panel import LookupPanel
from reader.ui.widgets.parallel_view import ParallelTextView
from reader.ui.widgets.status_bar import StatusBar
from reader.vocabulary import Vocabulary
from tests.ui_support import open_reader, reading_app, reading_screen, settle

SIZE = (150, 40)


async def test_without_a_model_the_status_bar_says_how_to_install_one(
    article: Document, store: Store
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        assert "lesepult models install" in screen.query_one(StatusBar).progress
        await pilot.press("t")  # machine only: the placeholder explains, never the reference
        english = screen.english_for(3)
        assert english.versions == ()
        # Said once (issue 11, bug 14): one line at the top, the other paragraphs stay empty.
        assert english.placeholder == ""
        assert "lesepult models install" in screen.english_for(0).placeholder


async def test_the_english_column_fills_from_the_model_and_is_stored(
    article: Document, store: Store, tiny_model: ModelInfo
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        sentences = list(article.all_sentences())
        assert all(s.text in screen.machine for s in sentences)
        assert all(screen.machine[s.text].origin == "machine" for s in sentences)
        assert (
            screen.query_one(StatusBar).progress
            == f"translated {len(sentences)}/{len(sentences)} sentences"
        )
        english = screen.english_for(2)
        version = english.versions[0]
        assert version.label == f"machine · {tiny_model.model_id}"
        assert version.aligned and len(version.sentences) == len(article.sentences(2))
    stored = TranslationStore(store).lookup(tiny_model.model_id, [s.text for s in sentences])
    assert len(stored) == len({s.text for s in sentences})


async def test_machine_english_is_checked_against_the_glossary(
    article: Document, store: Store, tiny_model: ModelInfo
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        machine = screen.english_for(9).versions[0]  # random English lacks "rail partisans"
        assert machine.origin == "machine"
        assert any(
            note.startswith("⚑ sentence 2: ")
            and "Eisenbahnpartisan → the glossary says “rail partisans”" in note
            for note in machine.notes
        )
        assert len(machine.notes) <= len(article.sentences(9))  # one line per sentence at most
        await pilot.press("t", "t")  # reference only: no machine checks shown under it
        assert [v.notes for v in screen.english_for(9).versions] == [()]
        await pilot.press("t")  # both: the checks stay with the machine version
        both = screen.english_for(9).versions
        assert [v.origin for v in both] == ["machine", "reference"]
        assert both[0].notes and both[1].notes == ()


async def test_editing_an_english_sentence_stores_a_labelled_correction(
    article: Document, store: Store, tiny_model: ModelInfo
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        await pilot.press("j")
        german = screen.current_sentence().text
        await pilot.press("e")
        assert isinstance(app.screen, EditTranslationScreen)
        editor = app.screen
        editor.query_one("#edit-english", EnglishBox).text = "Kremlin chief Putin visits Belarus."
        await pilot.press("enter")
        await settle(pilot)
        assert screen.machine[german].origin == "edited"
        assert "edited" in screen.english_for(1).versions[0].label
    assert TranslationStore(store).lookup(None, [german])[german].english.startswith("Kremlin")


async def test_the_word_cursor_shows_the_lookup_and_glossary_terms_are_marked(
    article: Document, store: Store
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        view = screen.query_one(ParallelTextView)
        marked = {article.source[d.start : d.end] for d in view.decorations[2]}
        assert {"Großer", "Bahnhof", "Putin"} <= marked
        await pilot.press("J", "J", "right", "right", "right")  # BERLIN, taz, (|), Großer
        await settle(pilot)
        assert screen.cursor == Cursor(2, 0, 3)
        panel = screen.query_one(LookupPanel)
        assert panel.result is not None
        assert panel.result.word == "Großer"
        assert panel.result.glossary  # "Großer Bahnhof" is in the curated glossary
        await pilot.press("left")
        await settle(pilot)
        assert screen.cursor.token == 1
        await pilot.press("escape")
        assert screen.cursor.token is None and panel.result is None


async def test_status_keys_colour_words_and_mark_a_paragraph_known(
    article: Document, store: Store
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        view = screen.query_one(ParallelTextView)
        await pilot.press("right", "2")  # "Belarus" in the title
        await settle(pilot)
        lemma = screen.current_lemma()
        assert lemma is not None
        assert Vocabulary(store).status(lemma) == "2"
        components = {d.component for d in view.decorations[0]}
        assert "parallel-view--status-2" in components
        await pilot.press("c")
        assert not any("status" in d.component for d in view.decorations[0])
        await pilot.press("c", "j", "M")
        await settle(pilot)
        lemmas = screen.analyses[1].word_lemmas(article)
        statuses = Vocabulary(store).statuses(lemmas)
        assert statuses[lemma] == "2"  # a learning word stays learning
        others = {word: status for word, status in statuses.items() if word != lemma}
        assert others and all(status == "known" for status in others.values())
        # Issue 11: names stay new (M skips them); every other word of the paragraph is known.
        names = [
            (token.start, token.end)
            for sentence, result in zip(
                article.sentences(1), screen.analyses[1].sentences, strict=True
            )
            for index, token in enumerate(sentence.tokens)
            if index in result.names
        ]
        assert names  # "Putin" (and "Belarus", learning 2 since the title: it stays so)
        new = [d for d in view.decorations[1] if d.component == "parallel-view--status-new"]
        assert new and {(d.start, d.end) for d in new} <= set(names)
        known = Vocabulary(store).entries(status="known", text_id=article.text_id)
        assert {entry.lemma for entry in known} == set(others)  # they belong to this text


async def test_glossary_screen_jumps_to_occurrences(article: Document, store: Store) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        await pilot.press("o")
        assert isinstance(app.screen, GlossaryScreen)
        await pilot.press(*"Eisenbahnpartisan")
        await pilot.pause()
        await pilot.press("enter", "o")
        await settle(pilot)
        screen = reading_screen(pilot)
        assert app.screen is screen
        assert "Eisenbahnpartisanen" in screen.current_sentence().text


async def test_adding_a_glossary_entry_from_the_reader(
    article: Document, store: Store, isolated_user_directories: Path
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        await pilot.press("J", "J", "j", *["right"] * 6, "A")  # ... auf dem Flughafen
        assert isinstance(app.screen, EntryFormScreen)
        form = app.screen
        form.query_one("#entry-renderings").value = "airport"  # type: ignore[attr-defined]
        form.query_one("#entry-explanation").value = "Where planes land."  # type: ignore[attr-defined]
        await pilot.press("ctrl+s")
        await settle(pilot)
    user_file = isolated_user_directories / "config" / "glossary.yaml"
    saved = yaml.safe_load(user_file.read_text(encoding="utf-8"))
    assert [entry["term"] for entry in saved["entries"]] == ["Flughafen"]
    assert any(entry.term == "Flughafen" for entry in load_glossaries().entries)


async def test_vocabulary_export_and_models_screens_open(article: Document, store: Store) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        for key, screen_type in (
            ("V", VocabularyScreen),
            ("x", ExportDialog),
            ("m", ModelsScreen),
        ):
            await pilot.press(key)
            await pilot.pause()
            assert isinstance(app.screen, screen_type)
            await pilot.press("escape")
            await settle(pilot)
            assert app.screen is reading_screen(pilot)


async def test_resting_on_a_word_adds_it_to_the_history(article: Document, store: Store) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        await pilot.press("J", "J", "j", *["right"] * 6)  # Bei seiner Ankunft auf dem Flughafen
        await settle(pilot)
        await pilot.pause(1.0)
        await settle(pilot)
    looked_up = Vocabulary(store).looked_up_lemmas(article.text_id)
    assert "Flughafen" in looked_up


async def test_the_ui_stays_responsive_while_the_model_translates(
    article: Document, store: Store, tiny_model: ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    release = threading.Event()
    calls: list[int] = []

    class SlowEngine(TranslationEngine):
        def translate(self, sentences: Sequence[str]) -> list[str]:
            calls.append(len(sentences))
            assert release.wait(timeout=30), "the test never released the translator"
            return super().translate(sentences)

    monkeypatch.setattr(engine_module, "TranslationEngine", SlowEngine)
    progress: list[tuple[int | None, int | None]] = []

    def record(message: Message) -> None:
        if isinstance(message, reading_messages.TranslationsArrived):
            progress.append((message.done, message.total))

    app = reading_app(article, store)
    async with app.run_test(size=SIZE, message_hook=record) as pilot:
        while not calls:  # the worker has reached the model and is blocked in it
            await pilot.pause(0.01)
        await pilot.press("j", "j", "J")
        screen = reading_screen(pilot)
        assert screen.cursor == Cursor(2, 0)
        assert screen.query_one(StatusBar).paragraph == 3
        assert screen.machine == {}
        release.set()
        await settle(pilot)
        assert len(screen.machine) == len({s.text for s in article.all_sentences()})
    totals = [done for done, total in progress if total is not None]
    assert totals == sorted(totals) and totals[0] == 0 and totals[-1] == progress[-1][1]
    assert len(calls) >= 2  # the sentences on screen went first, in their own batch


async def test_a_broken_user_glossary_is_reported_once_and_left_out(
    article: Document, store: Store, isolated_user_directories: Path
) -> None:
    user_file = isolated_user_directories / "config" / "glossary.yaml"
    user_file.parent.mkdir(parents=True, exist_ok=True)
    user_file.write_text(
        "glossary: mine\nversion: '1'\nentries:\n  - term: Zug\n    kind: noun\n"
        "    renderings: train\n    explanation: A train.\n    colour: red\n",
        encoding="utf-8",
    )
    async with open_reader(article, store) as (app, pilot, screen):
        assert screen.glossary is not None
        assert screen.glossary.problems
        messages = [n.message for n in app._notifications]
        problems = [m for m in messages if "glossary.yaml:" in m]
        assert len(problems) == 1
        assert f"{user_file}:8: entries[0].colour: is not a known field" in problems[0]
        assert all(entry.origin == "curated" for entry in screen.glossary.entries)
        marked = {article.source[d.start : d.end] for d in screen.view.decorations[2]}
        assert "Putin" in marked  # the curated glossary still works


async def test_a_broken_package_is_one_line_and_the_reader_keeps_working(
    article: Document, store: Store, isolated_user_directories: Path
) -> None:
    broken = isolated_user_directories / "argos-packages" / "translate-de_en"
    broken.mkdir(parents=True)
    (broken / "metadata.json").write_text(
        '{"type": "translate", "from_code": "de", "to_code": "en", "package_version": "1.9"}',
        encoding="utf-8",
    )
    async with open_reader(article, store) as (app, pilot, screen):
        placeholder = screen.english_for(3)
        await pilot.press("t")
        placeholder = screen.english_for(0).placeholder  # said once, at the top (bug 14)
        assert "model/model.bin is missing" in placeholder
        assert "lesepult models install" in placeholder
        await pilot.press("j", "j")
        assert screen.cursor == Cursor(1, 1)


async def test_a_model_that_cannot_load_is_reported_in_the_status_bar(
    article: Document, store: Store, tiny_model: ModelInfo
) -> None:
    (tiny_model.path / "model" / "model.bin").write_bytes(b"not a model")
    async with open_reader(article, store) as (app, pilot, screen):
        progress = screen.query_one(StatusBar).progress
        assert progress.startswith("translation failed:") and "\n" not in progress
        assert screen.machine == {}
        assert screen.english_for(2).versions[0].origin == "reference"
        await pilot.press("J")
        assert screen.cursor == Cursor(1, 0)


async def test_the_command_palette_runs_reader_commands(article: Document, store: Store) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"go to paragraph")
        await pilot.pause(0.3)
        await pilot.press("enter")
        await pilot.pause()
        from reader.ui.screens.goto import GoToParagraphScreen

        assert isinstance(app.screen, GoToParagraphScreen)


async def test_square_brackets_in_a_text_are_shown_not_read_as_markup(
    tmp_path: Path, store: Store
) -> None:
    from reader.core.text import load_document

    path = tmp_path / "klammern.md"
    path.write_text(
        "# Klammern [/] im Titel\n\nEr sagte [bold] nichts [/] und ging. Sie blieb [red].\n",
        encoding="utf-8",
    )
    document = load_document(path)
    async with open_reader(document, store) as (app, pilot, screen):
        await pilot.press("j", "right", "right")
        await settle(pilot)
        await pilot.pause(1.0)  # rest on the word: it goes into the history with its sentence
        await settle(pilot)
        await pilot.press("V")
        await settle(pilot)
        assert isinstance(app.screen, VocabularyScreen)
        await pilot.press("escape", "x")
        await settle(pilot)
        assert isinstance(app.screen, ExportDialog)
        await pilot.press("escape", "A")
        await settle(pilot)
        assert isinstance(app.screen, EntryFormScreen)
        await pilot.press("escape", "slash", *"[/]", "enter")
        await settle(pilot)
        assert reading_screen(pilot).matches


async def test_reopening_a_long_text_shows_stored_english_without_the_model(
    tmp_path: Path, store: Store, tiny_model: ModelInfo, monkeypatch: pytest.MonkeyPatch
) -> None:
    from reader.core.text import load_document
    from tests.longtext import write_long_text

    path = write_long_text(tmp_path / "novelle.md", target_bytes=25_000)
    first = reading_app(load_document(path), store)
    async with first.run_test(size=SIZE) as pilot:
        await settle(pilot)
        assert reading_screen(pilot).query_one(StatusBar).progress.startswith("translated")

    class UnusableEngine(TranslationEngine):
        def translate(self, sentences: Sequence[str]) -> list[str]:
            raise AssertionError("everything is stored: the model must not be asked")

    monkeypatch.setattr(engine_module, "TranslationEngine", UnusableEngine)
    document = load_document(path)
    again = reading_app(document, store)
    async with again.run_test(size=SIZE) as pilot:
        await settle(pilot)
        screen = reading_screen(pilot)
        assert all(s.text in screen.machine for s in document.all_sentences())
        assert not screen.query_one(StatusBar).progress.startswith("translation failed")


async def test_reload_picks_up_a_correction_made_from_the_command_line(
    article: Document, store: Store
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        german = article.sentences(3)[0].text
        TranslationStore(store).correct(german, "Lavrov and Shoigu had arrived in Minsk.")
        assert german not in screen.machine
        await pilot.press("ctrl+r")
        await settle(pilot)
        assert screen.machine[german].origin == "edited"
        assert screen.english_for(3).versions[0].sentences[0].text.startswith("Lavrov and")


async def test_editing_in_reference_mode_starts_from_the_reference_and_shows_the_edit(
    article: Document, store: Store
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        await pilot.press("t", "t", "j", "e")  # reference mode, teaser sentence 1
        assert isinstance(app.screen, EditTranslationScreen)
        field = app.screen.query_one("#edit-english", EnglishBox)
        assert field.text.startswith("Kremlin chief Putin visits Belarus")
        field.text = "Kremlin boss Putin visits Belarus."
        await pilot.press("enter")
        await settle(pilot)
        assert screen.translation_mode == "best"
        shown = screen.english_for(1).versions[0]  # no model: the reference with the edit in it
        assert shown.label == "reference (curated) · 1 edited"
        assert [s.origin for s in shown.sentences] == ["edited", "reference"]
        assert shown.sentences[0].text == "Kremlin boss Putin visits Belarus."
