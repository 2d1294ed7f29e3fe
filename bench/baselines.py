"""The builds the benchmark compares ours with: MkDocs alone on the same pages, without our hook.

Two configurations are written beside mkdocs.yml in the synthetic project:

- `mkdocs-bare.yml`: the site's own configuration without the hook, with the title and the
  flags the hook would set (`generator/mkdocs_hook.py`'s on_config), so that it builds the same
  HTML pages from the same docs/. The benchmark runs the hook's Pagefind step after it
  (`generator.searchindex`), so that "bare" pays for the search index as our build does;
- `mkdocs-material.yml`: the same, with Material's search plugin switched on as it was before
  Pagefind replaced it (issue 14): the old baseline, in which MkDocs itself built the search index
  (`search/search_index.json`) while rendering the pages.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

from generator.source.loader import SETTINGS_FILE, load_model
from generator.source.model import Settings

BARE = "mkdocs-bare.yml"
MATERIAL = "mkdocs-material.yml"

# Material's search plugin as mkdocs.yml configured it before Pagefind: the same separator
# (spaces, jieba's zero-width space, hyphens, apostrophes, Chinese punctuation) and no pipeline.
MATERIAL_SEARCH = r"""plugins:
  - search:
      separator: '[\s\u200b\u3000\-''‘’ʼ、。，．？！；（）()]+'
      pipeline: []
"""


def _without_hook(root: Path) -> str:
    """mkdocs.yml's text without the hook, with the title and the flags it would set (the
    demonstration banner, share images)."""
    settings, _ = load_model(root / "cases" / SETTINGS_FILE, root, Settings, [])
    if settings is None:
        raise RuntimeError("cases/publication.yaml is not valid")
    text = (root / "mkdocs.yml").read_text("utf-8")
    text, hooks = re.subn(r"(?m)^hooks:\n(?:[ \t]+- .*\n)+", "", text)
    title = f"site_name: {json.dumps(settings.title)}"
    text, names = re.subn(r"(?m)^site_name: .*$", lambda _: title, text)
    if hooks != 1 or names != 1 or re.search(r"(?m)^extra:", text):
        raise RuntimeError("mkdocs.yml does not look as the benchmark expects")
    flags = {"demonstration": settings.demonstration, "share_images": settings.posters}
    return text + "\nextra:\n" + "".join(f"  {k}: {json.dumps(v)}\n" for k, v in flags.items())


def bare_config(root: Path) -> str:
    """Write mkdocs-bare.yml (see the module's docstring); returns its name."""
    (root / BARE).write_text(_without_hook(root), encoding="utf-8")
    return BARE


def material_config(root: Path) -> str:
    """Write mkdocs-material.yml, the bare configuration with Material's search plugin on."""
    text, plugins = re.subn(r"(?m)^plugins: \[\]\n", lambda _: MATERIAL_SEARCH, _without_hook(root))
    if plugins != 1:
        raise RuntimeError("mkdocs.yml has no `plugins: []` line to replace")
    (root / MATERIAL).write_text(text, encoding="utf-8")
    return MATERIAL
