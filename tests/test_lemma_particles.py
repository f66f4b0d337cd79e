"""Tests for separable verbs whose particle HanTa tags as an adjective (issue #9, lemmas).

"Für Wladimir Klitschko steht fest, dass …" is "feststehen" (it is certain), and "stellt
sicher, dass …" is "sicherstellen": an adjective or adverb that closes its clause after a
finite verb is that verb's particle when the dictionary has the joined verb. Ding marks
many verbs ``{v}`` (neither ``{vt}`` nor ``{vi}``), "feststehen" among them: they are verbs.
"""

from __future__ import annotations

import pytest

from glossary.lemmas import tag_sentence
from reader.core.text import parse_document
from tests.fixtures_glossary import REAL_DING

pytestmark = pytest.mark.skipif(
    not REAL_DING.is_file(), reason="Debian package trans-de-en not installed"
)


def joined(text: str) -> dict[str, str]:
    document = parse_document(f"# -\n\n{text}\n", "test")
    return {token.text: token.joined for token in tag_sentence(document.sentences(1)[0])}


@pytest.mark.parametrize(
    ("text", "verb", "particle", "expected"),
    [
        # scope-names-latenight.md (gentside.de): "fest" tagged PTKVZ, "feststehen" is {v}.
        (
            "Düster ist die Lage und noch düsterer sein Blick in die Zukunft: Für Wladimir"
            " Klitschko steht fest, dass Putin nach der Ukraine auch vor anderen Staaten nicht"
            " Halt machen wird.",
            "steht",
            "fest",
            "feststehen",
        ),
        # Made up for the rule: "sicher" is tagged ADJD; "sicherstellen" is a verb of Ding.
        ("Die Firma stellt sicher, dass alles klappt.", "stellt", "sicher", "sicherstellen"),
    ],
    ids=["steht fest", "stellt sicher"],
)
def test_a_closing_particle_joins_its_verb(
    text: str, verb: str, particle: str, expected: str
) -> None:
    tokens = joined(text)
    assert tokens[verb] == tokens[particle] == expected


@pytest.mark.parametrize(
    "text",
    [
        # Made up for the contrast: no verb of the dictionary is made of these.
        "Er arbeitet hart.",
        "Das Wetter bleibt schön.",
        "Ich finde das gut.",
    ],
)
def test_an_adjective_that_makes_no_verb_stays_an_adjective(text: str) -> None:
    assert not any(joined(text).values())
