"""Reading and validating glossary YAML files, and adding the reader's own entries.

The YAML is composed into nodes (``yaml.compose``) rather than loaded into plain Python data,
so every problem can name the file, the line and the field. A file with any problem is left
out as a whole and its problems are reported; loading never raises for bad content. The
format is documented in ``glossary/SCHEMA.md``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from glossary.schema import (
    ENTRY_KINDS,
    GENDERS,
    SCOPES,
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

STRING_TAG = "tag:yaml.org,2002:str"
TOP_LEVEL_FIELDS = {"glossary", "version", "language", "scope", "entries", "text"}
STRING_FIELDS = (
    "gender",
    "plural",
    "english_name",
    "about",
    "spelling_note",
    "register",
    "particle",
)
LIST_FIELDS = ("forms", "related", "in_text")
ENTRY_FIELDS = {
    "term",
    "kind",
    "renderings",
    "explanation",
    "parts",
    "draft",
    "scope",
    *STRING_FIELDS,
    *LIST_FIELDS,
}


# A text named by in_text is a file stem of a bundled text: a name, never a path.
TEXT_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")


def user_glossary_path() -> Path:
    """The reader's own glossary file, ``config_dir()/glossary.yaml``."""
    return config_dir() / "glossary.yaml"


def curated_glossary_paths(directory: Path = CURATED_DIR) -> tuple[Path, ...]:
    """The curated glossary files, sorted by name."""
    return tuple(sorted(directory.glob("*.yaml")))


@dataclass
class _FileChecker:
    """Collects the problems of one file while its nodes are converted into entries."""

    file: str
    problems: list[ValidationProblem] = field(default_factory=list)

    def problem(self, node: yaml.Node | None, field_name: str, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else 0
        self.problems.append(ValidationProblem(self.file, line, field_name, message))

    def mapping(self, node: yaml.Node, where: str) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        """The keys of a mapping node with their key and value nodes; reports duplicates."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, where, "must be a mapping of field: value")
            return {}
        result: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in result:
                self.problem(key_node, _join(where, key), "appears twice")
            result[key] = (key_node, value_node)
        return result

    def string(self, node: yaml.Node, where: str, required_text: bool = True) -> str | None:
        """The string value of a scalar node, or None after reporting a problem."""
        if not isinstance(node, yaml.ScalarNode) or node.tag != STRING_TAG:
            self.problem(node, where, f"must be a text, not {_describe(node)}")
            return None
        text = str(node.value).strip()
        if required_text and not text:
            self.problem(node, where, "must not be empty")
            return None
        return text

    def strings(self, node: yaml.Node, where: str) -> tuple[str, ...] | None:
        """A list of non-empty strings (a single string counts as a list of one)."""
        if isinstance(node, yaml.ScalarNode):
            single = self.string(node, where)
            return (single,) if single is not None else None
        if not isinstance(node, yaml.SequenceNode):
            self.problem(node, where, f"must be a list of texts, not {_describe(node)}")
            return None
        values = []
        for index, item in enumerate(node.value):
            value = self.string(item, f"{where}[{index}]")
            if value is None:
                return None
            values.append(value)
        return tuple(values)


def _join(where: str, key: str) -> str:
    return f"{where}.{key}" if where else key


def _describe(node: yaml.Node) -> str:
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    return {"int": "a number", "float": "a number", "bool": "true/false", "null": "empty"}.get(
        tag, tag
    )


def _scope(checker: _FileChecker, node: yaml.Node, where: str) -> Scope | None:
    """A ``scope`` value: general or text; None after reporting a problem."""
    value = checker.string(node, where)
    if value is None:
        return None
    if value not in SCOPES:
        checker.problem(node, where, f"{value!r} is not {' or '.join(SCOPES)}")
        return None
    return "text" if value == "text" else "general"


def _check_scope(
    checker: _FileChecker,
    node: yaml.Node,
    fields: dict[str, tuple[yaml.Node, yaml.Node]],
    where: str,
    values: dict[str, Any],
) -> None:
    """A text-scoped entry names its texts in ``in_text``, each a bundled text's file stem."""
    for index, stem in enumerate(values.get("in_text") or ()):
        if not TEXT_STEM.fullmatch(stem) or ".." in stem:
            item = fields["in_text"][1]
            item_node = item.value[index] if isinstance(item, yaml.SequenceNode) else item
            checker.problem(
                item_node,
                _join(where, f"in_text[{index}]"),
                f"{stem!r} is not a text's file name (letters, digits, '.', '_', '-')",
            )
    if values.get("scope") == "text" and not values.get("in_text"):
        scope_node = fields["scope"][1] if "scope" in fields else node
        checker.problem(
            scope_node,
            _join(where, "scope"),
            "is text, so in_text must name the texts the entry was written for",
        )


def _entry_from_node(
    checker: _FileChecker,
    node: yaml.Node,
    where: str,
    origin: Origin,
    glossary_name: str,
    default_scope: Scope = "general",
) -> GlossaryEntry | None:
    before = len(checker.problems)
    fields = checker.mapping(node, where)
    if not fields and isinstance(node, yaml.MappingNode):
        checker.problem(node, where, "is an empty entry")
        return None
    for key, (key_node, _) in fields.items():
        if key not in ENTRY_FIELDS:
            checker.problem(key_node, _join(where, key), "is not a known field")
    values: dict[str, Any] = {}
    for required in ("term", "kind", "renderings", "explanation"):
        if required not in fields:
            checker.problem(node, _join(where, required), "is required but missing")
    if "term" in fields:
        values["term"] = checker.string(fields["term"][1], _join(where, "term"))
    if "kind" in fields:
        kind = checker.string(fields["kind"][1], _join(where, "kind"))
        if kind is not None and kind not in ENTRY_KINDS:
            checker.problem(
                fields["kind"][1],
                _join(where, "kind"),
                f"{kind!r} is not one of {', '.join(ENTRY_KINDS)}",
            )
        values["kind"] = kind
    if "renderings" in fields:
        renderings = checker.strings(fields["renderings"][1], _join(where, "renderings"))
        if renderings == ():
            checker.problem(fields["renderings"][1], _join(where, "renderings"), "is empty")
        values["renderings"] = renderings
    if "explanation" in fields:
        values["explanation"] = checker.string(
            fields["explanation"][1], _join(where, "explanation")
        )
    for name in STRING_FIELDS:
        if name in fields:
            values[name] = checker.string(fields[name][1], _join(where, name))
    if values.get("gender") is not None and values["gender"] not in GENDERS:
        checker.problem(
            fields["gender"][1], _join(where, "gender"), f"{values['gender']!r} is not m, f or n"
        )
    for name in LIST_FIELDS:
        if name in fields:
            values[name] = checker.strings(fields[name][1], _join(where, name))
    if "parts" in fields:
        values["parts"] = _parts_from_node(checker, fields["parts"][1], _join(where, "parts"))
    if "draft" in fields:
        draft_node = fields["draft"][1]
        if not (isinstance(draft_node, yaml.ScalarNode) and draft_node.tag.endswith(":bool")):
            checker.problem(draft_node, _join(where, "draft"), "must be true or false")
        else:
            values["draft"] = str(draft_node.value).lower() in {"true", "yes", "on"}
    values["scope"] = (
        _scope(checker, fields["scope"][1], _join(where, "scope"))
        if "scope" in fields
        else default_scope
    )
    if isinstance(node, yaml.MappingNode):
        _check_scope(checker, node, fields, where, values)
    if len(checker.problems) > before:
        return None
    return GlossaryEntry(
        term=values["term"],
        kind=values["kind"],
        renderings=values["renderings"],
        explanation=values["explanation"],
        gender=values.get("gender"),
        plural=values.get("plural"),
        forms=values.get("forms") or (),
        parts=values.get("parts") or (),
        related=values.get("related") or (),
        english_name=values.get("english_name"),
        about=values.get("about"),
        spelling_note=values.get("spelling_note"),
        register=values.get("register"),
        in_text=values.get("in_text") or (),
        particle=values.get("particle"),
        scope=values["scope"],
        origin=origin,
        file=checker.file,
        line=node.start_mark.line + 1,
        glossary=glossary_name,
        draft=values.get("draft", False),
    )


def _parts_from_node(
    checker: _FileChecker, node: yaml.Node, where: str
) -> tuple[CompoundPart, ...] | None:
    if not isinstance(node, yaml.SequenceNode):
        checker.problem(node, where, f"must be a list of {{part, meaning}}, not {_describe(node)}")
        return None
    parts = []
    for index, item in enumerate(node.value):
        item_where = f"{where}[{index}]"
        fields = checker.mapping(item, item_where)
        for key, (key_node, _) in fields.items():
            if key not in {"part", "meaning"}:
                checker.problem(key_node, _join(item_where, key), "is not a known field")
        texts = {}
        for name in ("part", "meaning"):
            if name not in fields:
                checker.problem(item, _join(item_where, name), "is required but missing")
            else:
                texts[name] = checker.string(fields[name][1], _join(item_where, name))
        if texts.get("part") is not None and texts.get("meaning") is not None:
            parts.append(CompoundPart(part=texts["part"] or "", meaning=texts["meaning"] or ""))
    return tuple(parts)


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
    checker = _FileChecker(file)
    try:
        root = safe_yaml.compose(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark is not None else 0
        message = f"not valid YAML: {error.problem or error.context}"
        return ParsedFile(file, (), (ValidationProblem(file, line, "", message),), None)
    except yaml.YAMLError as error:
        message = f"not valid YAML: {error}"
        return ParsedFile(file, (), (ValidationProblem(file, 0, "", message),), None)
    if root is None:
        return ParsedFile(file, (), (ValidationProblem(file, 1, "", "the file is empty"),), None)
    fields = checker.mapping(root, "")
    for key, (key_node, _) in fields.items():
        if key not in TOP_LEVEL_FIELDS:
            checker.problem(key_node, key, "is not a known field")
    name = version = None
    for required in ("glossary", "version", "entries"):
        if required not in fields and isinstance(root, yaml.MappingNode):
            checker.problem(root, required, "is required but missing")
    if "glossary" in fields:
        name = checker.string(fields["glossary"][1], "glossary")
    if "version" in fields:
        version = checker.string(fields["version"][1], "version")
    if "text" in fields:
        checker.string(fields["text"][1], "text")
    if "language" in fields:
        language = checker.string(fields["language"][1], "language")
        if language is not None and language != "de":
            checker.problem(fields["language"][1], "language", "only de is supported")
    default_scope: Scope = "general"
    if "scope" in fields:
        default_scope = _scope(checker, fields["scope"][1], "scope") or "general"
    entries: list[GlossaryEntry] = []
    if "entries" in fields:
        entries_node = fields["entries"][1]
        if isinstance(entries_node, yaml.ScalarNode) and entries_node.tag.endswith(":null"):
            pass  # "entries:" with nothing under it: an empty glossary is fine
        elif not isinstance(entries_node, yaml.SequenceNode):
            checker.problem(entries_node, "entries", "must be a list of entries")
        else:
            seen: dict[tuple[str, str], int] = {}
            for index, item in enumerate(entries_node.value):
                entry = _entry_from_node(
                    checker, item, f"entries[{index}]", origin, name or "", default_scope
                )
                if entry is None:
                    continue
                term_key = (entry.term.casefold(), entry.kind)
                if term_key in seen:
                    checker.problem(
                        item,
                        f"entries[{index}].term",
                        f"duplicate term {entry.term!r} ({entry.kind}), "
                        f"first on line {seen[term_key]}",
                    )
                    continue
                seen[term_key] = entry.line
                entries.append(entry)
    if checker.problems:
        return ParsedFile(file, (), tuple(checker.problems), None)
    header = GlossaryFile(file, name or "", version or "", origin, len(entries))
    return ParsedFile(file, tuple(entries), (), header)


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
    entries: list[GlossaryEntry] = []
    problems: list[ValidationProblem] = []
    files: list[GlossaryFile] = []
    curated_keys: dict[tuple[str, str], GlossaryEntry] = {}
    for path in curated_paths:
        parsed = parse_glossary_file(path, "curated")
        problems.extend(parsed.problems)
        for entry in parsed.entries:
            key = (entry.term.casefold(), entry.kind)
            if key in curated_keys:
                first = curated_keys[key]
                problems.append(
                    ValidationProblem(
                        entry.file,
                        entry.line,
                        "term",
                        f"{entry.term!r} ({entry.kind}) is already in {first.file}:{first.line}",
                    )
                )
                continue
            curated_keys[key] = entry
            entries.append(entry)
        if parsed.header is not None:
            files.append(parsed.header)
    if user_path.exists():
        parsed = parse_glossary_file(user_path, "user")
        problems.extend(parsed.problems)
        for entry in parsed.entries:
            key = (entry.term.casefold(), entry.kind)
            if key in curated_keys:
                problems.append(
                    ValidationProblem(
                        entry.file,
                        entry.line,
                        "term",
                        f"{entry.term!r} ({entry.kind}) is a curated entry; yours is not used",
                    )
                )
                continue
            entries.append(entry)
        if parsed.header is not None:
            files.append(parsed.header)
    return GlossarySet(entries=tuple(entries), problems=tuple(problems), files=tuple(files))


def entry_to_data(entry: GlossaryEntry) -> dict[str, Any]:
    """The entry as plain YAML-ready data, only the fields that are set, schema order."""
    data: dict[str, Any] = {"term": entry.term, "kind": entry.kind}
    for name in ("gender", "plural"):
        if getattr(entry, name):
            data[name] = getattr(entry, name)
    if entry.forms:
        data["forms"] = list(entry.forms)
    data["renderings"] = list(entry.renderings)
    data["explanation"] = entry.explanation
    for name in ("register", "particle", "english_name", "about", "spelling_note"):
        if getattr(entry, name):
            data[name] = getattr(entry, name)
    if entry.parts:
        data["parts"] = [{"part": p.part, "meaning": p.meaning} for p in entry.parts]
    if entry.related:
        data["related"] = list(entry.related)
    if entry.in_text:
        data["in_text"] = list(entry.in_text)
    if entry.draft:
        data["draft"] = True
    if entry.scope != "general":
        data["scope"] = entry.scope
    return data


def _dump(data: Any) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100)


def validate_entry_data(data: dict[str, Any]) -> tuple[ValidationProblem, ...]:
    """Check one entry given as plain data with the file rules; fields are named plainly."""
    text = _dump({"glossary": "check", "version": "0", "entries": [data]})
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
            + _dump(
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
    item_text = _dump([data])
    if last_key.value == "entries":
        if isinstance(last_value, yaml.SequenceNode) and not last_value.flow_style:
            indent = " " * last_value.start_mark.column
            lines = [indent + line if line else line for line in item_text.splitlines()]
            return current.rstrip("\n") + "\n" + "\n".join(lines) + "\n"
        if isinstance(last_value, yaml.ScalarNode) and last_value.tag.endswith(":null"):
            return current.rstrip("\n") + "\n" + item_text
    whole = safe_yaml.load(current)
    whole["entries"] = list(whole.get("entries") or []) + [data]
    return _dump(whole)
