"""The curated glossary's corrections (issue 12): each fact, rendering and entry, asserted.

Each test names the error it guards against; the sources that settled the facts are listed
in the README's glossary section. Renderings are checked as the translation check uses them
(:func:`glossary.checking.contains_rendering`), so a rendering that would let a wrong
translation pass is caught.
"""

from __future__ import annotations

import pytest

from glossary.checking import contains_rendering, missing_renderings, words
from glossary.loading import curated_glossary_paths, load_glossaries
from glossary.matching import GlossaryMatcher
from glossary.schema import GlossaryEntry, GlossarySet
from reader.core.paths import BUNDLED_TEXTS_DIR
from reader.core.text import Document, load_reference


@pytest.fixture(scope="module")
def curated() -> GlossarySet:
    glossary = load_glossaries(curated_glossary_paths(), BUNDLED_TEXTS_DIR / "no-user-file.yaml")
    assert glossary.problems == (), [str(p) for p in glossary.problems]
    return glossary


def the(glossary: GlossarySet, term: str) -> GlossaryEntry:
    (entry,) = glossary.find(term)
    return entry


def text_of(entry: GlossaryEntry) -> str:
    """Everything an entry tells the reader, in one string."""
    return " ".join(
        part for part in (entry.explanation, entry.about or "", entry.spelling_note or "") if part
    ).replace("\n", " ")


def accepts(entry: GlossaryEntry, english: str) -> bool:
    """Whether the translation check would accept ``english`` for ``entry``."""
    english_words = words(english)
    return any(contains_rendering(english_words, rendering) for rendering in entry.renderings)


# ------------------------------------------------------------------ errors


def test_alejnik_was_appointed_in_december_and_the_slip_is_noted(curated: GlossarySet) -> None:
    alejnik = text_of(the(curated, "Alejnik"))
    assert "13 December 2022" in alejnik
    assert "end of 2022" not in alejnik
    taking_office = text_of(the(curated, "übernehmen"))
    assert "13 December 2022" in taking_office and "26 November" in taking_office
    assert "slips" in taking_office


def test_chartija_is_the_russian_name_not_the_belarusian(curated: GlossarySet) -> None:
    explanation = text_of(the(curated, "Chartija 97"))
    assert "Russian name Хартия" in explanation
    assert "Belarusian name is Хартыя" in explanation
    assert "transliteration of the Belarusian word" not in explanation


def test_union_state_bodies_that_exist_and_those_that_never_came_about(
    curated: GlossarySet,
) -> None:
    explanation = text_of(the(curated, "Unionsvertrag"))
    assert "most of which were never set up" not in explanation
    assert "Supreme State Council and the Council of Ministers" in explanation
    assert "since 2000" in explanation
    for never in ("union parliament", "court", "common currency"):
        assert never in explanation


def test_versterben_is_standard_in_the_preterite(curated: GlossarySet) -> None:
    entry = the(curated, "versterben")
    assert "almost only in the perfect" not in entry.explanation
    assert '"verstarb" is standard' in text_of(entry)
    assert "verstarb" in entry.forms


@pytest.mark.parametrize(
    ("english", "right"),
    [
        ("The Ukrainian president, at any rate, is on his guard.", True),
        ("The Ukrainian president is wary.", True),
        ("The Ukrainian president sounds a warning.", False),  # that is "warnt"
        ("The Ukrainian president is alarmed.", False),
        ("The Ukrainian president warns.", False),
    ],
)
def test_sich_gewarnt_zeigen_accepts_only_the_warned_ones_view(
    curated: GlossarySet, english: str, right: bool
) -> None:
    entry = the(curated, "sich gewarnt zeigen")
    assert accepts(entry, english) is right


# ------------------------------------------------------------------ dubious points


def test_naiev_is_spelled_one_way_in_the_reference_and_the_glossary(
    curated: GlossarySet, article: Document
) -> None:
    naiew = the(curated, "Naiew")
    assert naiew.english_name == "Serhii Naiev"
    assert naiew.renderings[0] == "Naiev"
    reference = load_reference(article)
    assert reference is not None
    english = " ".join(" ".join(block) for block in reference.blocks)
    assert "Serhii Naiev" in english
    assert "Nayev" not in english


def test_partisan_has_both_genitives(curated: GlossarySet) -> None:
    explanation = text_of(the(curated, "Eisenbahnpartisan"))
    assert "des Partisanen or des Partisans" in explanation


def test_putin_was_president_2000_to_2008_and_since_2012(curated: GlossarySet) -> None:
    about = the(curated, "Putin").about or ""
    assert "2000–2008" in about and "since 2012" in about
    assert "(since 2000" not in about


def test_belarus_borders_lithuania_and_latvia(curated: GlossarySet) -> None:
    about = the(curated, "Belarus").about or ""
    assert "Lithuania and Latvia" in about
    assert "Baltic states" not in about


def test_selenski_notes_the_spelling_wolodymir(curated: GlossarySet) -> None:
    note = the(curated, "Selenski").spelling_note or ""
    assert '"Wolodymir"' in note and '"Wolodymyr"' in note


@pytest.mark.parametrize("term", ["Makej", "Nowitschok"])
def test_the_novichok_allusion_is_an_interpretation(curated: GlossarySet, term: str) -> None:
    assert "probably" in text_of(the(curated, term))


def test_generalleutnant_plural(curated: GlossarySet) -> None:
    assert the(curated, "Generalleutnant").plural == "Generalleutnants"


def test_kappen_is_neutral(curated: GlossarySet) -> None:
    entry = the(curated, "kappen")
    assert entry.register is None or "informal" not in entry.register
    assert "neutral" in entry.explanation


@pytest.mark.parametrize(
    ("term", "wrong", "right"),
    [
        ("Angriffskrieg", "Russia's current war of attack", "Russia's current war of aggression"),
        ("Militäreinheit", "the formation of a joint force", "the formation of a military unit"),
        ("jedenfalls", "The president is certainly on his guard.", "At any rate, he is wary."),
        ("bereits", "Even before that, Lavrov arrived.", "Lavrov had already arrived."),
        ("bereits", "Lavrov arrived before.", "Lavrov had already arrived."),
        ("Anschlag", "strikes on railway lines", "attacks on railway lines"),
        ("Großer Bahnhof", "A warm welcome in Minsk", "A grand reception in Minsk"),
    ],
)
def test_loose_renderings_no_longer_accept_wrong_translations(
    curated: GlossarySet, term: str, wrong: str, right: str
) -> None:
    entry = the(curated, term)
    assert not accepts(entry, wrong)
    assert accepts(entry, right)


def test_konjunktiv_entry_explains_the_konjunktiv_ii_stand_ins(curated: GlossarySet) -> None:
    explanation = text_of(the(curated, "Konjunktiv I"))
    assert "Konjunktiv II stands in" in explanation
    assert "wollten" in explanation and "wehren könnten" in explanation


LAST_QUESTION = "Will Belarusians still stay silent even then?"


def test_the_last_question_has_one_english_version(curated: GlossarySet, article: Document) -> None:
    reference = load_reference(article)
    assert reference is not None
    assert reference.blocks[-1][-1].strip('“”" ') == LAST_QUESTION
    for term in ("Belaruss*in", "schweigen"):
        explanation = text_of(the(curated, term))
        assert LAST_QUESTION in explanation, term
        assert "Do the Belarusians" not in explanation
        assert "keep quiet even then" not in explanation


# ------------------------------------------------------------------ missing and padding entries


@pytest.mark.parametrize(
    ("term", "german"),
    [
        ("es heißt", "Zuvor hatte es geheißen"),
        ("es heißt", "heißt es in einem Post"),
        ("es geht um", "Es sei auch darum gegangen"),
        ("es kommt zu etwas", "wiederholt zu Anschlägen"),
        ("zwar … aber", "wurden zwar die Sanktionen erwähnt"),
        ("dieser (the latter)", "Dieser war unter ungeklärten Umständen"),
        ("dieser (the latter)", "Dieser sieht auch die Schaffung"),
        ("Lage", "über die Lage im Krieg"),
        ("dringend", "auch dringende Fragen"),
        ("an seiner Seite", "um an seiner Seite aktiv"),
    ],
)
def test_missing_b1_entries_are_found_in_their_sentences(
    curated: GlossarySet, article: Document, term: str, german: str
) -> None:
    matcher = GlossaryMatcher(curated)
    sentences = [s for s in article.all_sentences() if german in s.text]
    assert sentences, german
    found = {match.entry.term for s in sentences for match in matcher.matches(s)}
    assert term in found


def test_schlachtung_is_not_schlacht(curated: GlossarySet) -> None:
    explanation = text_of(the(curated, "zur Schlachtung"))
    assert '"die Schlacht" (a battle)' in explanation


@pytest.mark.parametrize(
    "term",
    [
        "Minsk",
        "unpopulär",
        "Sanktion",
        "Aufmarsch",
        "Videobotschaft",
        "Webportal",
        "Übung",
        "gemeinsam",
        "Nachbarland",
    ],
)
def test_padding_entries_are_gone_and_nothing_points_to_them(
    curated: GlossarySet, term: str
) -> None:
    assert curated.find(term) == ()
    assert all(term not in entry.related for entry in curated.entries)


def test_related_terms_are_all_entries(curated: GlossarySet) -> None:
    terms = {entry.term for entry in curated.entries}
    dangling = {
        (entry.term, related)
        for entry in curated.entries
        for related in entry.related
        if related not in terms
    }
    # Kyjiw's "Ukraine" and similar point to entries; a few related words are general
    # German the glossary deliberately leaves to the dictionary.
    allowed = {"Partisan"}
    assert {related for _, related in dangling} <= allowed, dangling


def test_reference_translation_has_no_missing_renderings(
    curated: GlossarySet, article: Document
) -> None:
    reference = load_reference(article)
    assert reference is not None
    matcher = GlossaryMatcher(curated)
    flags = []
    for block, english_sentences in zip(article.blocks, reference.blocks, strict=True):
        for sentence, english in zip(
            article.sentences(block.index), english_sentences, strict=True
        ):
            flags += [
                check.match.entry.term
                for check in missing_renderings(matcher.matches(sentence), english)
            ]
    assert flags == []
