"""`lesepult translate --paragraphs N[-M]`: the selection's rule, and any input gives a range
or one UserError."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from reader.cli import main
from reader.cli.translation import paragraph_range
from reader.core.errors import UserError
from reader.translation import ModelInfo


def test_paragraphs_are_counted_from_one_and_inclusive() -> None:
    assert paragraph_range(None, 5) == range(5)
    assert paragraph_range("2", 5) == range(1, 2)
    assert paragraph_range("2-4", 5) == range(1, 4)
    for bad in ("0", "6", "4-2", "x", "1-", "-3", "2-9"):
        with pytest.raises(UserError):
            paragraph_range(bad, 5)


@settings(max_examples=2000)
@given(st.text(max_size=20), st.integers(min_value=0, max_value=50))
def test_any_selection_gives_a_range_inside_the_text_or_a_user_error(text: str, count: int) -> None:
    try:
        chosen = paragraph_range(text, count)
    except UserError as error:
        assert "\n" not in str(error)
        return
    assert chosen and 0 <= chosen.start and chosen.stop <= count


def test_translate_prints_only_the_chosen_paragraphs(
    tiny_model: ModelInfo, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translate", "--paragraphs", "3-4", "--format", "json"]) == 0
    sentences = json.loads(capsys.readouterr().out)["sentences"]
    assert sentences and {s["block"] for s in sentences} == {2, 3}
    assert main(["translate", "--paragraphs", "999"]) == 2
    assert "paragraphs 1-" in capsys.readouterr().err
