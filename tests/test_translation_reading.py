"""The reading screen's English column with broken package folders beside the good one."""

from __future__ import annotations

import pytest

from reader.core.text import Document
from reader.store import Store
from reader.translation import ModelInfo
from reader.translation.models import argos_packages_dir
from reader.ui.widgets.status_bar import StatusBar
from tests.ui_support import open_reader


@pytest.mark.parametrize("metadata", ["[]", '{"from_code": "de", "to_code": "en", '
                                      '"source_languages": "x"}'])  # fmt: skip
async def test_a_broken_package_beside_the_good_one_does_not_stop_the_english_column(
    article: Document, store: Store, tiny_model: ModelInfo, metadata: str
) -> None:
    broken = argos_packages_dir() / "translate-de_en-0_0"
    broken.mkdir()
    (broken / "metadata.json").write_text(metadata)
    async with open_reader(article, store) as (app, pilot, screen):
        sentences = list(article.all_sentences())
        assert all(s.text in screen.machine for s in sentences)
        assert screen.query_one(StatusBar).progress == (
            f"translated {len(sentences)}/{len(sentences)} sentences"
        )
        assert screen.english_for(2).versions[0].label == f"machine · {tiny_model.model_id}"
