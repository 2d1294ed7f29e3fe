"""The builds the benchmark compares ours with: MkDocs alone on the same pages, without our hook.

For every edition, two configurations are written beside the project's own, each inheriting
that edition's (`INHERIT`):

- `mkdocs-bare.yml` (`mkdocs-bare.zh.yml`, ...): no hook, and the title, address, language menu
  and words that the hook's on_config would set, worked out here once and written as plain
  values, so that the build makes the same HTML pages from the same docs/. The benchmark runs
  the hook's Pagefind step after it (`generator.searchindex`), so that "bare" pays for the search
  index as our build does;
- `mkdocs-material.yml` (`mkdocs-material.zh.yml`, ...): the same, with Material's search plugin
  switched on as it was before Pagefind replaced it (issue 14): the old baseline, in which MkDocs
  itself built the search index (`search/search_index.json`) while rendering the pages.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import yaml

BARE = "bare"
MATERIAL = "material"

# Material's search plugin as mkdocs.yml configured it before Pagefind: the same separator
# (spaces, jieba's zero-width space, hyphens, apostrophes, Chinese punctuation) and no pipeline.
MATERIAL_SEARCH = {
    "search": {"separator": r"[\s\u200b\u3000\-'‘’ʼ、。，．？！；（）()]+", "pipeline": []}
}


def _configured(root: Path, source: str) -> dict[str, Any]:
    """What our hook's on_config sets in the configuration file source, as plain values."""
    from mkdocs.config import load_config  # MkDocs' own loading, with INHERIT resolved

    from generator import mkdocs_hook

    config = mkdocs_hook.on_config(load_config(str(root / source)))
    extra = json.loads(json.dumps(dict(config["extra"]), ensure_ascii=False))
    keys = ("site_name", "site_url", "site_description")
    return {key: str(config[key]) for key in keys if config[key]} | {"extra": extra}


def baseline_configs(root: Path, kind: str, languages: list[str]) -> str:
    """Write the configurations of one kind of baseline (BARE or MATERIAL) for every edition
    (languages, the default first); returns the default edition's file name, mkdocs-<kind>.yml,
    from which `bench.measure.run_site` finds the others."""
    for i, language in enumerate(languages):
        source = "mkdocs.yml" if i == 0 else f"mkdocs.{language}.yml"
        doc: dict[str, Any] = {"INHERIT": source, "hooks": []}
        doc |= _configured(root, source)
        if kind == MATERIAL:
            doc["plugins"] = [MATERIAL_SEARCH]
        name = f"mkdocs-{kind}.yml" if i == 0 else f"mkdocs-{kind}.{language}.yml"
        text = yaml.safe_dump(doc, allow_unicode=True, sort_keys=False, width=100)
        (root / name).write_text(text, encoding="utf-8")
    return f"mkdocs-{kind}.yml"
