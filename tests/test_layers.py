"""Imports go one way, down the stages declared in `generator.LAYERS` (see generator/__init__.py).

Every module of the generator is parsed with `ast`; every import of one of its modules, relative
or absolute, inside a function or under `if TYPE_CHECKING:` too, is an edge of the import graph.
A module may import from its own package (or itself) and from a layer below its own; never from
a layer above, nor from the other package of its own layer; and no modules may import each
other, directly or round a longer loop. The last tests show that a reversed import, an import
between neighbours, a module in no layer and a cycle each fail.
"""

from __future__ import annotations

import ast
from collections.abc import Mapping, Sequence
from pathlib import Path

import generator
from generator import LAYERS

Graph = dict[str, set[str]]


def import_graph(root: Path) -> Graph:
    """The modules of the package in folder root, each with the modules of it that it imports."""
    files = {
        ".".join((root.name, *path.relative_to(root).with_suffix("").parts)).removesuffix(
            ".__init__"
        ): path
        for path in sorted(root.rglob("*.py"))
    }
    graph: Graph = {}
    for module, path in files.items():
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        found: set[str] = set()
        for node in ast.walk(ast.parse(path.read_text("utf-8"), str(path))):
            if isinstance(node, ast.Import):
                wanted = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = node.module or ""
                if node.level:  # relative: from the package, one level up per extra dot
                    up = package.split(".")[: len(package.split(".")) - node.level + 1]
                    base = ".".join([*up, base] if base else up)
                wanted = [f"{base}.{alias.name}" for alias in node.names]
            else:
                continue
            for name in wanted:  # a module, or the longest prefix of it that is one
                while name and name not in files:
                    name = name.rpartition(".")[0]
                if name and name != module:
                    found.add(name)
        graph[module] = found
    return graph


def violations(graph: Mapping[str, set[str]], layers: Sequence[Sequence[str]]) -> list[str]:
    """Every module in no layer, and every import that does not go down the layers."""
    layer = {unit: depth for depth, units in enumerate(layers) for unit in units}
    problems = []

    def unit(module: str) -> str:
        return module.split(".")[1] if "." in module else ""  # "" for the root package itself

    for module in sorted(graph):
        if unit(module) and unit(module) not in layer:
            problems.append(f"{module} is in no layer")
        for target in sorted(graph[module]):
            mine, theirs = unit(module), unit(target)
            if mine == theirs or mine not in layer or theirs not in layer:
                continue
            if layer[theirs] < layer[mine]:
                problems.append(f"{module} imports {target}, from a layer above")
            elif layer[theirs] == layer[mine]:
                problems.append(f"{module} imports {target}, beside it in its layer")
    return problems


def cycles(graph: Mapping[str, set[str]]) -> list[list[str]]:
    """The groups of modules that import each other, round a loop of any length (Tarjan)."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(module: str) -> None:
        index[module] = low[module] = len(index)
        stack.append(module)
        for target in sorted(graph.get(module, ())):
            if target not in index:
                visit(target)
                low[module] = min(low[module], low[target])
            elif target in stack:
                low[module] = min(low[module], index[target])
        if low[module] == index[module]:
            group: list[str] = []
            while not group or group[-1] != module:
                group.append(stack.pop())
            if len(group) > 1:
                found.append(sorted(group))

    for module in sorted(graph):
        if module not in index:
            visit(module)
    return sorted(found)


def test_generator_imports_go_down_the_layers() -> None:
    graph = import_graph(Path(generator.__file__).parent)
    # The graph is read right: relative imports of every depth resolve to modules.
    assert "generator.pieces" in graph["generator.build"]
    assert "generator.public.names" in graph["generator.pages.render"]
    assert "generator.opendata.apimodel" in graph["generator.opendata.datafiles"]
    assert "generator.files" in graph["generator.photos.photo"]
    assert violations(graph, LAYERS) == []
    assert cycles(graph) == []


def test_a_reversed_import_in_the_generator_fails() -> None:
    graph = import_graph(Path(generator.__file__).parent)
    graph["generator.source.model"].add("generator.pages.render")
    graph["generator.opendata.feeds"].add("generator.pages.render")
    assert violations(graph, LAYERS) == [
        "generator.opendata.feeds imports generator.pages.render, beside it in its layer",
        "generator.source.model imports generator.pages.render, from a layer above",
    ]


def test_the_checks_catch_every_kind_of_wrong_import(tmp_path: Path) -> None:
    """A small package that breaks every rule once: its graph, then what the checks say."""
    files = {
        "__init__.py": "",
        "top.py": "from .low import base\nimport fake.side\n",
        "side.py": "from . import other\n",  # beside it in its layer
        "other.py": "",
        "stray.py": "",  # in no layer
        "low/__init__.py": "",
        "low/base.py": (
            "from typing import TYPE_CHECKING\n\n"
            "if TYPE_CHECKING:\n    from ..top import Thing\n"  # up, and only for a type
        ),
        "low/a.py": "def f() -> None:\n    from .b import g\n",  # a cycle, inside a function
        "low/b.py": "from fake.low import a\n",
    }
    for name, text in files.items():
        (tmp_path / "fake" / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / "fake" / name).write_text(text)
    graph = import_graph(tmp_path / "fake")
    assert graph == {
        "fake": set(),
        "fake.top": {"fake.low.base", "fake.side"},
        "fake.side": {"fake.other"},
        "fake.other": set(),
        "fake.stray": set(),
        "fake.low": set(),
        "fake.low.base": {"fake.top"},
        "fake.low.a": {"fake.low.b"},
        "fake.low.b": {"fake.low.a"},
    }
    layers = (("top",), ("side", "other"), ("low",))
    assert violations(graph, layers) == [
        "fake.low.base imports fake.top, from a layer above",
        "fake.side imports fake.other, beside it in its layer",
        "fake.stray is in no layer",
    ]
    assert cycles(graph) == [["fake.low.a", "fake.low.b"], ["fake.low.base", "fake.top"]]
