"""Converting one glossary file's YAML nodes into entries, reporting every problem's place.

:class:`NodeChecker` collects the problems of one file while :func:`entry_from_node` turns
each entry's mapping node into a :class:`GlossaryEntry`, field by field as
:data:`glossary.schema.ENTRY_FIELDS` describes them. :mod:`glossary.loading` reads the files
and their headers with the same checker.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Container
from dataclasses import dataclass, field
from typing import Any

import yaml

from glossary.schema import (
    ENTRY_FIELDS,
    ENTRY_KINDS,
    GENDERS,
    SCOPES,
    CompoundPart,
    FieldValue,
    GlossaryEntry,
    Origin,
    Scope,
    ValidationProblem,
)

STRING_TAG = "tag:yaml.org,2002:str"

# A text named by in_text is a file stem of a bundled text: a name, never a path.
TEXT_STEM = re.compile(r"[A-Za-z0-9][A-Za-z0-9._-]{0,119}")

Fields = dict[str, tuple[yaml.Node, yaml.Node]]
"""A mapping node's keys with their key and value nodes."""


@dataclass
class NodeChecker:
    """Collects the problems of one file while its nodes are converted into entries."""

    file: str
    problems: list[ValidationProblem] = field(default_factory=list)

    def problem(self, node: yaml.Node | None, field_name: str, message: str) -> None:
        """Report ``message`` about ``field_name`` at the line of ``node``."""
        line = node.start_mark.line + 1 if node is not None else 0
        self.problems.append(ValidationProblem(self.file, line, field_name, message))

    def mapping(self, node: yaml.Node, where: str) -> Fields:
        """The keys of a mapping node with their key and value nodes; reports duplicates."""
        if not isinstance(node, yaml.MappingNode):
            self.problem(node, where, "must be a mapping of field: value")
            return {}
        result: Fields = {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            if key in result:
                self.problem(key_node, join(where, key), "appears twice")
            result[key] = (key_node, value_node)
        return result

    def unknown(self, fields: Fields, known: Container[str], where: str) -> None:
        """Report every key of ``fields`` that is not in ``known``."""
        for key, (key_node, _) in fields.items():
            if key not in known:
                self.problem(key_node, join(where, key), "is not a known field")

    def string(self, node: yaml.Node, where: str, required_text: bool = True) -> str | None:
        """The string value of a scalar node, or None after reporting a problem."""
        if not isinstance(node, yaml.ScalarNode) or node.tag != STRING_TAG:
            self.problem(node, where, f"must be a text, not {describe(node)}")
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
            self.problem(node, where, f"must be a list of texts, not {describe(node)}")
            return None
        values = []
        for index, item in enumerate(node.value):
            value = self.string(item, f"{where}[{index}]")
            if value is None:
                return None
            values.append(value)
        return tuple(values)

    def choice(
        self, node: yaml.Node, where: str, allowed: tuple[str, ...], says: str
    ) -> str | None:
        """A text that must be one of ``allowed``; ``says`` names them in the message."""
        value = self.string(node, where)
        if value is not None and value not in allowed:
            self.problem(node, where, f"{value!r} is not {says}")
        return value


def join(where: str, key: str) -> str:
    """The field path ``where.key`` (just ``key`` at the top)."""
    return f"{where}.{key}" if where else key


def describe(node: yaml.Node) -> str:
    """What a node holds, as a problem message names it ("a list", "a number")."""
    if isinstance(node, yaml.MappingNode):
        return "a mapping"
    if isinstance(node, yaml.SequenceNode):
        return "a list"
    tag = node.tag.rsplit(":", 1)[-1]
    return {"int": "a number", "float": "a number", "bool": "true/false", "null": "empty"}.get(
        tag, tag
    )


def scope_value(checker: NodeChecker, node: yaml.Node, where: str) -> Scope | None:
    """A ``scope`` value: general or text; None after reporting a problem."""
    value = checker.string(node, where)
    if value is None:
        return None
    if value not in SCOPES:
        checker.problem(node, where, f"{value!r} is not {' or '.join(SCOPES)}")
        return None
    return "text" if value == "text" else "general"


def _flag(checker: NodeChecker, node: yaml.Node, where: str) -> bool | None:
    if not (isinstance(node, yaml.ScalarNode) and node.tag.endswith(":bool")):
        checker.problem(node, where, "must be true or false")
        return None
    return str(node.value).lower() in {"true", "yes", "on"}


def _parts(checker: NodeChecker, node: yaml.Node, where: str) -> tuple[CompoundPart, ...] | None:
    if not isinstance(node, yaml.SequenceNode):
        checker.problem(node, where, f"must be a list of {{part, meaning}}, not {describe(node)}")
        return None
    parts = []
    for index, item in enumerate(node.value):
        item_where = f"{where}[{index}]"
        fields = checker.mapping(item, item_where)
        checker.unknown(fields, {"part", "meaning"}, item_where)
        texts = {}
        for name in ("part", "meaning"):
            if name not in fields:
                checker.problem(item, join(item_where, name), "is required but missing")
            else:
                texts[name] = checker.string(fields[name][1], join(item_where, name))
        if texts.get("part") is not None and texts.get("meaning") is not None:
            parts.append(CompoundPart(part=texts["part"] or "", meaning=texts["meaning"] or ""))
    return tuple(parts)


_READERS: dict[FieldValue, Callable[[NodeChecker, yaml.Node, str], Any]] = {
    "text": NodeChecker.string,
    "texts": NodeChecker.strings,
    "parts": _parts,
    "flag": _flag,
    "kind": lambda checker, node, where: checker.choice(
        node, where, ENTRY_KINDS, f"one of {', '.join(ENTRY_KINDS)}"
    ),
    "gender": lambda checker, node, where: checker.choice(node, where, GENDERS, "m, f or n"),
    "scope": scope_value,
}
"""How each kind of field value is read from its node."""

_KNOWN = frozenset(spec.name for spec in ENTRY_FIELDS)
# Required fields are read first, so their problems come first.
_READ_ORDER = sorted(ENTRY_FIELDS, key=lambda spec: not spec.required)


def _check_scope(
    checker: NodeChecker, node: yaml.Node, fields: Fields, where: str, values: dict[str, Any]
) -> None:
    """A text-scoped entry names its texts in ``in_text``, each a bundled text's file stem."""
    for index, stem in enumerate(values.get("in_text") or ()):
        if not TEXT_STEM.fullmatch(stem) or ".." in stem:
            item = fields["in_text"][1]
            item_node = item.value[index] if isinstance(item, yaml.SequenceNode) else item
            checker.problem(
                item_node,
                join(where, f"in_text[{index}]"),
                f"{stem!r} is not a text's file name (letters, digits, '.', '_', '-')",
            )
    if values.get("scope") == "text" and not values.get("in_text"):
        scope_node = fields["scope"][1] if "scope" in fields else node
        checker.problem(
            scope_node,
            join(where, "scope"),
            "is text, so in_text must name the texts the entry was written for",
        )


def _field_values(
    checker: NodeChecker, node: yaml.Node, fields: Fields, where: str
) -> dict[str, Any]:
    """Every field the entry has, read as :data:`ENTRY_FIELDS` says (None where it is wrong)."""
    for spec in _READ_ORDER:
        if spec.required and spec.name not in fields:
            checker.problem(node, join(where, spec.name), "is required but missing")
    values: dict[str, Any] = {}
    for spec in _READ_ORDER:
        if spec.name in fields:
            value_node = fields[spec.name][1]
            value = _READERS[spec.value](checker, value_node, join(where, spec.name))
            if spec.required and value == ():
                checker.problem(value_node, join(where, spec.name), "is empty")
            values[spec.name] = value
    return values


def entry_from_node(
    checker: NodeChecker,
    node: yaml.Node,
    where: str,
    origin: Origin,
    glossary_name: str,
    default_scope: Scope = "general",
) -> GlossaryEntry | None:
    """The entry of a mapping node, or None after reporting its problems to ``checker``."""
    before = len(checker.problems)
    fields = checker.mapping(node, where)
    if not fields and isinstance(node, yaml.MappingNode):
        checker.problem(node, where, "is an empty entry")
        return None
    checker.unknown(fields, _KNOWN, where)
    values = _field_values(checker, node, fields, where)
    values.setdefault("scope", default_scope)
    if isinstance(node, yaml.MappingNode):
        _check_scope(checker, node, fields, where, values)
    if len(checker.problems) > before:
        return None
    return GlossaryEntry(
        **values,
        origin=origin,
        file=checker.file,
        line=node.start_mark.line + 1,
        glossary=glossary_name,
    )
