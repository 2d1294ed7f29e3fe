"""The figures issue 14 asks for, as Markdown: search in the browser, listing weight, Pagefind's
cost. The first table has the issue's rows, so that the new figures can stand beside the old."""

from __future__ import annotations

import statistics

from bench.browser import THROTTLING, SearchFigures
from bench.measure import MB, Run, SiteFigures
from bench.pagefindopts import Variant

KB = 1024


def row(label: str, cells: list[str]) -> str:
    """One Markdown table row."""
    return f"| {label} | " + " | ".join(cells) + " |"


def _spread(values: list[float], unit: str, scale: float = 1.0, digits: int = 2) -> str:
    """Median and range, e.g. "0.91 s (0.72–1.37)"."""
    low, mid, high = (v / scale for v in (min(values), statistics.median(values), max(values)))
    return f"{mid:.{digits}f} {unit} ({low:.{digits}f}–{high:.{digits}f})"


def _browser_rows(search: SearchFigures | str) -> list[str]:
    if isinstance(search, str):
        missing = [f"not measured: {search}", ""]
        return [
            row("load event to first result", missing),
            row("bytes fetched until the first result", missing),
        ]
    done = search.searches
    seconds = [s.seconds for s in done]
    first = sum(1 for s in done if s.rank == 1)
    top = sum(1 for s in done if s.rank is not None and s.rank <= 3)
    return [
        row(
            f"load event to first result, CPU slowed {THROTTLING}× (median, range; "
            f"{len(done)} queries)",
            [_spread(seconds, "s"), "≤ 1 s at 10,000"],
        ),
        row(
            "bytes fetched until the first result, as served (median, range)",
            [_spread([s.fetched for s in done], "KB", KB, 0), "≤ 500 KB at 10,000"],
        ),
        row(
            "the same files gzip-compressed where they are not already",
            [_spread([s.fetched_gzip for s in done], "KB", KB, 0), "–"],
        ),
        row("right person first · in the first three", [f"{first} · {top} of {len(done)}", "–"]),
    ]


def _queries(search: SearchFigures) -> list[str]:
    lines = [
        f"Each query typed on a fresh load of `{search.page}` (empty cache):",
        "",
        "| query | kind | from case | load → first result | fetched (files) | its rank |",
        "|---|---|---|---:|---:|---:|",
    ]
    for s in search.searches:
        lines.append(
            row(
                s.query.text,
                [
                    s.query.kind,
                    f"`{s.query.case}`",
                    f"{s.seconds:.2f} s",
                    f"{s.fetched / KB:.0f} KB ({s.files})",
                    str(s.rank) if s.rank is not None else "not shown",
                ],
            )
        )
    return lines


SEARCH_INTRO = (
    "Chromium (Debian's, through Playwright) opens a case page of the warm build served on "
    f"loopback with the CPU slowed {THROTTLING} times (CDP), and types each query into the "
    "header search box as soon as the load event has fired; bytes are those of Pagefind's "
    "files fetched from then until the first result shows (result thumbnails not counted)."
)


def search_section(
    n: int, language: str, warm: Run, site: SiteFigures, search: SearchFigures | str
) -> list[str]:
    """The issue's table for n cases in one edition (Pagefind's cost from that edition's build
    in the median warm build), then each query's figures when the browser part ran."""
    edition = warm.editions.get(language, warm)
    index = edition.index
    share = f"{index['seconds'] / edition.wall:.0%}" if index else "–"
    listing, squeezed = site.listings.get(language, (0, 0))
    lines = [
        f"#### The `{language}` edition",
        "",
        f"| | {n:,} cases | goal (issue 14) |",
        "|---|---:|---|",
        *_browser_rows(search),
        row(
            "the listing's first page, `cases/index.html` (gzip-compressed)",
            [f"{listing / KB:,.0f} KB ({squeezed / KB:,.0f} KB)", "≤ 150 KB"],
        ),
        row(
            "Pagefind's indexing time in the edition's warm build (share of its wall time)",
            [f"{index['seconds']:.1f} s ({share})" if index else "–", "–"],
        ),
        row(
            "Pagefind's peak memory (its own process)",
            [f"{index['peak_rss'] / MB:,.0f} MB" if index else "–", "under 1.5 GB at 10,000"],
        ),
        row(
            "Pagefind's index, every edition",
            [f"{site.search_index / MB:.1f} MB in {site.search_files:,} files", "–"],
        ),
    ]
    if not isinstance(search, str):
        lines += ["", *_queries(search)]
    return lines


def variants_table(variants: list[Variant]) -> list[str]:
    """Pagefind run over the warm build's site in other ways (bench/pagefindopts.py)."""
    lines = [
        'Pagefind over the same site/, run again in other ways (one run each; "same index": '
        "the files written are byte for byte those of the hook's run):",
        "",
        "| Pagefind run | seconds | CPU seconds | peak memory | same index |",
        "|---|---:|---:|---:|---|",
    ]
    for v in variants:
        i = v.indexed
        cells = [f"{i.seconds:.1f}", f"{i.cpu_seconds:.1f}", f"{i.peak_rss / MB:,.0f} MB"]
        lines.append(row(v.name, [*cells, "yes" if v.same else "no"]))
    return lines
