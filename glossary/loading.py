"""Reading and validating glossary YAML files, and adding the reader's own entries.

The YAML is composed into nodes (``yaml.compose``) rather than loaded into plain Python data,
so every problem can name the file, the line and the field. A file with any problem is left
out as a whole and its problems are reported; loading never raises for bad content. The
format is documented in ``glossary/SCHEMA.md``.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from dataclasses import fields as dataclass_fields
from pathlib import Path
from typing import Any

import yaml

from glossary.entry_nodes import Fields, NodeChecker, entry_from_node, scope_value
from glossary.schema import (
    ENTRY_FIELDS,
    CompoundPart,
    GlossaryEntry,
    GlossaryFile,
    GlossarySet,
    Origin,
    Scope,
    ValidationProblem,
)
from reader.core import safe_yaml
from reader.core.atomic import atomic_write_text
from reader.core.errors import UserError
from reader.core.paths import config_dir

CURATED_DIR = Path(__file__).resolve().parent / "data"
"""Where the curated glossaries ship."""

TOP_LEVEL_FIELDS = {"glossary", "version", "language", "scope", "entries", "text"}


def user_glossary_path() -> Path:
    """The reader's own glossary file, ``config_dir()/glossary.yaml``."""
    return config_dir() / "glossary.yaml"


def curated_glossary_paths(directory: Path = CURATED_DIR) -> tuple[Path, ...]:
    """The curated glossary files, sorted by name."""
    return tuple(sorted(directory.glob("*.yaml")))


@dataclass(frozen=True)
class ParsedFile:
    """What one glossary file yields: its entries if it is sound, and its problems."""

    path: str
    """The file's path."""
    entries: tuple[GlossaryEntry, ...]
    """Its entries (empty when it has problems)."""
    problems: tuple[ValidationProblem, ...]
    """Everything wrong with it."""
    header: GlossaryFile | None
    """Its name and version, None when it has problems."""


def parse_glossary_text(text: str, file: str, origin: Origin = "curated") -> ParsedFile:
    """Validate a glossary file's text; the entries are given only if there is no problem."""
    try:
        root = safe_yaml.compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 0
        return _unreadable(file, line, f"not valid YAML: {error.problem or error.context}")
    except yaml.YAMLError as error:
        return _unreadable(file, 0, f"not valid YAML: {error}")
    if root is None:
        return _unreadable(file, 1, "the file is empty")
    checker = NodeChecker(file)
    fields = checker.mapping(root, "")
    name, version, default_scope = _header(checker, root, fields)
    entries = (
        _entries(checker, fields["entries"][1], origin, name or "", default_scope)
        if "entries" in fields
        else []
    )
    if checker.problems:
        return ParsedFile(file, (), tuple(checker.problems), None)
    header = GlossaryFile(file, name or "", version or "", origin, len(entries))
    return ParsedFile(file, tuple(entries), (), header)


def _unreadable(file: str, line: int, message: str) -> ParsedFile:
    """A file that is not a YAML document at all: one problem, no entries."""
    return ParsedFile(file, (), (ValidationProblem(file, line, "", message),), None)


def _header(
    checker: NodeChecker, root: yaml.Node, fields: Fields
) -> tuple[str | None, str | None, Scope]:
    """The file's name, version and default scope; reports what is wrong at the top level."""
    checker.unknown(fields, TOP_LEVEL_FIELDS, "")
    for required in ("glossary", "version", "entries"):
        if required not in fields and isinstance(root, yaml.MappingNode):
            checker.problem(root, required, "is required but missing")
    texts = {
        key: checker.string(fields[key][1], key)
        for key in ("glossary", "version", "text", "language")
        if key in fields
    }
    if texts.get("language") not in (None, "de"):
        checker.problem(fields["language"][1], "language", "only de is supported")
    default_scope: Scope = "general"
    if "scope" in fields:
        default_scope = scope_value(checker, fields["scope"][1], "scope") or "general"
    return texts.get("glossary"), texts.get("version"), default_scope


def _entries(
    checker: NodeChecker, node: yaml.Node, origin: Origin, name: str, default_scope: Scope
) -> list[GlossaryEntry]:
    """The sound entries of the ``entries`` list; a term twice (same kind) is a problem."""
    if isinstance(node, yaml.ScalarNode) and node.tag.endswith(":null"):
        return []  # "entries:" with nothing under it: an empty glossary is fine
    if not isinstance(node, yaml.SequenceNode):
        checker.problem(node, "entries", "must be a list of entries")
        return []
    entries: list[GlossaryEntry] = []
    seen: dict[tuple[str, str], int] = {}
    for index, item in enumerate(node.value):
        entry = entry_from_node(checker, item, f"entries[{index}]", origin, name, default_scope)
        if entry is None:
            continue
        term_key = (entry.term.casefold(), entry.kind)
        if term_key in seen:
            checker.problem(
                item,
                f"entries[{index}].term",
                f"duplicate term {entry.term!r} ({entry.kind}), first on line {seen[term_key]}",
            )
            continue
        seen[term_key] = entry.line
        entries.append(entry)
    return entries


def parse_glossary_file(path: Path, origin: Origin = "curated") -> ParsedFile:
    """Read and validate one glossary file; unreadable files become a problem, not an error."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        reason = "not UTF-8 text (a glossary is a UTF-8 YAML file)"
    except FileNotFoundError:
        reason = "no such file"
    except IsADirectoryError:
        reason = "is a directory, not a glossary file"
    except PermissionError:
        reason = "permission denied"
    except OSError as error:
        reason = f"cannot be read ({(error.strerror or str(error)).lower()})"
    else:
        return parse_glossary_text(text, str(path), origin)
    return ParsedFile(str(path), (), (ValidationProblem(str(path), 0, "", reason),), None)


def format_problem(problem: ValidationProblem) -> str:
    """``file:line: field: message``, leaving out the line and field when there are none."""
    return str(problem)


def validate_files(paths: Sequence[Path]) -> tuple[ValidationProblem, ...]:
    """Every problem in ``paths`` (curated rules; the user file also gets its own checks)."""
    problems: list[ValidationProblem] = []
    for path in paths:
        problems.extend(parse_glossary_file(path).problems)
    return tuple(problems)


def load_glossaries(
    curated: Iterable[Path] | None = None, user_file: Path | None = None
) -> GlossarySet:
    """The curated glossaries plus the reader's own file; broken files are left out, never raise.

    A reader's entry with the same term and kind as a curated one is skipped and reported:
    the reader's file never overrides the curated glossary.
    """
    curated_paths = tuple(curated) if curated is not None else curated_glossary_paths()
    user_path = user_file if user_file is not None else user_glossary_path()
    loaded = _Loaded()
    for path in curated_paths:
        loaded.add(parse_glossary_file(path, "curated"))
    if user_path.exists():
        loaded.add(parse_glossary_file(user_path, "user"))
    return GlossarySet(
        entries=tuple(loaded.entries), problems=tuple(loaded.problems), files=tuple(loaded.files)
    )


@dataclass
class _Loaded:
    """The entries, problems and headers of the files loaded so far."""

    entries: list[GlossaryEntry] = field(default_factory=list)
    problems: list[ValidationProblem] = field(default_factory=list)
    files: list[GlossaryFile] = field(default_factory=list)
    curated_keys: dict[tuple[str, str], GlossaryEntry] = field(default_factory=dict)

    def add(self, parsed: ParsedFile) -> None:
        """Take a file's entries, skipping (and reporting) a term a curated file already has."""
        self.problems.extend(parsed.problems)
        for entry in parsed.entries:
            key = (entry.term.casefold(), entry.kind)
            first = self.curated_keys.get(key)
            if first is not None:
                self.problems.append(
                    ValidationProblem(entry.file, entry.line, "term", _clash(entry, first))
                )
                continue
            if entry.origin == "curated":
                self.curated_keys[key] = entry
            self.entries.append(entry)
        if parsed.header is not None:
            self.files.append(parsed.header)


def _clash(entry: GlossaryEntry, first: GlossaryEntry) -> str:
    if entry.origin == "user":
        return f"{entry.term!r} ({entry.kind}) is a curated entry; yours is not used"
    return f"{entry.term!r} ({entry.kind}) is already in {first.file}:{first.line}"


def entry_to_data(entry: GlossaryEntry) -> dict[str, Any]:
    """The entry as plain YAML-ready data, only the fields that are set, schema order."""
    data: dict[str, Any] = {}
    for spec in ENTRY_FIELDS:
        value = getattr(entry, spec.name)
        if spec.required or (value and value != _DEFAULTS[spec.name]):
            data[spec.name] = _plain(value)
    return data


def entry_from_data(data: Mapping[str, Any], origin: Origin = "user") -> GlossaryEntry:
    """The entry that plain data (checked by :func:`validate_entry_data`) describes."""
    values: dict[str, Any] = {}
    for spec in ENTRY_FIELDS:
        if spec.name in data:
            value = data[spec.name]
            if spec.value == "parts":
                value = tuple(CompoundPart(**part) for part in value)
            elif spec.value == "texts":
                value = tuple(value)
            values[spec.name] = value
    return GlossaryEntry(**values, origin=origin)


_DEFAULTS = {item.name: item.default for item in dataclass_fields(GlossaryEntry)}


def _plain(value: object) -> object:
    """A field's value as YAML-ready data: lists for tuples, {part, meaning} for parts."""
    if isinstance(value, tuple):
        return [
            {"part": item.part, "meaning": item.meaning} if isinstance(item, CompoundPart) else item
            for item in value
        ]
    return value


def dump_glossary_yaml(data: Any) -> str:
    """``data`` as glossary YAML: keys in the order given, umlauts as written, 100 columns."""
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def validate_entry_data(data: dict[str, Any]) -> tuple[ValidationProblem, ...]:
    """Check one entry given as plain data with the file rules; fields are named plainly."""
    text = dump_glossary_yaml({"glossary": "check", "version": "0", "entries": [data]})
    parsed = parse_glossary_text(text, "entry", "user")
    return tuple(
        ValidationProblem(p.file, 0, p.field.removeprefix("entries[0]."), p.message)
        for p in parsed.problems
    )


def add_user_entry(
    entry: GlossaryEntry,
    user_file: Path | None = None,
    curated: Iterable[Path] | None = None,
) -> Path:
    """Append ``entry`` to the reader's own glossary file, atomically; returns the file's path.

    Raises UserError when the entry is invalid, the file is broken, or the term (same kind)
    is already curated or already in the reader's file.
    """
    path = user_file if user_file is not None else user_glossary_path()
    data = entry_to_data(entry)
    problems = validate_entry_data(data)
    if problems:
        raise UserError("; ".join(f"{p.field}: {p.message}" for p in problems))
    existing = load_glossaries(curated, path)
    key = (entry.term.casefold(), entry.kind)
    for known in existing.entries:
        if (known.term.casefold(), known.kind) == key:
            where = "the curated glossary" if known.origin == "curated" else "your glossary"
            raise UserError(f"{entry.term!r} ({entry.kind}) is already in {where}")
    if path.exists():
        current = path.read_text(encoding="utf-8")
        parsed = parse_glossary_text(current, str(path), "user")
        if parsed.problems:
            raise UserError(f"fix your glossary first: {parsed.problems[0]}")
        new_text = _append_entry_text(current, data)
    else:
        new_text = (
            "# Your own glossary entries; the format is described in Lesepult's SCHEMA.md.\n"
            + dump_glossary_yaml(
                {"glossary": "My glossary", "version": "1", "language": "de", "entries": [data]}
            )
        )
    # Whatever route produced the text, it must read back as a sound file before it is written.
    check = parse_glossary_text(new_text, str(path), "user")
    if check.problems:
        raise UserError(f"could not add the entry: {check.problems[0]}")
    atomic_write_text(path, new_text)
    return path


def _append_entry_text(current: str, data: dict[str, Any]) -> str:
    """The file's text with ``data`` appended to its entries, keeping the reader's comments.

    Appending is only safe when ``entries`` is the last top-level key and a block list (or
    empty); otherwise the file is rewritten from its data, which drops comments.
    """
    root = safe_yaml.compose(current)
    assert isinstance(root, yaml.MappingNode)
    last_key, last_value = root.value[-1]
    item_text = dump_glossary_yaml([data])
    if last_key.value == "entries":
        if isinstance(last_value, yaml.SequenceNode) and not last_value.flow_style:
            indent = " " * last_value.start_mark.column
            lines = [indent + line if line else line for line in item_text.splitlines()]
            return current.rstrip("\n") + "\n" + "\n".join(lines) + "\n"
        if isinstance(last_value, yaml.ScalarNode) and last_value.tag.endswith(":null"):
            return current.rstrip("\n") + "\n" + item_text
    whole = safe_yaml.load(current)
    whole["entries"] = list(whole.get("entries") or []) + [data]
    return dump_glossary_yaml(whole)
