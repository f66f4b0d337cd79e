"""Tests for lookups that understand the sentence: phrases first, senses ranked (issue 9)."""

from __future__ import annotations

import json

import pytest

from glossary.lookup import WordLookup, result_to_json
from glossary.old_spelling import spelling_variants
from glossary.ranking import english_in, markers_for_tag
from reader.cli import main
from reader.cli.glossary import format_result
from tests.fixtures_glossary import needs_ding, sentence_of


def look(lookup: WordLookup, word: str, text: str, english: str | None = None):  # type: ignore[no-untyped-def]
    sentence = sentence_of(text)
    index = [token.text for token in sentence.tokens].index(word)
    return lookup.lookup(word, sentence, index, english=english)


@pytest.mark.parametrize(
    ("english", "translation", "found"),
    [
        ("to refuse", "He refused to pay.", True),
        ("theatrical role; role; part", "She played the role of Juliet.", True),
        ("roll (of sth.)", "She played the role of Juliet.", False),
        ("to carry", "He carried the box.", True),
        ("in; at", "He lives in Berlin.", False),  # too short to tell
    ],
)
def test_english_in(english: str, translation: str, found: bool) -> None:
    assert english_in(english, translation) is found


@pytest.mark.parametrize(
    ("tag", "marker"), [("APPR", "prp"), ("VV(PP)", "vt"), ("NN", "f"), ("ADJ(D)", "adj")]
)
def test_markers_for_tag(tag: str, marker: str) -> None:
    assert marker in markers_for_tag(tag)


@needs_ding
def test_bare_verb_finds_the_reflexive(real_lookup: WordLookup) -> None:
    result = real_lookup.lookup("weigern")
    assert result.senses[0].english == "to refuse"
    assert result.senses[0].form == "sich weigern"
    assert "sich weigern" in format_result(result)


@needs_ding
def test_preposition_gets_the_prepositional_sense(real_lookup: WordLookup) -> None:
    # issue 9 bug 4: "in" showed "trendy" first
    result = look(real_lookup, "in", "Er wohnt seit Jahren in Berlin.")
    assert result.senses[0].part_of_speech == "preposition"
    assert "trendy" not in result.senses[0].english


@needs_ding
def test_verbal_participle_gets_the_verb_first(real_lookup: WordLookup) -> None:
    # issue 9 bug 4: a participle in a passive showed the adjective first
    result = look(real_lookup, "gefangen", "Er wurde von den Rebellen gefangen.")
    assert result.lemma == "fangen"
    assert result.senses[0].part_of_speech == "verb"
    assert "captive" not in result.senses[0].english


@needs_ding
def test_sense_in_the_translation_comes_first_and_is_marked(real_lookup: WordLookup) -> None:
    text = "Sie spielte die Rolle der Julia."
    plain = look(real_lookup, "Rolle", text)
    assert plain.senses[0].english == "roll (of sth.)"
    assert not any(sense.in_translation for sense in plain.senses)
    ranked = look(real_lookup, "Rolle", text, english="She played the role of Juliet.")
    assert "role" in ranked.senses[0].english
    assert ranked.senses[0].in_translation
    assert "[in the translation]" in format_result(ranked)
    assert result_to_json(ranked)["english"] == "She played the role of Juliet."


@needs_ding
def test_phrase_comes_first(real_lookup: WordLookup) -> None:
    # issue 9 bug 3: "lookup Rolle --context 'Das spielt keine Rolle mehr.'" showed roll, reel
    result = look(real_lookup, "Rolle", "Das spielt keine Rolle mehr.")
    assert result.phrases[0].phrase == "keine Rolle spielen"
    text = format_result(result)
    assert text.index("keine Rolle spielen") < text.index("Dictionary")
    data = result_to_json(result)
    assert data["phrases"][0]["phrase"] == "keine Rolle spielen"  # type: ignore[index]
    assert data["senses"]  # the old fields are all still there
    assert data["found_by"] == "as written"


@needs_ding
def test_separable_verb_lemma_and_no_gender_for_a_verb(real_lookup: WordLookup) -> None:
    result = look(real_lookup, "fügte", "Sie fügte dem Brief einen Satz hinzu.")
    assert result.lemma == "hinzufügen"
    assert result.separable_verb == "hinzufügen"
    assert result.gender is None


@needs_ding
def test_noun_plural_is_its_own(real_lookup: WordLookup) -> None:
    assert real_lookup.lookup("Kenntnis").plural == "Kenntnisse"


@needs_ding
def test_cli_english_and_json(capsys: pytest.CaptureFixture[str]) -> None:
    status = main(
        [
            "lookup",
            "Rolle",
            "--context",
            "Sie spielte die Rolle der Julia.",
            "--english",
            "She played the role of Juliet.",
            "--json",
        ]
    )
    assert status == 0
    data = json.loads(capsys.readouterr().out)
    assert data["senses"][0]["in_translation"] is True
    assert {"word", "lemma", "senses", "phrases", "glossary"} <= set(data)


@needs_ding
@pytest.mark.parametrize(
    ("word", "text", "english"),
    [
        # Ding: "und {conj} /u./", "beziehungsweise /bzw./", "Vorsitzer {m} [selten] /Vors./"
        (
            "u.",
            "In der That ist uns die Gesundheit ein wahres u. ein ganz unverhofftes Geschenk.",
            "and",
        ),
        ("bzw.", "Die Türme sind 23 bzw. 28 Meter hoch.", "respective"),
        ("Vors.", "Vors. des Ausschusses ist Herr Müller.", "chairman"),
    ],
)
def test_abbreviations_are_found(
    real_lookup: WordLookup, word: str, text: str, english: str
) -> None:
    result = look(real_lookup, word, text)
    assert result.senses, word
    assert english in result.senses[0].english


@needs_ding
@pytest.mark.parametrize(
    ("word", "text", "english"),
    [
        # tests/data/real/letter-schiller-1790.md
        ("theilt", "Auch meine liebe Lotte theilt mit mir aufs innigste diese Freude.", "to part"),
        ("seyn", "Es würde jetzt gut seyn glaube ich.", "to be"),
        ("Hofnung", "Sein Vater liegt ohne Hofnung darnieder.", "hope"),
        ("Crise", "Da sie sich aus einer so schlimmen Crise herausgerungen hat.", "crisis"),
        ("theuerste", "Wie gerne liebste theuerste Eltern, folgte ich diesem Briefe.", "dear"),
    ],
)
def test_old_spelling_is_found_in_todays(
    real_lookup: WordLookup, word: str, text: str, english: str
) -> None:
    result = look(real_lookup, word, text)
    assert result.found_by == "in today's spelling"
    assert any(english in sense.english for sense in result.senses[:3])


@needs_ding
def test_a_word_the_dictionary_has_is_not_respelt(real_lookup: WordLookup) -> None:
    result = look(real_lookup, "Theater", "Wir gehen heute ins Theater.")
    assert result.found_by != "in today's spelling"
    assert all("Teater" not in sense.german for sense in result.senses)


@needs_ding
@pytest.mark.parametrize(
    ("word", "text", "wrong", "right"),
    [
        # Ding has "erhielt" only among the forms of "erhalten; konservieren; ..." (to conserve)
        ("erhielt", "Er erhielt einen Brief von seinen Eltern.", "conserved", "to receive"),
        # "ging; lief; spazierte" on the line of "gehen; laufen; spazieren gehen" (walked)
        ("ging", "Er ging schnell nach oben.", "walked", "to go"),
    ],
)
def test_lemma_lines_before_forms_shared_by_several_verbs(
    real_lookup: WordLookup, word: str, text: str, wrong: str, right: str
) -> None:
    result = look(real_lookup, word, text)
    englishes = [sense.english for sense in result.senses]
    assert any(right in english for english in englishes)
    assert wrong not in englishes[0]


@pytest.mark.parametrize(
    ("old", "today"),
    [
        ("theilt", "teilt"),
        ("seyn", "sein"),
        ("dabey", "dabei"),
        ("Hofnung", "Hoffnung"),
        ("daß", "dass"),
        ("Crise", "Krise"),
        ("That", "Tat"),
    ],
)
def test_spelling_variants(old: str, today: str) -> None:
    assert today in spelling_variants(old)
    assert old not in spelling_variants(old)


@needs_ding
@pytest.mark.parametrize(
    ("word", "text", "parts", "english"),
    [
        # tests/data/real/wikinews-2017-06.md: Ding has neither "Staatsgästen" nor "Staatsgast"
        (
            "Staatsgästen",
            "So plant die Polizei, eine größere Zahl an Staatsgästen ohne Halt vom Flughafen"
            " in die Innenstadt und zwischen den Veranstaltungsorten zu eskortieren.",
            ["Staat", "Gast"],
            "guest",
        ),
        # tests/data/real/kafka-verwandlung.md: Ding lacks "dasitzen"
        (
            "dasaß",
            "Es stellte eine Dame dar, die, mit einem Pelzhut und einer Pelzboa versehen,"
            " aufrecht dasaß und einen schweren Pelzmuff dem Beschauer entgegenhob.",
            ["da", "sitzen"],
            "to sit",
        ),
        # tests/data/real/feature-berliner-zeitung-imker.md: Ding lacks "davonwehen"
        (
            "davongeweht",
            "Das Wäldchen steht auf leicht hügeligem Grund, sodass die Insekten beim Flug"
            " nicht so schnell davongeweht werden.",
            ["davon", "wehen"],
            "to blow",
        ),
    ],
)
def test_inflected_compound_and_particle_verb_get_their_parts(
    real_lookup: WordLookup, word: str, text: str, parts: list[str], english: str
) -> None:
    result = look(real_lookup, word, text)
    assert [part.part for part in result.compound_parts] == parts
    assert result.found_by == "compound"
    assert any(english in sense.english for sense in result.senses)


@needs_ding
def test_sub_entry_standing_in_the_sentence_comes_first(real_lookup: WordLookup) -> None:
    # tests/data/real/kafka-verwandlung.md; Ding's "Vergleich" line has "im Vergleich zu"
    result = look(
        real_lookup,
        "Vergleich",
        "Seine vielen, im Vergleich zu seinem sonstigen Umfang kläglich dünnen Beine"
        " flimmerten ihm hilflos vor den Augen.",
    )
    assert result.senses[0].form == "im Vergleich zu"
    assert "compared with" in result.senses[0].english


@needs_ding
def test_sub_entry_words_across_a_clause_are_no_match(real_lookup: WordLookup) -> None:
    for text in (
        "Im Garten, beim Vergleich zu Hause, war er still.",  # "im" in another clause
        "Der Vergleich im Garten zu Hause war gut.",  # the words out of order
    ):
        result = look(real_lookup, "Vergleich", text)
        assert all(sense.form != "im Vergleich zu" for sense in result.senses), text


@needs_ding
@pytest.mark.parametrize(
    ("word", "text"),
    [
        # tests/data/real/feature-berliner-zeitung-imker.md: "es gibt …" inverted
        ("gibt", "Auch gibt es hier einen Bach und damit Wasser für die Bienen."),
        # tests/data/real/forum-funkbasis.md: the "es" elided into the verb
        ("gibt's", "Und gibt's da rechtlich einen Unterschied zwischen steckbaren Geräten?"),
    ],
)
def test_inverted_and_elided_subject_of_a_sub_entry(
    real_lookup: WordLookup, word: str, text: str
) -> None:
    result = look(real_lookup, word, text)
    assert result.senses[0].form.startswith("es gibt")
    assert "there is" in result.senses[0].english
