"""Benchmark of the glossary draft: time for a 4,000-character text, recall and precision.

Run: ``.venv/bin/python bench/draft.py``. Takes 4,000 characters of real German (the bundled
taz article, then whole paragraphs of the real texts in tests/data/real/), segments it
B1 (HanTa, the Ding index and wordfreq loading included, the index already built), in a fresh
process, and prints both times and their ratio against the target (draft < 3 s). Then it
drafts the hand-marked real texts in ``tests/data/real/`` and prints recall and precision.
"""

from __future__ import annotations

import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from glossary.ding import DingDictionary, dictionary_path
from glossary.draft import draft_proposals
from glossary.loading import load_glossaries
from glossary.lookup import WordLookup
from reader.core.paths import DEFAULT_TEXT
from reader.core.text import parse_document, parse_front_matter, read_text_file
from tests.draft_quality import REAL, measure

TARGET_SECONDS = 3.0
CHARACTERS = 4000


def excerpt(characters: int = CHARACTERS) -> str:
    """The bundled taz article, then paragraphs of the real texts until ``characters``."""
    parts = [read_text_file(DEFAULT_TEXT)]
    length = len(parse_document(parts[0], "taz").source)
    for path in sorted(REAL.glob("draft-*.md")):
        _, body = parse_front_matter(read_text_file(path), str(path))
        for paragraph in body.split("\n\n")[1:]:  # without the "# title" line
            if length >= characters:
                return "\n\n".join(parts)
            parts.append(paragraph.strip())
            length += len(paragraph)
    return "\n\n".join(parts)


def main() -> int:
    """Measure and print; exit 1 when the draft misses its target."""
    if not dictionary_path().is_file():
        print(f"the Ding dictionary is not at {dictionary_path()}; install trans-de-en")
        return 2
    DingDictionary.open().close()  # build the index now if needed: not part of the draft
    document = parse_document(excerpt(), "excerpt")
    length = sum(len(block.text) for block in document.blocks)
    start = time.perf_counter()
    for _ in document.all_sentences():
        pass
    segmenting = time.perf_counter() - start
    start, cpu = time.perf_counter(), time.process_time()
    lookup = WordLookup.create(load_glossaries())
    proposals = draft_proposals(document, lookup, "B1")
    drafting = time.perf_counter() - start
    drafting_cpu = time.process_time() - cpu
    start = time.perf_counter()
    draft_proposals(document, lookup, "C1")
    warm = time.perf_counter() - start
    lookup.close()
    print(f"text: {length} characters in {len(document.blocks)} blocks (taz article + Wikinews)")
    print(f"segmenting (SoMaJo, cold):            {segmenting:6.2f} s")
    print(
        f"drafting at B1 (cold, {len(proposals)} proposals): {drafting:6.2f} s"
        f"  = {drafting / segmenting:.1f} x segmenting, {drafting / TARGET_SECONDS:.0%} of the"
        f" {TARGET_SECONDS:g} s target"
    )
    print(f"  (CPU time of the cold draft: {drafting_cpu:.2f} s; the wall time includes waiting")
    print("   for a core when other processes run)")
    print(f"drafting again at C1 (warm):          {warm:6.2f} s")
    total_found = total_hand = total_marked = total_proposals = 0
    for quality in measure("B1"):
        marked = len(quality.proposals) - len(quality.unmarked)
        print(
            f"{quality.name}: recall {quality.recall:.0%} ({len(quality.found)}/"
            f"{len(quality.hand)}), precision {quality.precision:.0%} ({marked}/"
            f"{len(quality.proposals)})"
        )
        print(f"  missed: {', '.join(quality.missed)}")
        print(f"  proposed, not hand-marked: {', '.join(quality.unmarked)}")
        total_found += len(quality.found)
        total_hand += len(quality.hand)
        total_marked += marked
        total_proposals += len(quality.proposals)
    print(
        f"all: recall {total_found / total_hand:.0%} ({total_found}/{total_hand}),"
        f" precision {total_marked / total_proposals:.0%} ({total_marked}/{total_proposals})"
    )
    return 0 if drafting < TARGET_SECONDS else 1


if __name__ == "__main__":
    sys.exit(main())
