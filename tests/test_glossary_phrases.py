"""Tests for finding the dictionary's fixed phrases in real sentences (issue 9)."""

from __future__ import annotations

import pytest

from glossary.ding import DingDictionary
from glossary.ding_phrases import expression_slots, phrase_anchors, phrase_slots
from glossary.lemmas import tag_sentence
from glossary.phrases import PhraseMatch, find_phrases, stem
from reader.core.text import Sentence, parse_document
from tests.fixtures_glossary import REAL_DING

pytestmark = pytest.mark.skipif(
    not REAL_DING.is_file(), reason="Debian package trans-de-en not installed"
)


def sentence_of(text: str) -> Sentence:
    document = parse_document(f"# -\n\n{text}\n", "test")
    return document.sentences(1)[0]


def phrases_in(text: str, dictionary: DingDictionary) -> tuple[PhraseMatch, ...]:
    return find_phrases(tag_sentence(sentence_of(text)), dictionary)


@pytest.mark.parametrize(
    ("text", "phrase", "words"),
    [
        ("Das spielt keine Rolle mehr.", "keine Rolle spielen", {"spielt", "keine", "Rolle"}),
        (
            "Die Opposition setzte die Regierung unter Druck.",
            "jdn. unter Druck setzen",
            {"setzte", "unter", "Druck"},
        ),
        (
            "Der Minister hat den Bericht des Ausschusses zur Kenntnis genommen.",
            "etw. zur/zu Kenntnis nehmen",
            {"zur", "Kenntnis", "genommen"},
        ),
        (
            "Erst dieser Brief brachte die Ermittlungen ins Rollen.",
            "die Sache/den Fall/den Stein ins Rollen bringen",
            {"brachte", "ins", "Rollen"},
        ),
        (
            "Mit dem Gesetz will die Regierung die Weichen stellen.",
            "die Weichen stellen",
            {"Weichen", "stellen"},
        ),
        (
            "Die Kosten spielten bei der Entscheidung eine wichtige Rolle.",
            "eine wichtige Rolle spielen",
            {"spielten", "wichtige", "Rolle"},
        ),
    ],
)
def test_phrases_are_found_inflected_and_apart(
    dictionary: DingDictionary, text: str, phrase: str, words: set[str]
) -> None:
    sentence = sentence_of(text)
    found = find_phrases(tag_sentence(sentence), dictionary)
    match = next((m for m in found if m.phrase == phrase), None)
    assert match is not None, [m.phrase for m in found]
    assert {sentence.tokens[i].text for i in match.token_indexes} == words
    assert match.english


def test_the_most_specific_phrase_comes_first(dictionary: DingDictionary) -> None:
    found = phrases_in("Das spielt keine Rolle mehr.", dictionary)
    assert found[0].phrase == "keine Rolle spielen"
    assert found[1].phrase == "eine Rolle spielen"  # the article agrees: before "die Rolle"
    assert "to matter" in found[1].english


@pytest.mark.parametrize(
    "text",
    [
        # The noun and the verb stand in different clauses.
        "Die Rolle, die er seit Jahren kennt, spielt er gern.",
        "Der Druck stieg, und dann setzte sich der Zug in Bewegung.",
        # The words are there but not together.
        "Er nahm das Buch, ohne Kenntnis des Inhalts.",
        # No phrase at all.
        "Die Rolle Papier liegt auf dem Tisch.",
        "Der Druck im Reifen ist zu hoch.",
    ],
)
def test_no_phrase_across_clauses_or_from_scattered_words(
    dictionary: DingDictionary, text: str
) -> None:
    found = phrases_in(text, dictionary)
    assert not [
        m.phrase for m in found if "Rolle spielen" in m.phrase or "Druck setzen" in m.phrase
    ]
    assert not [m.phrase for m in found if "Kenntnis nehmen" in m.phrase]


def test_separated_particle_belongs_to_the_phrase(dictionary: DingDictionary) -> None:
    sentence = sentence_of("Er nahm die Änderungen ohne Widerspruch zur Kenntnis.")
    found = find_phrases(tag_sentence(sentence), dictionary)
    assert any(m.phrase == "etw. zur/zu Kenntnis nehmen" for m in found)


@pytest.mark.parametrize(
    ("word", "stemmed"), [("wichtigen", "wichtig"), ("wichtige", "wichtig"), ("Haus", "haus")]
)
def test_stem(word: str, stemmed: str) -> None:
    assert stem(word) == stemmed


def test_without_dictionary_there_are_no_phrases() -> None:
    assert find_phrases(tag_sentence(sentence_of("Das spielt keine Rolle.")), None) == ()


# Real sentences of tests/data/real/ with the fixed expressions and noun-less verb phrases
# Ding lists ("unter anderem {adv}", "im Vorfeld", "sich freuen {vr}", "sich um etw. handeln").
@pytest.mark.parametrize(
    ("text", "phrase", "words"),
    [
        (
            "Hier gründet Bernd Rümenapf gerade wieder ein paar neue Völker mit am Ende wohl"
            " mehr als zwei Millionen Bienen.",
            "am Ende",
            {"am", "Ende"},
        ),
        ("Sie begründete das unter anderem mit den Kosten.", "unter anderem", {"unter", "anderem"}),
        ("Im Vorfeld wurden Straßen gesperrt.", "im Vorfeld", {"Im", "Vorfeld"}),
        (
            "Ich schaue schon seit einiger Zeit die Videos an.",
            "seit einiger Zeit",
            {"seit", "einiger", "Zeit"},
        ),
        (
            "„Sie müssen sich gegen Wespen wehren können“, sagt Rümenapf.",
            "sich gegen etw. wehren",
            {"sich", "gegen", "wehren"},
        ),
        (
            "Der Verein freut sich über jeden Besuch.",
            "sich über jdn./etw. freuen",
            {"freut", "sich", "über"},
        ),
        ("Ob das möglich ist, weiß niemand.", "möglich sein", {"möglich", "ist"}),
    ],
)
def test_fixed_expressions_and_verb_phrases_without_noun(
    dictionary: DingDictionary, text: str, phrase: str, words: set[str]
) -> None:
    sentence = sentence_of(text)
    found = find_phrases(tag_sentence(sentence), dictionary)
    covered = [{sentence.tokens[i].text for i in m.token_indexes} for m in found]
    assert words in covered, [m.phrase for m in found]


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        # A fixed expression is matched word for word without a gap.
        ("Er sagte unter allen Umständen anderem nichts.", "unter anderem"),
        ("Am Abend war das Ende nah.", "am Ende"),
        # "zu" before an infinitive is no preposition: not "zu etw. kommen".
        ("Er versuchte, pünktlich zu kommen.", "zu etw. kommen"),
        # With an auxiliary the phrase must be contiguous ("möglich sein").
        ("Möglich, dass es morgen regnet, ist das schon.", "möglich sein"),
        # A tense is no phrase: "verschwunden sein", "bei jdm. sein".
        ("Die Dame war verschwunden.", "verschwunden sein"),
        ("Er ist bei seiner Mutter.", "bei jdm. sein"),
        # A noun governed by a preposition the phrase lacks is no object of its verb.
        (
            "Wenn es sich um eine autorisierte Werkstatt handelt, kann diese auch einen"
            " größeren Widerstand verbauen, ohne dass die Gewährleistung erlischt oder bei"
            " einem Schaden mit weiterem Sachschaden der Hersteller in die Verantwortung"
            " genommen werden kann.",
            "Schaden nehmen",
        ),
        # Function words as written: "dessen" (lemma "der") is no "der".
        (
            "Er sah den Bauch, auf dessen Höhe sich die Bettdecke kaum noch erhalten konnte.",
            "auf der Höhe",
        ),
        # A noun of an expression keeps its form ("im Stande" is no "im Stand").
        ("Vielleicht wirkt eine Kur, wenn sie im Stande ist, sie zu ertragen.", "im Stand"),
        # A capitalised word of an expression must be a noun in the sentence.
        ("In dem kleinen Waldstück stehen neben Laubbäumen auch Kiefern.", "im Kleinen"),
        # Function words alone and fragments of examples are no expressions.
        ("Sie sprach mit der Nachbarin.", "mit der"),
        ("Wir hoffen auf gutes Wetter.", "Wir hoffen"),
    ],
)
def test_generic_or_scattered_words_are_no_phrase(
    dictionary: DingDictionary, text: str, phrase: str
) -> None:
    assert phrase not in [m.phrase for m in phrases_in(text, dictionary)]


def test_the_longest_phrase_wins_where_noun_less_phrases_overlap(
    dictionary: DingDictionary,
) -> None:
    found = [m.phrase for m in phrases_in("Dabei sieht er ganz und gar nicht so aus.", dictionary)]
    assert "ganz und gar nicht" in found
    assert "gar nicht" not in found


@pytest.mark.parametrize(
    ("text", "slots"),
    [
        ("unter anderem", ["unter", "anderem"]),
        ("im Vergleich zu etw.", ["in", "dem", "vergleich", "zu"]),
        ("zur Sache", ["zu", "der", "sache"]),
    ],
)
def test_expression_slots_read_contractions_word_for_word(text: str, slots: list[str]) -> None:
    found = expression_slots(text)
    assert found is not None
    assert [slot.forms[0] for slot in found] == slots
    assert all(slot.kind.startswith("seq") for slot in found)
    nouns = {word.casefold() for word in text.split() if word[:1].isupper()}
    assert {slot.forms[0] for slot in found if slot.kind == "seq-noun"} == nouns


@pytest.mark.parametrize(
    "text",
    [
        "mit der",  # function words only
        "ohne dass",
        "Wir hoffen",  # a fragment of an example sentence
        "und die",
        "polizeiliche Maßnahmen",  # an adjective and its noun: a noun phrase
        "die Straße entlang",  # begins with a definite article: a noun phrase
        "in sein",  # a verb phrase refused as grammar is no expression either
        "verschwunden sein",  # a tense
        "bei jdm. sein",
    ],
)
def test_no_expression(text: str) -> None:
    assert phrase_slots(text) is None


@pytest.mark.parametrize(
    ("text", "anchors"),
    [
        ("unter anderem", {"unter anderem"}),
        ("sich freuen", {"freuen"}),
        ("verloren gehen", {"verloren"}),
        ("jdn. unter Druck setzen", {"druck"}),
    ],
)
def test_phrase_anchors(text: str, anchors: set[str]) -> None:
    slots = phrase_slots(text)
    assert slots is not None
    assert phrase_anchors(slots) == anchors
