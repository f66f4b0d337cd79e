"""Tests for HanTa lemmas on the reader's sentences."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from glossary.ding import DingDictionary
from glossary.lemmas import (
    Lexicon,
    lexicon,
    sentence_lemmas,
    tag_sentence,
    unelide,
    use_lexicon,
    word_lemma,
)
from glossary.schema import GlossarySet
from reader.core.text import Document, Sentence, parse_document
from tests.fixtures_glossary import REAL_DING


def first_sentence(text: str) -> object:
    document = parse_document(text, "test")
    return document.sentences(0)[0]


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        # Issue 9: both parts of a split separable verb have the joined verb as lemma.
        ("Die Reaktionen fielen verhalten aus.", "fielen", "ausfallen"),
        ("Die Reaktionen fielen verhalten aus.", "aus", "ausfallen"),
        ("Die Reaktionen fielen verhalten aus.", "Reaktionen", "Reaktion"),
        ("Er kündigte ein Manöver an.", "kündigte", "ankündigen"),
        ("Das steht im Unionsvertrag.", ".", "."),
    ],
)
def test_sentence_lemmas_gives_one_lemma_per_token(text: str, word: str, lemma: str) -> None:
    document = parse_document(text, "test")
    sentence = document.sentences(0)[0]
    lemmas = sentence_lemmas(sentence)
    assert len(lemmas) == len(sentence.tokens)
    position = [token.text for token in sentence.tokens].index(word)
    assert lemmas[position] == lemma


def test_separable_particle_is_tagged_ptkvz() -> None:
    document = parse_document("Die Reaktionen fielen verhalten aus.", "test")
    tags = {tagged.text: tagged.pos for tagged in tag_sentence(document.sentences(0)[0])}
    assert tags["aus"] == "PTKVZ"
    verb = tag_sentence(document.sentences(0)[0])[2]
    assert (verb.lemma, verb.joined, verb.word_lemma) == ("fallen", "ausfallen", "ausfallen")


def test_article_sentences_all_get_lemmas(article: Document) -> None:
    for sentence in article.all_sentences():
        assert len(sentence_lemmas(sentence)) == len(sentence.tokens)


REAL_DING_INSTALLED = REAL_DING.is_file()
needs_ding = pytest.mark.skipif(
    not REAL_DING_INSTALLED, reason="Debian package trans-de-en not installed"
)


def article_lemma(article: Document, word: str) -> str:
    """The lemma of the first occurrence of ``word`` in the article, tagged in context."""
    for sentence in article.all_sentences():
        for token, lemma in zip(sentence.tokens, sentence_lemmas(sentence), strict=True):
            if token.text == word:
                return lemma
    raise AssertionError(f"{word!r} is not in the article")


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Belarus", "Belarus"),
        ("Russlands", "Russland"),
        ("Russland", "Russland"),
        ("Lukaschenko", "Lukaschenko"),
        ("Putin", "Putin"),
        ("Minsk", "Minsk"),
        ("Kyjiw", "Kyjiw"),
        ("Moskau", "Moskau"),
        ("Ukraine-Krieg", "Ukraine-Krieg"),
        ("taz", "taz"),
        ("Expert*innen", "Expert*in"),
        ("User*innen", "User*in"),
        ("Belaruss*innen", "Belaruss*in"),
        ("Batallionsebene", "Bataillonsebene"),
        ("Nowitsckok", "Nowitschok"),
        ("eingetroffen", "eintreffen"),
        ("kündigte", "ankündigen"),  # issue 9: "kündigte … an" is ankündigen
        ("erörtern", "erörtern"),
        ("Es", "es"),
    ],
)
def test_article_lemmas_in_context(article: Document, word: str, lemma: str) -> None:
    assert article_lemma(article, word) == lemma


@needs_ding
@pytest.mark.parametrize(("word", "lemma"), [("Moskauer", "Moskauer")])
def test_article_lemmas_that_need_the_dictionary(article: Document, word: str, lemma: str) -> None:
    assert article_lemma(article, word) == lemma


@pytest.mark.parametrize(
    ("word", "lemma"),
    [
        ("Belarus", "Belarus"),
        ("Lukaschenkos", "Lukaschenko"),
        ("Putins", "Putin"),
        ("Russlands", "Russland"),
        ("Selenskyjs", "Selenskyj"),  # unknown names keep HanTa's genitive rule
        ("kündigte", "kündigen"),
        ("eingetroffen", "eintreffen"),
        ("Ukraine-Kriegs", "Ukraine-Krieg"),
    ],
)
def test_word_lemma_without_context(word: str, lemma: str) -> None:
    assert word_lemma(word)[0] == lemma


@needs_ding
@pytest.mark.parametrize(
    ("word", "lemma"), [("erörterten", "erörtern"), ("verhandelten", "verhandeln")]
)
def test_word_lemma_finds_the_verb_of_a_participle(word: str, lemma: str) -> None:
    assert word_lemma(word)[0] == lemma


def test_sentence_with_a_genitive_and_belarus() -> None:
    document = parse_document("Putins Gäste sind in Belarus eingetroffen.", "test")
    sentence = document.sentences(0)[0]
    assert sentence_lemmas(sentence)[:6] == (
        "Putin", "Gast", "sein", "in", "Belarus", "eintreffen"
    )  # fmt: skip


@pytest.fixture
def sample_lexicon(sample_glossary: GlossarySet, ding_sample: Path) -> Iterator[Lexicon]:
    """A lexicon of the sample glossary and dictionary, used by the lemma functions."""
    dictionary = DingDictionary.open(ding_sample)
    lexicon = Lexicon(sample_glossary.entries, dictionary)
    use_lexicon(lexicon)
    yield lexicon
    use_lexicon(None)
    dictionary.close()


@pytest.mark.parametrize(
    ("word", "hanta", "pos", "lemma"),
    [
        ("Kriege", "Krieg", "NN", "Krieg"),  # HanTa's lemma is a headword: it stays
        ("Partisanen", "Partisan", "NN", "Partisan"),
        ("Manöver", "Manöv", "NN", "Manöver"),  # the word as written is a headword
        ("Unionsverträge", "Unionsverträg", "NN", "Unionsvertrag"),  # a glossary plural
        ("Nowitsckok", "Nowitsckok", "NN", "Nowitschok"),
        ("ankündigten", "ankündigt", "ADJ(A)", "ankündigen"),  # participle to its verb
        ("eingegriffen", "eingegriffen", "VV(PP)", "eingegriffen"),  # nothing known: HanTa
        ("Selenskyjs", "Selenskyj", "NE", "Selenskyj"),
        ("Es", "es", "PPER", "es"),
        ("Ukraine-Kriege", "Ukraine-krieg", "NN", "Ukraine-Krieg"),
        ("Expert*innen", "Expert*inn", "NN", "Expert*in"),
    ],
)
def test_lexicon_refines_hanta_lemmas(
    sample_lexicon: Lexicon, word: str, hanta: str, pos: str, lemma: str
) -> None:
    assert sample_lexicon.refine(word, hanta, pos) == lemma


def test_without_the_dictionary_the_glossary_still_corrects(sample_glossary: GlossarySet) -> None:
    lexicon = Lexicon(sample_glossary.entries, None)
    assert lexicon.refine("Nowitsckok", "Nowitsckok", "NN") == "Nowitschok"
    assert lexicon.refine("Russlands", "Russland", "NE") == "Russland"  # HanTa's guess
    assert lexicon.refine("erörterten", "erörtert", "ADJ(A)") == "erörtert"


def test_a_missing_dictionary_falls_back_to_hanta(
    monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("LESEPULT_DING_PATH", str(tmp_path / "absent"))
    use_lexicon(None)
    try:
        assert lexicon().dictionary is None
        assert word_lemma("Belarus")[0] == "Belarus"  # the curated glossary knows it
        assert word_lemma("Russlands")[0] == "Russland"
    finally:
        use_lexicon(None)


@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        # issue 9: the joined separable verb for both parts
        ("Sie fügte dem Bericht einen Satz hinzu.", "fügte", "hinzufügen"),
        ("Sie fügte dem Bericht einen Satz hinzu.", "hinzu", "hinzufügen"),
        # acronyms keep their case
        ("Die EU und die SPD fassten Beschlüsse.", "EU", "EU"),
        ("Die EU und die SPD fassten Beschlüsse.", "SPD", "SPD"),
        # elided spoken forms
        ("Wär' ich doch zu Hause geblieben.", "Wär'", "sein"),
        ("Ich hab' es dir gesagt.", "hab'", "haben"),
        ("Ja, ich bin's doch.", "bin's", "sein"),
        ("Ja, ich bin's.", "bin'", "sein"),  # the tokenizer splits "bin's."
        ("Wie geht's dir?", "geht's", "gehen"),
        ("Gibt’s hier noch Kaffee?", "Gibt’s", "geben"),
        # participles used verbally: the verb
        ("Er war von den Rebellen gefangen worden.", "gefangen", "fangen"),
        ("Die Tür wurde um acht Uhr geschlossen.", "geschlossen", "schließen"),
        # ... but not an adverb in the middle of a perfect (the bundled article's own line)
        ("Lawrow hat bestimmt Nowitsckok mitgebracht.", "bestimmt", "bestimmt"),
    ],
)
def test_lemmas_a_vocabulary_can_trust(text: str, word: str, lemma: str) -> None:
    sentence = first_sentence(text)
    assert isinstance(sentence, Sentence)
    position = [token.text for token in sentence.tokens].index(word)
    assert sentence_lemmas(sentence)[position] == lemma


@needs_ding
@pytest.mark.parametrize(
    ("text", "word", "lemma"),
    [
        ("Die EU und die SPD fassten Beschlüsse.", "Beschlüsse", "Beschluss"),
        ("Die Flüsse sind über die Ufer getreten.", "Flüsse", "Fluss"),
        ("Die Straßen sind nass.", "Straßen", "Straße"),
    ],
)
def test_reform_spelling_first(text: str, word: str, lemma: str) -> None:
    sentence = first_sentence(text)
    assert isinstance(sentence, Sentence)
    position = [token.text for token in sentence.tokens].index(word)
    assert sentence_lemmas(sentence)[position] == lemma


@pytest.mark.parametrize(
    ("word", "written"),
    [("wär'", "wäre"), ("hab’", "habe"), ("geht's", "geht"), ("bin’s", "bin"), ("Haus", "Haus")],
)
def test_unelide(word: str, written: str) -> None:
    assert unelide(word) == written
