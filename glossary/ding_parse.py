"""Reading one line of the Ding dictionary: sub-entries, synonyms, markers, placeholders.

A line is ``German :: English``; both sides split on `` | `` into parallel sub-entries (the
headword, its forms, then phrases and examples that use it), and a sub-entry splits on ``;``
into synonyms. A ``;`` may stand inside a marker (``zufolge {prp; +Dat.}``) or a gloss, so
synonyms are split only at the bracket depth zero. Annotations (``{vt}``, ``[pol.]``,
``(gloss)``, ``<variant>``, ``/Abk./``) are kept for display and dropped for keys. Valency
placeholders (``etw.``, ``jdn.``, ``sich``, ``einen Ort``, ``gegen etw.``, ``jdn./etw.``) are
dropped for the *bare* key, so ``sich weigern {vr}`` is found under "weigern". The format is
described in the project's shared notes (ding-format.md). Written by hand: no library reads
Ding's syntax.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import overload

# {m} {pl} {vt}, [pol.], (gloss), <variant>, /abbr./: kept for display, dropped for the key.
# An abbreviation stands between spaces: "Sache/den Fall/den Stein" are alternatives.
ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|(?<!\S)/[^/\s][^/]*/(?!\S)")
MARKER = re.compile(r"\{([^}]*)\}")
SPACES = re.compile(r"\s+")
# An abbreviation Ding gives beside a word (``und {conj} /u./``, ``beziehungsweise /bzw./``).
ABBREVIATION = re.compile(r"(?<!\S)/([^/\s][^/]*)/(?!\S)")
BRACKETED = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>")
# One valency placeholder word, or several joined by slashes (jdn./etw., jdm./einer).
PLACEHOLDER_WORD = re.compile(
    r"^(?:etw|jdn|jdm|jds|jd|sich|einer?|einem|einen)\.?(?:/(?:etw|jdn|jdm|jds|jd|sich|einer?|einem|einen)\.?)*$"
)
ABBREVIATED_PLACEHOLDERS = frozenset({"etw.", "jdn.", "jdm.", "jds.", "jd.", "sich"})
# Nouns that stand for "a thing / a place" after an article in a placeholder.
PLACEHOLDER_NOUNS = frozenset({"sache", "ort", "person"})
# A preposition right before a placeholder belongs to it (gegen etw. vorgehen → vorgehen).
# The markers of a verb's sub-entry: transitive, intransitive, reflexive, or just "verb".
VERB_MARKERS = frozenset({"vt", "vi", "vr", "v"})
PREPOSITIONS = frozenset(
    "an auf aus bei durch für gegen gegenüber hinter in mit nach neben über um unter von vor"
    " wegen zu zwischen".split()
)


@dataclass(frozen=True)
class Synonym:
    """One synonym of a sub-entry: its text as written and the keys it is found by."""

    text: str
    """As written, annotations included (``sich weigern {vr}``)."""
    markers: tuple[str, ...]
    """Its grammar markers, each part separately (``prp``, ``+Dat.``; ``m``, ``f``)."""
    cased: str
    """Annotations dropped, case kept (``sich weigern``)."""
    key: str
    """Annotations dropped, lower case: the key of the whole form (``sich weigern``)."""
    bare: str
    """``key`` without valency placeholders (``weigern``); equal to ``key`` when there are none."""
    bare_cased: str
    """``bare`` with its case kept (``unter Druck setzen``)."""


@dataclass(frozen=True)
class DingLine:
    """A parsed line: German and English sub-entries, the German ones split into synonyms."""

    german: tuple[str, ...]
    """The German sub-entries as written."""
    english: tuple[str, ...]
    """The English sub-entries as written."""
    synonyms: Sequence[tuple[Synonym, ...]]
    """Per German sub-entry, its synonyms (each sub-entry parsed when first asked for)."""

    def english_for(self, sub_index: int) -> str:
        """The English of sub-entry ``sub_index`` (the first one when the sides do not pair)."""
        paired = len(self.english) == len(self.german)
        return (self.english[sub_index] if paired else self.english[0]).strip()

    @property
    def pairs(self) -> bool:
        """Whether German and English sub-entries pair up one to one."""
        return len(self.english) == len(self.german)


def lookup_key(text: str) -> str:
    """The key a dictionary phrase or a word is indexed under: annotations gone, lower case."""
    return SPACES.sub(" ", ANNOTATION.sub(" ", text)).strip().casefold()


def abbreviations_of(text: str) -> tuple[str, ...]:
    """The abbreviations a synonym is marked with (``Vorsitzer {m} /Vors./`` → ``Vors.``)."""
    return tuple(SPACES.sub(" ", found).strip() for found in ABBREVIATION.findall(text))


def lookup_key_cased(text: str) -> str:
    """Like :func:`lookup_key` but keeping the case, to prefer the word as written."""
    return SPACES.sub(" ", ANNOTATION.sub(" ", text)).strip()


def split_synonyms(sub_entry: str) -> list[str]:
    """The synonyms of a sub-entry: split on ``;`` outside brackets (``{prp; +Dat.}`` stays)."""
    if ";" not in sub_entry:
        return [sub_entry.strip()] if sub_entry.strip() else []
    # Brackets are masked (same length), so a ";" inside one is no separator.
    masked = BRACKETED.sub(lambda match: "x" * len(match.group()), sub_entry)
    parts: list[str] = []
    start = 0
    position = masked.find(";")
    while position >= 0:
        parts.append(sub_entry[start:position])
        start = position + 1
        position = masked.find(";", start)
    parts.append(sub_entry[start:])
    return [part.strip() for part in parts if part.strip()]


def markers_of(text: str) -> tuple[str, ...]:
    """The grammar markers in ``text``, each separately: ``{prp; +Dat.}`` gives prp, +Dat."""
    found: list[str] = []
    for marker in MARKER.findall(text):
        for part in re.split(r"[;,]", marker):
            part = part.strip()
            if part:
                found.append(part)
    return tuple(found)


def is_placeholder(word: str) -> bool:
    """Whether ``word`` is a valency placeholder (etw., jdn., sich, jdn./etw., ...)."""
    if word in ABBREVIATED_PLACEHOLDERS:
        return True
    if "." not in word and "/" not in word:
        return False  # most words: no regular expression needed
    return bool(PLACEHOLDER_WORD.match(word)) and (
        word in ABBREVIATED_PLACEHOLDERS or "." in word or "/" in word
    )


def strip_placeholders(text: str) -> str:
    """``text`` (annotations already dropped) without its valency placeholders, case kept.

    ``sich weigern`` → ``weigern``; ``gegen etw. vorgehen`` → ``vorgehen``; ``einen Ort
    räumen`` → ``räumen``; ``jdn. unter Druck setzen`` → ``unter Druck setzen``.
    """
    words = text.split()
    kept: list[str] = []
    index = 0
    while index < len(words):
        word = words[index]
        following = words[index + 1] if index + 1 < len(words) else ""
        if is_placeholder(word):
            # "gegen etw. vorgehen": the preposition is the placeholder's; "nach sich ziehen"
            # keeps its "nach".
            if word != "sich" and len(kept) == 1 and kept[-1].casefold() in PREPOSITIONS:
                kept.pop()
            index += 1
            continue
        if (
            word.casefold() in {"einen", "einer", "einem", "eine"}
            and following.casefold().rstrip(".") in PLACEHOLDER_NOUNS
        ):
            if kept and kept[-1].casefold() in PREPOSITIONS and len(kept) == 1:
                kept.pop()
            index += 2
            continue
        kept.append(word)
        index += 1
    return " ".join(kept) if kept else text


def parse_synonym(text: str) -> Synonym:
    """One synonym with its markers and keys."""
    cased = lookup_key_cased(text)
    bare_cased = strip_placeholders(cased)
    return Synonym(
        text=text,
        markers=markers_of(text),
        cased=cased,
        key=cased.casefold(),
        bare=bare_cased.casefold(),
        bare_cased=bare_cased,
    )


def parse_line(line: str) -> tuple[list[str], list[str]] | None:
    """A dictionary line's German and English sub-entries, or None for headers and bad lines."""
    if not line or line.startswith("#") or " :: " not in line:
        return None
    german, english = line.rstrip("\n").split(" :: ", 1)
    return german.split(" | "), english.split(" | ")


def parse_entry(line: str) -> DingLine | None:
    """The whole line parsed, or None for headers and bad lines."""
    parsed = parse_line(line)
    if parsed is None:
        return None
    german, english = parsed
    return DingLine(
        german=tuple(german),
        english=tuple(english),
        synonyms=LazySynonyms(tuple(german)),
    )


class LazySynonyms(Sequence[tuple[Synonym, ...]]):
    """The synonyms of each sub-entry, parsed on first access: a lookup needs one or two of
    a line's sub-entries, and a common word's lines have dozens."""

    def __init__(self, sub_entries: tuple[str, ...]) -> None:
        self._sub_entries = sub_entries
        self._parsed: dict[int, tuple[Synonym, ...]] = {}

    def __len__(self) -> int:
        return len(self._sub_entries)

    def __iter__(self) -> Iterator[tuple[Synonym, ...]]:
        for index in range(len(self._sub_entries)):
            yield self[index]

    @overload
    def __getitem__(self, index: int) -> tuple[Synonym, ...]: ...

    @overload
    def __getitem__(self, index: slice) -> Sequence[tuple[Synonym, ...]]: ...

    def __getitem__(
        self, index: int | slice
    ) -> tuple[Synonym, ...] | Sequence[tuple[Synonym, ...]]:
        if isinstance(index, slice):
            return [self[i] for i in range(len(self))[index]]
        if index < 0:
            index += len(self._sub_entries)
        if not 0 <= index < len(self._sub_entries):
            raise IndexError(index)
        found = self._parsed.get(index)
        if found is None:
            found = tuple(parse_synonym(text) for text in split_synonyms(self._sub_entries[index]))
            self._parsed[index] = found
        return found


def shares_stem(singular: str, plural: str) -> bool:
    """Whether ``plural`` is a plural of ``singular`` (not of another word on the line).

    Umlauts are folded (Vertrag, Verträge); the plural must begin with the singular less its
    last letter and be at most four letters longer (Kenntnis, Kenntnisse; not Fachkenntnisse).
    """
    one, many = _fold_umlauts(singular), _fold_umlauts(plural)
    if len(one) < 2 or not many:
        return False
    stem = one[:-1] if len(one) > 3 else one
    return many.startswith(stem) and len(many) - len(one) <= 4


def _fold_umlauts(text: str) -> str:
    return text.casefold().translate(str.maketrans("äöü", "aou"))


def plural_of(line: DingLine, sub_index: int, position: int) -> str | None:
    """The plural a noun line gives for synonym ``position`` of sub-entry ``sub_index``.

    Looked for among the same sub-entry's ``{pl}`` synonyms, then in the sub-entry right
    after it; only a plural sharing the synonym's stem counts.
    """
    if sub_index >= len(line.synonyms) or position >= len(line.synonyms[sub_index]):
        return None
    synonym = line.synonyms[sub_index][position]
    if "pl" in synonym.markers or not synonym.cased or " " in synonym.cased:
        return None
    candidates = list(line.synonyms[sub_index])
    if sub_index + 1 < len(line.synonyms):
        candidates.extend(line.synonyms[sub_index + 1])
    for candidate in candidates:
        if "pl" in candidate.markers and shares_stem(synonym.cased, candidate.cased):
            return candidate.cased
    return None


PART_OF_SPEECH_NAMES = {
    "m": "noun",
    "f": "noun",
    "n": "noun",
    "pl": "noun (plural)",
    "vt": "verb",
    "vi": "verb",
    "vr": "verb",
    "v": "verb",
    "adj": "adjective",
    "adv": "adverb",
    "prp": "preposition",
    "conj": "conjunction",
    "pron": "pronoun",
    "art": "article",
    "num": "numeral",
    "interj": "interjection",
}


def part_of_speech(markers: tuple[str, ...]) -> str:
    """A readable part of speech for Ding's grammar markers."""
    for marker in markers:
        if marker in PART_OF_SPEECH_NAMES:
            return PART_OF_SPEECH_NAMES[marker]
    return ""
