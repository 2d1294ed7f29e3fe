"""The queries the browser part of the benchmark types: taken from the synthetic project's cases.

Three kinds, as issue 14 measured them: a name in Chinese characters, the pinyin written without
spaces, and the last four digits of a published document number. They come from two published
cases a third and two thirds of the way through the list (by id), so that the same N gives the
same queries; the page loaded is the first such case's, which neither of them is. At scale many
people share a name or a number's last four digits, and no search can tell which of them is
meant: each of the two is the first case from its point on whose three texts are its own.
"""

from __future__ import annotations

import unicodedata
from collections import Counter
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
    texts = {case_id: _texts(data) for case_id, data in cases}
    # How many cases each text would name: a name shared by several people (common at 10,000
    # cases) has no "right person", so the queries come from cases whose texts are their own.
    every = Counter(text for own in texts.values() for text in set(own))
    queries = []
    for start in (len(cases) // 3, 2 * len(cases) // 3):
        case_id = next(
            (i for i, _ in cases[start:] if all(every[t] == 1 for t in texts[i])), cases[start][0]
        )
        queries += [Query(k, t, case_id) for k, t in zip(KINDS, texts[case_id], strict=True)]
    return f"/cases/{cases[0][0]}/", queries


def _texts(data: dict[str, Any]) -> tuple[str, str, str]:
    """A case's name in Chinese characters, its pinyin joined, and the last four characters of
    its first shown document number."""
    shown = next(d for d in data["documents"] if d.get("publish") in ("full", "partial"))
    pinyin = "".join(str(data["name"]["latin"]).split()).lower()
    return str(data["name"]["native"]), pinyin, str(shown["number"])[-4:]
