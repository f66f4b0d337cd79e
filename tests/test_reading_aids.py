"""Unit tests of the reading aids' rules (issue 11), without a screen: jumps by word status
and l/h across sentences (reader.navigation), names and "paragraph known" (reader.analysis),
undo of status changes (reader.status_history), the status line and the legend."""

from __future__ import annotations

import pytest

from reader import navigation
from reader.analysis import BlockAnalysis, SentenceAnalysis, name_tokens
from reader.core.text import Document, parse_document
from reader.cursor_status import NEW_OR_LEARNING, WordStatus, describe, has_status, status_at
from reader.navigation import Cursor
from reader.status_history import StatusHistory
from reader.store import Store
from reader.vocabulary import Vocabulary

# Blocks: 0 the title, 1 two sentences, 2 one sentence without words, 3 two sentences.
TEXT = "# Titel\n\nEins ist da. Zwei auch.\n\n… !\n\nVier kommt. Fünf geht!\n"


@pytest.fixture(scope="module")
def document() -> Document:
    text = parse_document(TEXT, "test")
    assert [len(text.sentences(i)) for i in range(len(text.blocks))] == [1, 2, 1, 2]
    return text


def analyses_of(document: Document, names: dict[tuple[int, int], tuple[int, ...]] | None = None):
    """A fake analysis whose lemma is each token's text in lower case."""
    names = names or {}
    return {
        block: BlockAnalysis(
            block,
            tuple(
                SentenceAnalysis(
                    tuple(token.text.lower() for token in sentence.tokens),
                    (),
                    (),
                    names.get((block, sentence.index), ()),
                )
                for sentence in document.sentences(block)
            ),
        )
        for block in range(len(document.blocks))
    }


# l and h ----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("start", "step", "expected"),
    [
        (Cursor(1, 0, 0), +1, Cursor(1, 0, 1)),  # within the sentence as before
        (Cursor(1, 0, 2), +1, Cursor(1, 1, 0)),  # "da" → "Zwei": on into the next sentence
        (Cursor(1, 1, 1), +1, Cursor(3, 0, 0)),  # across a paragraph and a wordless block
        (Cursor(3, 0, 0), -1, Cursor(1, 1, 1)),  # h: back to the previous sentence's last word
        (Cursor(1, 1, 0), -1, Cursor(1, 0, 2)),
        (Cursor(3, 1, 1), +1, Cursor(3, 1, 1)),  # the text's last word: it stays
        (Cursor(0, 0, 0), -1, Cursor(0, 0, 0)),  # the first: it stays
        (Cursor(2, 0), +1, Cursor(3, 0, 0)),  # a sentence without words: the next word
        (Cursor(1, 0), +1, Cursor(1, 0, 0)),  # no word cursor yet: the sentence's first word
    ],
)
def test_l_and_h_go_on_across_sentences(
    document: Document, start: Cursor, step: int, expected: Cursor
) -> None:
    assert navigation.word_step(document, start, step) == expected


# Jumps by status --------------------------------------------------------------------------


def jump(document: Document, cursor: Cursor, step: int, statuses: dict[str, str], wanted):
    analyses = analyses_of(document)
    return navigation.find_word(
        document,
        cursor,
        step,
        lambda b, s, t: has_status(analyses, statuses, wanted, b, s, t),
        lambda block: block in analyses,
    )


KNOWN_BUT = {"titel": "known", "eins": "known", "ist": "known", "da": "known", "zwei": "known"}


@pytest.mark.parametrize(
    ("start", "step", "expected"),
    [
        (Cursor(0, 0), +1, Cursor(1, 1, 1)),  # "auch", the first new word
        (Cursor(1, 1, 1), +1, Cursor(3, 0, 0)),  # on across paragraphs: "Vier"
        (Cursor(3, 0, 0), -1, Cursor(1, 1, 1)),  # back across paragraphs
        (Cursor(3, 1, 1), +1, None),  # none after the last word
        (Cursor(1, 1), +1, Cursor(1, 1, 1)),  # no word cursor: its sentence counts
    ],
)
def test_the_next_new_word_is_found_across_sentences_and_paragraphs(
    document: Document, start: Cursor, step: int, expected: Cursor | None
) -> None:
    statuses = {**KNOWN_BUT, "kommt": "known"}
    assert jump(document, start, step, statuses, {"new"}).found == expected


def test_a_learning_word_jump_skips_new_and_known_words(document: Document) -> None:
    statuses = {**KNOWN_BUT, "fünf": "3"}
    found = jump(document, Cursor(0, 0), +1, statuses, {"1", "2", "3", "4"}).found
    assert found == Cursor(3, 1, 0)  # "Fünf", past the new "auch", "Vier", "kommt"
    # New or learning (Lute's shift+left) from "geht" back: "Fünf", then the new "kommt".
    found = jump(document, Cursor(3, 1, 1), -1, statuses, NEW_OR_LEARNING).found
    assert found == Cursor(3, 1, 0)
    found = jump(document, Cursor(3, 1, 0), -1, statuses, NEW_OR_LEARNING).found
    assert found == Cursor(3, 0, 1)


def test_the_search_stops_at_a_block_not_analysed(document: Document) -> None:
    analyses = analyses_of(document)
    del analyses[3]
    search = navigation.find_word(
        document,
        Cursor(1, 1, 1),
        +1,
        lambda b, s, t: has_status(analyses, {}, {"new"}, b, s, t),
        lambda block: block in analyses,
    )
    assert search.found is None and search.unanalysed == 3


# Names and paragraph known ----------------------------------------------------------------


def test_names_are_the_taggers_proper_nouns_and_the_glossarys_names() -> None:
    text = parse_document("# T\n\nDann kam Putin nach BERLIN.\n", "test")
    sentence = text.sentences(1)[0]
    tags = ("ADV", "VVFIN", "NE", "APPR", "NE", "$.")
    assert name_tokens(sentence, tags, ()) == (2,)  # all capitals (a dateline) is no name


def test_paragraph_known_leaves_names_out(document: Document) -> None:
    analyses = analyses_of(document, {(3, 0): (0,)})  # "Vier" is a name here
    assert analyses[3].unnamed_word_lemmas(document) == ("kommt", "fünf", "geht")


# Undo -------------------------------------------------------------------------------------


def test_undo_puts_back_every_word_of_the_last_action(store: Store) -> None:
    clock = iter(float(n) for n in range(100, 200))
    vocabulary = Vocabulary(store, clock=lambda: next(clock))
    vocabulary.set_status("Hund", "2", text_id="a")
    history = StatusHistory(vocabulary)
    history.set_statuses({"Katze": "known"}, "b", "Katze: known")
    change = history.mark_new_as_known(["Hund", "Maus", "Elch", "Katze"], "b")
    assert change is not None and dict(change.after) == {"Maus": "known", "Elch": "known"}
    assert len(history) == 2

    undone = history.undo()  # the whole paragraph, one record
    assert undone is not None and undone.restored == {"Maus": "new", "Elch": "new"}
    assert vocabulary.statuses() == {"Hund": "2", "Katze": "known"}  # rows removed again
    undone = history.undo()
    assert undone is not None and undone.restored == {"Katze": "new"}
    assert vocabulary.statuses() == {"Hund": "2"}
    assert history.undo() is None


def test_undo_restores_the_old_row_exactly(store: Store) -> None:
    vocabulary = Vocabulary(store, clock=lambda: 5.0)
    vocabulary.set_status("Hund", "2", text_id="a")
    history = StatusHistory(Vocabulary(store, clock=lambda: 9.0))
    history.set_statuses({"Hund": "known"}, "b", "Hund: known")
    history.undo()
    row = store.read().execute("SELECT status, updated, text_id FROM words").fetchall()
    assert row == [("2", 5.0, "a")]


def test_undo_leaves_a_word_changed_again_since(store: Store) -> None:
    vocabulary = Vocabulary(store)
    history = StatusHistory(vocabulary)
    history.mark_new_as_known(["Hund", "Katze"], None)
    vocabulary.set_status("Katze", "ignored")  # another window, or the command line
    undone = history.undo()
    assert undone is not None and undone.kept == ("Katze",)
    assert vocabulary.statuses() == {"Katze": "ignored"}


def test_an_action_that_changes_nothing_is_not_recorded(store: Store) -> None:
    vocabulary = Vocabulary(store)
    vocabulary.set_status("Hund", "known")
    history = StatusHistory(vocabulary)
    assert history.mark_new_as_known(["Hund"], None) is None
    assert history.set_statuses({"Hund": "known"}, None, "Hund: known") is None
    assert len(history) == 0


def test_the_history_is_bounded(store: Store) -> None:
    history = StatusHistory(Vocabulary(store), limit=3)
    for level in ("1", "2", "3", "4", "known"):
        history.set_statuses({"Hund": level}, None, level)
    assert len(history) == 3


# The status line and the legend ----------------------------------------------------------


@pytest.mark.parametrize(
    ("status", "name", "said"),
    [
        ("new", False, "new"),
        ("2", False, "learning 2"),
        ("known", False, "known"),
        ("ignored", False, "ignored"),
        ("new", True, "new · name"),
    ],
)
def test_the_status_in_words(status: str, name: bool, said: str) -> None:
    assert describe(WordStatus("x", status, name)) == said


def test_status_at_needs_the_analysis(document: Document) -> None:
    analyses = analyses_of(document, {(1, 0): (0,)})
    assert status_at(analyses, {"eins": "3"}, 1, 0, 0) == WordStatus("eins", "3", True)
    assert status_at(analyses, {}, 1, 0, 1) == WordStatus("ist", "new", False)
    del analyses[1]
    assert status_at(analyses, {}, 1, 0, 0) is None


def test_the_panels_status_keys_and_the_legend_follow_the_tables() -> None:
    from reader.analysis import STATUS_MARKS
    from reader.ui.legend import LEGEND, status_keys
    from reader.ui.widgets.parallel_view import ParallelTextView

    assert status_keys() == "1 2 3 4 learning · w known · i ignore · 0 new · u undo"
    styles = {name for name, _ in LEGEND}
    assert set(STATUS_MARKS.values()) <= styles
    assert {f"parallel-view--{name}" for name in styles} <= ParallelTextView.COMPONENT_CLASSES
