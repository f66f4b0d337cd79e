"""``lesepult translate PATH...``: a library in one run, batched across texts, resumable."""

from __future__ import annotations

import json
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.cli import main
from reader.store import Store
from reader.translation import TranslationEngine, TranslationStore, library
from reader.translation.library import collect_texts, translate_library
from reader.translation.models import ModelInfo


def make_library(root: Path) -> list[Path]:
    (root / "b" / "deep").mkdir(parents=True)
    texts = [root / "a.md", root / "b" / "c.txt", root / "b" / "deep" / "d.md"]
    for number, path in enumerate(texts):
        path.write_text(
            f"# Text {number}\n\n"
            + " ".join(f"Das ist Satz {number}-{k} über Minsk." for k in range(4))
            + "\n\nEin gemeinsamer Satz in jedem Text.\n"
        )
    (root / "a.en.md").write_text("# Reference\n\nNot German.\n")
    (root / ".hidden.md").write_text("# Hidden\n\nNicht übersetzen.\n")
    (root / "notes.pdf").write_bytes(b"%PDF")
    return texts


class Crash(Exception):
    """Stands for Ctrl-C or a crash in the middle of a run."""


class Counting:
    """The real engine, counting the calls and sentences it gets."""

    def __init__(self, engine: TranslationEngine, fail_after: int | None = None) -> None:
        self.engine = engine
        self.model_id = engine.model_id
        self.calls: list[int] = []
        self.fail_after = fail_after

    def translate(self, sentences: Sequence[str]) -> list[str]:
        if self.fail_after is not None and len(self.calls) >= self.fail_after:
            raise Crash("killed")
        self.calls.append(len(sentences))
        return self.engine.translate(sentences)

    def alternatives(self, sentence: str, count: int) -> list[str]:
        return self.engine.alternatives(sentence, count)


def sentences_of(path: Path) -> list[str]:
    from reader.core.text import load_document

    return [" ".join(s.text.split()) for s in load_document(path).all_sentences()]


def test_collect_texts_walks_folders_and_leaves_out_references_and_hidden(tmp_path: Path) -> None:
    texts = make_library(tmp_path)
    assert collect_texts([tmp_path]) == sorted(texts)
    assert collect_texts([texts[1], tmp_path]) == [
        texts[1],
        *sorted(t for t in texts if t != texts[1]),
    ]
    with pytest.raises(FileNotFoundError):
        collect_texts([tmp_path / "missing"])


def test_batches_run_across_texts_and_a_rerun_translates_nothing(
    tiny_model: ModelInfo, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "BATCH_SENTENCES", 5)
    texts = make_library(tmp_path)
    translations = TranslationStore(store)
    counting = Counting(TranslationEngine(tiny_model))
    seen: list[library.LibraryProgress] = []
    final = translate_library(texts, sentences_of, translations, counting, on_progress=seen.append)
    assert [p.done for p in seen] == sorted(p.done for p in seen)  # one bar, only forward
    assert seen[0].done == 0 and seen[-1].done == seen[-1].total == final.total
    assert len(seen) == len(counting.calls) + 2  # start, after each batch, end
    distinct = {s for text in texts for s in sentences_of(text)}
    assert sum(counting.calls) == len(distinct) == final.new
    assert all(size <= 5 for size in counting.calls) and len(counting.calls) == -(
        -len(distinct) // 5
    )
    assert len(translations.lookup(tiny_model.model_id, list(distinct))) == len(distinct)
    again = Counting(TranslationEngine(tiny_model))
    assert translate_library(texts, sentences_of, translations, again).new == 0
    assert again.calls == []


def test_an_interrupted_run_resumes_where_it_stopped(
    tiny_model: ModelInfo, store: Store, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(library, "BATCH_SENTENCES", 4)
    texts = make_library(tmp_path)
    translations = TranslationStore(store)
    engine = TranslationEngine(tiny_model)
    with pytest.raises(Crash):
        translate_library(texts, sentences_of, translations, Counting(engine, fail_after=2))
    distinct = {s for text in texts for s in sentences_of(text)}
    assert len(translations.lookup(tiny_model.model_id, list(distinct))) == 8
    resumed = Counting(engine)
    assert translate_library(texts, sentences_of, translations, resumed).new == len(distinct) - 8


def test_the_cli_translates_a_folder_and_reports(
    tiny_model: ModelInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    make_library(tmp_path / "lib")
    (tmp_path / "lib" / "broken.txt").write_bytes(b"\x00\x01binary\x00")
    assert main(["translate", str(tmp_path / "lib"), "--format", "json"]) == 0
    captured = capsys.readouterr()
    summary = json.loads(captured.out)
    assert summary["texts"] == 3 and summary["skipped_texts"] == 1
    assert summary["translated_now"] == summary["sentences"] - 2  # the shared sentence
    assert "warning: skipped" in captured.err and "Traceback" not in captured.err
    assert main(["translate", str(tmp_path / "lib"), "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["translated_now"] == 0


def test_the_cli_refuses_a_missing_path(
    tiny_model: ModelInfo, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["translate", str(tmp_path), str(tmp_path / "nope")]) == 2
    assert "no such file or folder" in capsys.readouterr().err
