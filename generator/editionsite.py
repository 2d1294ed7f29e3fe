"""What MkDocs needs to build each edition other than the default: its configuration and its
copy of the site's scripts and styles.

The default edition is built from mkdocs.yml and docs/ as always. Each other edition is built
from `mkdocs.<language>.yml`, which this module writes beside mkdocs.yml (git-ignored): it
inherits everything from mkdocs.yml and changes only the folders (docs/<language>/ into
site/<language>/), Material's interface language, the navigation's titles (translated from the
edition's catalog) and the edition's code, which the hook reads. `make site` builds every
edition in turn (`python -m generator editions` lists them). Nothing here depends on MkDocs'
internals: these are plain configuration files, as Material's own multilingual set-up uses.
"""

from __future__ import annotations

from pathlib import Path

import yaml

from .pages.i18n import gettext
from .public.editions import Edition
from .source.text import N_

ASSETS = "assets"  # docs/assets/: copied into each edition's folder, where MkDocs looks for them
# The navigation of mkdocs.yml, whose titles are msgids of the catalogs.
NAV = (
    (N_("Home"), "index.md"),
    (N_("Wanted persons"), "cases/index.md"),
    (N_("Countries"), "countries/index.md"),
    (N_("Named lists"), "lists/index.md"),
    (N_("Returned"), "returned/index.md"),
    (N_("Statistics"), "statistics/index.md"),
    (N_("Open data"), "data.md"),
    (N_("Corrections"), "corrections/index.md"),
    (N_("Editor guide"), "guide.md"),
)
HEADER = (
    "# Written by the generator for the {language} edition (generator/editionsite.py): do not\n"
    "# edit. Build it with: mkdocs build -f mkdocs.{language}.yml\n"
)


# The pages an editor writes by hand, in docs/ for the default edition and in docs/<language>/
# for the others; an edition without its own copy of one leaves it out of its navigation.
HANDWRITTEN = ("data.md", "guide.md")


def handwritten_pages(docs: Path, edition: Edition) -> set[str]:
    """The hand-written pages an edition has, as MkDocs page addresses (data/, guide/)."""
    folder = docs / edition.prefix
    return {name.removesuffix(".md") + "/" for name in HANDWRITTEN if (folder / name).is_file()}


def config_name(edition: Edition) -> str:
    return f"mkdocs.{edition.language}.yml"


def edition_config(edition: Edition, docs: Path) -> str:
    """The MkDocs configuration of a non-default edition, as YAML text."""
    language = edition.language
    have = handwritten_pages(docs, edition)
    nav = [
        {gettext(language, title): path}
        for title, path in NAV
        if path not in HANDWRITTEN or path.removesuffix(".md") + "/" in have
    ]
    config = {
        "INHERIT": "mkdocs.yml",
        "docs_dir": f"docs/{language}",
        "site_dir": f"site/{language}",
        "theme": {"language": language},
        "extra": {"edition": language},
        "nav": nav,
    }
    body = yaml.safe_dump(config, allow_unicode=True, sort_keys=False, width=100)
    return HEADER.format(language=language) + body


def write_configs(root: Path, others: tuple[Edition, ...]) -> list[str]:
    """Write the configuration of each non-default edition where it changed, and remove those
    of editions no longer published; the names written or removed."""
    touched = []
    wanted = {config_name(e): edition_config(e, root / "docs") for e in others}
    for path in sorted(root.glob("mkdocs.*.yml")):
        if path.name not in wanted and path.read_text("utf-8").startswith(HEADER[:40]):
            path.unlink()
            touched.append(path.name)
    for name, text in sorted(wanted.items()):
        target = root / name
        if not target.is_file() or target.read_text("utf-8") != text:
            target.write_text(text, "utf-8")
            touched.append(name)
    return touched


def asset_copies(docs: Path, others: tuple[Edition, ...]) -> dict[str, Path]:
    """docs/assets/* for each non-default edition, by path under docs/ (zh/assets/site.css)."""
    files = sorted(p for p in (docs / ASSETS).rglob("*") if p.is_file())
    return {f"{e.prefix}{p.relative_to(docs).as_posix()}": p for e in others for p in files}
