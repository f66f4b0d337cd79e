"""The real German texts under tests/data/real/, their gold file, and the quality scorer.

The texts are excerpts found in public sources (see tests/data/real/README.md); the gold
file is hand-made. These tests check that every text loads and segments as a reader would
see it (sentence counts of chosen paragraphs, checked by hand), that the gold file agrees
with the texts, and that bench/lookup_quality.py scores a known hit as a hit and a known
miss as a miss. Quality targets are reported by the benchmark, not asserted here.
"""

from __future__ import annotations

import importlib.util
import re
import sys
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import yaml

from reader.core.text import Document, load_document

REAL = Path(__file__).parent / "data" / "real"
EVERY_TEXT = sorted(path for path in REAL.glob("*.md") if path.name != "README.md")
# The benchmark's texts; the short `scope-` and `draft-` quotations serve the glossary-scope
# and glossary-draft tests, which check them themselves.
TEXTS = [path for path in EVERY_TEXT if not path.name.startswith(("scope-", "draft-"))]
KINDS = {
    "compound", "split-verb", "participle", "reflexive", "idiom", "preposition",
    "function-word", "false-friend", "old-spelling", "elided", "abbreviation", "word",
}  # fmt: skip


def _load_bench() -> ModuleType:
    path = Path(__file__).parent.parent / "bench" / "lookup_quality.py"
    spec = importlib.util.spec_from_file_location("lookup_quality", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("lookup_quality", module)
    spec.loader.exec_module(module)
    return module


quality = _load_bench()


@pytest.fixture(scope="module")
def gold() -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load((REAL / "gold.yaml").read_text(encoding="utf-8"))
    return loaded


@pytest.fixture(scope="module")
def documents() -> dict[str, Document]:
    return {path.name: load_document(path) for path in TEXTS}


def _sentences(document: Document, opening: str) -> list[str]:
    """The sentences of the block that starts with ``opening``."""
    for block in document.blocks:
        if block.text.startswith(opening):
            return [sentence.text for sentence in document.sentences(block.index)]
    raise AssertionError(f"no block opens with {opening!r}")


def test_at_least_six_kinds_of_text_and_each_is_listed_with_its_source() -> None:
    kinds = set()
    listing = (REAL / "README.md").read_text(encoding="utf-8")
    for path in TEXTS:
        front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
        assert str(front["source"]).startswith("http"), path.name
        assert front["licence"], path.name
        assert path.name in listing and str(front["source"]) in listing, path.name
        kinds.add(front["kind"])
    assert len(TEXTS) >= 6 and len(kinds) >= 6


@pytest.mark.parametrize("path", EVERY_TEXT, ids=lambda path: path.name)
def test_every_real_text_has_its_address_and_licence_in_the_listing(path: Path) -> None:
    front = yaml.safe_load(path.read_text(encoding="utf-8").split("---\n")[1])
    address = str(front.get("url") or front["source"])
    assert address.startswith("http"), path.name
    assert front["licence"], path.name
    listing = (REAL / "README.md").read_text(encoding="utf-8")
    assert path.name in listing and address in listing, path.name


@pytest.mark.parametrize("path", TEXTS, ids=lambda path: path.name)
def test_every_text_loads_as_an_excerpt_of_the_right_size(path: Path) -> None:
    document = load_document(path)
    body = "".join(block.text for block in document.blocks if block.kind != "title")
    assert 1400 <= len(body) <= 4000
    assert document.metadata.source.startswith("http")
    assert dict(document.metadata.extra)["licence"]
    assert document.blocks[0].kind == "title"
    assert all(document.sentences(block.index) for block in document.blocks)


# (file, the paragraph's opening words, the opening words of each of its sentences) as a
# reader would divide them, checked by hand.
BOUNDARIES = [
    ("feature-berliner-zeitung-imker.md", "Der Königinnenwald",
     ["Der Königinnenwald", "Dabei sieht", "In dem kleinen", "Der Acker", "Nichts Besonderes"]),
    ("feature-berliner-zeitung-imker.md", "Hier in seinem",
     ["Hier in seinem", "Der Imker hat", "In den Holzkisten", "Dort lebt", "Rümenapf erzählt",
      "Sie werden nur"]),
    ("forum-funkbasis.md", "Wie ist das nun?",
     ["Wie ist das nun?", "Wenn man ein Gerät", "Und gibt's da"]),
    ("forum-funkbasis.md", "Und, falls dies", ["Und, falls dies"]),
    ("government-bpa-2018-12-17.md", "StS Seibert: Guten",
     ["StS Seibert: Guten Morgen!", "Ich will für", "Vorab: Die Vertreter", "Die Bundeskanzlerin"]),
    ("government-bpa-2018-12-17.md", "Vors. Mayntz", ["Vors. Mayntz"]),
    ("kafka-verwandlung.md", "»Was ist mit mir", ["»Was ist mit mir", "Es war kein Traum",
                                                   "Es stellte eine Dame"]),
    ("kafka-verwandlung.md", "Gregors Blick", ["Gregors Blick", "»Wie wäre es", "Mit welcher"]),
    ("letter-schiller-1790.md", "Wie gerne",
     ["Wie gerne", "Daß ich es", "Sein Vater", "Heute erhielt", "Wenn es ihm"]),
    ("letter-schiller-1790.md", "In der That",
     ["In der That", "Ich hoffe nun", "Es würde jetzt", "Vielleicht wirkt"]),
    ("wikinews-2017-06.md", "Vor einiger Zeit",
     ["Vor einiger Zeit", "Der Mafiaorganisation", "Offiziell versucht", "Das ist eine",
      "Doch das Geschäft", "Schlepperorganisationen", "Oft werden"]),
    ("wikinews-2017-06.md", "Aufgehoben worden",
     ["Aufgehoben worden", "Eine entsprechende", "Vorerst begründete", "Dies wiederum"]),
    ("wikipedia-kassel.md", "Nach der endgültigen",
     ["Nach der endgültigen", "Er gründete", "Dieser Bettelorden", "Im Jahre 1297"]),
    ("wikipedia-kassel.md", "Mit der wachsenden", ["Mit der wachsenden"]),
]  # fmt: skip


@pytest.mark.parametrize(("name", "opening", "starts"), BOUNDARIES, ids=lambda v: str(v)[:24])
def test_sentence_boundaries_checked_by_hand(
    documents: dict[str, Document], name: str, opening: str, starts: list[str]
) -> None:
    sentences = _sentences(documents[name], opening)
    assert len(sentences) == len(starts), sentences
    for sentence, start in zip(sentences, starts, strict=True):
        assert sentence.startswith(start), (sentence, start)


def test_gold_has_the_promised_size(gold: dict[str, Any]) -> None:
    tokens = sum(len(quality.parse_gold_tokens(item["tokens"])) for item in gold["lemmas"])
    phrases = sum(len(item["present"]) for item in gold["phrases"])
    assert len(gold["senses"]) >= 150 and tokens >= 400 and phrases >= 40
    assert {gold["sentences"][item["s"]]["text"] for item in gold["senses"]} == {
        path.name for path in TEXTS if path.name not in _held_out_texts()
    }


# Held-out gold files: texts annotated by hand before any tool of the project ran on them.
FOOTNOTE_AT_END = re.compile(r"\[\d+\]$")
HELD_OUT_FILES = sorted(REAL.glob("gold-holdout*.yaml"))
GOLD_FILES = [REAL / "gold.yaml", *HELD_OUT_FILES]


def _load(path: Path) -> dict[str, Any]:
    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    for part in ("senses", "lemmas", "phrases"):
        loaded[part] = loaded.get(part) or []
    return loaded


def _held_out_texts(path: Path | None = None) -> set[str]:
    """The texts only a held-out gold covers (annotated before the detector ran)."""
    paths = [path] if path else HELD_OUT_FILES
    return {e["text"] for p in paths for e in _load(p)["sentences"].values()}


@pytest.mark.parametrize("path", HELD_OUT_FILES, ids=lambda path: path.name)
def test_the_held_out_phrase_gold_covers_every_sentence_of_its_texts(
    documents: dict[str, Document], path: Path
) -> None:
    held_out = _load(path)
    for name in _held_out_texts(path):
        document = documents[name]
        texts = [
            FOOTNOTE_AT_END.sub("", s.text)  # a gold may leave a sentence's "[1]" out
            for b in document.blocks
            if b.kind == "paragraph"
            for s in document.sentences(b.index)
        ]
        listed = [e["sentence"] for e in held_out["sentences"].values() if e["text"] == name]
        # Every sentence of the paragraphs, in order (a heading may be listed too).
        listed = [FOOTNOTE_AT_END.sub("", text) for text in listed]
        assert [text for text in listed if text in texts] == texts, name
    judged = [item["s"] for item in held_out["phrases"]]
    assert judged == list(held_out["sentences"])
    for item in held_out["phrases"]:
        sentence = quality.segment(held_out["sentences"][item["s"]]["sentence"])
        words = [token.text for token in sentence.tokens]
        for phrase in item["present"]:
            assert all(anchor in words for anchor in phrase["anchors"]), (item["s"], phrase)


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda path: path.name)
def test_every_gold_sentence_occurs_in_its_text(path: Path) -> None:
    gold = _load(path)
    for key, entry in gold["sentences"].items():
        source = re.sub(r"\s+", " ", (REAL / entry["text"]).read_text(encoding="utf-8"))
        assert entry["sentence"] in source, key


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda path: path.name)
def test_every_sense_item_names_a_token_of_its_sentence(path: Path) -> None:
    gold = _load(path)
    for item in gold["senses"]:
        sentence = quality.segment(gold["sentences"][item["s"]]["sentence"])
        assert item["word"] in [token.text for token in sentence.tokens], item
        assert item["kind"] in KINDS, item
        assert item["english"] and all(isinstance(k, str) and k for k in item["english"]), item
        assert isinstance(item.get("joined", ""), str), item
    pairs = [(item["s"], item["word"]) for item in gold["senses"]]
    assert len(pairs) == len(set(pairs))


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda path: path.name)
def test_every_lemma_sentence_lists_its_word_tokens_in_order(path: Path) -> None:
    gold = _load(path)
    for item in gold["lemmas"]:
        sentence = quality.segment(gold["sentences"][item["s"]]["sentence"])
        words = [token.text for token in sentence.tokens if token.is_word]
        assert [token for token, _ in quality.parse_gold_tokens(item["tokens"])] == words


@pytest.mark.parametrize("path", GOLD_FILES, ids=lambda path: path.name)
def test_every_phrase_anchor_is_a_token_of_its_sentence(path: Path) -> None:
    gold = _load(path)
    for item in gold["phrases"]:
        sentence = quality.segment(gold["sentences"][item["s"]]["sentence"])
        tokens = [token.text for token in sentence.tokens]
        for phrase in item["present"]:
            assert len(phrase["anchors"]) >= 1 and phrase["ding"], item
            assert phrase["type"] in {"idiom", "fixed", "collocation", "verb", "grammatical"}
            assert all(anchor in tokens for anchor in phrase["anchors"]), (item["s"], phrase)
        for anchors in item.get("also_ok", ()):
            assert all(anchor in tokens for anchor in anchors), item["s"]


LOOKUP_OUTPUT = """Kiefern → Kiefer [noun (plural)]

Dictionary (Ding, found as written):
  Kiefer {m} [anat.] — jaw; jawbone
  Kiefer {f} [bot.] — pine; pine tree
"""


def test_a_keyword_in_the_english_of_the_first_lines_is_a_hit() -> None:
    assert quality.sense_hit(LOOKUP_OUTPUT, ["pine"])
    assert quality.sense_hit(LOOKUP_OUTPUT, ["Pine Tree"])


def test_a_keyword_only_in_german_beyond_the_lines_or_inside_a_word_is_a_miss() -> None:
    assert not quality.sense_hit(LOOKUP_OUTPUT, ["Kiefer"])  # German side only
    assert not quality.sense_hit(LOOKUP_OUTPUT, ["pin"])  # part of "pine"
    assert quality.sense_hit("x — treaties", ["treaty"]) and quality.sense_hit("x — cut", ["cut"])
    assert not quality.sense_hit(LOOKUP_OUTPUT, ["pine"], limit=4)  # beyond the lines looked at
    assert not quality.sense_hit("nothing found\n", ["pine"])


def test_the_lookup_run_through_the_cli_scores_a_known_hit_and_miss(
    ding_sample: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("LESEPULT_DING_PATH", str(ding_sample))
    output = quality.run_lookup("Verträge", "Der Staat schloss zwei Verträge.")
    assert quality.sense_hit(output, ["treaty", "contract"])
    assert not quality.sense_hit(output, ["carpet"])
    absent = quality.run_lookup("Hund", "Der Staat schloss zwei Verträge.")
    assert absent.startswith("lesepult:") and not quality.sense_hit(absent, ["dog"])


def test_lemma_scoring_accepts_alternatives_and_counts_misses() -> None:
    gold = quality.parse_gold_tokens("Im in\nnächsten nah|nächst\nsieht aussehen\n")
    assert quality.lemma_misses(["in", "nächst", "aussehen"], gold) == []
    assert quality.lemma_misses(["in", "nächst", "sehen"], gold) == [("sieht", "sehen", "aussehen")]
    with pytest.raises(ValueError):
        quality.lemma_misses(["in"], gold)


def test_phrase_judgement_counts_right_wrong_found_and_missed() -> None:
    present = [("zu etw. kommen", ["kommt", "zu"]), ("im Vorfeld", ["Im", "Vorfeld"])]
    detections = [
        ("zu etw. kommen", ["kommt", "es", "zu"]),  # covers the anchors: right
        ("im Vorfeld", ["Vorfeld"]),  # half of the phrase: wrong, and it is not found
        ("unter Kontrolle", ["unter", "Kontrolle"]),  # an also_ok reading: right
        ("etw. kommen lassen", ["kommen"]),  # wrong
    ]
    verdict = quality.judge_phrases(detections, present, [["unter", "Kontrolle"]])
    assert verdict.right == ("zu etw. kommen", "unter Kontrolle")
    assert verdict.wrong == ("im Vorfeld", "etw. kommen lassen")
    assert verdict.found == ("zu etw. kommen",)
    assert verdict.missed == ("im Vorfeld",)


def test_the_phrase_adapter_returns_phrases_or_says_not_available() -> None:
    sentence = quality.segment("Im Vorfeld kommt es zu Störungen.")
    detected = quality.detect_phrases(sentence)
    if isinstance(detected, str):
        assert detected.startswith(quality.NOT_AVAILABLE)
    else:
        assert all(
            isinstance(label, str) and isinstance(tokens, tuple) for label, tokens in detected
        )


def test_the_measures_run_on_a_tiny_subset(
    gold: dict[str, Any], ding_sample: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:  # fmt: skip
    monkeypatch.setenv("LESEPULT_DING_PATH", str(ding_sample))
    subset = {
        "sentences": gold["sentences"],
        "senses": [{"s": "f-ort", "word": "Ort", "kind": "word", "english": ["no-such-sense"]}],
        "lemmas": [item for item in gold["lemmas"] if item["s"] == "f-ort"],
        "phrases": [item for item in gold["phrases"] if item["s"] == "f-nichts"],
    }
    quality.measure_senses(subset, show=True)
    quality.measure_lemmas(subset, show=False)
    quality.measure_phrases(subset, show=False)
    printed = capsys.readouterr().out
    assert "senses within the first 15 lines: 0/1 (0.0%)" in printed  # a sense nobody gives
    assert "[word] Ort (f-ort)" in printed
    assert re.search(r"^lemmas: \d/6 ", printed, re.MULTILINE)
    assert "phrases: " in printed


def test_several_gold_files_are_measured_as_one() -> None:
    merged = quality.merge_gold(GOLD_FILES)
    parts = [_load(path) for path in GOLD_FILES]
    assert len(merged["sentences"]) == sum(len(part["sentences"]) for part in parts)
    assert len(merged["phrases"]) == sum(len(part["phrases"]) for part in parts)
    # Each item still names its own sentence, under its file's prefix.
    for item in merged["phrases"]:
        assert item["s"] in merged["sentences"]
    # One file is measured as it stands, its ids unprefixed.
    assert quality.merge_gold(GOLD_FILES[:1])["sentences"] == _load(GOLD_FILES[0])["sentences"]
