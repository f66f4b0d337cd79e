"""Today's spelling of a word written in 18th/19th-century German (theilt → teilt).

Texts from before the spelling reform of 1901 (Schiller's letters, Goethe, old newspapers)
write many words the dictionary knows under another spelling. The correspondences are
regular; this table holds the ones the reforms of 1876-1901 (and of 1996 for ß/ss) made:

- ``th`` → ``t`` (theilen, That, Noth, Muth; the reform kept it only in loanwords);
- ``ey`` → ``ei`` and ``ay`` → ``ai`` (seyn, beyde, dabey, Mayn);
- ``y`` → ``i`` after a consonant (Sylbe, Cyder);
- ``C`` → ``K`` and ``c`` → ``k`` before a, o, u, l, r and at the end (Crise, Cultur, Caffee);
- ``ß`` ↔ ``ss`` (daß → dass; Schluß → Schluss, and back for reform-lost forms);
- a single consonant after a vowel doubled where today's spelling doubles it
  (Hofnung → Hoffnung).

Variants are tried only when the word as written is not found, so a word the dictionary has
is never respelt. Hand-written because no maintained library maps historical German spelling
(the normalisers of historical corpora, such as CAB or Norma, are research tools with models
of their own, not packages).
"""

from __future__ import annotations

import itertools
import re

# (old, new) substitutions of whole letter groups, applied together or singly.
GROUP_RULES: tuple[tuple[re.Pattern[str], str], ...] = (
    (re.compile(r"th"), "t"),
    (re.compile(r"Th"), "T"),
    (re.compile(r"ey"), "ei"),
    (re.compile(r"ay"), "ai"),
    (re.compile(r"(?<=[^aeiouAEIOU])y"), "i"),
    (re.compile(r"C(?=[aoulr])"), "K"),
    (re.compile(r"c(?=[aoulr]|$)"), "k"),
    (re.compile(r"ß"), "ss"),
    (re.compile(r"ss"), "ß"),
)
# Consonants today's spelling often doubles where old texts wrote one (Hofnung).
DOUBLED = frozenset("fklmnprt")
MAX_WORD = 30
MAX_VARIANTS = 40


def has_old_letters(word: str) -> bool:
    """Whether ``word`` has a letter group of the old spelling (th, ey, C, ß...), not only
    a consonant today's spelling might double."""
    return any(pattern.search(word) for pattern, _ in GROUP_RULES)


def spelling_variants(word: str) -> tuple[str, ...]:
    """Today's candidate spellings of ``word``, most likely first; never ``word`` itself."""
    if len(word) > MAX_WORD or not word.replace(".", "").isalpha():
        return ()
    applicable = [(pattern, new) for pattern, new in GROUP_RULES if pattern.search(word)]
    variants: list[str] = []
    # Every combination of the group rules, the fullest first: an old word usually needs all.
    for size in range(len(applicable), 0, -1):
        for rules in itertools.combinations(applicable, size):
            variant = word
            for pattern, new in rules:
                variant = pattern.sub(new, variant)
            variants.append(variant)
    for base in [*variants, word] if variants else [word]:
        variants.extend(_doubled(base))
    unique = list(dict.fromkeys(v for v in variants if v != word))
    return tuple(unique[:MAX_VARIANTS])


def _doubled(word: str) -> list[str]:
    """``word`` with one single consonant after a vowel doubled, one variant per place."""
    found = []
    for index in range(1, len(word) - 1):
        letter = word[index]
        if letter not in DOUBLED or word[index - 1] == letter or word[index + 1] == letter:
            continue
        if word[index - 1] in "aeiouäöü":  # a doubled consonant follows a short vowel
            found.append(word[: index + 1] + letter + word[index + 1 :])
    return found
