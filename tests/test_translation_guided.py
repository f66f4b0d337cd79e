"""Glossary-guided choice among n-best translations: the logic on given lists, the plumbing."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from reader.cli import main
from reader.translation.guided import GUIDED_LABEL, choose
from reader.translation.models import ModelInfo


def lacking(*renderings: str) -> object:
    """Counts which of ``renderings`` an English sentence lacks (a stand-in glossary)."""
    return lambda english: sum(r not in english for r in renderings)


def test_the_first_choice_stays_when_it_uses_the_glossary() -> None:
    choice = choose([("He visits Minsk.", -0.2), ("He visits Mensk.", -0.3)], lacking("Minsk"))
    assert (choice.english, choice.guided, choice.label) == ("He visits Minsk.", False, "")


def test_a_lower_hypothesis_with_the_rendering_is_chosen_within_the_margin() -> None:
    nbest = [("The Kremlin boss refused.", -0.4), ("The Kremlin chief refused.", -0.9)]
    choice = choose(nbest, lacking("Kremlin chief"), margin=1.0)
    assert choice.english == "The Kremlin chief refused."
    assert choice.guided and choice.label == GUIDED_LABEL
    assert choice.model_first == "The Kremlin boss refused."
    assert choice.score_loss == pytest.approx(0.5)
    assert choice.missing == 0


def test_nothing_beyond_the_margin_is_chosen() -> None:
    nbest = [("The Kremlin boss refused.", -0.4), ("The Kremlin chief refused.", -2.0)]
    choice = choose(nbest, lacking("Kremlin chief"), margin=1.0)
    assert not choice.guided and choice.english == "The Kremlin boss refused."
    assert choice.missing == 1


def test_fewest_missing_terms_win_then_the_better_score() -> None:
    nbest = [
        ("A boss in Minsk.", -0.1),
        ("A chief in Mensk.", -0.2),
        ("A chief in Minsk.", -0.5),
        ("The chief in Minsk.", -0.6),
    ]
    choice = choose(nbest, lacking("chief", "Minsk"))
    assert choice.english == "A chief in Minsk." and choice.missing == 0


def test_a_tie_in_terms_keeps_the_model_first() -> None:
    nbest = [("A boss.", -0.1), ("A leader.", -0.2)]
    assert not choose(nbest, lacking("chief")).guided


def test_no_hypotheses_is_an_error() -> None:
    with pytest.raises(ValueError):
        choose([], lacking())


def test_alternatives_glossary_guided_through_the_cli(
    tiny_model: ModelInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = tmp_path / "text.md"
    text.write_text("# Titel\n\nDer Kremlchef besucht Minsk.\n")
    argv = ["alternatives", str(text), "--sentence", "2.1", "--glossary-guided", "--json"]
    assert main(argv) == 0
    result = json.loads(capsys.readouterr().out)
    guided = result["glossary_guided"]
    assert guided["model_first"] == result["alternatives"][0]["english"]
    assert guided["english"] in [a["english"] for a in result["alternatives"]]
    assert guided["label"] in ("", GUIDED_LABEL)
    assert guided["terms"] >= 1  # Kremlchef and Minsk are in the curated glossary


def test_translate_glossary_guided_labels_and_keeps_the_first_choice(
    tiny_model: ModelInfo,
    tmp_path: Path,
    capsys: pytest.CaptureFixture[str],
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from reader.translation import guided

    # Random weights never produce the renderings, so stand in for the glossary check: the
    # model's first choice "lacks" a term, every other hypothesis has it.
    def counter(matches: object) -> object:
        calls = []

        def missing(english: str) -> int:
            calls.append(english)
            return 1 if len(calls) == 1 else 0

        return missing

    monkeypatch.setattr(guided, "glossary_counter", counter)
    monkeypatch.setattr(guided, "SCORE_MARGIN", 1e9)
    text = tmp_path / "text.md"
    text.write_text("# Titel\n\nDer Kremlchef besucht Minsk. Es regnet heute nicht.\n")
    assert main(["translate", str(text), "--format", "json", "--glossary-guided"]) == 0
    pairs = json.loads(capsys.readouterr().out)["sentences"]
    labelled = [pair for pair in pairs if pair.get("label")]
    assert [pair["german"] for pair in labelled] == ["Der Kremlchef besucht Minsk."]
    assert labelled[0]["label"] == GUIDED_LABEL
    assert labelled[0]["english"] != labelled[0]["model_first"]
    assert main(["translate", str(text), "--glossary-guided"]) == 0
    out = capsys.readouterr().out
    assert "glossary-guided; model's first choice: " in out
