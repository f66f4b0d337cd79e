"""Pytest fixtures for the glossary tests: a small Ding file, a small glossary, a lookup.

Also the helpers the tests of the real dictionary share: the marker that skips them without
Ding, a sentence of a text, and the phrases found in it.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary.ding import DingDictionary
from glossary.lemmas import tag_sentence
from glossary.loading import load_glossaries
from glossary.lookup import WordLookup
from glossary.phrases import PhraseMatch, find_phrases
from glossary.schema import GlossarySet
from reader.core.text import Sentence, parse_document

TEST_DATA = Path(__file__).resolve().parent / "data"
DING_SAMPLE = TEST_DATA / "ding-sample.txt"
REAL_DING = Path("/usr/share/trans/de-en")
needs_ding = pytest.mark.skipif(
    not REAL_DING.is_file(), reason="Debian package trans-de-en not installed"
)

SAMPLE_GLOSSARY = """\
glossary: "Test glossary"
version: "2026.1"
language: de
entries:
  - term: Unionsvertrag
    kind: noun
    gender: m
    plural: Unionsverträge
    renderings: [Union Treaty]
    explanation: The treaty on the Union State of Russia and Belarus.
  - term: den roten Teppich ausrollen
    kind: idiom
    renderings: [roll out the red carpet]
    explanation: To welcome someone with great honours.
  - term: ausfallen
    kind: separable-verb
    particle: aus
    renderings: [turn out, be cancelled]
    explanation: Here "the reactions turned out" a certain way.
  - term: ankündigen
    kind: separable-verb
    particle: an
    renderings: [announce]
    explanation: To announce.
  - term: abhalten
    kind: separable-verb
    particle: ab
    renderings: [hold]
    explanation: To hold (a manoeuvre, a meeting).
  - term: eingreifen
    kind: separable-verb
    particle: ein
    renderings: [intervene]
    explanation: To intervene, here militarily.
  - term: Partisan
    kind: noun
    gender: m
    renderings: [partisan]
    explanation: An irregular fighter behind the lines.
  - term: Großer Bahnhof
    kind: idiom
    renderings: [red-carpet welcome]
    explanation: A grand reception.
  - term: Gendersternchen
    kind: grammar
    forms: ["*innen"]
    renderings: [gender star]
    explanation: The star marks a form that includes all genders.
  - term: Nowitschok
    kind: noun
    forms: [Nowitsckok]
    renderings: [Novichok]
    explanation: A Soviet nerve agent.
    spelling_note: The article writes "Nowitsckok".
"""


@pytest.fixture
def ding_sample() -> Path:
    """The small Ding-format file written for these tests."""
    return DING_SAMPLE


@pytest.fixture
def sample_glossary_file(tmp_path: Path) -> Path:
    """A valid curated glossary file with the issue's matching cases."""
    path = tmp_path / "curated" / "sample.yaml"
    path.parent.mkdir()
    path.write_text(SAMPLE_GLOSSARY, encoding="utf-8")
    return path


@pytest.fixture
def sample_glossary(sample_glossary_file: Path, tmp_path: Path) -> GlossarySet:
    """The sample glossary, loaded with a user file that does not exist yet."""
    return load_glossaries([sample_glossary_file], tmp_path / "user" / "glossary.yaml")


@pytest.fixture
def sample_lookup(sample_glossary: GlossarySet, ding_sample: Path) -> Iterator[WordLookup]:
    """A lookup over the sample glossary and the sample dictionary."""
    lookup = WordLookup.create(sample_glossary, ding_sample)
    yield lookup
    lookup.close()


@pytest.fixture(scope="module")
def dictionary(shared_cache_directory: Path) -> Iterator[DingDictionary]:
    """The real Ding dictionary, its index in the test session's cache (not the user's)."""
    with pytest.MonkeyPatch.context() as patch:
        patch.setenv("LESEPULT_CACHE_DIR", str(shared_cache_directory))
        opened = DingDictionary.open(REAL_DING)
    yield opened
    opened.close()


@pytest.fixture
def real_lookup(sample_glossary: GlossarySet) -> Iterator[WordLookup]:
    """A lookup over the sample glossary and the real dictionary."""
    lookup = WordLookup.create(sample_glossary, REAL_DING)
    yield lookup
    lookup.close()


def sentence_of(text: str) -> Sentence:
    """``text`` as the one sentence of a paragraph (a sentence a test quotes)."""
    return parse_document(f"# -\n\n{text}\n", "test").sentences(1)[0]


def phrase_matches(text: str, dictionary: DingDictionary) -> tuple[PhraseMatch, ...]:
    """The dictionary phrases found in the sentence ``text``."""
    return find_phrases(tag_sentence(sentence_of(text)), dictionary)


def phrases_found(text: str, dictionary: DingDictionary) -> set[str]:
    """The phrases found in the sentence ``text``, as the dictionary writes them."""
    return {match.phrase for match in phrase_matches(text, dictionary)}
