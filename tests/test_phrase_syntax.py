"""Tests for the phrase finder's reading of a clause (issue #9, recall on held-out text).

The held-out gold (tests/data/real/gold-holdout.yaml) missed phrases that a little syntax
finds: "es gibt" in any order, "nach Angaben der Polizei" (a genitive for "von jdm."), the
"als" of a predicate ("als etw. gelten"), a prepositional object longer than a few words,
"so genannte/r/s", and a verb HanTa read as a noun. Each rule is checked here on sentences
from other real pages (the address beside each), and on the held-out sentence it was missed
in; sentences that are made up for a grammatical contrast say so.
"""

from __future__ import annotations

import pytest

from glossary.clause_syntax import existential_es, preposition_in_next_conjunct
from glossary.ding import DingDictionary
from glossary.ding_parse import parse_entry
from glossary.ding_phrases import VON_OR_GENITIVE, is_restricted, line_phrases, phrase_slots
from glossary.lemmas import TaggedToken, tag_sentence
from tests.fixtures_glossary import needs_ding, phrase_matches, phrases_found, sentence_of

FOUND = [
    # A genitive stands for "von jdm." after a preposition and its noun.
    (
        "Nach Angaben der Polizei konnten die Beamten nur kurz mit ihm sprechen, bevor er"
        " anfing zu schweigen und ungewöhnlich reglos stehen blieb.",  # neuepresse.de, 2017
        "nach Angaben von jdm.",
    ),
    # "es gibt" after its verb, before it, and with a fronted object.
    ("Ersten Erkenntnissen nach gab es einen Schusswechsel mit der Polizei.", "es gibt"),
    # rga.de, 2019
    ("Es gibt verschiedene Verfahren.", "es gibt"),  # klima-mitbestimmung.jetzt/faq
    (
        "Lösungen gibt es für Flugabwehrkanonen, Sommerhitze im Büro, Messtechnik,"
        " Eheprobleme und gerötete Füße.",  # suedkurier.de, 2018
        "es gibt",
    ),
    # "gibt's": the "es" elided into the verb.
    ("Und dennoch gibt's auch Männer, die dafür Verständnis und Sympathie haben.", "es gibt"),
    # erotikforum.at, a forum post
    # The "als" of a predicate is the verb's valency, as a preposition is.
    (
        "Louise Otto-Peters gilt als Gründerin der deutschen Frauenrechtsbewegung.",
        "als etw. gelten",  # fazielrugio5.wixsite.com/website/menschen
    ),
    # Held-out recall misses (wikinews-2016-04-merkel.md, wikipedia-bodensee.md,
    # grimm-froschkoenig.md): a long object before the verb, an adjective given with its
    # endings, "erbarmen" tagged as the noun "Erbarmen".
    (
        "Nach Angaben der Roosevelt Foundation sei sie in der Flüchtlingsthematik für die"
        " Aufnahme von Flüchtlingen und die Lösung der zugrunde liegenden Konflikte"
        " eingetreten.",
        "für etw./jdn. eintreten",
    ),
    (
        "Der Bodensee besteht aus zwei Seen (Stillgewässer), die bei Konstanz durch den so"
        " genannten Seerhein (ein Fließgewässer) voneinander getrennt werden.",
        "so genannte/r/s",
    ),
    ("Dieser kann insofern als würmglazial bezeichnet werden.", "jdn./etw. als etw. bezeichnen"),
    (
        "Und wie sie so klagte, rief ihr jemand zu „was hast du vor, Königstochter, du"
        " schreist ja daß sich ein Stein erbarmen möchte.“",
        "sich erbarmen",
    ),
]


@needs_ding
@pytest.mark.parametrize(("text", "phrase"), FOUND, ids=[phrase for _, phrase in FOUND])
def test_a_phrase_the_clause_holds_is_found(
    dictionary: DingDictionary, text: str, phrase: str
) -> None:
    assert phrase in phrases_found(text, dictionary)


NO_ALS = [
    # "sowohl … als auch" joins; it is no predicate ("als etw. einsetzen" is not there).
    "Sie setzte sich sowohl für die Abschaffung der Sklaverei als auch für das Frauenwahlrecht"
    " ein.",  # fazielrugio5.wixsite.com/website/menschen
    "Dabei wird der Ausdruck „Prädikat“ oft sowohl für einen Ausdruck als auch für dessen"
    " Inhalt verwendet.",  # jewiki.net/wiki/Prädikat_(Logik)
    # A comparative's "als" compares.
    "Viele Menschen in diesen Berufen verdienen weniger als 3.000 Euro im Monat.",
    # nussbaum.de, 2025
]


@needs_ding
@pytest.mark.parametrize("text", NO_ALS, ids=lambda text: text[:30])
def test_an_als_that_joins_or_compares_is_no_predicate(
    dictionary: DingDictionary, text: str
) -> None:
    tagged = tag_sentence(sentence_of(text))
    als = {index for index, token in enumerate(tagged) if token.text == "als"}
    assert all(not als & set(match.token_indexes) for match in phrase_matches(text, dictionary))


@needs_ding
def test_a_giving_is_no_es_gibt(dictionary: DingDictionary) -> None:
    # Made up for the contrast: a subject pronoun before the verb, a dative after "es".
    assert "es gibt" not in phrases_found("Er gibt es ihm morgen zurück.", dictionary)
    assert "es gibt" not in phrases_found("Der Vater gibt es ihm.", dictionary)
    assert "es gibt" not in phrases_found("Ich gebe es dir morgen.", dictionary)


@needs_ding
def test_a_joined_particle_verb_is_no_phrase_of_the_bare_verb(dictionary: DingDictionary) -> None:
    # scope-names-latenight.md: "steht fest" is "feststehen" (it is certain), not "fest
    # stehen" (to stand firm) nor "für etw. stehen" (to represent sth.).
    text = (
        "Düster ist die Lage und noch düsterer sein Blick in die Zukunft: Für Wladimir"
        " Klitschko steht fest, dass Putin nach der Ukraine auch vor anderen Staaten nicht"
        " Halt machen wird."
    )
    assert not {"fest stehen", "für etw. stehen"} & phrases_found(text, dictionary)


def tokens(*tagged: str) -> list[TaggedToken]:
    """TaggedTokens from "text/TAG" strings (the lemma is the text)."""
    result = []
    for item in tagged:
        text, pos = item.rsplit("/", 1)
        result.append(TaggedToken(text, text, pos))
    return result


@pytest.mark.parametrize(
    ("words", "es", "verb", "expected"),
    [
        (("Es/PPER", "gibt/VV(FIN)", "Brot/NN"), 0, 1, True),
        (("Heute/ADV", "gibt/VV(FIN)", "es/PPER", "Brot/NN"), 2, 1, True),
        (("Brot/NN", "gibt/VV(FIN)", "es/PPER", "hier/ADV"), 2, 1, True),
        (("Früher/ADV", "hat/VA(FIN)", "es/PPER", "Brot/NN", "gegeben/VV(PP)"), 2, 4, True),
        (("dass/KOUS", "es/PPER", "hier/ADV", "Brot/NN", "gibt/VV(FIN)"), 1, 4, True),
        (("gibt's/VV(FIN)", "da/ADV"), 0, 0, True),
        (("Er/PPER", "gibt/VV(FIN)", "es/PPER", "weiter/ADV"), 2, 1, False),
        (("Heute/ADV", "gibt/VV(FIN)", "es/PPER", "ihm/PPER"), 2, 1, False),
        (("Heute/ADV", "gibt/VV(FIN)", "es/PPER", "dem/ART", "Kind/NN"), 2, 1, False),
        (("Es/PPER", "ist/VA(FIN)", "gut/ADJD", "und/KON", "gibt/VV(FIN)"), 0, 4, False),
    ],
)
def test_existential_es_reads_the_word_order(
    words: tuple[str, ...], es: int, verb: int, expected: bool
) -> None:
    tagged = tokens(*words)
    assert existential_es(es, verb, tagged, range(len(tagged))) is expected


@pytest.mark.parametrize(
    ("text", "forms"),
    [
        ("nach Angaben von jdm.", [("nach",), ("angaben",), VON_OR_GENITIVE]),
        ("auf Einladung von jdm.", [("auf",), ("einladung",), VON_OR_GENITIVE]),
        (
            "so genannte/r/s",
            [("so",), ("genannt", "genannte", "genannten", "genannter", "genanntes", "genanntem")],
        ),
        ("es gibt", [("es",), ("geben",)]),
        ("als etw. gelten", [("als",), ("gelten",)]),
    ],
)
def test_the_slots_of_the_new_phrase_shapes(text: str, forms: list[tuple[str, ...]]) -> None:
    slots = phrase_slots(text)
    assert slots is not None
    assert [slot.forms for slot in slots] == forms


@pytest.mark.parametrize(
    "text",
    [
        "ein knappe/r/s",  # an article and an adjective
        "Abberufung von jdm.",  # a noun and "of sb.": no preposition before it
        "als wenn",
    ],
)
def test_shapes_that_stay_no_phrase(text: str) -> None:
    assert phrase_slots(text) is None


@pytest.mark.parametrize(
    ("line", "kept", "dropped"),
    [
        (
            "kaum, nicht viel; um nicht viel mehr {adv} | Er ist kaum jünger als ich. :: not"
            " much; scarcely | He is scarcely (any) younger than I am / than me [coll.].; He’s"
            " not much younger than I am.",
            "nicht viel",
            "kaum",
        ),
    ],
    ids=["a single word before the comma"],
)
def test_a_comma_part_is_a_phrase_only_beside_other_phrases_or_words(
    line: str, kept: str, dropped: str
) -> None:
    entry = parse_entry(line)
    assert entry is not None
    texts = {text for _, _, text, _ in line_phrases(entry, frozenset({"riechen", "schauen"}))}
    assert kept in texts
    assert dropped not in texts


@needs_ding
def test_a_lower_case_word_tagged_as_a_noun_is_the_verb() -> None:
    tagged = tag_sentence(sentence_of("du schreist ja daß sich ein Stein erbarmen möchte."))
    erbarmen = next(token for token in tagged if token.text == "erbarmen")
    assert (erbarmen.lemma, erbarmen.pos) == ("erbarmen", "VV(INF)")


# False positives of the held-out sets 2 and 3 (tests/data/real/gold-holdout-2.yaml,
# gold-holdout-3.yaml, annotated before any tool ran), each refused by a rule of grammar.
REFUSED = [
    # "zum" is "zu dem": "zum Ende des Jahres … ging" holds no "zu Ende gehen".
    (
        "Professor Dirk Messner hat zum 1. Januar die Nachfolge von Maria Krautzberger"
        " angetreten, die das Amt fünfeinhalb Jahre innehatte und zum Ende des vergangenen"
        " Jahres in Ruhestand ging.",
        {"zu Ende gehen", "in etw. gehen"},  # the latter: only "(eine Veranstaltung besuchen)"
    ),
    # A noun slot needs a noun: "der richtige Mann" holds no "das Richtige sein".
    (
        "Als Präsident des Umweltbundesamtes ist Dirk Messner der richtige Mann zur richtigen"
        " Zeit.",
        {"das Richtige sein"},
    ),
    # "rein genug": "genug" modifies the adjective before it.
    (
        "Das gehörte ja zu den höchsten Vorzügen Keilhaus, daß unser ganzes Leben und auch"
        " unsere Vergnügungen rein genug waren, um das Auge eines Erziehers nicht scheuen zu"
        " brauchen.",
        {"genug sein"},
    ),
    # "besser" is the comparative, no "gut"; "nicht (richtig) gehen" is said of a device.
    (
        "Dank meiner Großeltern bin ich nicht nur das gebürtige Berliner Stadtkind, sondern"
        " auch die Försters-Enkelin, die ganz viele Schulferien in der schleswig-holsteinischen"
        " Försterei – oder um genauer zu sein zwischen einem Haufen Welpen im Hundezwinger der"
        " hauseigenen Dackelzucht (besser geht’s als Kind einfach nicht) verbracht hat.",
        {"jdm. gut gehen", "nicht gehen"},
    ),
    # The unstressed modal particle "ja".
    ("Liegt ja auch in der Natur der Superlative.", {"ja auch"}),
    ("Aber so ganz stimmen kann das ja nicht.", {"ja nicht"}),
    # "für" stands in the conjunct after "gewinnen und": it is "werben"'s.
    (
        "Ich freue mich darauf, diese mit der Unterstützung durch Dirk Messner an der Spitze"
        " des Umweltbundesamtes zu gewinnen und gemeinsam für den grundlegenden Umbau von"
        " Wirtschaft und Gesellschaft zu werben.",
        {"jdn. für etw. gewinnen"},
    ),
]


@needs_ding
@pytest.mark.parametrize(("text", "phrases"), REFUSED, ids=[text[:30] for text, _ in REFUSED])
def test_a_phrase_the_grammar_excludes_is_refused(
    dictionary: DingDictionary, text: str, phrases: set[str]
) -> None:
    assert not phrases & phrases_found(text, dictionary)


KEPT = [
    # A phrase with several restricted senses (Hörensagen; Vorgabe, Erwartung) stays.
    ("Der Ex-Polizist soll drei Menschen getötet haben.", "etw. tun/sein/haben sollen"),
]


@needs_ding
@pytest.mark.parametrize(("text", "phrase"), KEPT, ids=[phrase for _, phrase in KEPT])
def test_phrases_beside_the_new_rules_are_kept(
    dictionary: DingDictionary, text: str, phrase: str
) -> None:
    assert phrase in phrases_found(text, dictionary)


@pytest.mark.parametrize(
    ("synonym", "expected"),
    [
        ("in etw. gehen {vi} (eine Veranstaltung besuchen)", True),
        ("nicht (richtig) gehen {vi} (nicht funktionieren) [ugs.] (Gerät)", True),
        ("in etw. eingehen (Sache) [übtr.]", True),
        ("sich freuen {vr} (über etw.)", False),  # a valency
        ("nicht (richtig) gehen", False),  # an optional word
        ("jdn. unter Druck setzen", False),
    ],
)
def test_a_note_that_restricts_a_phrase_is_told_from_a_valency(
    synonym: str, expected: bool
) -> None:
    assert is_restricted(synonym) is expected


@pytest.mark.parametrize(
    ("words", "verb", "expected"),
    [
        # "zu gewinnen und gemeinsam für den Umbau zu werben": the "und" closes the verb's part.
        (("gewinnen/VV(INF)", "und/KON", "gemeinsam/ADJ(D)", "für/APPR", "Umbau/NN"), 0, True),
        # "fuhren Mannschaft und Betreuer mit dem Zug": the "und" joins two nouns.
        (("fuhren/VV(FIN)", "Mannschaft/NN", "und/KON", "Betreuer/NN", "mit/APPR"), 0, False),
        (("fuhren/VV(FIN)", "mit/APPR", "dem/ART", "Zug/NN"), 0, False),
    ],
)
def test_a_preposition_after_the_verbs_conjunct_belongs_to_the_next(
    words: tuple[str, ...], verb: int, expected: bool
) -> None:
    tagged = tokens(*words)
    preposition = next(i for i, token in enumerate(tagged) if token.pos == "APPR")
    assert preposition_in_next_conjunct(verb, [verb, preposition], tagged) is expected


@pytest.mark.parametrize(
    ("text", "is_phrase"),
    [
        ("ein bisschen", True),  # "bisschen" ends in -n but is no verb
        ("von nun an", True),
        ("nach oben", True),
        ("an etw. herumknabbern", True),  # a particle and a verb of the dictionary
    ],
)
def test_the_dictionarys_verbs_tell_a_verb_phrase_from_an_expression(
    text: str, is_phrase: bool
) -> None:
    verbs = frozenset({"knabbern", "laden", "sein"})
    assert (phrase_slots(text, verbs) is not None) is is_phrase
    # Without the dictionary's verbs, a word in -n is taken for one.
    assert phrase_slots("ein bisschen") is None


def test_a_template_after_a_comma_keeps_its_phrase() -> None:
    line = (
        "Alarm {m} (akustische/optische Gefahrenwarnung) | Alarme {pl} | Alarm schlagen, wenn"
        " … :: alarm | alarms | to raise the alarm when …"
    )
    entry = parse_entry(line)
    assert entry is not None
    texts = {text for _, _, text, _ in line_phrases(entry, frozenset({"schlagen"}))}
    assert "Alarm schlagen" in texts


@needs_ding
def test_ein_bisschen_is_found(dictionary: DingDictionary) -> None:
    # gold-holdout-3.yaml (a recipe blog): "ein bisschen" was taken for a verb phrase.
    assert "ein bisschen" in phrases_found("250g + ein bisschen weiche Butter", dictionary)


# Held-out set 4 (tests/data/real/gold-holdout-4.yaml): an attributive adjective's ending is
# the expression's only at its end, and a preposition with an adverb is its words' glosses.
@needs_ding
@pytest.mark.parametrize(
    ("text", "phrase", "expected"),
    [
        # Kant, "Was ist Aufklärung?": "das ganze schöne Geschlecht" holds no "ganz schön".
        (
            "Daß der bei weitem größte Teil der Menschen (darunter das ganze schöne Geschlecht)"
            " den Schritt zur Mündigkeit für sehr gefährlich halte.",
            "ganz schön",
            False,
        ),
        # An inflected participle at the expression's end (gold-holdout-3.yaml, Wikinews).
        (
            "Die groß angelegte Fahndung konzentriert sich inzwischen auf ein Gebiet.",
            "groß angelegt",
            True,
        ),
        # A police report: "nach oben" is "up", its words' glosses.
        (
            "Dort konnte er den Rollladen teilweise nach oben schieben und auf dem Fußboden"
            " eine reglose Person wahrnehmen.",
            "nach oben",
            False,
        ),
    ],
    ids=["ganze schöne", "groß angelegte", "nach oben"],
)
def test_adjective_endings_and_free_combinations(
    dictionary: DingDictionary, text: str, phrase: str, expected: bool
) -> None:
    assert (phrase in phrases_found(text, dictionary)) is expected
