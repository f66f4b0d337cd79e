"""Quality of the lookup on real German texts: senses in context, lemmas, phrase detection.

Run: ``.venv/bin/python bench/lookup_quality.py [--show-failures] [--only senses|lemmas|phrases]``.

The yardstick is ``tests/data/real/gold.yaml`` (its format is documented at its top), made
by hand over the real texts in ``tests/data/real/``. Three figures, each beside its target:

- **senses**: for each hard item, ``lesepult lookup WORD --context SENTENCE`` runs in-process
  through the CLI's ``main`` (stdout captured; the same text a new process prints) and the item
  is a hit when one of its English keywords stands, as whole words, in the English part (after
  " — ") of one of the first 15 lines. Per kind and overall. Target ≥ 90%.
- **lemmas**: every word token of whole gold sentences, lemmatised in sentence context with the
  function the reading view uses (``glossary.lemmas.sentence_lemmas``). Target ≥ 97%.
- **phrases**: precision and recall of phrase detection, through :func:`detect_phrases` below
  (the one place that knows the detection API); "not available" while there is none. A
  detection is right when the tokens it covers include every anchor word of a gold phrase of
  that sentence (or of an ``also_ok`` reading). Target precision ≥ 90%.

It needs the Ding dictionary (``/usr/share/trans/de-en`` or ``LESEPULT_DING_PATH``) and says so
when it is missing. Lesepult's own folders point into a temporary directory for the run.
"""

from __future__ import annotations

import argparse
import contextlib
import importlib
import io
import os
import re
import sys
import tempfile
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

GOLD = ROOT / "tests" / "data" / "real" / "gold.yaml"
LINES_LOOKED_AT = 15
SENSE_TARGET = 0.90
LEMMA_TARGET = 0.97
PHRASE_PRECISION_TARGET = 0.90
NOT_AVAILABLE = "not available"


def detect_phrases(sentence: Any) -> list[tuple[str, tuple[int, ...]]] | str:
    """The phrases the project finds in ``sentence``: (phrase, covered token indexes) pairs.

    The adapter to the phrase-detection API, and the only place that knows it: today
    ``glossary.phrases.find_phrases(tagged_tokens, dictionary)`` returning objects with
    ``phrase`` and ``token_indexes``. Returns the string :data:`NOT_AVAILABLE` (with the
    reason) when the module or the function does not exist yet.
    """
    try:
        phrases = importlib.import_module("glossary.phrases")
    except ImportError:
        return f"{NOT_AVAILABLE} (no module glossary.phrases)"
    find = getattr(phrases, "find_phrases", None)
    if find is None:
        return f"{NOT_AVAILABLE} (glossary.phrases has no find_phrases)"
    from glossary.lemmas import open_dictionary, tag_sentence

    global _dictionary
    if _dictionary is None:
        _dictionary = open_dictionary()
    found = find(tag_sentence(sentence), _dictionary)
    result = []
    for match in found:
        indexes = getattr(match, "token_indexes", None) or getattr(match, "tokens", ())
        label = getattr(match, "phrase", None) or str(match)
        result.append((str(label), tuple(int(index) for index in indexes)))
    return result


_dictionary: Any = None


# ---- scoring (pure functions, tested in tests/test_real_texts.py) ----


def english_parts(output: str, limit: int = LINES_LOOKED_AT) -> list[str]:
    """The English side (after " — ") of each of the first ``limit`` lines of a lookup."""
    parts = []
    for line in output.splitlines()[:limit]:
        if " — " in line:
            parts.append(line.split(" — ", 1)[1])
    return parts


def keyword_forms(keyword: str) -> set[str]:
    """``keyword`` with the English endings of its last word (treaty: treaties, treaty's...)."""
    head, _, last = keyword.casefold().rpartition(" ")
    forms = {last, last + "s", last + "es", last + "d", last + "ed", last + "ing"}
    if last.endswith("y"):
        forms |= {last[:-1] + "ies", last[:-1] + "ied"}
    if last.endswith("e"):
        forms.add(last[:-1] + "ing")
    return {f"{head} {form}" if head else form for form in forms}


def keyword_in(keyword: str, text: str) -> bool:
    """Whether ``keyword`` (or an inflection of its last word) stands in ``text`` as words."""
    folded = text.casefold()
    return any(
        re.search(r"(?<![\w-])" + re.escape(form) + r"(?![\w-])", folded) is not None
        for form in keyword_forms(keyword)
    )


def sense_hit(output: str, keywords: Iterable[str], limit: int = LINES_LOOKED_AT) -> bool:
    """Whether any keyword appears in the English of the first ``limit`` lookup lines."""
    parts = english_parts(output, limit)
    return any(keyword_in(keyword, part) for keyword in keywords for part in parts)


def parse_gold_tokens(block: str) -> list[tuple[str, frozenset[str]]]:
    """The ``token lemma|alternative`` lines of a gold sentence as (token, lemmas)."""
    pairs = []
    for line in block.splitlines():
        if line.strip():
            token, lemmas = line.split()
            pairs.append((token, frozenset(lemmas.split("|"))))
    return pairs


def lemma_misses(
    predicted: Sequence[str], gold: Sequence[tuple[str, frozenset[str]]]
) -> list[tuple[str, str, str]]:
    """(token, predicted, expected) for every token whose lemma is not one of the gold ones."""
    if len(predicted) != len(gold):
        raise ValueError(f"{len(predicted)} lemmas for {len(gold)} gold tokens")
    return [
        (token, lemma, "|".join(sorted(lemmas)))
        for lemma, (token, lemmas) in zip(predicted, gold, strict=True)
        if lemma not in lemmas
    ]


@dataclass(frozen=True)
class PhraseJudgement:
    """How the detections of one sentence compare with its gold phrases."""

    right: tuple[str, ...]
    wrong: tuple[str, ...]
    found: tuple[str, ...]
    missed: tuple[str, ...]


def judge_phrases(
    detections: Sequence[tuple[str, Sequence[str]]],
    present: Sequence[tuple[str, Sequence[str]]],
    also_ok: Sequence[Sequence[str]] = (),
) -> PhraseJudgement:
    """Judge (label, covered words) detections against (ding, anchors) gold phrases."""

    def covers(words: Sequence[str], anchors: Sequence[str]) -> bool:
        have = Counter(words)
        return all(have[word] >= count for word, count in Counter(anchors).items())

    readings = [anchors for _, anchors in present] + [list(anchors) for anchors in also_ok]
    right = tuple(label for label, words in detections if any(covers(words, a) for a in readings))
    wrong = tuple(
        label for label, words in detections if not any(covers(words, a) for a in readings)
    )
    found = tuple(
        ding for ding, anchors in present if any(covers(words, anchors) for _, words in detections)
    )
    missed = tuple(ding for ding, _ in present if ding not in found)
    return PhraseJudgement(right, wrong, found, missed)


# ---- running the project ----


def run_lookup(word: str, sentence: str) -> str:
    """What ``lesepult lookup WORD --context SENTENCE`` prints (stdout, then stderr)."""
    from reader.cli import main

    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        main(["lookup", word, "--context", sentence])
    return out.getvalue() + err.getvalue()


def segment(sentence: str) -> Any:
    """The sentence as the CLI's ``--context`` segments it: one Sentence of its own tokens."""
    from reader.core.text import parse_document

    document = parse_document(f"# -\n\n{sentence}\n", "gold")
    sentences = [s for block in document.blocks[1:] for s in document.sentences(block.index)]
    if len(sentences) != 1:
        raise ValueError(f"gold sentence segments into {len(sentences)}: {sentence!r}")
    return sentences[0]


def percent(right: int, total: int) -> str:
    """``right/total (xx.x%)``."""
    share = 100 * right / total if total else 0.0
    return f"{right}/{total} ({share:.1f}%)"


def measure_senses(gold: dict[str, Any], show: bool) -> None:
    """Print the share of hard items whose sense is within the first lines, per kind."""
    hits: Counter[str] = Counter()
    totals: Counter[str] = Counter()
    failures: list[str] = []
    for item in gold["senses"]:
        sentence = gold["sentences"][item["s"]]["sentence"]
        output = run_lookup(item["word"], sentence)
        totals[item["kind"]] += 1
        if sense_hit(output, item["english"]):
            hits[item["kind"]] += 1
        else:
            head = " | ".join(output.splitlines()[:4])
            failures.append(
                f"  [{item['kind']}] {item['word']} ({item['s']}): want "
                f"{', '.join(item['english'][:4])}; got: {head[:160]}"
            )
    right, total = sum(hits.values()), sum(totals.values())
    print(
        f"senses within the first {LINES_LOOKED_AT} lines: {percent(right, total)}"
        f"   target >= {SENSE_TARGET:.0%}"
    )
    hard_right, hard_total = right - hits["word"], total - totals["word"]
    print(f"  {'hard (not word)':<15} {percent(hard_right, hard_total)}")
    for kind in sorted(totals, key=lambda k: hits[k] / totals[k]):
        print(f"  {kind:<15} {percent(hits[kind], totals[kind])}")
    if show:
        print("sense misses:")
        print("\n".join(failures) or "  none")


def measure_lemmas(gold: dict[str, Any], show: bool) -> None:
    """Print lemma accuracy over the gold tokens, lemmatised in sentence context."""
    from glossary.lemmas import sentence_lemmas

    right = total = 0
    failures: list[str] = []
    for item in gold["lemmas"]:
        sentence = segment(gold["sentences"][item["s"]]["sentence"])
        lemmas = sentence_lemmas(sentence)
        predicted = [
            lemma for token, lemma in zip(sentence.tokens, lemmas, strict=True) if token.is_word
        ]
        expected = parse_gold_tokens(item["tokens"])
        misses = lemma_misses(predicted, expected)
        total += len(expected)
        right += len(expected) - len(misses)
        failures.extend(
            f"  {token}: {got} (want {want})  [{item['s']}]" for token, got, want in misses
        )
    print(f"lemmas: {percent(right, total)}   target >= {LEMMA_TARGET:.0%}")
    if show:
        print("lemma misses:")
        print("\n".join(failures) or "  none")


def measure_phrases(gold: dict[str, Any], show: bool) -> None:
    """Print phrase detection precision and recall, or why it cannot be measured."""
    right = wrong = found = present_total = 0
    found_by_type: Counter[str] = Counter()
    total_by_type: Counter[str] = Counter()
    failures: list[str] = []
    for item in gold["phrases"]:
        sentence = segment(gold["sentences"][item["s"]]["sentence"])
        detected = detect_phrases(sentence)
        if isinstance(detected, str):
            print(f"phrases: {detected}   target precision >= {PHRASE_PRECISION_TARGET:.0%}")
            return
        words = [
            (label, [sentence.tokens[i].text for i in indexes if 0 <= i < len(sentence.tokens)])
            for label, indexes in detected
        ]
        present = [(p["ding"], p["anchors"]) for p in item["present"]]
        verdict = judge_phrases(words, present, item.get("also_ok", ()))
        right += len(verdict.right)
        wrong += len(verdict.wrong)
        found += len(verdict.found)
        present_total += len(present)
        for phrase in item["present"]:
            total_by_type[phrase.get("type", "?")] += 1
            found_by_type[phrase.get("type", "?")] += phrase["ding"] in verdict.found
        failures.extend(f"  false positive: {label}  [{item['s']}]" for label in verdict.wrong)
        failures.extend(f"  missed: {ding}  [{item['s']}]" for ding in verdict.missed)
    print(
        f"phrases: precision {percent(right, right + wrong)}"
        f"   target >= {PHRASE_PRECISION_TARGET:.0%};  recall {percent(found, present_total)}"
    )
    for kind in sorted(total_by_type):
        print(f"  recall {kind:<12} {percent(found_by_type[kind], total_by_type[kind])}")
    if show:
        print("phrase misses:")
        print("\n".join(failures) or "  none")


def load_gold(path: Path) -> dict[str, Any]:
    """The gold file as a mapping (see its header for the format)."""
    import yaml

    loaded: dict[str, Any] = yaml.safe_load(path.read_text(encoding="utf-8"))
    return loaded


def merge_gold(paths: Sequence[Path]) -> dict[str, Any]:
    """Several gold files as one: each sentence id prefixed with its file's name."""
    if len(paths) == 1:
        return load_gold(paths[0])
    merged: dict[str, Any] = {"sentences": {}, "senses": [], "lemmas": [], "phrases": []}
    for path in paths:
        gold = load_gold(path)
        prefix = f"{path.stem}:"
        for key, sentence in (gold.get("sentences") or {}).items():
            merged["sentences"][prefix + key] = sentence
        for part in ("senses", "lemmas", "phrases"):
            merged[part].extend({**item, "s": prefix + item["s"]} for item in gold.get(part) or [])
    return merged


def main(argv: Sequence[str] | None = None) -> int:
    """Measure everything the gold file has and print it beside the targets."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--show-failures", action="store_true", help="list every miss")
    parser.add_argument(
        "--gold", type=Path, nargs="+", default=[GOLD], help="the gold file(s), measured as one"
    )
    parser.add_argument("--only", choices=("senses", "lemmas", "phrases"), help="one measure")
    arguments = parser.parse_args(argv)
    for name in ("LESEPULT_DATA_DIR", "LESEPULT_CACHE_DIR", "LESEPULT_CONFIG_DIR"):
        os.environ.setdefault(name, tempfile.mkdtemp(prefix="lesepult-quality-"))
    from glossary.ding import dictionary_path

    source = dictionary_path()
    if not source.is_file():
        print(
            f"no Ding dictionary at {source}: install trans-de-en or set LESEPULT_DING_PATH;"
            " nothing measured"
        )
        return 1
    gold = merge_gold(arguments.gold)
    names = " + ".join(path.name for path in arguments.gold)
    print(
        f"gold: {names}: {len(gold['senses'])} hard items, "
        f"{sum(len(parse_gold_tokens(i['tokens'])) for i in gold['lemmas'])} lemma tokens, "
        f"{sum(len(i['present']) for i in gold['phrases'])} phrases in "
        f"{len(gold['phrases'])} sentences; dictionary {source}"
    )
    measures = {"senses": measure_senses, "lemmas": measure_lemmas, "phrases": measure_phrases}
    for name, measure in measures.items():
        if arguments.only in (None, name):
            measure(gold, arguments.show_failures)
    return 0


if __name__ == "__main__":
    sys.exit(main())
