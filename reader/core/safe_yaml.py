"""The one way Lesepult reads YAML: bounded, without anchors or aliases, keys plain scalars.

Front matter, glossary files and every other YAML the project reads come from outside. PyYAML's
own loaders expand aliases (a 1 KB "billion laughs" document becomes gigabytes) and an alias
used as a mapping key makes PyYAML build, and later ``repr``, an exponentially large node.
This module's composer refuses anchors and aliases *before* any object is built, refuses
collections as mapping keys, bounds the nesting depth (PyYAML's composer recurses) and the
size of the text, and reports every refusal as a :class:`YamlRefused` naming the line, never
a node's ``repr``. The events come from libyaml when it is installed (fast) and from PyYAML's
pure-Python parser otherwise; the composing, with these checks, is always ours.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import SafeConstructor
from yaml.events import AliasEvent, CollectionStartEvent, NodeEvent
from yaml.parser import Parser
from yaml.reader import Reader
from yaml.resolver import Resolver
from yaml.scanner import Scanner

MAX_CHARS = 4_000_000
"""The largest YAML text read at all (the curated glossary is about 60 KB)."""
MAX_DEPTH = 40
"""The deepest nesting of lists and mappings (glossaries need 4)."""


class YamlRefused(yaml.MarkedYAMLError):
    """YAML that is well-formed but refused: anchors, aliases, collection keys, too deep."""

    def __init__(self, problem: str, mark: Any = None) -> None:
        super().__init__(problem=problem, problem_mark=mark)


class _BoundedComposer(Composer):
    """PyYAML's composer with the checks of this module, made before each node is built."""

    _depth = 0

    def compose_node(self, parent: yaml.Node | None, index: Any) -> yaml.Node | None:
        event = self.peek_event()  # type: ignore[attr-defined]  # the parser mixin has it
        if isinstance(event, AliasEvent):
            raise YamlRefused("aliases (*name) are not allowed", event.start_mark)
        if isinstance(event, NodeEvent) and event.anchor is not None:
            raise YamlRefused("anchors (&name) are not allowed", event.start_mark)
        if isinstance(parent, yaml.MappingNode) and index is None:
            # Composer passes index None exactly when it composes a mapping key.
            if isinstance(event, CollectionStartEvent):
                raise YamlRefused("a mapping key must be a plain value", event.start_mark)
        if isinstance(event, CollectionStartEvent):
            self._depth += 1
            if self._depth > MAX_DEPTH:
                raise YamlRefused(f"nested more than {MAX_DEPTH} levels deep", event.start_mark)
            try:
                return super().compose_node(parent, index)
            finally:
                self._depth -= 1
        return super().compose_node(parent, index)


class PyLoader(Reader, Scanner, Parser, _BoundedComposer, SafeConstructor, Resolver):
    """The checks of this module over PyYAML's pure-Python scanner and parser."""

    def __init__(self, stream: str) -> None:
        Reader.__init__(self, stream)
        Scanner.__init__(self)
        Parser.__init__(self)
        _BoundedComposer.__init__(self)
        SafeConstructor.__init__(self)
        Resolver.__init__(self)


def _c_loader() -> type | None:
    try:
        from yaml._yaml import CParser
    except ImportError:  # PyYAML without libyaml: the pure-Python parser is slower, as safe
        return None

    # Our composer comes first in the method order, so it replaces libyaml's own composer
    # while libyaml still scans and parses (check_event, peek_event, get_event).
    class CLoader(_BoundedComposer, CParser, SafeConstructor, Resolver):
        """The checks of this module over libyaml's scanner and parser."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            _BoundedComposer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)

    return CLoader


_Loader: type = _c_loader() or PyLoader


def _check_size(text: str, max_chars: int) -> None:
    if len(text) > max_chars:
        raise YamlRefused(f"longer than {max_chars:,} characters")


def compose(text: str, max_chars: int = MAX_CHARS) -> yaml.Node | None:
    """The node tree of one YAML document (None when empty); raises :class:`yaml.YAMLError`.

    Errors are :class:`YamlRefused` for what this module refuses and PyYAML's own
    ``MarkedYAMLError`` subclasses for syntax errors; :func:`describe` makes either one line.
    """
    _check_size(text, max_chars)
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as error:  # lone surrogates: libyaml would raise a UnicodeError
        raise YamlRefused(f"has a character that is not valid text (at {error.start})") from None
    loader = None
    try:
        loader = _Loader(text)  # the pure-Python reader checks the characters right here
        node: yaml.Node | None = loader.get_single_node()
        return node
    except yaml.reader.ReaderError as error:
        # A character YAML forbids: made a marked error so every caller can name the line.
        position = min(max(int(error.position), 0), len(text))
        line = text.count("\n", 0, position)
        mark = yaml.Mark("<yaml>", position, line, 0, None, 0)
        raise YamlRefused(describe(error), mark) from None
    except yaml.YAMLError as error:
        if isinstance(error, yaml.MarkedYAMLError):
            raise
        raise YamlRefused(describe(error)) from None
    finally:
        if loader is not None:
            loader.dispose()


def load(text: str, max_chars: int = MAX_CHARS) -> Any:
    """Plain Python data of one YAML document, composed as :func:`compose` does."""
    _check_size(text, max_chars)
    node = compose(text, max_chars)
    if node is None:
        return None
    constructor = SafeConstructor()
    try:
        return constructor.construct_document(node)
    except (ValueError, TypeError, OverflowError) as error:  # e.g. the date 2022-13-45
        raise YamlRefused(f"a value cannot be read ({type(error).__name__})") from None


def error_line(error: yaml.YAMLError) -> int:
    """The 1-based line an error points at in the YAML text, 0 when it has none."""
    if isinstance(error, yaml.MarkedYAMLError):
        mark = error.problem_mark or error.context_mark
        if mark is not None:
            return int(mark.line) + 1
    return 0


def describe(error: yaml.YAMLError) -> str:
    """One line saying what is wrong, without the YAML text or any node's ``repr``."""
    if isinstance(error, yaml.MarkedYAMLError):
        problem = error.problem or error.context or "cannot be parsed"
    elif isinstance(error, yaml.reader.ReaderError):
        character = error.character
        code = ord(character) if isinstance(character, str) else int(character)
        problem = f"has a character YAML does not allow (U+{code:04X})"
    else:
        problem = "cannot be parsed"
    return " ".join(str(problem).split())
