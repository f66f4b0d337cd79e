"""Which English the reader sees beside each German block, and where it came from.

For each block the English column shows the best translation there is: the reader's edited
sentences and the machine translation, else the curated reference translation, else a
placeholder. The mode cycles best / machine / reference / both. Every version carries its
origin label, so curated text is never presented as machine output.
"""

from __future__ import annotations

from collections.abc import Collection, Mapping, Sequence
from dataclasses import dataclass, replace
from typing import TYPE_CHECKING, Literal

from reader.core.text import Document, ReferenceTranslation, Sentence
from reader.translation.guided import GUIDED_LABEL

if TYPE_CHECKING:
    from reader.analysis import BlockAnalysis
    from reader.translation import SentenceTranslation

TranslationMode = Literal["best", "machine", "reference", "both"]
MODES: tuple[TranslationMode, ...] = ("best", "machine", "reference", "both")
Origin = Literal["machine", "edited", "reference"]
Beneath = Literal["machine", "reference"]
"""The English a correction covers, which reverting it shows."""


@dataclass(frozen=True)
class EnglishSentence:
    """One English sentence and where it came from."""

    text: str
    """The English text ("" while the machine translation is pending)."""
    origin: Origin
    """Machine output, the reader's edit, or the curated reference."""
    flags: tuple[str, ...] = ()
    """Warnings from the translation checks ("short", "untranslated: ...")."""


@dataclass(frozen=True)
class EnglishVersion:
    """One English rendering of a German block, with its label."""

    label: str
    """Where it came from, shown above it ("machine · translate-de_en 1.9", "reference")."""
    origin: Origin
    """The main origin of the version (edited sentences inside a machine version say so)."""
    sentences: tuple[EnglishSentence, ...]
    """The sentences; aligned one-to-one with the German sentences when ``aligned``."""
    aligned: bool
    """Whether sentence i translates German sentence i (so the cursor can pair them)."""
    notes: tuple[str, ...] = ()
    """Checks of this version the reader should see under it (machine output only)."""


@dataclass(frozen=True)
class EnglishBlock:
    """What the English column shows for one German block."""

    versions: tuple[EnglishVersion, ...]
    """The versions to show, in order (two in "both" mode)."""
    placeholder: str = ""
    """Shown when there is no version at all."""


def next_mode(mode: TranslationMode) -> TranslationMode:
    """The mode after ``mode`` in the cycle best → machine → reference → both."""
    return MODES[(MODES.index(mode) + 1) % len(MODES)]


def machine_version(
    germans: tuple[str, ...],
    machine: Mapping[str, SentenceTranslation],
    model_label: str | None,
    translating: bool = True,
) -> EnglishVersion | None:
    """The machine (and edited) version of a block, or None when no sentence is done yet.

    Without ``translating`` (no model, so nothing will come) a block with only the reader's
    edits is "edited by you" and nothing is said to be translating."""
    found = [machine.get(german) for german in germans]
    if not any(found):
        return None
    sentences = tuple(
        EnglishSentence(t.english, "edited" if t.origin == "edited" else "machine", t.flags)
        if t is not None
        else EnglishSentence("", "machine", ("pending",))
        for t in found
    )
    edited = sum(1 for sentence in sentences if sentence.origin == "edited")
    by_machine = sum(1 for t in found if t is not None and t.origin != "edited")
    mine_only = edited == len(sentences) or (not translating and not by_machine)
    origin: Origin = "edited" if mine_only else "machine"
    label = f"machine · {model_label}" if model_label else "machine"
    if origin == "edited":
        label = "edited by you"
    elif edited:
        label += f" · {edited} edited"
    choice_labels, choices = choice_notes(found)
    if choice_labels:
        label += " · " + " · ".join(choice_labels)
    if translating and any("pending" in sentence.flags for sentence in sentences):
        label += " · translating…"
    return EnglishVersion(label, origin, sentences, aligned=True, notes=choices)


def choice_notes(
    found: Sequence[SentenceTranslation | None],
) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """For a block's machine sentences: the label parts (``1 glossary-guided``) and one note per
    sentence that has a second stored choice, saying which one is shown and what the other is.

    Only the stored labels are used: a guided choice is a choice among the model's own
    outputs, never claimed to be better English.
    """
    counts: dict[str, int] = {}
    notes: list[str] = []
    for number, translation in enumerate(found, start=1):
        if translation is None or translation.origin != "machine" or not translation.label:
            continue
        counts[translation.label] = counts.get(translation.label, 0) + 1
        other = "the model's first choice" if translation.label == GUIDED_LABEL else GUIDED_LABEL
        notes.append(
            f"✦ sentence {number}: {translation.label} · {other}: “{translation.other or ''}”"
        )
    return tuple(f"{count} {label}" for label, count in counts.items()), tuple(notes)


def swapped_choice(translation: SentenceTranslation | None) -> SentenceTranslation | None:
    """The sentence with its other stored choice shown (glossary-guided ⇄ the model's first
    choice), or None when it has no second choice (or it is the reader's own English)."""
    if translation is None or translation.origin != "machine":
        return None
    return translation.swapped()


def reference_version(
    reference: ReferenceTranslation | None, block_index: int, german_count: int
) -> EnglishVersion | None:
    """The curated reference version of a block, or None when the text has none."""
    if reference is None or block_index >= len(reference.blocks):
        return None
    lines = reference.blocks[block_index]
    if not lines:
        return None
    sentences = tuple(EnglishSentence(line, "reference") for line in lines)
    return EnglishVersion(
        "reference (curated)", "reference", sentences, aligned=len(lines) == german_count
    )


def with_edits(reference: EnglishVersion, machine: EnglishVersion | None) -> EnglishVersion:
    """The reference with the reader's edited sentences in place of its own (never machine
    output: while a block is still being translated, "best" shows curated text)."""
    if machine is None or not reference.aligned:
        return reference
    sentences = tuple(
        mine if mine.origin == "edited" else curated
        for curated, mine in zip(reference.sentences, machine.sentences, strict=True)
    )
    edited = sum(1 for sentence in sentences if sentence.origin == "edited")
    if not edited:
        return reference
    return replace(reference, sentences=sentences, label=f"{reference.label} · {edited} edited")


def compose_english(
    document: Document,
    block_index: int,
    mode: TranslationMode,
    machine: Mapping[str, SentenceTranslation],
    reference: ReferenceTranslation | None,
    model_label: str | None,
    no_machine_reason: str,
    machine_notes: tuple[str, ...] = (),
    translating: bool = True,
) -> EnglishBlock:
    """The English for one block in the given mode.

    ``machine_notes`` are the checks of the machine English, shown under it only.
    ``no_machine_reason`` is the placeholder when no machine translation is there (translating,
    or no model installed: then it says how to install one). Without ``translating`` (no
    model) it is said once, beside the first block; the other blocks' English stays empty.
    """
    # Never segment here: this runs on the UI thread for every block. Until a worker has
    # segmented the block, the reference shows unaligned and machine output cannot exist yet.
    sentences = document.segmented(block_index)
    germans = tuple(sentence.text for sentence in sentences or ())
    by_machine = machine_version(germans, machine, model_label, translating)
    if by_machine is not None and machine_notes:
        by_machine = replace(by_machine, notes=by_machine.notes + machine_notes)
    by_reference = reference_version(
        reference, block_index, len(germans) if sentences is not None else -1
    )
    chosen: tuple[EnglishVersion | None, ...]
    if mode == "machine":
        chosen = (by_machine,)
    elif mode == "reference":
        chosen = (by_reference,)
    elif mode == "both":
        chosen = (by_machine, by_reference)
    else:
        complete = by_machine is not None and all(
            "pending" not in s.flags for s in by_machine.sentences
        )
        if complete or by_reference is None:
            chosen = (by_machine,)
        else:
            chosen = (with_edits(by_reference, by_machine),)
    versions = tuple(version for version in chosen if version is not None)
    if versions:
        return EnglishBlock(versions)
    if mode == "reference":
        return EnglishBlock((), "no reference translation for this text")
    if not translating and block_index > 0:
        return EnglishBlock((), "")  # said once, at the top (and in the status bar)
    return EnglishBlock((), no_machine_reason)


def machine_notes(
    sentences: Sequence[Sentence],
    machine: Mapping[str, SentenceTranslation],
    analysis: BlockAnalysis | None,
    names: Collection[str],
) -> tuple[str, ...]:
    """Checks of the machine English of one block, one line per sentence that has any:
    dropped text, German left in the English, glossary terms the English lacks."""
    # Imported here: the glossary's checks are not needed for the first frame.
    from glossary.checking import missing_renderings
    from reader.translation.checks import check_translation

    notes: list[str] = []
    for sentence in sentences:
        translation = machine.get(sentence.text)
        if translation is None or translation.origin != "machine" or not translation.english:
            continue  # the reader's own corrections are not second-guessed
        findings: list[str] = []
        # Checked again here (cheap) so the glossary's names are not taken for untranslated
        # German words; the stored flags were computed without them.
        for finding in check_translation(sentence.text, translation.english, names):
            if finding.kind == "short":
                findings.append("short for its German: read the German closely")
            else:
                findings.append(f"left in German: {finding.word}")
        if analysis is not None:
            matches = analysis.sentences[sentence.index].matches
            findings += [
                f"{check.match.entry.term} → the glossary says “{check.expected[0]}”"
                for check in missing_renderings(matches, translation.english)
            ]
        if findings:
            notes.append(f"⚑ sentence {sentence.index + 1}: " + " · ".join(findings))
    return tuple(notes)


def english_beneath(
    document: Document,
    block_index: int,
    sentence_index: int,
    reference: ReferenceTranslation | None,
    machine_stored: bool,
) -> Beneath | None:
    """What dropping the reader's correction of one sentence brings back, if anything.

    The machine English when it is stored (best mode shows it), else the curated reference
    sentence when the reference is aligned with the block, else nothing (the placeholder).
    """
    if machine_stored:
        return "machine"
    sentences = document.segmented(block_index)
    german_count = len(sentences) if sentences is not None else -1
    version = reference_version(reference, block_index, german_count)
    if version is not None and version.aligned and sentence_index < len(version.sentences):
        return "reference"
    return None
