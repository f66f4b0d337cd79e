"""A text's YAML front matter: read through :mod:`reader.core.safe_yaml`, every field type-checked.

The front matter comes with the text, from anywhere, so it is composed by the safe loader
(no aliases, bounded) and each field is checked on its node, so a problem names the field and
its line. Rules, documented in README.md ("Text format"):

- ``title``, ``source``, ``language``, ``url``, ``reference`` and any other key: one value,
  taken as written (``title: 1984`` is the text "1984"); a list or a mapping is refused
  (other keys may hold a list of single values, kept joined by ", ").
- ``date``: one value; an unquoted value that YAML reads as a date (``2022-12-01``) must be a
  real calendar date, so ``date: 2022-13-45`` is refused naming the field (quote it to keep
  it as text).
- ``teaser``: ``true`` or ``false``.
"""

from __future__ import annotations

import re

import yaml

from reader.core import safe_yaml
from reader.core.display import displayable
from reader.core.textfile import TextLoadError

FRONT_MATTER = re.compile(r"\A---[ \t]*\n(.*?)^---[ \t]*\n", re.DOTALL | re.MULTILINE)
MAX_FRONT_MATTER_CHARS = 64 * 1024
"""Front matter longer than this is refused (real ones are a few lines)."""

_TAG = "tag:yaml.org,2002:"
_SINGLE_FIELDS = ("title", "source", "language", "url", "reference")


def _line(node: yaml.Node) -> int:
    # +2: the YAML starts on the line after the opening "---".
    return int(node.start_mark.line) + 2


def _single(node: yaml.Node, key: str, name: str, line: int) -> str:
    if not isinstance(node, yaml.ScalarNode):
        raise TextLoadError(
            f"{name}: front matter field {key!r} (line {line}) must be one value,"
            " not a list or a mapping"
        )
    if node.tag == _TAG + "null":
        return ""
    # YAML escapes ("\\b", "\\e") make control characters the text itself did not have.
    return displayable(" ".join(str(node.value).split()))


def _date(node: yaml.Node, name: str, line: int) -> str:
    text = _single(node, "date", name, line)
    if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "timestamp":
        try:
            yaml.constructor.SafeConstructor().construct_yaml_timestamp(node)
        except (ValueError, OverflowError):
            raise TextLoadError(
                f"{name}: front matter field 'date' (line {line}) is not a calendar"
                f" date: {text}; write a real date, or put it in quotes to keep it as text"
            ) from None
    return text


def _teaser(node: yaml.Node, name: str, line: int) -> bool:
    if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "bool":
        return str(node.value).lower() in {"true", "yes", "on"}
    if isinstance(node, yaml.ScalarNode) and node.tag == _TAG + "null":
        return False
    raise TextLoadError(f"{name}: front matter field 'teaser' (line {line}) must be true or false")


def _other(node: yaml.Node, key: str, name: str, line: int) -> str:
    if isinstance(node, yaml.SequenceNode):
        return ", ".join(_single(item, key, name, line) for item in node.value)
    return _single(node, key, name, line)


def parse_front_matter(text: str, name: str) -> tuple[dict[str, str | bool], str]:
    """Split YAML front matter from the body; broken or ill-typed front matter is an error.

    The values are strings, except ``teaser`` (a bool); see the module docstring.
    """
    match = FRONT_MATTER.match(text)
    if not match:
        return {}, text
    try:
        root = safe_yaml.compose(match.group(1), MAX_FRONT_MATTER_CHARS)
    except yaml.YAMLError as error:
        line = safe_yaml.error_line(error)
        where = f" (line {line + 1})" if line else ""
        raise TextLoadError(
            f"{name}: the front matter is not valid YAML{where}: {safe_yaml.describe(error)}"
        ) from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.tag == _TAG + "null"):
        return {}, text[match.end() :]
    if not isinstance(root, yaml.MappingNode):
        raise TextLoadError(f"{name}: the front matter must be a mapping of keys to values")
    fields: dict[str, str | bool] = {}
    for key_node, value_node in root.value:
        key = displayable(" ".join(str(key_node.value).split()))
        if key in fields:
            raise TextLoadError(
                f"{name}: front matter field {key!r} (line {_line(key_node)}) appears twice"
            )
        line = _line(key_node)
        if key == "teaser":
            fields[key] = _teaser(value_node, name, line)
        elif key == "date":
            fields[key] = _date(value_node, name, line)
        elif key in _SINGLE_FIELDS:
            fields[key] = _single(value_node, key, name, line)
        else:
            fields[key] = _other(value_node, key, name, line)
    return fields, text[match.end() :]
