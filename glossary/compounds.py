"""Splitting a German compound into parts Ding knows (Angriffskrieg → Angriff + Krieg).

German compounds are right-headed: the last part is a noun (or, for an adjective, an
adjective) and the parts before it modify it, each perhaps with a linking element (-s-,
-es-, -n-, -en-, -er-) or a dropped final -e (Schulbuch: Schule) or the -en of a verb
(Drohbrief: drohen). The split chosen has the fewest parts, then the longest head; every part
must be a Ding headword of a content word (a noun, adjective or verb; not a preposition, so
"Vorsicht" is no "vor" + "Sicht"), so a part is never a fragment like "droh". A head written
in the plural (Eisenbahnpartisanen) is shown as its singular headword. Written here because
the libraries that split German compounds (CharSplit and its kin) guess from n-gram
statistics and need no dictionary, which is what gives fragments.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import cache

MIN_PART = 3
MIN_PART_OF_KNOWN_WORD = 4
MAX_PARTS = 4
MAX_WORD = 60
# What may join a modifier to the next part, longest first.
LINKS = ("ens", "es", "en", "er", "s", "n", "e", "")
# What a modifier may have lost: the -e of a noun, the -en or -n of a verb.
RESTORED = ("", "e", "en", "n")


@dataclass(frozen=True)
class Part:
    """One part of a compound: as written in the word and as the dictionary's headword."""

    written: str
    """The letters of the compound it covers, linking element included (Angriffs)."""
    headword: str
    """The dictionary word it stands for (Angriff)."""


# A lookup of a candidate part: the headword it stands for (case as the dictionary writes it,
# a plural brought to its singular), or None when it is no content word the dictionary knows.
Known = Callable[[str], str | None]


class _Modifiers:
    """The front of a compound as one or more modifiers, each maybe with a link, kept per
    text (the same fronts are tried for every cut of the head)."""

    def __init__(self, known: Known, minimum: int) -> None:
        self.known = known
        self.minimum = minimum
        self.split = cache(self._split)

    def single(self, text: str) -> Part | None:
        """``text`` as one known modifier with its link (Staats-, Kinder-), or None."""
        for link in LINKS:
            if link and not text.endswith(link):
                continue
            stem = text[: len(text) - len(link)] if link else text
            if len(stem) < self.minimum:
                continue
            for restored in RESTORED:
                found = self.known(stem[:1].upper() + stem[1:] + restored)
                found = found or self.known(stem.lower() + restored)  # groß, drohen
                if found is not None:
                    return Part(text, found)
        return None

    def _split(self, text: str, depth: int) -> tuple[Part, ...] | None:
        """``text`` as one or more modifiers, fewest parts first, or None."""
        single = self.single(text)
        if single is not None:
            return (single,)
        if depth + 1 >= MAX_PARTS:
            return None
        best: tuple[Part, ...] | None = None
        for cut in range(len(text) - self.minimum, self.minimum - 1, -1):
            tail = self.split(text[cut:], depth + 1)
            if tail is None or len(tail) != 1:
                continue
            front = self.split(text[:cut], depth + 1)
            if front is not None and (best is None or len(front) + 1 < len(best)):
                best = (*front, *tail)
        return best


def split_compound(word: str, known: Known, is_known_word: bool = False) -> tuple[Part, ...]:
    """The parts of ``word`` (at least two), or () when it is no compound of known words."""
    if not word.isalpha() or len(word) > MAX_WORD or len(word) < 2 * MIN_PART:
        return ()
    minimum = MIN_PART_OF_KNOWN_WORD if is_known_word else MIN_PART
    head_first = word[:1].isupper()
    modifiers = _Modifiers(known, minimum)
    best: tuple[Part, ...] = ()
    for cut in range(minimum, len(word) - minimum + 1):
        head_text = word[cut:]
        head = known(head_text[:1].upper() + head_text[1:] if head_first else head_text)
        if head is None:
            continue
        front = modifiers.split(word[:cut], 1)
        if front is None:
            continue
        candidate = (*front, Part(head_text, head))
        if not best or len(candidate) < len(best):
            best = candidate
    return best if len(best) >= 2 else ()


# Verb particles and prefixes, longest first so "davon" wins over "da" (Duden's list of
# separable particles, with the inseparable prefixes be-, ent-, er-, ver-, zer-).
VERB_PARTICLES = tuple(
    sorted(
        (
            "ab an auf aus bei da dar davon daher dahin daran darauf daraus darein darüber"
            " dazu dazwischen durch ein einher empor entgegen entlang fest fort gegenüber"
            " her herab heran herauf heraus herbei herein herüber herum herunter hervor"
            " hin hinab hinauf hinaus hinein hinüber hinunter hinweg hinzu inne los mit nach"
            " nieder über um unter vor voran voraus vorbei vorüber weg weiter wieder"
            " zu zurecht zurück zusammen auseinander beisammen be ent er ver zer"
        ).split(),
        key=len,
        reverse=True,
    )
)
MIN_BASE_VERB = 4


def split_particle_verb(verb: str, known_verb: Callable[[str], bool]) -> tuple[str, str] | None:
    """(particle, base verb) of a particle verb the dictionary lacks (davonwehen → wehen)."""
    if not verb.isalpha() or not verb.islower() or not verb.endswith("n") or len(verb) > MAX_WORD:
        return None
    for particle in VERB_PARTICLES:
        base = verb[len(particle) :]
        if verb.startswith(particle) and len(base) >= MIN_BASE_VERB and known_verb(base):
            return particle, base
    return None
