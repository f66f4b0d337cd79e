"""The store migration for vocabulary keys whose lemma changed with issue 9's lemma rules.

Lemmas key the reader's vocabulary, so a better lemma would orphan a status stored under the
old one. The changes a store can prove from its own lookup history are moved: an acronym
HanTa title-cased ("Eu" looked up as "EU" becomes "EU"), a noun in old spelling from a word
written with "ss" ("Beschluß" looked up as "Beschlüsse" becomes "Beschluss"), and the elided
spoken forms that were their own lemma ("hab'" becomes "haben"). Where both keys exist, the
new one's status is kept (migration 6).

A split separable verb stored under its bare verb ("fügen" for "fügte … hinzu") is moved by
migration 8, from the sentence each lookup keeps: the looked-up word is the finite verb and
a separable particle closes its clause ("Sie fügte dem Brief einen Satz hinzu."), the
verb-final bracket of a German main clause. The app itself joins only verbs Ding knows, with
HanTa's tags; a migration runs plain SQL on a store that may be opened without either, so
this is the word-order rule alone, and it is kept narrow (no da-/dar- adverbs, which close a
clause as objects: "Ich denke daran."; not sein, haben, werden or the modals, which take a
predicate: "Er ist da."). So a wrong guess loses nothing: the status and note are copied to
the joined verb, and the bare verb's are removed only when none of its lookups is left.
Plain SQL without ";" inside literals: the store runs each statement of a migration in turn.
"""

from __future__ import annotations

from glossary.compounds import VERB_PARTICLES

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

# The particles that part from their verb (not the inseparable be-, ent-, er-, ver-, zer-),
# without the da-/dar- adverbs (see the module's docstring).
SEPARATED_PARTICLES = tuple(
    particle
    for particle in VERB_PARTICLES
    if particle not in {"be", "ent", "er", "ver", "zer"} and not particle.startswith("da")
)
# Verbs whose clause-final word is a predicate, not their particle (Er ist da. Er will weg.).
NOT_PARTICLE_VERBS = (
    "sein",
    "haben",
    "werden",
    "können",
    "müssen",
    "sollen",
    "wollen",
    "dürfen",
    "mögen",
)
# What ends the clause of the looked-up verb: punctuation and the coordinating conjunctions
# ("Er stand auf und ging hinaus." is aufstehen, not hinausstehen).
CLAUSE_ENDS = (
    ",",
    ";",
    ":",
    ".",
    "!",
    "?",
    "(",
    ")",
    "–",
    "—",
    '"',
    "„",
    "“",
    "»",
    "«",
    " und ",
    " oder ",
    " aber ",
    " sondern ",
    " denn ",
)


def _clause_end(column: str) -> str:
    """SQL for the position where the clause in ``column`` ends (its length + 1 if none)."""
    ends = ", ".join(
        # ";" as char(59): the store splits a migration's statements at each ";"
        f"coalesce(nullif(instr({column}, {_quoted(end) if end != ';' else 'char(59)'}), 0),"
        f" length({column}) + 1)"
        for end in CLAUSE_ENDS
    )
    return f"min({ends})"


SEPARABLE_VERB_KEYS_MIGRATION = f"""
    CREATE TEMP TABLE verb_rest AS
        SELECT id, lemma, substr(' ' || sentence,
            instr(' ' || sentence || ' ', ' ' || word || ' ') + length(word) + 1) AS rest
        FROM lookups
        WHERE instr(' ' || sentence || ' ', ' ' || word || ' ') > 0
          AND lemma = lower(lemma) AND substr(lemma, -1) = 'n' AND length(lemma) >= 4
          AND lemma NOT IN ({", ".join(_quoted(verb) for verb in NOT_PARTICLE_VERBS)});
    CREATE TEMP TABLE verb_moves AS
        SELECT verb_rest.id AS id, verb_rest.lemma AS old,
            particles.column1 || verb_rest.lemma AS new
        FROM verb_rest JOIN (VALUES {", ".join(f"({_quoted(p)})" for p in SEPARATED_PARTICLES)})
            AS particles
        ON substr(rtrim(substr(rest, 1, {_clause_end("rest")} - 1)), -length(particles.column1) - 1)
            = ' ' || particles.column1;
    UPDATE lookups SET lemma = (SELECT new FROM verb_moves WHERE verb_moves.id = lookups.id)
        WHERE id IN (SELECT id FROM verb_moves);
    INSERT OR IGNORE INTO words (lemma, status, updated, text_id)
        SELECT DISTINCT verb_moves.new, words.status, words.updated, words.text_id
        FROM verb_moves JOIN words ON words.lemma = verb_moves.old;
    INSERT OR IGNORE INTO word_notes (lemma, meaning, note, updated)
        SELECT DISTINCT verb_moves.new, word_notes.meaning, word_notes.note, word_notes.updated
        FROM verb_moves JOIN word_notes ON word_notes.lemma = verb_moves.old;
    INSERT INTO status_changes (lemma, status, changed, text_id)
        SELECT verb_moves.new, status_changes.status, status_changes.changed,
            status_changes.text_id
        FROM (SELECT DISTINCT old, new FROM verb_moves) AS verb_moves
        JOIN status_changes ON status_changes.lemma = verb_moves.old
        WHERE NOT EXISTS (SELECT 1 FROM status_changes AS kept WHERE kept.lemma = verb_moves.new);
    CREATE TEMP TABLE verb_gone AS
        SELECT DISTINCT old FROM verb_moves
        WHERE old NOT IN (SELECT lemma FROM lookups);
    DELETE FROM words WHERE lemma IN (SELECT old FROM verb_gone);
    DELETE FROM word_notes WHERE lemma IN (SELECT old FROM verb_gone);
    DELETE FROM status_changes WHERE lemma IN (SELECT old FROM verb_gone);
    DROP TABLE verb_gone;
    DROP TABLE verb_moves;
    DROP TABLE verb_rest;
"""
"""Migration 8: a split separable verb's keys moved to the joined verb (see above)."""
