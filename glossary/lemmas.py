"""Lemmas and part-of-speech tags for the reader's sentences, from HanTa, checked against a lexicon.

HanTa tags a whole sentence at once (``tag_sent``), so a word's lemma is chosen in context
("Reaktionen fielen aus" gives "fallen" with the particle "aus" tagged PTKVZ). The model loads
once, lazily, on first use; a lock makes the tagger safe to share between threads because it
keeps an internal cache. Results are cached per sentence text.

HanTa guesses unknown words by their endings, which goes wrong in a few systematic ways: it
strips a final -s from names (right for "Russlands", wrong for "Belarus"), reads "erörterten"
without context as an adjective "erörtert", writes "Ukraine-krieg" and "User*inn". So every
lemma is checked against a :class:`Lexicon` of known base forms (the curated glossary's terms
and forms, and the headwords of the Ding dictionary when it is installed): HanTa's lemma stays
when it is a known base form; otherwise a known base form nearer the word wins (the word as
written, the glossary term the word is a form of, the verb a participle belongs to); when
nothing is known HanTa's guess stays, so without the dictionary the lemmas are HanTa's plus
the glossary's corrections. Only the reader's own glossary is left out on purpose: lemmas key
the reader's vocabulary, and adding an entry must not change how words are stored.
"""

from __future__ import annotations

import sqlite3
import threading
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from glossary.compounds import MIN_BASE_VERB, VERB_PARTICLES
from glossary.ding import DictionaryMissing, DingDictionary
from glossary.ding_parse import VERB_MARKERS
from glossary.lemma_spelling import (
    is_acronym,
    place_adjective,
    tidy,
    verb_candidates,
)
from glossary.schema import GlossaryEntry
from glossary.tag_corrections import (
    initial_prepositions,
    join_separated_verbs,
    lower_case_nouns,
    verbal_participles,
)
from reader.core.text import Sentence

_tagger: Any = None
_tagger_lock = threading.Lock()
_lexicon: Lexicon | None = None
_seeded_tags: dict[tuple[str, ...], tuple[TaggedToken, ...]] = {}
_curated_entries: tuple[GlossaryEntry, ...] | None = None
_lexicon_lock = threading.Lock()
# Building the dictionary index writes a temporary file named by the process id: one at a time.
_dictionary_open_lock = threading.Lock()

# STTS tags of content words, whose form as written may be the better lemma.
CONTENT_TAGS = ("NN", "NE", "FM", "ADJ", "ADV", "VV", "TRUNC", "XY")
# Apostrophes as texts write them: typewriter, typographic, and the accents informal texts use.
APOSTROPHES = ("'", "’", "`", "´", "ʼ")


@dataclass(frozen=True)
class TaggedToken:
    """One token with HanTa's lemma and STTS part-of-speech tag."""

    text: str
    """The token as written."""
    lemma: str
    """HanTa's lemma (the token's text for punctuation and numbers)."""
    pos: str
    """HanTa's STTS tag (NN, VVFIN, PTKVZ, VVIZU, ...)."""
    joined: str = ""
    """For a verb and its separated particle, the joined verb (fügte … hinzu: hinzufügen)."""

    @property
    def word_lemma(self) -> str:
        """The lemma a vocabulary keys this token by: the joined verb, else the lemma."""
        return self.joined or self.lemma


def tagger() -> Any:
    """The process-wide HanTa tagger for German, loaded on first call."""
    global _tagger
    with _tagger_lock:
        if _tagger is None:
            from HanTa import HanoverTagger

            _tagger = HanoverTagger.HanoverTagger("morphmodel_ger.pgz")
        return _tagger


def _is_word(text: str) -> bool:
    return any(character.isalpha() for character in text)


def unelide(word: str) -> str:
    """A spoken elided form written out for the tagger: wär' → wäre, geht's → geht."""
    for apostrophe in APOSTROPHES:
        if len(word) > 3 and word.endswith(apostrophe + "s") and word[-3].isalpha():
            return word[:-2]  # geht's, bin's, gibt’s: the verb (the "es" is left out)
        if len(word) > 2 and word.endswith(apostrophe) and word[-2].isalpha():
            return word[:-1] + "e"  # wär', hab', hätt'
    return word


def _unelide_all(words: tuple[str, ...]) -> list[str]:
    """Each word written out; "bin'" + "s." (the tokenizer's split of "bin's.") → bin, es."""
    written = [unelide(word) for word in words]
    for index in range(len(words) - 1):
        if words[index].endswith(APOSTROPHES) and words[index + 1] in {"s", "s."}:
            written[index] = words[index][:-1]
            written[index + 1] = "es"
    return written


def seed_tags(tags: Mapping[tuple[str, ...], tuple[TaggedToken, ...]]) -> None:
    """Tags computed before (kept in the glossary cache): :func:`tag_words` answers from them."""
    _seeded_tags.update(tags)
    tag_words.cache_clear()


def seed_curated_entries(entries: tuple[GlossaryEntry, ...]) -> None:
    """The curated entries, already loaded, for the lexicon (spares reading the YAML again)."""
    global _curated_entries
    _curated_entries = entries


@lru_cache(maxsize=8192)
def tag_words(words: tuple[str, ...]) -> tuple[TaggedToken, ...]:
    """HanTa's lemma and tag for each of ``words`` (a sentence's tokens, in order)."""
    if not words:
        return ()
    seeded = _seeded_tags.get(words)
    if seeded is not None:
        return seeded
    model = tagger()
    written_out = _unelide_all(words)
    with _tagger_lock:
        tagged = model.tag_sent(written_out, taglevel=1)
    known = lexicon()
    result = []
    for text, (written, lemma, pos) in zip(words, tagged, strict=True):
        lemma = known.refine(str(written), str(lemma), str(pos)) if _is_word(text) else text
        result.append(TaggedToken(text=text, lemma=lemma, pos=str(pos)))
    lower_case_nouns(result, known)
    initial_prepositions(result, known)
    joined = join_separated_verbs(result, known)
    for index, verb in joined.items():
        result[index] = replace(result[index], joined=verb)
    verbal_participles(result, known)
    return tuple(result)


def joined_verbs(tagged: Sequence[TaggedToken]) -> dict[int, str]:
    """Token index → lower-cased verb lemma for every verb and particle (joined when split)."""
    verbs: dict[int, str] = {}
    for index, token in enumerate(tagged):
        if token.joined:
            verbs[index] = token.joined.casefold()
        elif token.pos.startswith("V"):
            verbs[index] = token.lemma.casefold()
    return verbs


def tag_sentence(sentence: Sentence) -> tuple[TaggedToken, ...]:
    """One :class:`TaggedToken` per token of ``sentence``, tagged in context."""
    return tag_words(tuple(token.text for token in sentence.tokens))


def sentence_lemmas(sentence: Sentence) -> tuple[str, ...]:
    """One lemma per token of ``sentence`` (punctuation gives its own text); thread-safe.

    Both parts of a split separable verb give the joined verb ("fügte … hinzu": hinzufügen).
    """
    return tuple(tagged.word_lemma for tagged in tag_sentence(sentence))


def analyze_compound(word: str) -> tuple[str, tuple[tuple[str, str], ...], str]:
    """HanTa's morpheme analysis of ``word``: (stem, ((morpheme, tag), ...), part of speech)."""
    model = tagger()
    with _tagger_lock:
        stem, morphemes, pos = model.analyze(word, taglevel=3)
    return str(stem), tuple((str(m), str(t)) for m, t in morphemes), str(pos)


def word_lemma(word: str) -> tuple[str, str]:
    """The lemma (HanTa's, checked against the lexicon) and HanTa's tag for a word on its own."""
    model = tagger()
    written = unelide(word)
    with _tagger_lock:
        lemma, pos = model.analyze(written, taglevel=1)
    if not _is_word(word):
        return word, str(pos)
    return lexicon().refine(written, str(lemma), str(pos)), str(pos)


class Lexicon:
    """Known German base forms: curated glossary terms (with their forms) and Ding headwords."""

    def __init__(
        self, entries: Iterable[GlossaryEntry] = (), dictionary: DingDictionary | None = None
    ) -> None:
        self.dictionary = dictionary
        self.terms: frozenset[str] = frozenset(
            entry.term for entry in entries if " " not in entry.term.strip()
        )
        terms_by_form: dict[str, set[str]] = {}
        for entry in entries:
            if " " in entry.term.strip():
                continue  # a form of an expression is not a form of one word
            for form in (*entry.forms, *([entry.plural] if entry.plural else [])):
                if " " not in form.strip():
                    terms_by_form.setdefault(form, set()).add(entry.term)
        # A form two entries claim says nothing about which term it is.
        self.form_terms: Mapping[str, str] = {
            form: next(iter(terms)) for form, terms in terms_by_form.items() if len(terms) == 1
        }
        self._headword_markers = lru_cache(maxsize=16384)(self._lookup_headword)
        self._verb_of_form = lru_cache(maxsize=16384)(self._lookup_verb_of_form)

    def _lookup_headword(self, word: str) -> tuple[str, ...] | None:
        if self.dictionary is None:
            return None
        for sense in self.dictionary.senses(word, 1, exact_case=True):
            # Written exactly so and the first sub-entry of its line: a base form.
            if sense.german == sense.headword:
                return sense.markers
        return None

    def is_headword(self, word: str, plural_too: bool = True) -> bool:
        """Whether ``word``, in this exact case, is a glossary term or a Ding base form."""
        if word in self.terms:
            return True
        markers = self._headword_markers(word)
        return markers is not None and (plural_too or "pl" not in markers)

    def verb_of_form(self, word: str) -> str | None:
        """The infinitive a participle is a form of, from the dictionary (None without it)."""
        return self._verb_of_form(word)

    def _lookup_verb_of_form(self, word: str) -> str | None:
        if self.dictionary is None:
            return None
        return self.dictionary.verb_of_form(word)

    def is_verb(self, word: str) -> bool:
        """Whether ``word`` is a Ding verb headword (an infinitive)."""
        markers = self._headword_markers(word)
        return markers is not None and bool(VERB_MARKERS.intersection(markers))

    def refine(self, word: str, lemma: str, pos: str) -> str:
        """The lemma of ``word`` given HanTa's ``lemma`` and tag ``pos``, checked as above."""
        lemma = tidy(word, lemma)
        hyphenated = "-" in word and self._hyphenated(word)
        if hyphenated:
            return hyphenated
        if is_acronym(word) and lemma.casefold() in {word.casefold(), word[:-1].casefold()}:
            return word  # EU, SPD: HanTa writes "Eu", "Spd"
        if lemma in self.terms:
            return lemma
        form_term = self.form_terms.get(word)
        if form_term is not None:
            return form_term
        if lemma == word:
            return self._reform_spelling(word, lemma)
        if self.is_headword(lemma):
            return lemma
        place = place_adjective(word, lemma, pos)
        if place:
            return place
        # A noun's plural-only headword is not preferred to HanTa's singular; function words
        # keep HanTa's lemma ("Es" at a sentence start is "es", not the musical note).
        if pos.startswith(CONTENT_TAGS) and self.is_headword(word, plural_too=False):
            return word
        verb = self._verb_of(word, lemma, pos) if pos.startswith(("VV", "ADJ")) else None
        return verb or self._reform_spelling(word, lemma)

    def _verb_of(self, word: str, lemma: str, pos: str) -> str | None:
        """The infinitive a verb form or participle belongs to: HanTa's stem with an ending
        (erörtert → erörtern), or a particle verb written together that HanTa does not know
        ("innehatte": inne + hatte → innehaben; "durchgeführten": durch + geführt →
        durchführen)."""
        for candidate in verb_candidates(lemma):
            if self.is_verb(candidate):
                return candidate
        folded = word.casefold()
        for particle in VERB_PARTICLES:
            rest = folded[len(particle) :]
            if not folded.startswith(particle) or len(rest) < MIN_BASE_VERB:
                continue
            if pos.startswith("ADJ") and not rest.startswith("ge"):
                continue  # an adjective only when it is a participle ("aufgeheizt")
            base = tag_words((rest,))[0].lemma.casefold()
            # A participle HanTa leaves as an adjective: its stem ("geheizt" → heizen).
            bases = [base, *(verb_candidates(base[2:]) if base.startswith("ge") else [])]
            for candidate in (particle + option for option in bases):
                if self.is_verb(candidate):
                    return candidate
        return None

    def _reform_spelling(self, word: str, lemma: str) -> str:
        """HanTa's model knows the old spelling (Beschlüsse → Beschluß) and old texts write
        it (daß, gewiß): prefer the new one where the dictionary knows the ss form and not
        the ß form ("groß", "Straße" stay; "geschlossen" stays "schließen")."""
        if "ß" not in lemma:
            return lemma
        reformed = lemma.replace("ß", "ss")
        if self.is_headword(reformed) and not self.is_headword(lemma):
            return reformed
        return lemma

    def _hyphenated(self, word: str) -> str | None:
        """The lemma of a hyphenated noun from its last part, where HanTa guessed it whole
        ("Nivea-Creme" is no "Nivea-Crem", "YT-Videos" is "YT-Video"), or None."""
        head, _, last = word.rpartition("-")
        if not head or not last[:1].isupper():
            return None
        if self.is_headword(last, plural_too=False):
            return word
        singular = tag_words((last,))[0].lemma
        if singular != last and self.is_headword(singular, plural_too=False):
            return f"{head}-{singular}"
        return None


def open_dictionary(source: Path | None = None) -> DingDictionary:
    """:meth:`DingDictionary.open`, one thread at a time (the index may be built on the way)."""
    with _dictionary_open_lock:
        return DingDictionary.open(source)


def default_lexicon() -> Lexicon:
    """The curated glossary and, when installed, the Ding dictionary as a lexicon."""
    from glossary.loading import curated_glossary_paths, parse_glossary_file

    entries = list(_curated_entries or ()) or [
        entry for path in curated_glossary_paths() for entry in parse_glossary_file(path).entries
    ]
    try:
        dictionary: DingDictionary | None = open_dictionary()
    except (DictionaryMissing, OSError, sqlite3.Error):
        dictionary = None  # lemmas then come from HanTa and the glossary alone
    return Lexicon(entries, dictionary)


def lexicon() -> Lexicon:
    """The process-wide lexicon the lemmas are checked against, made on first call."""
    global _lexicon
    with _lexicon_lock:
        if _lexicon is None:
            _lexicon = default_lexicon()
        return _lexicon


def use_lexicon(replacement: Lexicon | None) -> None:
    """Check lemmas against ``replacement`` from now on (None: the default again, lazily)."""
    global _lexicon
    with _lexicon_lock:
        _lexicon = replacement
    _seeded_tags.clear()  # tagged against the lexicon that is being replaced
    tag_words.cache_clear()
