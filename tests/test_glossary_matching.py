"""Tests for finding glossary terms in sentences, however they are inflected."""

from __future__ import annotations

from pathlib import Path

import pytest

from glossary.lemmas import tag_sentence
from glossary.loading import curated_glossary_paths, load_glossaries
from glossary.matching import GlossaryMatcher, entry_targets
from glossary.schema import GlossaryEntry, GlossarySet
from reader.core.paths import BUNDLED_TEXTS_DIR
from reader.core.text import Sentence, load_document, parse_document

SHORT_PHRASES = """\
glossary: "Short phrases"
version: "1"
entries:
  - term: stattfinden
    kind: separable-verb
    particle: statt
    forms: [stattgefunden, statt gefunden]
    renderings: [take place]
    explanation: To take place.
  - term: zusammentreffen
    kind: separable-verb
    particle: zusammen
    forms: [zusammengetroffen, zusammen getroffen]
    renderings: [meet]
    explanation: To meet.
  - term: mit ein Grund
    kind: expression
    forms: [Mit ein Grund]
    renderings: [one of the reasons]
    explanation: One of the reasons.
  - term: zur Schlachtung
    kind: expression
    renderings: [to the slaughter]
    explanation: To be slaughtered.
"""


def paragraph_sentence(text: str) -> Sentence:
    document = parse_document(f"# Titel\n\n{text}\n", "test")
    return document.sentences(1)[0]


@pytest.mark.parametrize(
    ("text", "term", "words", "how"),
    [
        ("Laut des Unionsvertrages ist das so.", "Unionsvertrag", ["Unionsvertrages"], "exact"),
        ("Die Unionsverträge gelten.", "Unionsvertrag", ["Unionsverträge"], "exact"),
        (
            "Dem Kremlchef wurde ihm buchstäblich der rote Teppich ausgerollt.",
            "den roten Teppich ausrollen",
            ["rote", "Teppich", "ausgerollt"],
            "exact",
        ),
        (
            "Entsprechend fielen die Reaktionen von Leuten aus.",
            "ausfallen",
            ["fielen", "aus"],
            "exact",
        ),
        (
            "Lukaschenko kündigte am Montag eine Reise an.",
            "ankündigen",
            ["kündigte", "an"],
            "exact",
        ),
        (
            "Sie halten gemeinsam ein Manöver in Belarus ab.",
            "abhalten",
            ["halten", "ab"],
            "exact",
        ),
        ("Er droht, in den Krieg einzugreifen.", "eingreifen", ["einzugreifen"], "exact"),
        (
            "Die Eisenbahnpartisanen sabotieren Züge.",
            "Partisan",
            ["Eisenbahnpartisanen"],
            "compound",
        ),
        ("Das war ein großer Bahnhof für ihn.", "Großer Bahnhof", ["großer", "Bahnhof"], "exact"),
        ("Die Expert*innen streiten.", "Gendersternchen", ["Expert*innen"], "compound"),
        ("Lawrow hat bestimmt Nowitsckok mitgebracht.", "Nowitschok", ["Nowitsckok"], "exact"),
        ("NOWITSCHOK ist ein Gift.", "Nowitschok", ["NOWITSCHOK"], "exact"),
    ],
)
def test_term_is_found_however_inflected(
    sample_glossary: GlossarySet, text: str, term: str, words: list[str], how: str
) -> None:
    sentence = paragraph_sentence(text)
    matches = [
        m for m in GlossaryMatcher(sample_glossary).matches(sentence) if m.entry.term == term
    ]
    assert len(matches) == 1
    match = matches[0]
    assert [sentence.tokens[i].text for i in match.token_indexes] == words
    assert match.how == how
    assert (match.block, match.sentence) == (sentence.block, sentence.index)
    assert match.spans == tuple(
        (sentence.tokens[i].start, sentence.tokens[i].end) for i in match.token_indexes
    )


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Der Vertrag ist alt.", "Unionsvertrag"),
        ("Der Teppich ist rot.", "den roten Teppich ausrollen"),
        ("Die Reaktionen fielen heftig.", "ausfallen"),
        ("Sie halten das für falsch.", "abhalten"),
        ("Der Bahnhof ist neu.", "Großer Bahnhof"),
        ("Die Organisation tagt.", "Partisan"),
    ],
)
def test_near_misses_are_not_matched(sample_glossary: GlossarySet, text: str, absent: str) -> None:
    sentence = paragraph_sentence(text)
    found = {m.entry.term for m in GlossaryMatcher(sample_glossary).matches(sentence)}
    assert absent not in found


def test_empty_glossary_matches_nothing() -> None:
    sentence = paragraph_sentence("Nichts zu finden.")
    assert GlossaryMatcher(GlossarySet()).matches(sentence) == ()


def test_every_curated_entry_with_in_text_is_found_there() -> None:
    paths = curated_glossary_paths()
    if not paths:
        pytest.skip("no curated glossary yet in glossary/data/")
    glossary = load_glossaries(paths, BUNDLED_TEXTS_DIR / "no-user-file.yaml")
    assert glossary.problems == (), [str(p) for p in glossary.problems]
    matcher = GlossaryMatcher(glossary)
    found_in: dict[str, set[str]] = {}
    stems = {stem for entry in glossary.entries for stem in entry.in_text}
    for stem in stems:
        document = load_document(BUNDLED_TEXTS_DIR / f"{stem}.md")
        for match in matcher.matches_in(document.all_sentences()):
            found_in.setdefault(stem, set()).add(f"{match.entry.term}/{match.entry.kind}")
    missing = [
        f"{entry.file}:{entry.line}: {entry.term} not found in {stem}"
        for entry in glossary.entries
        for stem in entry.in_text
        if f"{entry.term}/{entry.kind}" not in found_in.get(stem, set())
    ]
    assert missing == []


@pytest.fixture
def short_phrases(tmp_path: Path) -> GlossarySet:
    """Entries whose multi-word forms have one content word or none, as in the issue."""
    path = tmp_path / "short.yaml"
    path.write_text(SHORT_PHRASES, encoding="utf-8")
    glossary = load_glossaries([path], tmp_path / "none.yaml")
    assert glossary.problems == ()
    return glossary


@pytest.mark.parametrize(
    ("text", "term", "words"),
    [
        ("Das Treffen hat in Minsk statt gefunden.", "stattfinden", ["statt", "gefunden"]),
        ("Das Treffen hat in Minsk stattgefunden.", "stattfinden", ["stattgefunden"]),
        ("Das Treffen findet morgen statt.", "stattfinden", ["findet", "statt"]),
        ("Sie sind gestern zusammen getroffen.", "zusammentreffen", ["zusammen", "getroffen"]),
        ("Sie sind gestern zusammengetroffen.", "zusammentreffen", ["zusammengetroffen"]),
        ("Mit ein Grund ist das Geld.", "mit ein Grund", ["Mit", "ein", "Grund"]),
        ("Das ist mit ein Grund für den Streit.", "mit ein Grund", ["mit", "ein", "Grund"]),
        ("Die Kuh geht zur Schlachtung.", "zur Schlachtung", ["zur", "Schlachtung"]),
    ],
)
def test_short_phrases_are_found_as_written(
    short_phrases: GlossarySet, text: str, term: str, words: list[str]
) -> None:
    sentence = paragraph_sentence(text)
    matches = [m for m in GlossaryMatcher(short_phrases).matches(sentence) if m.entry.term == term]
    assert [[sentence.tokens[i].text for i in m.token_indexes] for m in matches] == [words]


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Ich habe den Schlüssel gefunden.", "stattfinden"),
        ("Er hat Geld statt Ruhm gefunden.", "stattfinden"),
        ("Ich habe ihn gestern getroffen.", "zusammentreffen"),
        ("Wir haben zusammen gegessen und ihn getroffen.", "zusammentreffen"),
        ("Der Grund ist klar.", "mit ein Grund"),
        ("Mit dem Auto kam ein Grund zur Sorge.", "mit ein Grund"),
        ("Ein Grund mit ein paar Folgen.", "mit ein Grund"),
        ("Die Schlachtung ist vorbei.", "zur Schlachtung"),
    ],
)
def test_short_phrases_are_not_found_from_one_word(
    short_phrases: GlossarySet, text: str, absent: str
) -> None:
    sentence = paragraph_sentence(text)
    found = {m.entry.term for m in GlossaryMatcher(short_phrases).matches(sentence)}
    assert absent not in found


@pytest.mark.parametrize(
    ("text", "absent"),
    [
        ("Ich habe den Schlüssel gefunden.", "stattfinden"),
        ("Jeder Grund zählt.", "mit ein Grund"),
        ("Sie hat ihn im Park getroffen.", "zusammentreffen"),
    ],
)
def test_curated_short_forms_do_not_mark_ordinary_words(text: str, absent: str) -> None:
    paths = curated_glossary_paths()
    if not paths:
        pytest.skip("no curated glossary yet in glossary/data/")
    glossary = load_glossaries(paths, BUNDLED_TEXTS_DIR / "no-user-file.yaml")
    sentence = paragraph_sentence(text)
    assert absent in {entry.term for entry in glossary.entries}
    assert absent not in {m.entry.term for m in GlossaryMatcher(glossary).matches(sentence)}


def test_detached_particle_offers_the_joined_verb_to_lookup(short_phrases: GlossarySet) -> None:
    sentence = paragraph_sentence("Das Treffen hat in Minsk statt gefunden.")
    matcher = GlossaryMatcher(short_phrases)
    candidates = matcher.token_candidates(tag_sentence(sentence))
    assert candidates[6]["stattfinden"] == (5, 6)


def test_short_phrase_targets_keep_every_word_in_order() -> None:
    entry = GlossaryEntry(
        term="mit ein Grund", kind="expression", renderings=("x",), explanation="x"
    )
    (target,) = entry_targets(entry)
    assert target.contiguous
    assert [sorted(slot) for slot in target.slots] == [["mit"], ["ein"], ["grund"]]
