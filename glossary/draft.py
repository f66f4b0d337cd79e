"""A glossary draft for any text: what a learner at a CEFR level would stumble on.

For each sentence of the text (tagged in context by HanTa through :mod:`glossary.lemmas`) the
draft proposes: words rarer than the level's threshold by wordfreq's Zipf frequency (German,
offline), with a compound's parts; proper nouns the tagger finds that are that rare too;
separable verbs split in the sentence ("rief … aus"); and the fixed phrases of two or three
words the Ding dictionary knows as one entry ("rund um die Uhr"). Each proposal is looked up
through :func:`look_up` (the one place the draft calls the lookup, so a better lookup flows in)
for its part of speech, gender, plural and senses (those of the part of speech the word has in
its sentence first), and carries the sentence it occurs in. Terms
the loaded glossaries already explain are left out. Every entry is marked ``draft: true``.

Zipf frequency is log10 of occurrences per billion words: 6 is "und", 3 a word seen once per
million. The thresholds (:data:`LEVEL_THRESHOLDS`) were set on news texts so that B1 proposes
words such as Hochwasser (3.7) or vernachlässigen (3.5) and leaves Behörde (4.3) alone.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Callable, Iterator
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Any

from glossary.lemmas import TaggedToken, tag_sentence
from glossary.lookup import LookupResult, WordLookup
from glossary.schema import CompoundPart, GlossaryEntry
from reader.core.text import Document, Sentence

LEVEL_THRESHOLDS: dict[str, float] = {
    "A1": 5.0,
    "A2": 4.6,
    "B1": 4.2,
    "B2": 3.8,
    "C1": 3.3,
    "C2": 2.8,
}
"""A word whose Zipf frequency is below the level's threshold is proposed for that level."""
SEPARABLE_MARGIN = 1.0
"""A split separable verb is proposed up to this much above the level's threshold."""
RENDERING_LIMIT = 4
SENTENCE_LIMIT = 240
KIND_BY_TAG = (
    ("NN", "noun"),
    ("NE", "name"),
    ("VV", "verb"),
    ("ADJ", "adjective"),
    ("ADV", "adverb"),
)
PHRASE_START_TAGS = ("APPR", "APPRART", "ADV", "ADJ")
PHRASE_END_EXCLUDED = ("ART", "APPR", "APPO", "KO", "PPER", "PRF", "PPOS", "$")
VERB_KINDS = ("verb", "separable-verb")
NAME_TAGS = ("NE", "FM")
_UMLAUTS = str.maketrans("äöüß", "aous")
# Dictionary annotations that are not part of an English rendering.
_ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|<[^>]*>|/[^/\s][^/]*/")


@dataclass(frozen=True)
class DraftProposal:
    """One proposed entry and why it was proposed."""

    entry: GlossaryEntry
    """The entry, ``draft=True``."""
    reason: str
    """rare word, name, separable verb or phrase."""
    zipf: float
    """The term's Zipf frequency in German (0 when wordfreq does not know it)."""
    block: int
    """The block of the first sentence it occurs in."""
    sentence: int
    """That sentence's index in its block."""


def level_threshold(level: str) -> float:
    """The Zipf threshold of a CEFR level (A1 to C2, any case); ValueError otherwise."""
    try:
        return LEVEL_THRESHOLDS[level.strip().upper()]
    except KeyError:
        raise ValueError(
            f"unknown level {level!r}; use one of {', '.join(LEVEL_THRESHOLDS)}"
        ) from None


@lru_cache(maxsize=1)
def _buckets() -> dict[str, int]:
    # wordfreq's table is a list of buckets of words, bucket i holding the words whose
    # frequency is 10^(-i/100) (centibels): indexing it directly is twice as fast as
    # wordfreq's own get_frequency_dict, which computes a float for each of 600,000 words.
    from wordfreq import get_frequency_list

    buckets = get_frequency_list("de", wordlist="best")
    return {word: index for index, bucket in enumerate(buckets) for word in bucket}


@lru_cache(maxsize=65536)
def zipf(word: str) -> float:
    """wordfreq's Zipf frequency of ``word`` in German (0.0 for unknown words).

    A word of letters only is read from wordfreq's table directly, as wordfreq does it
    (NFC, case folded, 9 less the bucket's centibels, two decimals): wordfreq's own
    tokenizer takes a second to compile and a single word needs no tokenizing. Anything
    else (hyphens, spaces, digits) goes through :func:`wordfreq.zipf_frequency`.
    """
    if word.isalpha():
        bucket = _buckets().get(unicodedata.normalize("NFC", word).casefold())
        return round(9 - bucket / 100, 2) if bucket is not None else 0.0
    from wordfreq import zipf_frequency

    return float(zipf_frequency(word, "de"))


def word_zipf(text: str, lemma: str) -> float:
    """The frequency of a word as written or as its lemma, whichever is commoner."""
    return max(zipf(text), zipf(lemma) if lemma else 0.0)


def is_rare_word(text: str, lemma: str, threshold: float) -> bool:
    """Whether a word (as written or as its lemma) is rarer than ``threshold``.

    Words of one or two letters and acronyms ("UNO", "SPD") never are: wordfreq seldom knows
    acronyms, and a learner needs them explained less than their Zipf value suggests.
    """
    if len(text) < 3 or text.isupper() or not any(character.isalpha() for character in text):
        return False
    return word_zipf(text, lemma) < threshold


def is_above_level(text: str, lemma: str, tag: str, threshold: float) -> bool:
    """Whether a content word (noun, name, verb, adjective, adverb) is rarer than ``threshold``."""
    if not tag.startswith(tuple(prefix for prefix, _ in KIND_BY_TAG)):
        return False
    return is_rare_word(text, lemma, threshold)


def look_up(lookup: WordLookup, sentence: Sentence, index: int) -> LookupResult:
    """The lookup of token ``index`` in its sentence: the draft's only call into the lookup."""
    return lookup.lookup(sentence.tokens[index].text, sentence, index)


def _kind(tag: str) -> str:
    for prefix, kind in KIND_BY_TAG:
        if tag.startswith(prefix):
            return kind
    return "other"


def _renderings(result: LookupResult, kind: str) -> tuple[str, ...]:
    """The senses' English, those of the word's part of speech in its sentence first."""
    wanted = {"separable-verb": "verb"}.get(kind, kind)
    # Ding's order is kept within each group (sorted is stable); a noun "Schein" in the
    # sentence puts the noun's senses before those of the verb scheinen.
    senses = sorted(result.senses, key=lambda sense: not sense.part_of_speech.startswith(wanted))
    found: list[str] = []
    for sense in senses:
        for piece in _ANNOTATION.sub(" ", sense.english).split(";"):
            piece = " ".join(piece.split())
            if piece and piece not in found:
                found.append(piece)
    return tuple(found[:RENDERING_LIMIT])


def _parts(result: LookupResult) -> tuple[CompoundPart, ...]:
    parts = []
    for part in result.compound_parts:
        meanings = [_ANNOTATION.sub(" ", s.english).split(";")[0].strip() for s in part.senses]
        meaning = next((m for m in meanings if m), "")
        if not meaning:
            return ()  # a part nobody can explain: no parts rather than a wrong one
        parts.append(CompoundPart(part.part, " ".join(meaning.split())))
    return tuple(parts)


def _plural(term: str, result: LookupResult) -> str | None:
    """The lookup's plural when it is a plural of ``term`` (shares its first half)."""
    plural = result.plural
    if not plural:
        return None
    stem = term.casefold().translate(_UMLAUTS)[: max(2, len(term) // 2)]
    return plural if plural.casefold().translate(_UMLAUTS).startswith(stem) else None


def _quoted(sentence: Sentence) -> str:
    text = " ".join(sentence.text.split())
    return text if len(text) <= SENTENCE_LIMIT else text[: SENTENCE_LIMIT - 1] + "…"


def _explanation(reason: str, frequency: float, level: str, sentence: Sentence) -> str:
    why = {
        "rare word": f"rarer than {level} (Zipf {frequency:.1f})",
        "name": f"a name (Zipf {frequency:.1f})",
        "separable verb": "a separable verb, split in the sentence",
        "phrase": "a fixed phrase of the dictionary",
    }[reason]
    return f"Draft, {why}. In the text: “{_quoted(sentence)}”"


@dataclass
class _Collector:
    """Gathers proposals by (term, kind), first sentence wins, later forms are added."""

    lookup: WordLookup
    level: str
    proposals: dict[tuple[str, str], DraftProposal]

    def known(self, term: str) -> bool:
        return bool(self.lookup.glossary_entries(term))

    def add(
        self,
        term: str,
        kind: str,
        reason: str,
        frequency: float,
        sentence: Sentence,
        result: LookupResult | None,
        written: str,
        extra: dict[str, Any] | None = None,
    ) -> None:
        # "rief … aus" and "ausgerufen" are one verb: verbs share one key whatever their kind.
        key = (term.casefold(), "verb" if kind in VERB_KINDS else kind)
        if key in self.proposals:
            old = self.proposals[key]
            forms = old.entry.forms
            if written != old.entry.term and written not in forms and len(forms) < 8:
                forms = (*forms, written)
            self.proposals[key] = replace(old, entry=replace(old.entry, forms=forms))
            return
        if self.known(term) or (written != term and self.known(written)):
            return
        renderings = _renderings(result, kind) if result is not None else ()
        parts = _parts(result) if result is not None else ()
        if not renderings and parts:
            renderings = (" ".join(part.meaning for part in parts) + " (literally)",)
        if not renderings and kind == "name":
            renderings = (term,)
        if not renderings:
            return  # an entry must have a rendering; a made-up one would mislead
        noun = kind == "noun"
        entry = GlossaryEntry(
            term=term,
            kind=kind,
            renderings=renderings,
            explanation=_explanation(reason, frequency, self.level, sentence),
            gender=result.gender if noun and result is not None else None,
            plural=_plural(term, result) if noun and result is not None else None,
            forms=(written,) if written != term else (),
            parts=parts,
            origin="user",
            draft=True,
            **(extra or {}),
        )
        self.proposals[key] = DraftProposal(
            entry, reason, frequency, sentence.block, sentence.index
        )


def _term(token: TaggedToken, kind: str) -> str:
    lemma = token.lemma or token.text
    if kind in {"noun", "name"}:
        return lemma[:1].upper() + lemma[1:]
    if kind in {"verb", "adjective", "adverb"} and not token.text[:1].isupper():
        return lemma.lower()
    return lemma


def _phrases(
    lookup: WordLookup, sentence: Sentence, tagged: tuple[TaggedToken, ...]
) -> Iterator[tuple[str, int, int]]:
    """(phrase, first token, last token) of two or three adjacent words Ding has as an entry."""
    dictionary = lookup.dictionary
    if dictionary is None:
        return
    words = [token.is_word for token in sentence.tokens]
    for start, token in enumerate(tagged):
        if not token.pos.startswith(PHRASE_START_TAGS) or not words[start]:
            continue
        for length in (3, 2):
            end = start + length
            if end > len(tagged) or not all(words[start:end]):
                continue
            if tagged[end - 1].pos.startswith(PHRASE_END_EXCLUDED):
                continue
            phrase = " ".join(t.text for t in tagged[start:end])
            if dictionary.contains(phrase):
                yield phrase, start, end - 1
                break


def _name_runs(tagged: tuple[TaggedToken, ...]) -> Iterator[tuple[int, int]]:
    """(first, last) token of each run of two or more names ("Heiko Maas", "North Atlantic")."""
    start = None
    for index, token in enumerate((*tagged, TaggedToken("", "", "$."))):
        is_name = token.pos in NAME_TAGS and token.text[:1].isupper() and not token.text.isupper()
        if is_name and start is None:
            start = index
        elif not is_name and start is not None:
            if index - start >= 2:
                yield start, index - 1
            start = None


def draft_proposals(
    document: Document,
    lookup: WordLookup,
    level: str = "B1",
    progress: Callable[[int, int], None] | None = None,
) -> tuple[DraftProposal, ...]:
    """Every proposal for ``document`` at ``level``, in text order."""
    threshold = level_threshold(level)
    collector = _Collector(lookup, level.strip().upper(), {})
    blocks = len(document.blocks)
    for block in document.blocks:
        for sentence in document.sentences(block.index):
            _draft_sentence(collector, lookup, sentence, threshold)
        if progress is not None:
            progress(block.index + 1, blocks)
    return tuple(collector.proposals.values())


def _draft_sentence(
    collector: _Collector, lookup: WordLookup, sentence: Sentence, threshold: float
) -> None:
    tagged = tag_sentence(sentence)
    taken: set[int] = set()
    for phrase, first, last in _phrases(lookup, sentence, tagged):
        result = look_up(lookup, sentence, last)
        senses = lookup.dictionary.senses(phrase, 3) if lookup.dictionary else ()
        result = replace(result, senses=senses, compound_parts=())
        collector.add(phrase, "expression", "phrase", zipf(phrase), sentence, result, phrase)
        taken.update(range(first, last + 1))
    for first, last in _name_runs(tagged):
        name = " ".join(t.text for t in tagged[first : last + 1])
        frequency = min(word_zipf(t.text, t.lemma) for t in tagged[first : last + 1])
        if frequency < threshold:
            collector.add(name, "name", "name", frequency, sentence, None, name)
        taken.update(range(first, last + 1))
    for index, token in enumerate(tagged):
        if token.pos == "PTKVZ":
            result = look_up(lookup, sentence, index)
            verb = result.separable_verb
            known = result.found_by == "separable verb"  # the dictionary has the joined verb
            if verb and known and zipf(verb) < threshold + SEPARABLE_MARGIN:
                extra = {"particle": token.text.lower()}
                collector.add(
                    verb, "separable-verb", "separable verb", zipf(verb), sentence, result,
                    verb, extra,
                )  # fmt: skip
            continue
        if index in taken or not sentence.tokens[index].is_word:
            continue
        if not is_above_level(token.text, token.lemma, token.pos, threshold):
            continue
        kind = _kind(token.pos)
        if kind == "verb" and any(t.pos == "PTKVZ" for t in tagged[index + 1 :]):
            continue  # the finite verb of a split separable verb: proposed joined above
        result = look_up(lookup, sentence, index)
        term = _term(token, kind)
        frequency = word_zipf(token.text, token.lemma)
        reason = "name" if kind == "name" else "rare word"
        collector.add(term, kind, reason, frequency, sentence, result, token.text)


def draft_yaml(document: Document, proposals: tuple[DraftProposal, ...], level: str) -> str:
    """The draft as a glossary file in the project's schema, scoped to the text by its id."""
    from glossary.loading import dump_glossary_yaml, entry_to_data

    header = (
        f"# Glossary draft for {' '.join(document.title.split())[:120]} at level"
        f" {level.upper()}.\n# Every entry is a proposal (draft: true): check it, fix it,"
        " delete the draft line.\n"
    )
    data = {
        "glossary": f"Draft: {' '.join(document.title.split())}",
        "version": f"draft-{level.upper()}",
        "language": "de",
        "text": document.text_id,
        "entries": [entry_to_data(proposal.entry) for proposal in proposals],
    }
    return header + dump_glossary_yaml(data)
