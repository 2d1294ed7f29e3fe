"""The queries the browser part of the benchmark types: taken from the synthetic project's cases.

Three kinds, as issue 14 measured them: a name in Chinese characters, the pinyin written without
spaces, and the last four digits of a published document number. They come from two published
cases a third and two thirds of the way through the list (by id), so that the same N gives the
same queries; the page loaded is the first such case's, which neither of them is.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

KINDS = ("Chinese name", "pinyin without spaces", "last 4 digits of a number")


@dataclass(frozen=True)
class Query:
    """One search to type, and the case it was taken from."""

    kind: str  # one of KINDS
    text: str
    case: str  # the id of the case whose data gave the query


def _is_han(text: str) -> bool:
    return bool(text) and all("CJK UNIFIED IDEOGRAPH" in unicodedata.name(c, "") for c in text)


def _usable(data: dict[str, Any]) -> bool:
    """Published, with a name in Chinese characters and a document number that is shown."""
    name = data.get("name") or {}
    shown = [d for d in data.get("documents") or [] if d.get("publish") in ("full", "partial")]
    published = data.get("status") != "withdrawn"
    return published and _is_han(str(name.get("native", ""))) and bool(shown)


def _cases(root: Path) -> list[tuple[str, dict[str, Any]]]:
    found = []
    for path in sorted((root / "cases").glob("*/case.yaml")):
        data = yaml.safe_load(path.read_text("utf-8"))
        if isinstance(data, dict) and _usable(data):
            found.append((path.parent.name, data))
    return found


def pick_queries(root: Path) -> tuple[str, list[Query]]:
    """The case page to load (its path, /cases/<id>/) and the queries, from root's cases/."""
    cases = _cases(root)
    if len(cases) < 3:
        raise RuntimeError("the project has too few published cases with Chinese names")
    queries = []
    for case_id, data in (cases[len(cases) // 3], cases[2 * len(cases) // 3]):
        shown = next(d for d in data["documents"] if d.get("publish") in ("full", "partial"))
        pinyin = "".join(str(data["name"]["latin"]).split()).lower()
        texts = (str(data["name"]["native"]), pinyin, str(shown["number"])[-4:])
        queries += [Query(kind, text, case_id) for kind, text in zip(KINDS, texts, strict=True)]
    return f"/cases/{cases[0][0]}/", queries
