"""The reading view's phrase marks: found per block, styled on their own, toggled with P."""

from __future__ import annotations

import pytest

from glossary.ding import DingDictionary
from reader.analysis import PHRASE_MARK, analyse_block, block_marks
from reader.core.text import Document, parse_document
from reader.settings import get_setting
from reader.store import Store
from tests.fixtures_glossary import REAL_DING
from tests.ui_support import reading_app, reading_screen, settle

needs_ding = pytest.mark.skipif(
    not REAL_DING.is_file(), reason="Debian package trans-de-en not installed"
)


@needs_ding
def test_block_marks_phrases_only_when_asked() -> None:
    document = parse_document("# Titel\n\nDas spielt keine Rolle mehr.\n", "test")
    dictionary = DingDictionary.open(REAL_DING)
    try:
        analysis = analyse_block(document, 1, None, dictionary)
    finally:
        dictionary.close()
    assert analysis.sentences[0].phrases[0].phrase == "keine Rolle spielen"
    assert not [m for m in block_marks(document, analysis, None) if m[2] == PHRASE_MARK]
    marked = {
        document.source[start:end]
        for start, end, style in block_marks(document, analysis, None, phrases=True)
        if style == PHRASE_MARK
    }
    assert marked == {"spielt", "keine", "Rolle"}


def test_without_dictionary_no_phrases() -> None:
    document = parse_document("# Titel\n\nDas spielt keine Rolle mehr.\n", "test")
    assert analyse_block(document, 1, None).sentences[0].phrases == ()


async def test_p_toggles_phrase_marks_and_keeps_the_setting(
    article: Document, store: Store
) -> None:
    app = reading_app(article, store)
    async with app.run_test(size=(120, 36)) as pilot:
        await settle(pilot)
        screen = reading_screen(pilot)
        assert not screen.mark_phrases
        await pilot.press("P")
        await settle(pilot)
        assert screen.mark_phrases
    assert get_setting(store, "phrase-marks") == "on"
