"""Pilot tests of the reading aids (issue 11): jumps to new and learning words, l/h across
sentences, the status in the lookup panel, the help's colour legend, M leaving names alone,
u undoing the last status change, and hiding the check lines."""

from __future__ import annotations

from rich.table import Table
from rich.text import Text
from textual.widgets import Static

from reader import cli
from reader.core.text import Document
from reader.navigation import Cursor
from reader.settings import get_setting
from reader.store import Store
from reader.translation import ModelInfo
from reader.ui.screens.help import HelpScreen
from reader.ui.widgets.lookup_panel import LookupPanel
from reader.ui.widgets.parallel_view import ParallelTextView
from reader.vocabulary import Vocabulary
from tests.ui_support import open_reader, settle


def status_line(panel: LookupPanel) -> str:
    """What the lookup panel's status line says (empty while hidden)."""
    line = panel.query_one("#lookup-status", Static)
    content = line.render()
    return str(content) if line.display else ""


def block_lemmas(screen: object, document: Document, block: int) -> list[tuple[int, int, str]]:
    """(sentence, token, lemma) of the words of an analysed block."""
    analysis = screen.analyses[block]  # type: ignore[attr-defined]
    return [
        (sentence.index, index, lemma)
        for sentence, result in zip(document.sentences(block), analysis.sentences, strict=True)
        for index, (token, lemma) in enumerate(zip(sentence.tokens, result.lemmas, strict=True))
        if token.is_word
    ]


async def test_the_new_word_jumps_cross_sentences_and_paragraphs(
    article: Document, store: Store
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        words = block_lemmas(screen, article, 0) + block_lemmas(screen, article, 1)
        target_sentence, target_token, target = block_lemmas(screen, article, 1)[-1]
        known = {lemma: "known" for _, _, lemma in words if lemma != target}
        Vocabulary(store).set_statuses(known)
        await pilot.press("ctrl+r")  # read the statuses again
        await settle(pilot)
        await pilot.press("]")  # from the title: the one new word, in ¶ 2's second sentence
        await settle(pilot)
        assert screen.cursor == Cursor(1, target_sentence, target_token)
        assert screen.current_lemma() == target
        assert screen.query_one(LookupPanel).result is not None  # looked up at once
        await pilot.press("2", "g", "]")  # now learning: the next new word is further on
        await settle(pilot)
        assert screen.cursor.block >= 2 and screen.cursor.token is not None
        await pilot.press("g", ")")  # the next learning word: the one just marked
        await settle(pilot)
        assert screen.cursor == Cursor(1, target_sentence, target_token)
        await pilot.press("left_parenthesis")
        await settle(pilot)
        assert "no learning word before the cursor" in screen.status.message
        assert screen.cursor == Cursor(1, target_sentence, target_token)


async def test_l_goes_on_into_the_next_sentence_and_h_back(article: Document, store: Store) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        await pilot.press("J")  # ¶ 2: two sentences
        first, second = article.sentences(1)
        words = [i for i, token in enumerate(first.tokens) if token.is_word]
        await pilot.press(*["l"] * (len(words) + 1))
        await settle(pilot)
        into = next(i for i, token in enumerate(second.tokens) if token.is_word)
        assert screen.cursor == Cursor(1, 1, into)
        assert screen.status.paragraph == 2
        panel = screen.query_one(LookupPanel)
        assert panel.result is not None and panel.result.word == second.tokens[into].text
        await pilot.press("h")
        await settle(pilot)
        assert screen.cursor == Cursor(1, 0, words[-1])


async def test_the_lookup_panel_shows_the_status_and_its_keys(
    article: Document, store: Store
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        panel = screen.query_one(LookupPanel)
        assert status_line(panel) == ""  # no word cursor, no status
        await pilot.press("J", "right")
        await settle(pilot)
        assert status_line(panel).startswith("status new")
        assert "1 2 3 4 learning · w known · i ignore · 0 new · u undo" in status_line(panel)
        await pilot.press("3")
        await settle(pilot)
        assert status_line(panel).startswith("status learning 3")
        await pilot.press("i")
        await settle(pilot)
        assert status_line(panel).startswith("status ignored")
        analysis = screen.analyses[2]  # ¶ 3 names Putin and Lukaschenko
        sentence = next(i for i, result in enumerate(analysis.sentences) if result.names)
        screen.move_to(Cursor(2, sentence, analysis.sentences[sentence].names[0]))
        screen.look_up_current_word()
        await settle(pilot)
        assert status_line(panel).startswith("status new · name")


async def test_the_help_has_a_colour_legend_in_the_views_styles(
    article: Document, store: Store
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        view = screen.query_one(ParallelTextView)
        await pilot.press("question_mark")
        await pilot.pause()
        assert isinstance(app.screen, HelpScreen)
        table = app.screen.query_one("#help-table", Static).content
        assert isinstance(table, Table)
        keys = [cell for cell in table.columns[0]._cells]
        meanings = [str(cell) for cell in table.columns[1]._cells]
        row = meanings.index("learning 2")
        sample = keys[row]
        assert isinstance(sample, Text) and sample.plain == "Wort"
        style = view.get_component_rich_style("parallel-view--status-2", partial=True)
        assert [span.style for span in sample.spans] == [style] and style.bgcolor is not None
        for meaning in (
            "new: never marked",
            "a glossary term",
            "a fixed phrase of the dictionary (P)",
        ):
            assert meaning in meanings


async def test_paragraph_known_skips_names_and_u_undoes_it(article: Document, store: Store) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        view = screen.query_one(ParallelTextView)
        await pilot.press("J", "J", "M")  # ¶ 3: Minsk, Wladimir Putin, Alexander Lukaschenko
        await settle(pilot)
        analysis = screen.analyses[2]
        names = {result.lemmas[index] for result in analysis.sentences for index in result.names}
        assert {"Putin", "Lukaschenko"} <= names
        stored = Vocabulary(store).statuses(
            lemma for _, _, lemma in block_lemmas(screen, article, 2)
        )
        assert stored and all(status == "known" for status in stored.values())
        assert not names & set(stored)  # the names are left new
        await pilot.press("u")
        await settle(pilot)
        assert Vocabulary(store).statuses(stored) == {}  # every word of the paragraph: new again
        assert all(screen.statuses.get(lemma) == "new" for lemma in stored)
        assert "undone (paragraph known)" in screen.status.message
        new_marks = [d for d in view.decorations[2] if d.component == "parallel-view--status-new"]
        assert len(new_marks) >= len(stored)
        await pilot.press("u")
        await settle(pilot)
        assert screen.status.message == "no status change to undo"


async def test_u_undoes_a_single_status_key_too(article: Document, store: Store) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        await pilot.press("J", "right", "2")
        await settle(pilot)
        lemma = screen.current_lemma()
        assert lemma is not None and Vocabulary(store).status(lemma) == "2"
        await pilot.press("w")
        await settle(pilot)
        await pilot.press("u")
        await settle(pilot)
        assert Vocabulary(store).status(lemma) == "2"  # back one step, not to new
        await pilot.press("u")
        await settle(pilot)
        assert Vocabulary(store).statuses([lemma]) == {}


async def test_the_check_lines_can_be_hidden_and_stay_hidden(
    article: Document, store: Store, tiny_model: ModelInfo
) -> None:
    async with open_reader(article, store) as (app, pilot, screen):
        assert screen.english_for(9).versions[0].notes  # random English: checks under it
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert screen.english_for(9).versions[0].notes == ()
        assert "check lines (⚑) hidden" in screen.status.message
    assert get_setting(store, "check-lines") == "off"
    async with open_reader(article, store) as (app, pilot, screen):
        assert screen.english_for(9).versions[0].notes == ()  # kept for next time
        await pilot.press("exclamation_mark")
        await settle(pilot)
        assert screen.english_for(9).versions[0].notes


def test_the_check_lines_setting_from_the_command_line(store: Store, capsys: object) -> None:
    assert cli.main(["settings", "check-lines", "off"]) == 0
    out = capsys.readouterr().out  # type: ignore[attr-defined]
    assert out.startswith("check-lines = off")
