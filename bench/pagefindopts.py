"""Pagefind's peak memory at scale, against ways of running it that may need less (issue 14).

Pagefind (1.5) parses every HTML file its glob matches and keeps what it read of every page until
it has built the index, including pages it then leaves out for having no `data-pagefind-body`
(the listing, country, list and whereabouts pages, which repeat every case's card); and its
allocator (jemalloc, in the Linux build) keeps freed memory for ten seconds before giving it
back. Each variant here indexes the warm build's site/ into a scratch folder (`--output-path`),
so the site's own index stays as built, and is compared file for file with the index the hook
wrote: a variant is only worth having if it writes the same index.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from generator.searchindex import BUNDLE, OPTIONS, Indexed, run_pagefind, stable_filters

CASE_PAGES = "cases/*/index.html"  # the only pages with data-pagefind-body
RETURN_AT_ONCE = "dirty_decay_ms:0,muzzy_decay_ms:0"  # jemalloc: give freed pages back at once
# Pagefind's Linux binary links jemalloc with the `_rjem_` prefix, so it reads this variable.
JEMALLOC_ENV = "_RJEM_MALLOC_CONF"

VARIANTS: dict[str, tuple[list[str], dict[str, str]]] = {
    "as the hook runs it": ([], {}),
    f"case pages only (`--glob '{CASE_PAGES}'`)": (["--glob", CASE_PAGES], {}),
    f"freed memory returned at once (`{JEMALLOC_ENV}={RETURN_AT_ONCE}`)": (
        [],
        {JEMALLOC_ENV: RETURN_AT_ONCE},
    ),
    "both": (["--glob", CASE_PAGES], {JEMALLOC_ENV: RETURN_AT_ONCE}),
}


@dataclass(frozen=True)
class Variant:
    """One way of running Pagefind over the site, measured."""

    name: str
    indexed: Indexed
    same: bool  # whether it wrote the same files, byte for byte, as the hook's run


def _files(folder: Path) -> dict[str, bytes]:
    return {str(p.relative_to(folder)): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def pagefind_variants(site: Path, scratch: Path) -> list[Variant]:
    """Index site once per variant into scratch (emptied after each); site/ is not changed."""
    built = _files(site / BUNDLE)
    found = []
    for name, (options, env) in VARIANTS.items():
        output = scratch / "pagefind-variant"
        arguments = ["--site", str(site), "--output-path", str(output), *OPTIONS, *options]
        indexed = run_pagefind(arguments, {**os.environ, **env})
        stable_filters(output)  # as the hook does after its run
        found.append(Variant(name, indexed, _files(output) == built))
        shutil.rmtree(output)
    return found
