"""Which Ding synonyms are fixed phrases, and the words a sentence must contain to hold one.

Ding lists idioms and verb–noun pairs as synonyms and sub-entries (``eine Rolle spielen``,
``jdn. unter Druck setzen``, ``etw. zur Kenntnis nehmen``). A phrase here is a synonym that,
once its annotations and valency placeholders are gone, has two to seven words, ends in a
verb's infinitive and holds at least one noun; example sentences (with a final ``.`` or a
comma) are left out. Each phrase becomes *slots*: the verb, its nouns (the anchors the index
looks phrases up by), its prepositions and other words. Articles, possessives, ``sich`` and
placeholders are no slots: any noun phrase or pronoun fills them. Contractions are read as
their preposition (``zur`` → ``zu``, ``ins`` → ``in``) on both sides.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass

from glossary.compounds import split_particle_verb
from glossary.ding_parse import PREPOSITIONS, VERB_MARKERS, DingLine, is_placeholder

MIN_WORDS = 2
MAX_WORDS = 7
SlotKind = str  # "verb", "noun", "prep", "word", "refl"; "seq" for a fixed expression's words
MAX_EXPRESSION_WORDS = 5
ADJECTIVE_ENDINGS = ("e", "en", "er", "es", "em")
ENDINGS_GIVEN = "e/r/s"
INFLECTIONS = ("", *ADJECTIVE_ENDINGS)
NOUN_MARKERS = frozenset({"m", "f", "n", "pl"})
# Words that carry no meaning of their own: an expression of these alone ("mit der", "dass
# das") is grammar any sentence has, and one that starts with a pronoun or "und" is a
# fragment of an example ("ich will", "und die").
FUNCTION_WORDS = frozenset(
    "der die das den dem des ein eine einen einem einer eines dass ob wenn als wie und oder"
    " aber denn sondern ich du er sie es wir ihr man sich mich dich uns euch ohne außer statt"
    " seit bis trotz während".split()
)
AUXILIARIES = frozenset({"sein", "haben", "werden"})
PREDICATIVE_ALS = "als"
EXISTENTIAL_ES = "es"
DEFINITE = frozenset({"der", "die", "das", "den", "dem", "des"})
FRAGMENT_STARTS = frozenset("ich du er sie es wir ihr man und oder aber".split())
# Forms a reflexive pronoun takes in a sentence ("freut sich", "ich freue mich").
REFLEXIVES = ("sich", "mich", "dich", "uns", "euch", "mir", "dir")
# A contraction read word for word in a fixed expression ("im Vorfeld" = "in dem Vorfeld").
EXPANDED = {
    "zur": ("zu", "der"),
    "zum": ("zu", "dem"),
    "im": ("in", "dem"),
    "ins": ("in", "das"),
    "am": ("an", "dem"),
    "ans": ("an", "das"),
    "vom": ("von", "dem"),
    "beim": ("bei", "dem"),
}

# What stands for "von jdm./etw." after a noun: "von", or an article in the genitive.
VON_OR_GENITIVE = ("von", "vom", "des", "der", "eines", "einer")
ARTICLES = frozenset("der die das den dem des ein eine einen einem einer eines".split())
POSSESSIVE_STEMS = ("mein", "dein", "sein", "ihr", "unser", "euer", "eur")
CONTRACTIONS = {
    "zur": "zu",
    "zum": "zu",
    "ins": "in",
    "im": "in",
    "am": "an",
    "ans": "an",
    "vom": "von",
    "beim": "bei",
    "aufs": "auf",
    "durchs": "durch",
    "fürs": "für",
    "übers": "über",
    "unters": "unter",
    "ums": "um",
    "vors": "vor",
    "hinters": "hinter",
}
# Capitalised pronouns ("Sie werden") are no nouns: they would anchor a phrase on any "sie".
PRONOUNS = frozenset("sie ihr ihnen ihre ihren ihrem ihrer ich du er es wir man".split())
NOTE = re.compile(r"\(([^()]*)\)")
PLACEHOLDER_IN_NOTE = re.compile(r"\b(?:etw|jdn|jdm|jds|jd|sich)\b")
EXAMPLE_SIGNS = (",", "…", "...", "?", "!", ".", '"', "„", "“", ":")


@dataclass(frozen=True)
class Slot:
    """One word a sentence must contain for a phrase: its accepted forms and its kind."""

    forms: tuple[str, ...]
    """Lower-cased forms that fill it (alternatives written with a slash, contractions read)."""
    kind: SlotKind
    """verb (the infinitive at the end), noun, prep, word, refl (``sich``), or seq (a word of a
    fixed expression, matched in order and without a gap)."""


# Phrases the dictionary gives with a finite verb, not an infinitive: "es gibt" (there is)
# is the existential construction of German, in any tense and order ("gab es", "es hat …
# gegeben"); its subject is checked in :func:`glossary.clause_syntax.existential_es`.
FINITE_PHRASES = {"es gibt": (Slot((EXISTENTIAL_ES,), "word"), Slot(("geben",), "verb"))}


def normalise_word(word: str) -> str:
    """A word folded for matching: lower case, a contraction read as its preposition."""
    folded = word.casefold()
    return CONTRACTIONS.get(folded, folded)


def _is_optional(word: str, last: bool) -> bool:
    folded = word.casefold()
    if is_placeholder(word) or folded in ARTICLES:
        return True
    if folded == "sich":
        return True
    return not last and folded.startswith(POSSESSIVE_STEMS) and len(folded) <= 7


def phrase_slots(text: str, verbs: frozenset[str] | None = None) -> tuple[Slot, ...] | None:
    """The slots of a phrase (annotations dropped), or None when it is not a fixed phrase.

    A verb phrase with a noun needs its nouns, words and verb; one without a noun
    (``sich freuen``, ``sich um etw. handeln``, ``verloren gehen``) also needs ``sich`` and the
    prepositions of its placeholders, else it would be the bare verb.
    """
    if text in FINITE_PHRASES:
        return FINITE_PHRASES[text]
    slots = _verb_slots(text, False, verbs)
    if slots is not None and has_noun(slots):
        return slots
    slots = _verb_slots(text, True, verbs)
    if slots is not None and len(slots) >= MIN_WORDS:
        return slots
    return expression_slots(text, verbs)


def expression_slots(text: str, verbs: frozenset[str] | None = None) -> tuple[Slot, ...] | None:
    """The words of a fixed expression without a verb (``unter anderem``, ``im Vorfeld``).

    Every word is a slot, articles too, contractions read word for word; a placeholder at
    either end is dropped (``im Vergleich zu etw.``), one inside makes no expression.
    """
    words = text.split()
    # "nach Angaben von jdm." is as often "nach Angaben der Polizei": a "von" before a final
    # placeholder may be a genitive article in the sentence.
    genitive = len(words) >= 4 and words[-2] == "von" and is_placeholder(words[-1])
    while words and is_placeholder(words[-1]):
        words.pop()
    while words and is_placeholder(words[0]):
        words.pop(0)
    # "so genannte/r/s": an adjective given with its endings is matched in any of them.
    inflected = {i for i, word in enumerate(words) if word.endswith(ENDINGS_GIVEN)}
    words = [
        word.removesuffix(ENDINGS_GIVEN[1:]) if i in inflected else word
        for i, word in enumerate(words)
    ]
    if any(sign in word for word in words for sign in (*EXAMPLE_SIGNS, "/")):
        return None
    if not MIN_WORDS <= len(words) <= MAX_EXPRESSION_WORDS or (
        _looks_infinitive(words[-1], verbs) and not genitive
    ):
        return None  # a verb phrase refused above ("in sein") is no expression either
    slots = _expression_words(words)
    if slots is None:
        return None
    if inflected:
        return _inflected(slots, inflected, len(words))
    if genitive and words[0].casefold() in PREPOSITIONS:
        slots[-1] = Slot(VON_OR_GENITIVE, "seq")
    return tuple(slots)


def _expression_words(words: list[str]) -> list[Slot] | None:
    """The slots of an expression's words, or None when they are grammar or a noun phrase."""
    forms: list[str] = []
    kinds: list[str] = []
    for word in words:
        folded = word.casefold()
        expanded = EXPANDED.get(folded, (folded,))
        forms.extend(expanded)
        # A capitalised word must be a noun in the sentence ("im Kleinen" ≠ "im kleinen Wald").
        kinds.extend(["seq-noun" if word[:1].isupper() else "seq"] * len(expanded))
    if not all(form.isalpha() and not is_placeholder(form) for form in forms):
        return None
    if (
        forms[0] in FRAGMENT_STARTS
        or forms[0] in DEFINITE
        or all(form in FUNCTION_WORDS or form in PREPOSITIONS for form in forms)
    ):
        return None
    # A noun with its attribute ("rote Karte") is a headword, not an expression: at least one
    # word must be neither capitalised nor an article.
    if all(word[:1].isupper() or word.casefold() in ARTICLES for word in words):
        return None
    if len(words) == MIN_WORDS and words[1][:1].isupper() and words[0].endswith(ADJECTIVE_ENDINGS):
        return None  # an adjective and its noun ("polizeiliche Maßnahmen") is a noun phrase
    return [Slot((form,), kind) for form, kind in zip(forms, kinds, strict=True)]


def _inflected(slots: list[Slot], inflected: set[int], words: int) -> tuple[Slot, ...] | None:
    """The slots with each adjective given as "…e/r/s" accepting all its endings."""
    if len(slots) != words:
        return None  # a contraction moved the positions
    if all(slot.forms[0] in ARTICLES for i, slot in enumerate(slots) if i not in inflected):
        return None  # "ein knappe/r/s" is an article and an adjective, no expression
    for index in inflected:
        base = slots[index].forms[0].removesuffix("e")
        slots[index] = Slot(tuple(base + ending for ending in INFLECTIONS), slots[index].kind)
    return tuple(slots)


def has_noun(slots: tuple[Slot, ...]) -> bool:
    """Whether a verb phrase has a noun among its slots (without one, its other words are
    function words that must stand near the verb)."""
    return any(slot.kind == "noun" for slot in slots)


def is_expression(slots: tuple[Slot, ...]) -> bool:
    """Whether the slots are a fixed expression's words (matched word for word)."""
    return bool(slots) and slots[0].kind.startswith("seq")


def _looks_infinitive(word: str, verbs: frozenset[str] | None = None) -> bool:
    """Whether a phrase's last word is a verb's infinitive: one of ``verbs`` (the dictionary's,
    when the index is built), else any lower-case word in -n ("bisschen" and "oben" are
    then verbs too, which is why the index passes the dictionary's verbs)."""
    if not (word.isalpha() and word.islower() and word.endswith("n")):
        return False
    return (
        verbs is None
        or word in verbs
        or split_particle_verb(word, verbs.__contains__) is not None  # herumknabbern
    )


def phrase_anchors(slots: tuple[Slot, ...]) -> set[str]:
    """The index keys a phrase is found by: a fixed expression by its first two words, a verb
    phrase by its nouns, else by its other words, else by its verb."""
    if is_expression(slots):
        return {f"{first} {second}" for first in slots[0].forms for second in slots[1].forms}
    for kinds in (("noun",), ("word",), ("verb",)):
        anchors = {form for slot in slots if slot.kind in kinds for form in slot.forms}
        if anchors:
            return anchors
    return set()


def _verb_slots(
    text: str, keep_valency: bool, verbs: frozenset[str] | None
) -> tuple[Slot, ...] | None:
    if not text or any(sign in text for sign in EXAMPLE_SIGNS[:2]) or text.endswith(EXAMPLE_SIGNS):
        return None
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return None
    verb = words[-1]
    if not _looks_infinitive(verb, verbs):
        return None
    optional = _alternative_objects(words)
    slots: list[Slot] = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        if keep_valency and word == "sich":
            slots.append(Slot(REFLEXIVES, "refl"))
            continue
        if index in optional or _is_optional(word, last):
            continue
        following = words[index + 1] if not last else ""
        if word.casefold() in PREPOSITIONS and is_placeholder(following) and not keep_valency:
            continue  # "die Weichen für etw. stellen": "für" belongs to the placeholder
        forms = tuple(normalise_word(part) for part in word.split("/") if part)
        if not forms or not all(form.replace("-", "").isalpha() for form in forms):
            return None
        slots.append(Slot(forms, _kind(word, forms[0], last)))
    if not slots or slots[-1].kind != "verb" or slots[-1].forms[0] in FUNCTION_WORDS:
        return None
    if keep_valency and not _meaningful(slots):
        return None
    return tuple(slots)


def _alternative_objects(words: list[str]) -> set[int]:
    """The words of alternatives spanning an article ("die Sache/den Fall/den Stein ins
    Rollen bringen"): an object slot like a placeholder, dropped with the words around them."""
    optional = set()
    for index, word in enumerate(words):
        if "/" in word and any(part.casefold() in ARTICLES for part in word.split("/")):
            optional.update({index - 1, index, index + 1})
    return optional


def _kind(word: str, form: str, last: bool) -> SlotKind:
    """The kind of a verb phrase's slot: its last word the verb, a capitalised word a noun."""
    if last:
        return "verb"
    if word[:1].isupper() and form not in PRONOUNS:
        return "noun"
    return "prep" if form in PREPOSITIONS else "word"


def _meaningful(slots: list[Slot]) -> bool:
    """Whether a verb phrase without a noun is more than grammar: no pronoun for a word
    ("Wir hoffen"), and with an auxiliary a word that is no participle ("verschwunden
    sein" is a tense) and not only prepositions ("bei jdm. sein")."""
    words = [slot.forms[0] for slot in slots if slot.kind == "word"]
    # "als" of a predicate ("jdn. als etw. bezeichnen", "als etw. gelten") is the verb's
    # valency, as a preposition is; any other function word makes grammar.
    if any(word in FUNCTION_WORDS and word != PREDICATIVE_ALS for word in words):
        return False
    if slots[-1].forms[0] not in AUXILIARIES:
        return True
    return bool(words) and not any(
        word.endswith("en") or (word.startswith("ge") and word.endswith("t")) for word in words
    )


def line_phrases(
    line: DingLine, verbs: frozenset[str] | None = None
) -> list[tuple[int, int, str, tuple[Slot, ...]]]:
    """Every phrase of a line: (sub-entry, synonym position, text, slots).

    A phrase in a later sub-entry counts only when the English sub-entries pair with the
    German ones, so its English is known.
    """
    found = []
    for sub_index, synonyms in enumerate(line.synonyms):
        if sub_index and not line.pairs:
            continue
        for position, synonym in enumerate(synonyms):
            # "einen Zeitplan aufstellen, die Weichen stellen": a comma between phrases. A
            # part of words that is no phrase makes the whole an example or an explanation; a
            # single word is a synonym of its own ("kaum, nicht viel"), and "…" a template
            # ("Alarm schlagen, wenn …").
            parts = synonym.cased.split(", ")
            parsed = [(part, phrase_slots(part, verbs)) for part in parts]
            if len(parts) > 1 and any(
                slots is None and " " in part and not part.endswith("…") for part, slots in parsed
            ):
                continue
            for part, slots in parsed:
                if slots and is_expression(slots) and NOUN_MARKERS.intersection(synonym.markers):
                    continue  # "rote Karte {f}" is a noun, found as a word
                if slots is not None:
                    found.append((sub_index, position, part, slots))
    return found


def is_restricted(synonym: str) -> bool:
    """Whether a synonym as written carries a note restricting its subject or use: a
    parenthesised note of several words or a capitalised one, without a placeholder ("(eine
    Veranstaltung besuchen)", "(Gerät)", "(Sache)"); "(richtig)" and "(über etw.)" are an
    optional word and a valency, no restriction."""
    for note in NOTE.findall(synonym):
        if not PLACEHOLDER_IN_NOTE.search(note) and (" " in note.strip() or note[:1].isupper()):
            return True
    return False


def slots_to_json(slots: tuple[Slot, ...]) -> str:
    """Slots as compact JSON for the index."""
    return json.dumps([[list(slot.forms), slot.kind] for slot in slots], ensure_ascii=False)


def slots_from_json(text: str) -> tuple[Slot, ...]:
    """Slots read back from the index."""
    return tuple(Slot(tuple(forms), kind) for forms, kind in json.loads(text))


def infinitives(lines: Iterable[DingLine]) -> frozenset[str]:
    """Every verb the dictionary gives as a headword: the last word of each synonym of a line's
    first sub-entry marked as a verb ("sich weigern {vr}" gives "weigern")."""
    verbs = set()
    for line in lines:
        head = line.synonyms[0] if line.synonyms else ()
        # Ding writes the markers once, after the sub-entry's last synonym.
        if not any(VERB_MARKERS.intersection(synonym.markers) for synonym in head):
            continue
        for synonym in head:
            last = synonym.cased.split()[-1] if synonym.cased else ""
            if last.isalpha() and last.islower():
                verbs.add(last)
    return frozenset(verbs)
