"""Translation core on the tiny real Argos package: install, load, translate, store, checks."""

from __future__ import annotations

import subprocess
import sys
import zipfile
from collections.abc import Sequence
from pathlib import Path

import pytest

from reader.core.errors import UserError
from reader.core.text import Document
from reader.store import Store
from reader.translation import (
    MISSING_MODEL_HELP,
    ModelError,
    ModelInfo,
    SentenceTranslation,
    TranslationEngine,
    TranslationJob,
    TranslationProgress,
    TranslationStore,
    document_sentences,
    install_from_file,
    installed_model,
    installed_models,
    reference_translations,
    translation_flags,
)
from reader.translation.models import argos_packages_dir, remove


class CountingTranslator:
    """The real engine, counting the sentences it is asked to translate."""

    def __init__(self, engine: TranslationEngine) -> None:
        self.engine = engine
        self.calls: list[int] = []

    @property
    def model_id(self) -> str:
        return self.engine.model_id

    def translate(self, sentences: Sequence[str]) -> list[str]:
        self.calls.append(len(sentences))
        return self.engine.translate(sentences)

    def alternatives(self, sentence: str, count: int) -> list[str]:
        return self.engine.alternatives(sentence, count)


def test_install_from_file_makes_the_model_installed(tiny_model: ModelInfo) -> None:
    assert installed_model() == tiny_model
    assert tiny_model.model_id == "translate-de_en 0.1"
    assert tiny_model.path.parent == argos_packages_dir()
    assert (tiny_model.path / "model" / "model.bin").is_file()


def test_no_model_installed_gives_the_install_help() -> None:
    assert installed_model() is None
    assert "lesepult models install" in MISSING_MODEL_HELP
    assert "--file" in MISSING_MODEL_HELP


def test_engine_gives_one_english_sentence_per_german_sentence(
    tiny_model: ModelInfo, article: Document
) -> None:
    germans = document_sentences(article)
    engine = TranslationEngine(tiny_model)
    assert not engine.loaded
    english = engine.translate(germans)
    assert engine.loaded
    assert len(english) == len(germans) == 33
    assert all(isinstance(sentence, str) for sentence in english)


def test_alternatives_are_distinct_and_at_most_n(tiny_model: ModelInfo) -> None:
    alternatives = TranslationEngine(tiny_model).alternatives("Putin besucht Minsk.", 4)
    assert 1 <= len(alternatives) <= 4
    assert len(set(alternatives)) == len(alternatives)


def test_second_run_is_served_from_the_store_without_the_model(
    tiny_model: ModelInfo, article: Document, store: Store
) -> None:
    germans = document_sentences(article)
    first = CountingTranslator(TranslationEngine(tiny_model))
    results = TranslationJob(TranslationStore(store), first).run(germans)
    assert sum(first.calls) == len(set(germans))
    assert all(results[german].origin == "machine" for german in germans)

    second = CountingTranslator(TranslationEngine(tiny_model))
    progress: list[TranslationProgress] = []
    again = TranslationJob(TranslationStore(store), second).run(germans, progress.append)
    assert second.calls == []
    assert not second.engine.loaded
    assert again == results
    assert progress[0].finished and progress[0].done == len(set(germans))


def test_each_chunk_is_saved_and_cancelling_stops_between_chunks(
    tiny_model: ModelInfo, article: Document, store: Store
) -> None:
    germans = document_sentences(article)
    translations = TranslationStore(store)
    translator = CountingTranslator(TranslationEngine(tiny_model))
    job = TranslationJob(translations, translator, chunk_sentences=10)
    progress: list[TranslationProgress] = []

    def cancel_after_two_chunks() -> bool:
        return len(translator.calls) >= 2

    results = job.run(germans, progress.append, cancel_after_two_chunks, first_chunk=3)
    assert translator.calls == [3, 10]
    assert [step.done for step in progress] == [0, 3, 13]
    assert len(results) == 13
    assert translations.machine_count(tiny_model.model_id) == 13
    # Priority order is honoured: the first chunk is the first sentences asked for.
    assert {item.german for item in progress[1].translated} == set(germans[:3])


def test_corrections_win_survive_model_changes_and_revert(
    tiny_model: ModelInfo, store: Store
) -> None:
    translations = TranslationStore(store)
    german = "Putin besucht Minsk."
    translations.save_machine(tiny_model.model_id, [(german, "machine words")])
    translations.correct(german, "Putin visits Minsk.")
    assert translations.lookup(tiny_model.model_id, [german])[german] == SentenceTranslation(
        german, "Putin visits Minsk.", "edited", None
    )
    assert translations.lookup("translate-de_en 2.0", [german])[german].origin == "edited"
    assert translations.lookup(None, [german])[german].english == "Putin visits Minsk."
    assert translations.revert(german) is True
    assert translations.revert(german) is False
    restored = translations.lookup(tiny_model.model_id, [german])[german]
    assert (restored.origin, restored.english) == ("machine", "machine words")
    assert translations.lookup(None, [german]) == {}


def test_an_empty_correction_is_refused(store: Store) -> None:
    with pytest.raises(UserError, match="cannot be empty"):
        TranslationStore(store).correct("Ein Satz.", "   ")


def test_lookup_handles_more_sentences_than_one_query_takes(store: Store) -> None:
    translations = TranslationStore(store)
    pairs = [(f"Satz {number}.", f"Sentence {number}.") for number in range(1000)]
    translations.save_machine("m 1", pairs)
    found = translations.lookup("m 1", [german for german, _ in pairs])
    assert len(found) == 1000
    assert found["Satz 999."].english == "Sentence 999."


def test_remove_uninstalls_the_package(tiny_model: ModelInfo) -> None:
    removed = remove("translate-de_en")
    assert removed == tiny_model
    assert installed_model() is None
    assert not tiny_model.path.exists()
    with pytest.raises(ModelError, match="no installed model package"):
        remove("translate-de_en")


def test_a_broken_package_folder_is_reported_in_one_line_and_skipped(
    tiny_model: ModelInfo,
) -> None:
    broken = argos_packages_dir() / "translate-xx_en-1.0"
    broken.mkdir()
    (broken / "metadata.json").write_text("{}")
    listing = installed_models()
    assert listing.models == (tiny_model,)
    assert len(listing.problems) == 1
    assert "translate-xx_en-1.0" in listing.problems[0]
    assert "\n" not in listing.problems[0]


def test_a_model_that_cannot_load_gives_a_one_line_reason(tiny_model: ModelInfo) -> None:
    (tiny_model.path / "model" / "model.bin").write_bytes(b"not a model")
    with pytest.raises(ModelError, match="cannot load the model translate-de_en 0.1") as caught:
        TranslationEngine(tiny_model).translate(["Ein Satz."])
    assert "\n" not in caught.value.message


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "not a zip archive"),
        ({"a/readme.txt": "x"}, "no metadata.json"),
        ({"a/metadata.json": "{}", "b/metadata.json": "{}"}, "exactly one top folder"),
        ({"../evil/metadata.json": "{}"}, "unsafe file name"),
        ({"a/metadata.json": '{"type": "translate", "from_code": "de", "to_code": "en"}'},
         "no CTranslate2 model"),
    ],
)  # fmt: skip
def test_bad_package_files_are_refused_and_leave_nothing(
    tmp_path: Path, content: dict[str, str] | None, message: str
) -> None:
    package = tmp_path / "bad.argosmodel"
    if content is None:
        package.write_bytes(b"PK but not really a zip")
    else:
        with zipfile.ZipFile(package, "w") as archive:
            for name, text in content.items():
                archive.writestr(name, text)
    with pytest.raises(ModelError, match=message):
        install_from_file(package)
    assert installed_model() is None
    assert not argos_packages_dir().exists() or list(argos_packages_dir().iterdir()) == []


def test_reinstalling_replaces_the_package(tiny_package: Path, tiny_model: ModelInfo) -> None:
    assert install_from_file(tiny_package) == tiny_model
    assert [path.name for path in argos_packages_dir().iterdir()] == [tiny_model.path.name]


@pytest.mark.parametrize(
    ("german", "english", "flags"),
    [
        ("Putin besucht Minsk.", "Putin visits Minsk.", ()),
        ("Putin besucht Minsk.", "", ("short",)),
        (
            "Der Kremlchef wollte das Nachbarland in den Krieg gegen die Ukraine zwingen.",
            "The Kremlin chief.",
            ("short",),
        ),
        ("Kurz.", "Short.", ()),
        (
            "Das ist ein Schritt zum Unionsvertrag mit Russland.",
            "This is a step towards the Unionsvertrag with Russia.",
            ("untranslated: Unionsvertrag",),
        ),
        ("Lukaschenko traf Putin.", "Lukaschenko met Putin.", ()),
        ("Er sagte, es sei vorbereitet.", "He said it was vorbereitet.",
         ("untranslated: vorbereitet",)),
        ("Die Bevölkerung leidet.", "The Bevölkerung suffers.", ("untranslated: Bevölkerung",)),
        ("Er hat 2022 also gewonnen.", "He has 2022 also won.", ()),
    ],
)  # fmt: skip
def test_translation_flags(german: str, english: str, flags: tuple[str, ...]) -> None:
    assert translation_flags(german, english) == flags


def test_flags_are_attached_to_machine_output_only(store: Store) -> None:
    translations = TranslationStore(store)
    german = "Die Bevölkerung leidet unter dem Krieg und den Sanktionen im Land."
    translations.save_machine("m 1", [(german, "")])
    assert translations.lookup("m 1", [german])[german].flags == ("short",)
    translations.correct(german, "People suffer.")
    assert translations.lookup("m 1", [german])[german].flags == ()


def test_reference_translation_pairs_sentences(article: Document) -> None:
    reference = reference_translations(article)
    assert reference, "the bundled article has a reference translation"
    for (block, index), translation in reference.items():
        assert translation.origin == "reference"
        assert translation.model is None
        assert translation.german == article.sentences(block)[index].text


def test_importing_the_translation_core_stays_light() -> None:
    code = (
        "import sys, reader.translation, reader.cli.translation;"
        "heavy = ['ctranslate2', 'sentencepiece', 'argostranslate', 'torch', 'textual'];"
        "print([name for name in heavy if name in sys.modules])"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True
    )
    assert result.stdout.strip() == "[]"
