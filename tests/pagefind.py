"""Pagefind's index read back through Pagefind's own search code, in Node (pagefind_search.mjs).

Pagefind writes its index as compressed fragments, so a text search of site/ proves nothing:
these helpers decode it with the same JavaScript the browser runs.
"""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

SCRIPT = Path(__file__).parent / "pagefind_search.mjs"


def _node(site: Path, *args: str) -> list[Any]:
    done = subprocess.run(
        ["node", str(SCRIPT), str(site), *args], capture_output=True, text=True, check=True
    )
    return [json.loads(line) for line in done.stdout.splitlines()]


def case_id(url: str) -> str:
    """The case id in a result's address (/cases/<id>/), or the address itself."""
    parts = url.strip("/").split("/")
    return parts[-1] if len(parts) >= 2 and parts[-2] == "cases" else url


def results(site: Path, *queries: str) -> dict[str, list[dict[str, Any]]]:
    """For each query, its first results in order: url, excerpt, content, meta, filters."""
    return {line["query"]: line["pages"] for line in _node(site, *queries)}


def ranked(site: Path, *queries: str) -> dict[str, list[str]]:
    """For each query, the case ids of its first results in order."""
    return {q: [case_id(p["url"]) for p in pages] for q, pages in results(site, *queries).items()}


def every_entry(site: Path) -> list[dict[str, Any]]:
    """Every page in the index, decoded: its address, text, metadata and filters."""
    (entries,) = _node(site, "--all")
    return list(entries)
