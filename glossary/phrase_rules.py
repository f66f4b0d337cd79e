"""When a dictionary phrase found in a sentence is no phrase of that sentence.

:mod:`glossary.phrases` finds every dictionary phrase whose words stand in one clause. Some
of those finds teach the learner nothing or mislead them; four general rules of German
grammar and of what a phrase is refuse them:

- **Free combinations.** A preposition, article and noun ("entlang der Route", "an der
  Grenze") or an adverb and an adjective ("sehr groß") whose every English rendering is
  made of the glosses of its own words is compositional: the word lookup already says it.
  One rendering that is not ("in der Tat": indeed; "am Ende": eventually) keeps it.
- **The comparative construction.** "mehr als", "weniger als": a comparative and the
  particle "als" are grammar, as "größer als" is ("mehr als je" is no "upwards of").
- **A prepositional object belongs to the verb at the clause's end.** In "man hörte
  Regentropfen auf das Fensterblech aufschlagen" the "auf" is the infinitive's, so it is
  no "auf jdn. hören": a phrase's preposition or noun followed in its clause by another
  full verb belongs to that verb (the tags are not trusted to tell an infinitive from a
  finite verb: HanTa tags "aufschlagen" there as finite).
- **A reflexive verb is another verb.** "Gregors Blick richtete sich zum Fenster" is
  "sich richten": the accusative is taken by "sich", so a phrase whose accusative is its
  noun ("den Blick auf etw. richten") is not there.
- **A reflexive pronoun agrees with its subject.** "mir" is reflexive only beside "ich":
  "was gibst du mir" holds no "sich geben".
- **An article belongs to its noun.** An expression that ends in an article ("laut der":
  according to which) is a fragment when the article stands before a noun of its own.
- **A word before an adjective modifies it.** In "dessen Töchter waren alle schön" the
  predicate of "waren" is "schön"; "alle" is no predicate, so "alle sein" is not there.
- **A preposition's case is the phrase's.** "auf jdn./etw. stehen" (to be into sb.) takes
  the accusative; "die auf dem Balkon standen" has the dative of place, so it is not there.
  The case is read where it shows: a placeholder's "jdn." or "jdm.", the sentence's
  "dem", "einem", "im", "ins", "mich", "mir" and the like.
- **An expression holds no verb.** "steht vor", "ist nicht", "voneinander getrennt" are
  verb forms the dictionary gives as examples; a verb is found as a verb phrase.
- **An auxiliary with a participle is a tense.** "als würmglazial bezeichnet werden" is a
  passive, no phrase "bezeichnet werden".
- **A modal verb serves the infinitive after it.** "konnte sich gar nicht trösten" is a
  form of "sich trösten": a phrase of the modal without a noun ("nicht können") is not there.
- **A verb with a direction adverb is a verb of motion.** "ging … hinaus in den Wald",
  "vorbei auf die Erde schlug": the adverb ("hinaus", "vorbei", "zurück") makes the verb a
  particle verb of motion, so a phrase of the bare verb without a noun ("in etw. gehen",
  "auf jdn. schlagen") is not there.
"""

from __future__ import annotations

from collections.abc import Sequence

from glossary.clause_syntax import (
    contraction_unlike_phrase,
    existential_es,
    post_modifies,
    preposition_in_next_conjunct,
)
from glossary.ding_index import DingDictionary, DingPhrase
from glossary.ding_phrases import EXISTENTIAL_ES, FINITE_PHRASES, VON_OR_GENITIVE, has_noun
from glossary.lemmas import TaggedToken
from glossary.phrase_free import free_combination

# Forms that are comparatives whatever their tag; other comparatives are adjectives in -er.
COMPARATIVES = frozenset({"mehr", "weniger", "minder", "eher", "lieber", "besser"})
UMLAUTS = str.maketrans("äöü", "aou")
# Words that show the case a preposition governs ("dem" is dative; "den" may be either).
DATIVE_FORMS = frozenset("dem einem im am beim vom zum zur mir dir ihm ihnen".split())
ACCUSATIVE_FORMS = frozenset("einen ins ans aufs durchs fürs ums übers mich dich ihn".split())
# Which subject a reflexive pronoun other than "sich" needs in its clause.
REFLEXIVE_SUBJECTS = {
    "mich": "ich", "mir": "ich", "dich": "du", "dir": "du", "uns": "wir", "euch": "ihr",
}  # fmt: skip
# Adverbs of direction that make a verb a verb of motion (as written apart or as a particle).
DIRECTIONS = frozenset(
    "hinaus heraus hinein herein hinab herab hinauf herauf hinunter herunter hinüber herüber"
    " hindurch herbei herum umher voran voraus vorbei davon fort weg zurück entgegen".split()
)
REFLEXIVE = "sich"
EXISTENTIAL = "es gibt"
# Words after "als" that make it a conjunction: "sowohl … als auch", "als ob", "als wenn".
CONJUNCTION_ALS = frozenset({"auch", "ob", "wenn", "dass", "daß"})
ACCUSATIVE_MASCULINE = frozenset({"den", "einen", "keinen"})


def refused(
    phrase: DingPhrase,
    indexes: Sequence[int],
    tagged: Sequence[TaggedToken],
    clause: range,
    dictionary: DingDictionary,
    verb: int | None,
) -> bool:
    """Whether ``phrase``, found on the tokens ``indexes`` of ``clause`` with its verb at
    ``verb`` (None for an expression without a verb), is no phrase there."""
    tokens = [tagged[i] for i in indexes]
    if verb is None:
        return (
            (tokens[-1].pos == "ART" and phrase.slots[-1].forms != VON_OR_GENITIVE)
            or any(token.pos.startswith("V") for token in tokens)
            or comparative_construction(tokens)
            or free_combination(phrase, tokens, dictionary)
            or contraction_unlike_phrase(phrase.text, indexes, tagged)
            or modal_particle_first(tokens)
        )
    return (
        belongs_to_another_verb(indexes, verb, tagged, clause)
        or reflexive_use(phrase, verb, tagged, clause)
        or not reflexive_agrees(indexes, tagged, clause)
        or not case_agrees(phrase, indexes, tagged)
        or modifies_an_adjective(phrase, indexes, tagged)
        or verb_of_motion(phrase, verb, tagged, clause)
        or serves_an_infinitive(phrase, verb, indexes, tagged, clause)
        or is_a_tense(phrase, verb, indexes, tagged)
        or compares(indexes, tagged)
        or not existential_agrees(phrase, indexes, verb, tagged, clause)
        or contraction_unlike_phrase(phrase.text, indexes, tagged)
        or not has_noun(phrase.slots)
        and (post_modifies(indexes, tagged) or preposition_in_next_conjunct(verb, indexes, tagged))
    )


def existential_agrees(
    phrase: DingPhrase,
    indexes: Sequence[int],
    verb: int,
    tagged: Sequence[TaggedToken],
    clause: range,
) -> bool:
    """Whether an "es gibt" found is the existential construction (not "er gibt es ihm")."""
    if phrase.slots != FINITE_PHRASES[EXISTENTIAL]:
        return True
    # Without a token "es" of its own, "es" is elided in the verb ("gibt's").
    es = next((i for i in indexes if tagged[i].text.casefold() == EXISTENTIAL_ES), verb)
    return existential_es(es, verb, tagged, clause)


def modal_particle_first(tokens: Sequence[TaggedToken]) -> bool:
    """Whether an expression of particles opens with "ja" ("ja auch", "ja nicht"): in the
    middle of a clause "ja" is the unstressed modal particle ("Liegt ja auch in der Natur"),
    while the dictionary's "ja auch" (but then again) and "ja nicht" (don't you dare) are
    stressed uses no tag can tell."""
    return tokens[0].text.casefold() == "ja" and all(
        token.pos.startswith(("ADV", "PTK")) for token in tokens
    )


def compares(indexes: Sequence[int], tagged: Sequence[TaggedToken]) -> bool:
    """Whether the match's "als" compares or joins ("mehr als erwartet", "sowohl … als
    auch", "als ob"): then it is no predicate of the verb ("als etw. gelten")."""
    for index in indexes:
        if tagged[index].text.casefold() != "als":
            continue
        following = tagged[index + 1].text.casefold() if index + 1 < len(tagged) else ""
        if following in CONJUNCTION_ALS or (
            index > 0 and comparative_construction((tagged[index - 1], tagged[index]))
        ):
            return True
    return False


def is_a_tense(
    phrase: DingPhrase, verb: int, indexes: Sequence[int], tagged: Sequence[TaggedToken]
) -> bool:
    """Whether the match is an auxiliary with a participle ("bezeichnet werden", "gegangen
    sein"): a passive or a perfect tense, not a phrase. The index refuses the participles it
    can tell by their form; the tagger tells the others ("bezeichnet")."""
    if not tagged[verb].pos.startswith("VA"):
        return False
    return any(i != verb and tagged[i].pos.startswith("VV(PP") for i in indexes)


def serves_an_infinitive(
    phrase: DingPhrase,
    verb: int,
    indexes: Sequence[int],
    tagged: Sequence[TaggedToken],
    clause: range,
) -> bool:
    """Whether a phrase without a noun has a modal verb that a full verb follows in its part
    of the clause: the modal is then that verb's auxiliary. A phrase of the modal with a
    verb of its own ("sein sollen": be said to be) is about that construction and stays."""
    if not tagged[verb].pos.startswith("VM") or has_noun(phrase.slots):
        return False
    if any(i != verb and tagged[i].pos.startswith("V") for i in indexes):
        return False
    for index in range(verb + 1, clause.stop):
        if tagged[index].pos == "KON":
            return False
        if tagged[index].pos.startswith("VV"):
            return True
    return False


def reflexive_agrees(indexes: Sequence[int], tagged: Sequence[TaggedToken], clause: range) -> bool:
    """Whether every reflexive pronoun of the match other than "sich" has its subject."""
    words = {tagged[i].text.casefold() for i in clause}
    for index in indexes:
        subject = REFLEXIVE_SUBJECTS.get(tagged[index].text.casefold())
        if subject is not None and subject not in words:
            return False
    return True


def _placeholder_cases(text: str) -> dict[str, str]:
    """The case each preposition before a placeholder governs in a phrase, where it shows
    ("auf jdn./etw." accusative, "bei jdm." dative)."""
    words = text.split()
    cases = {}
    for word, following in zip(words, words[1:], strict=False):
        parts = following.casefold().split("/")
        if any(part.startswith("jdn") for part in parts):
            cases[word.casefold()] = "accusative"
        elif any(part.startswith("jdm") for part in parts):
            cases[word.casefold()] = "dative"
    return cases


def _case_shown(index: int, tagged: Sequence[TaggedToken]) -> str | None:
    """The case a preposition at ``index`` shows in the sentence, or None where it does not."""
    for word in (
        tagged[index].text.casefold(),
        *(t.text.casefold() for t in tagged[index + 1 : index + 2]),
    ):
        if word in DATIVE_FORMS:
            return "dative"
        if word in ACCUSATIVE_FORMS:
            return "accusative"
    return None


def case_agrees(phrase: DingPhrase, indexes: Sequence[int], tagged: Sequence[TaggedToken]) -> bool:
    """Whether no preposition of the match shows another case than the phrase's."""
    cases = _placeholder_cases(phrase.text)
    if not cases:
        return True
    for index in indexes:
        token = tagged[index]
        if not token.pos.startswith("APPR"):
            continue
        wanted = cases.get(token.lemma.casefold()) or cases.get(token.text.casefold())
        shown = _case_shown(index, tagged)
        if wanted and shown and wanted != shown:
            return False
    return True


def modifies_an_adjective(
    phrase: DingPhrase, indexes: Sequence[int], tagged: Sequence[TaggedToken]
) -> bool:
    """Whether a word of a phrase without a noun stands right before an adjective that is
    not part of the phrase ("waren alle schön"): it modifies that adjective."""
    if has_noun(phrase.slots):
        return False
    return any(
        index + 1 < len(tagged)
        and index + 1 not in indexes
        and not tagged[index].pos.startswith(("V", "APPR", "PRF", "PPER"))
        and tagged[index + 1].pos.startswith("ADJ")
        for index in indexes
    )


def verb_of_motion(
    phrase: DingPhrase, verb: int, tagged: Sequence[TaggedToken], clause: range
) -> bool:
    """Whether a phrase without a noun has its verb beside an adverb of direction, in the
    verb's part of the clause (up to an "und", "aber", "sondern" either side)."""
    if has_noun(phrase.slots):
        return False
    phrase_words = {form for slot in phrase.slots for form in slot.forms}
    for step in (-1, 1):
        index = verb + step
        while index in clause and tagged[index].pos != "KON":
            folded = tagged[index].text.casefold()
            own = any(word.startswith(folded) for word in phrase_words)  # "hinauslaufen"
            if folded in DIRECTIONS and not own:
                return True
            index += step
    return False


def comparative_construction(tokens: Sequence[TaggedToken]) -> bool:
    """Whether the tokens are a comparative and "als" ("mehr als", "weniger als")."""
    if len(tokens) != 2 or tokens[1].text.casefold() != "als":
        return False
    first = tokens[0]
    folded = first.text.casefold()
    # The comparative may take an umlaut: groß → größer.
    return folded in COMPARATIVES or (
        first.pos.startswith(("ADJ", "ADV"))
        and folded.translate(UMLAUTS) == first.lemma.casefold().translate(UMLAUTS) + "er"
    )


def belongs_to_another_verb(
    indexes: Sequence[int], verb: int, tagged: Sequence[TaggedToken], clause: range
) -> bool:
    """Whether another full verb follows the phrase's first word other than its verb in
    the same clause (before an "und"/"oder"): the words before the verb at a clause's end
    are that verb's ("hörte Regentropfen auf das Fensterblech aufschlagen")."""
    # A reflexive pronoun stands by the finite verb ("fand er sich … verwandelt"): only a
    # preposition or a noun is placed by the verb it depends on.
    others = [i for i in indexes if tagged[i].pos.startswith(("APPR", "APPO", "N"))]
    if not others:
        return False
    for index in range(min(others) + 1, clause.stop):
        token = tagged[index]
        if token.pos == "KON":
            return False
        if token.pos.startswith("VV") and index not in indexes:
            return True
    return False


def reflexive_use(
    phrase: DingPhrase, verb: int, tagged: Sequence[TaggedToken], clause: range
) -> bool:
    """Whether the verb stands with "sich" right after it while the phrase, without "sich",
    gives its noun as the accusative ("den Blick … richten"): the verb is the reflexive one."""
    if any(slot.kind == "refl" for slot in phrase.slots):
        return False
    words = phrase.text.split()
    accusative = any(
        word.casefold() in ACCUSATIVE_MASCULINE and following[:1].isupper()
        for word, following in zip(words, words[1:], strict=False)
    )
    after = verb + 1
    return (
        accusative
        and after in clause
        and tagged[after].text.casefold() == REFLEXIVE
        and tagged[after].pos == "PRF"
    )
