"""The store migration for vocabulary keys whose lemma changed with issue 9's lemma rules.

Lemmas key the reader's vocabulary, so a better lemma would orphan a status stored under the
old one. The changes a store can prove from its own lookup history are moved: an acronym
HanTa title-cased ("Eu" looked up as "EU" becomes "EU"), a noun in old spelling from a word
written with "ss" ("Beschluß" looked up as "Beschlüsse" becomes "Beschluss"), and the elided
spoken forms that were their own lemma ("hab'" becomes "haben"). Where both keys exist, the
new one's status is kept. A split separable verb stored under its bare verb ("fügen" for
"fügte … hinzu") cannot be told from the plain verb without re-tagging the sentence, so it
stays. Plain SQL without ";" inside literals: the store runs each statement of a migration
in turn.
"""

from __future__ import annotations

ELIDED_LEMMAS: tuple[tuple[str, str], ...] = tuple(
    (written.replace("'", apostrophe), lemma)
    for written, lemma in (
        ("hab'", "haben"),
        ("hätt'", "haben"),
        ("wär'", "sein"),
        ("würd'", "werden"),
        ("könnt'", "können"),
        ("möcht'", "mögen"),
        ("bin's", "sein"),
        ("ist's", "sein"),
        ("war's", "sein"),
        ("geht's", "gehen"),
        ("gibt's", "geben"),
        ("hat's", "haben"),
    )
    for apostrophe in ("'", "’")
)


def _quoted(text: str) -> str:
    return "'" + text.replace("'", "''") + "'"


LEMMA_KEYS_MIGRATION = f"""
    CREATE TEMP TABLE lemma_moves AS
        SELECT DISTINCT lemma AS old, word AS new FROM lookups
        WHERE length(word) >= 2 AND upper(word) = word AND lower(word) <> word
          AND lemma <> word AND upper(lemma) = word
        UNION
        SELECT DISTINCT lemma, replace(lemma, 'ß', 'ss') FROM lookups
        WHERE instr(lemma, 'ß') > 0 AND instr(word, 'ß') = 0 AND instr(word, 'ss') > 0
          AND substr(lemma, 1, 1) BETWEEN 'A' AND 'Z'
        UNION
        SELECT column1, column2 FROM (VALUES {
    ", ".join(f"({_quoted(old)}, {_quoted(new)})" for old, new in ELIDED_LEMMAS)
});
    UPDATE OR IGNORE words SET lemma = (SELECT new FROM lemma_moves WHERE old = words.lemma)
        WHERE lemma IN (SELECT old FROM lemma_moves);
    DELETE FROM words WHERE lemma IN (SELECT old FROM lemma_moves);
    UPDATE lookups SET lemma = (SELECT new FROM lemma_moves WHERE old = lookups.lemma)
        WHERE lemma IN (SELECT old FROM lemma_moves);
    DROP TABLE lemma_moves;
"""
"""Migration 6: move the vocabulary keys described above."""
