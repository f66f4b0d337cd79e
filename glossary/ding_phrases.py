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
from dataclasses import dataclass

from glossary.ding_parse import PREPOSITIONS, DingLine, is_placeholder

MIN_WORDS = 2
MAX_WORDS = 7
SlotKind = str  # "verb", "noun", "prep", "word"

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
EXAMPLE_SIGNS = (",", "…", "...", "?", "!", ".", '"', "„", "“", ":")


@dataclass(frozen=True)
class Slot:
    """One word a sentence must contain for a phrase: its accepted forms and its kind."""

    forms: tuple[str, ...]
    """Lower-cased forms that fill it (alternatives written with a slash, contractions read)."""
    kind: SlotKind
    """verb (the infinitive at the end), noun, prep or word."""


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


def phrase_slots(text: str) -> tuple[Slot, ...] | None:
    """The slots of a phrase (annotations dropped), or None when it is not a fixed phrase."""
    if not text or any(sign in text for sign in EXAMPLE_SIGNS[:2]) or text.endswith(EXAMPLE_SIGNS):
        return None
    words = text.split()
    if not MIN_WORDS <= len(words) <= MAX_WORDS:
        return None
    verb = words[-1]
    if not (verb.isalpha() and verb.islower() and verb.endswith("n")):
        return None
    # "die Sache/den Fall/den Stein ins Rollen bringen": alternatives spanning an article are
    # an object slot like a placeholder; the words around them are dropped.
    optional = set()
    for index, word in enumerate(words):
        if "/" in word and any(part.casefold() in ARTICLES for part in word.split("/")):
            optional.update({index - 1, index, index + 1})
    slots: list[Slot] = []
    for index, word in enumerate(words):
        last = index == len(words) - 1
        if index in optional or _is_optional(word, last):
            continue
        following = words[index + 1] if not last else ""
        if word.casefold() in PREPOSITIONS and is_placeholder(following):
            continue  # "die Weichen für etw. stellen": "für" belongs to the placeholder
        forms = tuple(normalise_word(part) for part in word.split("/") if part)
        if not forms or not all(form.replace("-", "").isalpha() for form in forms):
            return None
        if last:
            kind = "verb"
        elif word[:1].isupper() and forms[0] not in PRONOUNS:
            kind = "noun"
        elif forms[0] in PREPOSITIONS:
            kind = "prep"
        else:
            kind = "word"
        slots.append(Slot(forms, kind))
    if len(slots) < MIN_WORDS or not any(slot.kind == "noun" for slot in slots):
        return None
    return tuple(slots)


def line_phrases(line: DingLine) -> list[tuple[int, int, str, tuple[Slot, ...]]]:
    """Every phrase of a line: (sub-entry, synonym position, text, slots).

    A phrase in a later sub-entry counts only when the English sub-entries pair with the
    German ones, so its English is known.
    """
    found = []
    for sub_index, synonyms in enumerate(line.synonyms):
        if sub_index and not line.pairs:
            continue
        for position, synonym in enumerate(synonyms):
            # "einen Zeitplan aufstellen, die Weichen stellen": a comma between phrases.
            for part in synonym.cased.split(", "):
                slots = phrase_slots(part)
                if slots is not None:
                    found.append((sub_index, position, part, slots))
    return found


def slots_to_json(slots: tuple[Slot, ...]) -> str:
    """Slots as compact JSON for the index."""
    return json.dumps([[list(slot.forms), slot.kind] for slot in slots], ensure_ascii=False)


def slots_from_json(text: str) -> tuple[Slot, ...]:
    """Slots read back from the index."""
    return tuple(Slot(tuple(forms), kind) for forms, kind in json.loads(text))
