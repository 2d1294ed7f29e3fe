"""Strict YAML reading for editors' files: every scalar stays text, and every value keeps its line.

PyYAML's usual loaders guess types: `NO` becomes False, `01234567` an octal number, `2012-07-14`
a date. For case data each of those guesses corrupts a value, so this reader resolves nothing:
a scalar is a string (in Unicode NFC, see `characters.py`), a plain `~`, `null` or empty value
is None, and the models decide what each string means. Anchors, aliases and explicit tags are
refused, duplicate keys are errors.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

import yaml
from yaml.composer import Composer
from yaml.constructor import BaseConstructor
from yaml.resolver import BaseResolver

from .characters import nfc
from .errors import field_path

Path_ = tuple[str | int, ...]
_NULLS = {"", "~", "null", "Null", "NULL"}


class YamlProblem(Exception):
    """A syntax or structure mistake, with its 1-based line (and column, and the offending line
    with a caret under the column and a hint, for a syntax mistake)."""

    def __init__(
        self, line: int, field: str, message: str, column: int = 0, detail: str = ""
    ) -> None:
        super().__init__(message)
        self.line = line
        self.field = field
        self.message = message
        self.column = column
        self.detail = detail


# What usually causes each of the parser's complaints, as a hint for editors.
_HINTS = (
    (
        "mapping values are not allowed",
        'a value that contains ": " must be quoted (charge: "Fraud: abroad"), '
        "or this line is indented further than the field above it",
    ),
    ("cannot start any token", "YAML indents with spaces only: replace the tab with spaces"),
    ("found a tab character", "YAML indents with spaces only: replace the tab with spaces"),
    (
        "did not find expected key",
        "check the indentation: fields under the same parent start in the same column",
    ),
    ("expected <block end>", "check the indentation: this line is indented differently"),
    ("found unexpected end of stream", "a quote or bracket is opened and never closed"),
    ("did not find expected ',' or ']'", "a [ is not closed by ], or an item needs quotes"),
    ("did not find expected ',' or '}'", "a { is not closed by }, or a value needs quotes"),
    ("found undefined alias", "aliases (*name) are not allowed; write the value out"),
)


def _syntax_problem(text: str, exc: yaml.MarkedYAMLError) -> YamlProblem:
    """The parser's complaint, placed: line and column, the line itself, a caret, a hint."""
    mark = exc.problem_mark or exc.context_mark
    what = exc.problem or "invalid YAML"
    if mark is None:
        return YamlProblem(1, "", f"invalid YAML: {what}")
    lines = text.splitlines()
    shown = lines[mark.line] if mark.line < len(lines) else ""
    number = str(mark.line + 1)
    detail = [
        f"  {number} | {shown.expandtabs(1)}",
        f"  {' ' * len(number)} | {' ' * mark.column}^",
    ]
    start = exc.context_mark
    if exc.context and start is not None and start.line != mark.line and start.line < len(lines):
        detail.append(f"  ({exc.context} on line {start.line + 1}: {lines[start.line].strip()})")
    hint = next((h for key, h in _HINTS if key in f"{what} {exc.context or ''}"), "")
    if hint:
        detail.append(f"  hint: {hint}")
    return YamlProblem(
        mark.line + 1, "", f"invalid YAML: {what}", mark.column + 1, "\n".join(detail)
    )


@dataclass(frozen=True)
class Document:
    """Plain data read from one file, with the line of every value and every key."""

    data: Any
    lines: dict[Path_, int] = field(default_factory=dict)
    key_lines: dict[Path_, int] = field(default_factory=dict)
    text: str = field(default="", compare=False, repr=False)  # what was read

    def line_of(self, path: Path_) -> int:
        """The line of the key (or, in a list, the item) at `path`, or of its closest ancestor."""
        for end in range(len(path), -1, -1):
            prefix = path[:end]
            if prefix in self.key_lines:
                return self.key_lines[prefix]
            if prefix in self.lines:
                return self.lines[prefix]
        return 1


class _Refusals(Composer):
    """Composition that refuses anchors, aliases and explicit tags, for both loaders below."""

    def compose_node(self, parent: Any, index: Any) -> Any:
        event = self.peek_event()  # type: ignore[attr-defined]  # comes from the parser class
        line = event.start_mark.line + 1
        if isinstance(event, yaml.AliasEvent):
            raise YamlProblem(line, "", "aliases (*name) are not allowed; write the value out")
        anchor = getattr(event, "anchor", None)
        if anchor is not None:
            raise YamlProblem(line, "", "anchors (&name) are not allowed; write the value out")
        tag = getattr(event, "tag", None)
        if tag not in (None, "!"):
            raise YamlProblem(line, "", f"tags such as {tag!r} are not allowed")
        return super().compose_node(parent, index)


class _StrictLoader(_Refusals, yaml.BaseLoader):
    """BaseLoader resolves no implicit types; this one also refuses anchors, aliases and tags."""


if yaml.__with_libyaml__:  # in every PyYAML wheel; a build without it uses _StrictLoader alone
    from yaml._yaml import CParser

    class _FastLoader(_Refusals, CParser, BaseConstructor, BaseResolver):
        """The same refusals on libyaml's parser, several times faster. Its error messages
        differ, so a file that it refuses is read again by `_StrictLoader` for the message."""

        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            BaseConstructor.__init__(self)
            BaseResolver.__init__(self)
            Composer.__init__(self)

    class _CLoader(yaml.CBaseLoader):
        """libyaml alone, composing in C; the tags it would resolve are never used."""

        def resolve(self, kind: type[yaml.Node], value: Any, implicit: Any) -> str:
            return _TAGS[kind]

        def descend_resolver(self, current_node: Any, current_index: Any) -> None:
            return None

        def ascend_resolver(self) -> None:
            return None


_TAGS = {
    yaml.ScalarNode: BaseResolver.DEFAULT_SCALAR_TAG,
    yaml.SequenceNode: BaseResolver.DEFAULT_SEQUENCE_TAG,
    yaml.MappingNode: BaseResolver.DEFAULT_MAPPING_TAG,
}


def _loader(text: str) -> Any:
    """The fastest loader that is safe for this text. Anchors, aliases and tags cannot be
    written without one of `&*!`, so a text without them is composed by libyaml alone."""
    if not yaml.__with_libyaml__:
        return _StrictLoader(text)
    if any(mark in text for mark in "&*!"):
        return _FastLoader(text)
    return _CLoader(text)


def _compose(loader: Any) -> yaml.Node | None:
    try:
        node: yaml.Node | None = loader.get_single_node()
        return node
    finally:
        loader.dispose()


def parse(text: str) -> Document:
    """Read one YAML document from text. Raises YamlProblem on the first syntax mistake."""
    try:
        node = _compose(_loader(text))
    except yaml.YAMLError:
        try:
            node = _compose(_StrictLoader(text))
        except yaml.MarkedYAMLError as exc:
            raise _syntax_problem(text, exc) from None
        except yaml.YAMLError as exc:
            raise YamlProblem(1, "", f"invalid YAML: {exc}") from None
    if node is None:
        return Document(None, text=text)
    lines: dict[Path_, int] = {}
    key_lines: dict[Path_, int] = {}
    data = _convert(node, (), lines, key_lines)
    return Document(data, lines, key_lines, text)


def _convert(node: yaml.Node, path: Path_, lines: dict[Path_, int], keys: dict[Path_, int]) -> Any:
    lines[path] = node.start_mark.line + 1
    if isinstance(node, yaml.ScalarNode):
        if not node.style and node.value in _NULLS:  # plain: None in PyYAML, "" in libyaml
            return None
        return nfc(node.value)
    if isinstance(node, yaml.SequenceNode):
        return [_convert(item, (*path, i), lines, keys) for i, item in enumerate(node.value)]
    if isinstance(node, yaml.MappingNode):
        out: dict[str, Any] = {}
        for key_node, value_node in node.value:
            line = key_node.start_mark.line + 1
            if not isinstance(key_node, yaml.ScalarNode):
                raise YamlProblem(line, field_path(path), "a key must be plain text")
            key = key_node.value
            if key in out:
                first = keys[(*path, key)]
                msg = f"duplicate key (first given on line {first})"
                raise YamlProblem(line, field_path((*path, key)), msg)
            keys[(*path, key)] = line
            out[key] = _convert(value_node, (*path, key), lines, keys)
        return out
    raise YamlProblem(node.start_mark.line + 1, field_path(path), "unsupported YAML node")
