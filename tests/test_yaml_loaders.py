"""The fast YAML paths (libyaml) read every file exactly as the pure-Python strict loader does."""

from __future__ import annotations

from typing import Any

import pytest

from generator.source import yamlsrc
from tests.conftest import ROOT

TRICKY = [
    "a: ~\nb: null\nc:\nd: ''\ne: \"~\"\nf: NULL\n",
    "country: NO\nid: 01234567\nborn: 2012-07\nflag: yes\nnumber: 1e6\n",
    "summary: |\n  Line one, *emphasis*.\n\n  Line two\nnote: >\n  folded\n  text\n",
    "list: [a, 'b', \"c\", ~]\nnested:\n  - x: 1\n    y: [2, 3]\n  -\n  - ''\n",
    "name: R&D office\nother: 50% * 2\n",
    'native: 王建国\nquoted: "\\u738b"\n',
]


def documents(text: str) -> dict[str, Any]:
    """What each available loader makes of text, by loader name."""
    loaders = {"python": yamlsrc._StrictLoader, "events": yamlsrc._FastLoader}
    if not any(mark in text for mark in "&*!"):
        loaders["libyaml"] = yamlsrc._CLoader
    out = {}
    for name, loader in loaders.items():
        node = yamlsrc._compose(loader(text))
        lines: dict[Any, int] = {}
        keys: dict[Any, int] = {}
        data = yamlsrc._convert(node, (), lines, keys) if node is not None else None
        out[name] = (data, lines, keys)
    return out


@pytest.mark.parametrize(
    "text",
    TRICKY + [p.read_text("utf-8") for p in sorted((ROOT / "cases").glob("*/case.yaml"))][:8],
)
def test_every_loader_reads_the_same(text: str) -> None:
    found = documents(text)
    assert len(found) >= 2
    first = next(iter(found.values()))
    assert all(doc == first for doc in found.values()), found
    assert yamlsrc.parse(text) == yamlsrc.Document(*first)


def test_plain_nulls_are_none_on_the_libyaml_path() -> None:
    doc = yamlsrc.parse(TRICKY[0])
    assert doc.data == {"a": None, "b": None, "c": None, "d": "", "e": "~", "f": None}


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("a: 1\nb: [1, 2\nc: 3\n", 3, "invalid YAML: expected ',' or ']', but got ':'"),
        ("a: 1\n\tb: 2\n", 2, "invalid YAML: found character '\\t' that cannot start any token"),
        ("a: &x 1\nb: *x\n", 1, "anchors (&name) are not allowed; write the value out"),
        ("a: !!int 1\n", 1, "tags such as 'tag:yaml.org,2002:int' are not allowed"),
    ],
)
def test_mistakes_are_worded_by_the_strict_loader(text: str, line: int, message: str) -> None:
    with pytest.raises(yamlsrc.YamlProblem) as caught:
        yamlsrc.parse(text)
    assert (caught.value.line, caught.value.message) == (line, message)
