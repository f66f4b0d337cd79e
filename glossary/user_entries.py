"""Editing and removing the reader's own glossary entries (adding is ``loading.add_user_entry``).

An entry is named by its term (any case) and kind, as the file rules key it. The new file text
is built by replacing or dropping only that entry's lines, so the reader's comments and the
other entries stay as written; when the file is laid out in a way that makes that unsafe, it
is rewritten from its data instead. Either way the result must read back as a sound file with
exactly the expected entries before it is written, atomically.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml

from glossary.loading import (
    dump_glossary_yaml,
    entry_to_data,
    load_glossaries,
    parse_glossary_text,
    user_glossary_path,
    validate_entry_data,
)
from glossary.schema import GlossaryEntry
from reader.core import safe_yaml
from reader.core.atomic import atomic_write_text
from reader.core.errors import ExitCode, UserError


def _key(term: str, kind: str) -> tuple[str, str]:
    return (term.casefold(), kind)


def _comparable(entry: GlossaryEntry) -> dict[str, Any]:
    return entry_to_data(entry)


def _read_user_file(path: Path) -> tuple[str, tuple[GlossaryEntry, ...]]:
    if not path.exists():
        raise UserError(
            f"you have no glossary entries yet ({path}); add one with A in the reading view",
            ExitCode.NOT_FOUND,
        )
    try:
        current = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as error:
        raise UserError(f"{path}: cannot be read ({error})") from error
    parsed = parse_glossary_text(current, str(path), "user")
    if parsed.problems:
        raise UserError(f"fix your glossary first: {parsed.problems[0]}")
    return current, parsed.entries


def user_entries(user_file: Path | None = None) -> tuple[GlossaryEntry, ...]:
    """The reader's own entries (none when the file does not exist); a broken file raises."""
    path = user_file if user_file is not None else user_glossary_path()
    if not path.exists():
        return ()
    return _read_user_file(path)[1]


def find_user_entry(
    term: str, kind: str | None = None, user_file: Path | None = None
) -> GlossaryEntry:
    """The reader's entry for ``term`` (any case), of ``kind`` when given; else UserError."""
    path = user_file if user_file is not None else user_glossary_path()
    found = [
        entry
        for entry in _read_user_file(path)[1]
        if entry.term.casefold() == term.casefold() and kind in {None, entry.kind}
    ]
    if not found:
        of_kind = f" ({kind})" if kind else ""
        raise UserError(
            f"no entry {term!r}{of_kind} in your glossary {path} (curated entries cannot be"
            " changed here; see: lesepult glossary list)",
            ExitCode.NOT_FOUND,
        )
    if len(found) > 1:
        kinds = ", ".join(entry.kind for entry in found)
        raise UserError(f"{term!r} is in your glossary as {kinds}; name one with --kind")
    return found[0]


def update_user_entry(
    original: GlossaryEntry,
    entry: GlossaryEntry,
    user_file: Path | None = None,
    curated: Iterable[Path] | None = None,
) -> Path:
    """Replace the reader's entry ``original`` (same term and kind) by ``entry``, atomically.

    Raises UserError when ``entry`` is invalid, ``original`` is not in the file, the file is
    broken, or the new term and kind clash with a curated entry or another of the reader's.
    """
    data = entry_to_data(entry)
    problems = validate_entry_data(data)
    if problems:
        raise UserError("; ".join(f"{p.field}: {p.message}" for p in problems))
    path = user_file if user_file is not None else user_glossary_path()
    current, entries = _read_user_file(path)
    index = _index_of(entries, original, path)
    new_key = _key(entry.term, entry.kind)
    for position, known in enumerate(entries):
        if position != index and _key(known.term, known.kind) == new_key:
            raise UserError(f"{entry.term!r} ({entry.kind}) is already in your glossary")
    if new_key != _key(original.term, original.kind):
        for known in load_glossaries(curated, path).entries:
            if known.origin == "curated" and _key(known.term, known.kind) == new_key:
                raise UserError(f"{entry.term!r} ({entry.kind}) is already in the curated glossary")
    expected = [_comparable(known) for known in entries]
    expected[index] = data
    _write(path, current, index, data, expected)
    return path


def remove_user_entry(entry: GlossaryEntry, user_file: Path | None = None) -> Path:
    """Remove the reader's entry with ``entry``'s term and kind, atomically; else UserError."""
    path = user_file if user_file is not None else user_glossary_path()
    current, entries = _read_user_file(path)
    index = _index_of(entries, entry, path)
    expected = [_comparable(known) for position, known in enumerate(entries) if position != index]
    _write(path, current, index, None, expected)
    return path


def _index_of(entries: tuple[GlossaryEntry, ...], wanted: GlossaryEntry, path: Path) -> int:
    key = _key(wanted.term, wanted.kind)
    for index, known in enumerate(entries):
        if _key(known.term, known.kind) == key:
            return index
    raise UserError(
        f"{wanted.term!r} ({wanted.kind}) is not in your glossary {path}"
        " (it may have been changed elsewhere: reload with ctrl+r)",
        ExitCode.NOT_FOUND,
    )


def _write(
    path: Path, current: str, index: int, data: dict[str, Any] | None, expected: list[Any]
) -> None:
    """Write the edited text, keeping comments where that is safe, after checking it."""
    candidates = [_edited_in_place(current, index, data), _rewritten(current, index, data)]
    for text in candidates:
        if text is None:
            continue
        parsed = parse_glossary_text(text, str(path), "user")
        if not parsed.problems and [_comparable(e) for e in parsed.entries] == expected:
            atomic_write_text(path, text)
            return
    raise UserError(f"could not change {path}: the edited file would not read back the same")


def _edited_in_place(current: str, index: int, data: dict[str, Any] | None) -> str | None:
    """The text with only entry ``index``'s lines replaced (or dropped); None when unsafe."""
    root = safe_yaml.compose(current)
    if not isinstance(root, yaml.MappingNode):
        return None
    sequence = next((v for k, v in root.value if k.value == "entries"), None)
    if not isinstance(sequence, yaml.SequenceNode) or sequence.flow_style:
        return None
    lines = current.splitlines(keepends=True)
    items = sequence.value
    start = items[index].start_mark.line
    dash_line = lines[start]
    if not dash_line.lstrip().startswith("- "):
        return None
    if index + 1 < len(items):
        end = items[index + 1].start_mark.line
    else:
        mark = items[index].end_mark
        end = mark.line if mark.column == 0 else mark.line + 1
    # Comments and blank lines before the next entry belong to it, not to this one.
    while end > start + 1 and (not lines[end - 1].strip() or lines[end - 1].lstrip()[0] == "#"):
        end -= 1
    replacement = ""
    if data is not None:
        indent = " " * (len(dash_line) - len(dash_line.lstrip()))
        replacement = "".join(
            f"{indent}{line}\n" for line in dump_glossary_yaml([data]).splitlines()
        )
    edited = "".join(lines[:start]) + replacement + "".join(lines[end:])
    if data is None and len(items) == 1:
        return None  # an empty block list would leave "entries:" with nothing: rewrite
    return edited


def _rewritten(current: str, index: int, data: dict[str, Any] | None) -> str:
    """The whole file rewritten from its data with the change (comments are lost)."""
    whole = safe_yaml.load(current)
    entries = list(whole.get("entries") or [])
    if data is None:
        del entries[index]
    else:
        entries[index] = data
    whole["entries"] = entries
    return dump_glossary_yaml(whole)
