"""Sub-entries of a word's dictionary lines that stand, word for word, in its sentence.

Ding lists fixed uses of a word as later sub-entries of the word's own line ("im Vergleich
zu" on the line of "Vergleich", "unter anderem" on "anderer"). A sub-entry whose words all
occur in the sentence, in order, around the word looked up and within one clause, is the
sense the sentence uses: it is shown before the word's plain senses. Words match as written
or by their lemma ("unter Kontrolle bringen" in "… unter Kontrolle gebracht"); placeholders
(jdn., etw.) are dropped and a gap of a few tokens is allowed for them. Complements the
phrase detection of :mod:`glossary.phrases` (which finds phrases by their nouns anywhere in
the clause): this looks only at the lines the word itself was found on.
"""

from __future__ import annotations

import weakref
from collections.abc import Sequence

from glossary.ding_index import DingDictionary, DingSense
from glossary.lemmas import TaggedToken

# Tokens a fixed phrase does not run across.
CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "!", "?", "—", "–", "(", ")", '"', "„", "“"})
MAX_GAP = 2
# Subject pronouns a phrase may open with ("es gibt"); "…" in a phrase stands for anything.
SUBJECT_PRONOUNS = frozenset({"es", "ich", "du", "er", "sie", "wir", "ihr", "man"})
ANYTHING = frozenset({"…", "..."})
MIN_WORDS = 2
MAX_WORDS = 6
MAX_LINES = 12
MAX_FOUND = 3


def sub_entries_in_sentence(
    dictionary: DingDictionary,
    senses: Sequence[DingSense],
    tagged: Sequence[TaggedToken],
    token_index: int,
) -> tuple[DingSense, ...]:
    """The sub-entries of the lines of ``senses`` found around token ``token_index``."""
    forms = [_forms(token) for token in tagged]
    found: list[tuple[int, DingSense]] = []
    seen: set[tuple[int, int]] = set()
    lines = list(dict.fromkeys(sense.line for sense in senses))[:MAX_LINES]
    here = forms[token_index]
    for line in lines:
        for sub_index, words, position in _candidates(dictionary, line):
            if (line, sub_index) in seen or here.isdisjoint(words):
                continue
            if not _stands_around(words, forms, tagged, token_index):
                continue
            entry = dictionary.entry(line)
            if entry is None:
                continue
            seen.add((line, sub_index))
            synonym = entry.synonyms[sub_index][position]
            sense = DingSense(
                headword=entry.german[0].strip(),
                german=entry.german[sub_index].strip(),
                english=entry.english_for(sub_index),
                head_english=entry.english[0].strip(),
                markers=synonym.markers,
                line=line,
                form=synonym.cased,
            )
            found.append((-len(words), sense))
    found.sort(key=lambda pair: pair[0])
    return tuple(sense for _, sense in found[:MAX_FOUND])


# Per dictionary, each line's sub-entries of a few words: parsed once, met at every lookup.
_CANDIDATES: weakref.WeakKeyDictionary[
    DingDictionary, dict[int, tuple[tuple[int, tuple[str, ...], int], ...]]
] = weakref.WeakKeyDictionary()
MAX_CACHED_LINES = 50_000


def _candidates(
    dictionary: DingDictionary, line: int
) -> tuple[tuple[int, tuple[str, ...], int], ...]:
    """(sub-entry, its words, synonym position) for each synonym of a few words on ``line``."""
    cache = _CANDIDATES.setdefault(dictionary, {})
    cached = cache.get(line)
    if cached is not None:
        return cached
    entry = dictionary.entry(line)
    found = []
    if entry is not None:
        for sub_index in range(len(entry.german)):
            for position, synonym in enumerate(entry.synonyms[sub_index]):
                words = tuple(w for w in synonym.bare.split() if w not in ANYTHING)
                if MIN_WORDS <= len(words) <= MAX_WORDS:
                    found.append((sub_index, words, position))
    if len(cache) >= MAX_CACHED_LINES:
        cache.clear()
    cache[line] = cached = tuple(found)
    return cached


def _forms(token: TaggedToken) -> set[str]:
    """The token as written and as its lemma; an elided "gibt's" also as "gibt"."""
    text = token.text.casefold()
    forms = {text, token.lemma.casefold()}
    if text.endswith("'s"):
        forms.add(text[:-2])
    return forms


def _stands_around(
    words: Sequence[str],
    forms: Sequence[set[str]],
    tagged: Sequence[TaggedToken],
    token_index: int,
) -> bool:
    """Whether ``words`` occur in order in the clause, one of them at ``token_index``.

    A phrase that opens with its subject pronoun ("es gibt") also stands inverted, as a
    main clause puts it after the verb when something else comes first ("Auch gibt es …");
    an elided "'s" carries the "es" in the token itself ("gibt's").
    """
    readings = [list(words)]
    if len(words) >= MIN_WORDS and words[0] in SUBJECT_PRONOUNS:
        readings.append([words[1], words[0], *words[2:]])
    if tagged[token_index].text.casefold().endswith("'s"):
        readings = [[w for w in reading if w != "es"] or reading for reading in readings]
    return any(_in_order(reading, forms, tagged, token_index) for reading in readings)


def _in_order(
    words: Sequence[str],
    forms: Sequence[set[str]],
    tagged: Sequence[TaggedToken],
    token_index: int,
) -> bool:
    for anchor, word in enumerate(words):
        if word not in forms[token_index]:
            continue
        if _match(words[anchor + 1 :], forms, tagged, token_index, 1) and _match(
            words[:anchor][::-1], forms, tagged, token_index, -1
        ):
            return True
    return False


def _match(
    words: Sequence[str],
    forms: Sequence[set[str]],
    tagged: Sequence[TaggedToken],
    start: int,
    step: int,
) -> bool:
    """Whether ``words`` follow ``start`` in direction ``step``, each within a short gap."""
    position = start
    for word in words:
        for gap in range(MAX_GAP + 1):
            position += step
            if not 0 <= position < len(tagged) or tagged[position].text in CLAUSE_BREAKS:
                return False
            if word in forms[position]:
                break
            if gap == MAX_GAP:
                return False
        else:
            return False
    return True
