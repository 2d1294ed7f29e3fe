"""The benchmark's results as Markdown: the builds phase by phase, each figure and its target, then
the search figures of issue 14 (bench/searchreport.py)."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from bench.browser import SearchFigures
from bench.measure import MB, Run, SiteFigures, median
from bench.pagefindopts import Variant
from bench.searchreport import SEARCH_INTRO, row, search_section, variants_table

NAMES = {
    "cold": "cold build",
    "warm": "warm build",
    "edit": "after editing one case",
    "bare": "bare `mkdocs build` + Pagefind",
    "material": "bare with Material's search",
}
GENERATOR = ("validation", "generation", "posters")  # the generator's phases besides photos
SKIPPED = (
    "A build that finds the cases, the generator and its output as the last good build left "
    "them skips the generator (`generator/uptodate.py`): its phases then show –, and so do the "
    "warm builds' here, since nothing changes between them."
)
BASELINES = (
    "Both baselines build the same docs/ without our hook (so without validation, photos and "
    "page generation), with the title and banner the hook would set. *Bare + Pagefind* is "
    "`mkdocs build` followed by the very Pagefind step that our hook runs after MkDocs: the same "
    "HTML and the same search index as our build, so *warm / bare* is what the generator adds. "
    "*Bare with Material's search* is `mkdocs build` with Material's search plugin on, as "
    "configured before Pagefind replaced it: the old baseline, in which MkDocs built the search "
    "index itself; its pages differ only by Material's search code. The whole warm build is no "
    "slower than before Pagefind when Pagefind's step takes no longer than Material's plugin did "
    "(*bare with Material's search* minus the MkDocs time of *bare*), since the rest is the same."
)


@dataclass(frozen=True)
class Speedup:
    """The same photos processed into an empty cache by one worker, then by one per core."""

    photos: int
    cores: int
    one: float  # seconds with one worker
    many: float  # seconds with one worker per core

    @property
    def ratio(self) -> float:
        return self.one / self.many if self.many else 0.0


def phases(runs: dict[str, Run], first: str) -> list[str]:
    """The table of builds: cold (or first), warm, after one edit, and the two baselines."""
    names = {**NAMES, "cold": first}
    order = [key for key in names if key in runs]
    ours = ("cold", "warm", "edit")

    def seconds(phase: str) -> list[str]:
        return [f"{runs[k].ours[phase]:.2f}" if phase in runs[k].ours else "–" for k in order]

    return [
        row("seconds", [names[k] for k in order]),
        "|---|" + "---:|" * len(order),
        row("validation", seconds("validation")),
        row("photos (check, process)", seconds("photos")),
        row("page generation (render, sync)", seconds("generation")),
        row("posters and share images (draw or take from cache)", seconds("posters")),
        row("MkDocs", [f"{runs[k].mkdocs:.2f}" for k in order]),
        row(
            "Pagefind (indexing site/, after MkDocs)",
            [f"{runs[k].pagefind:.2f}" if runs[k].index else "–" for k in order],
        ),
        row("**total (wall)**", [f"**{runs[k].wall:.2f}**" for k in order]),
        *[
            row(
                f"of which the `{language}` edition's build",
                [f"{runs[k].editions[language].wall:.2f}" for k in order],
            )
            for language in runs["warm"].editions
        ],
        row(
            "photos processed / from cache",
            [
                f"{runs[k].photos.get('processed', 0)} / {runs[k].photos.get('cached', 0)}"
                if k in ours
                else "–"
                for k in order
            ],
        ),
        row(
            "cases rendered anew / files written into docs/",
            [f"{runs[k].pieces_made} / {runs[k].written}" if k in ours else "–" for k in order],
        ),
        row(
            "posters / share images drawn anew",
            [
                f"{runs[k].posters_made} / {runs[k].shares_made}" if k in ours else "–"
                for k in order
            ],
        ),
        row(
            "peak memory, largest process (MB)", [f"{runs[k].rss_largest / MB:.0f}" for k in order]
        ),
        row("peak memory, all processes (MB)", [f"{runs[k].rss_tree / MB:.0f}" for k in order]),
        row(
            "of which Pagefind's process (MB)",
            [f"{runs[k].index['peak_rss'] / MB:.0f}" if runs[k].index else "–" for k in order],
        ),
    ]


def targets(
    n: int,
    runs: dict[str, Run],
    series: dict[str, list[Run]],
    site: SiteFigures,
    speedup: Speedup | None,
) -> list[str]:
    """Each figure the issues set a target for, with the target. Ratios are medians over the
    builds of one kind, and over the warm and baseline builds made in the same round."""
    warm, bare, material = series["warm"], series["bare"], series["material"]
    share = statistics.median(sum(w.ours.get(k, 0.0) for k in GENERATOR) / w.mkdocs for w in warm)
    share_cpu = statistics.median(
        sum(w.ours_cpu.get(k, 0.0) for k in GENERATOR) / w.mkdocs_cpu for w in warm
    )
    share_all = statistics.median(sum(w.ours.values()) / w.mkdocs for w in warm)
    ratio = statistics.median(w.wall / b.wall for w, b in zip(warm, bare, strict=True))
    ratio_cpu = statistics.median(w.cpu / b.cpu for w, b in zip(warm, bare, strict=True))
    before = statistics.median(w.wall / m.wall for w, m in zip(warm, material, strict=True))
    plugin = statistics.median(m.wall - b.mkdocs for m, b in zip(material, bare, strict=True))
    pagefind = statistics.median(b.pagefind for b in bare)
    peak = max(r.rss_tree for r in runs.values())
    biggest = max(site.case_pages, default=0)
    edit = runs["edit"]
    return [
        "| figure | result | target |",
        "|---|---:|---|",
        row(
            "warm: (validation + generation + posters) / MkDocs, wall · CPU",
            [f"{share:.1%} · {share_cpu:.1%}", "≤ 10%"],
        ),
        row("warm: (validation + photos + generation) / MkDocs, wall", [f"{share_all:.1%}", "–"]),
        row(
            "warm build / bare `mkdocs build` + Pagefind, wall · CPU",
            [f"{ratio:.2f} · {ratio_cpu:.2f}", "≤ 1.10"],
        ),
        row(
            "search indexing: Pagefind's step · Material's plugin (with it − without, MkDocs)",
            [f"{pagefind:.2f} s · {plugin:.2f} s", "Pagefind ≤ Material's"],
        ),
        row(
            "warm build / bare with Material's search (the old baseline), wall",
            [f"{before:.2f}", "–"],
        ),
        row("edit: photos processed", [str(edit.photos.get("processed", 0)), "0"]),
        row(
            "edit: cases rendered anew / files written into docs/",
            [f"{edit.pieces_made} / {edit.written}", "only what changed"],
        ),
        row(
            f"photos, 1 worker / {speedup.cores} ({speedup.photos} photos)"
            if speedup
            else "photos, 1 worker / all cores",
            [
                f"{speedup.one:.1f} s / {speedup.many:.1f} s = {speedup.ratio:.2f}×"
                if speedup
                else "– (no photos)",
                "≥ 1.8× on 2 cores",
            ],
        ),
        row("peak memory, all processes", [f"{peak / MB:.0f} MB", "< 1024 MB"]),
        row("`site/` bytes per case", [f"{site.total / n / 1024:.1f} KB", "linear in N"]),
        row("of which HTML, per case", [f"{site.pages / n / 1024:.1f} KB", "–"]),
        row(
            "case page HTML, largest / median",
            [f"{biggest / 1024:.1f} KB / {median(site.case_pages) / 1024:.1f} KB", "< 40 KB"],
        ),
        # Material's index was one file every page load fetched whole, hence its old goal of
        # < 1024 bytes a case. Pagefind's is read in chunks: what a search costs is the bytes
        # fetched until its first result (the search table), not the size on disk.
        row("Pagefind index on disk, per case", [f"{site.search_index / n:.0f} bytes", "–"]),
    ]


def report(
    n: int,
    photos: int,
    machine: str,
    corpus_seconds: float | None,
    runs: dict[str, Run],
    series: dict[str, list[Run]],
    site: SiteFigures,
    speedup: Speedup | None,
    same: tuple[int, int],
    search: dict[str, SearchFigures | str],
    variants: list[Variant],
    notes: list[str],
) -> str:
    """The whole report. corpus_seconds is None when a kept project was measured again, whose
    first build is then not cold; series holds every warm and baseline build, runs the medians."""
    rounds = len(series["warm"])
    written = (
        f"Corpus written in {corpus_seconds:.0f} s."
        if corpus_seconds is not None
        else "A kept project measured again: its first build is not cold."
    )
    head = [
        f"## Benchmark: {n} cases, {photos} photos",
        "",
        f"Machine: {machine}. {written} {rounds} round{'s' if rounds != 1 else ''} of a warm "
        "build and the two baselines, "
        f"in turn; the table shows the median of each kind. The bare build makes the same pages "
        f"({same[0]} of {same[1]} HTML pages byte for byte). {' '.join(notes)}".rstrip(),
        "",
        BASELINES,
        "",
        SKIPPED,
        "",
    ]
    first = "cold build" if corpus_seconds is not None else "first build (not cold)"
    return "\n".join(
        [
            *head,
            *phases(runs, first),
            "",
            *targets(n, runs, series, site, speedup),
            "",
            f"### Search and listing (issue 14), {n} cases",
            "",
            SEARCH_INTRO,
            "",
            *[
                line
                for language, figures in search.items()
                for line in [*search_section(n, language, runs["warm"], site, figures), ""]
            ],
            "",
            *variants_table(variants),
            "",
        ]
    )
