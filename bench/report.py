"""The benchmark's results as Markdown: the builds phase by phase, then each figure and target."""

from __future__ import annotations

import statistics
from dataclasses import dataclass

from bench.measure import Run, SiteFigures, median

MB = 1024 * 1024


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


def _row(label: str, cells: list[str]) -> str:
    return f"| {label} | " + " | ".join(cells) + " |"


def phases(runs: dict[str, Run]) -> list[str]:
    """The table of builds: cold, warm, after one edit, and bare MkDocs."""
    names = {
        "cold": "cold build",
        "warm": "warm build",
        "edit": "after editing one case",
        "bare": "bare `mkdocs build`",
    }
    order = [key for key in names if key in runs]

    def seconds(phase: str) -> list[str]:
        return [f"{runs[k].ours[phase]:.2f}" if phase in runs[k].ours else "–" for k in order]

    lines = [
        _row("seconds", [names[k] for k in order]),
        "|---|" + "---:|" * len(order),
        _row("validation", seconds("validation")),
        _row("photos (check, process)", seconds("photos")),
        _row("page generation (render, sync)", seconds("generation")),
        _row("MkDocs", [f"{runs[k].mkdocs:.2f}" for k in order]),
        _row("**total (wall)**", [f"**{runs[k].wall:.2f}**" for k in order]),
        _row(
            "photos processed / from cache",
            [
                f"{runs[k].photos['processed']} / {runs[k].photos['cached']}"
                if k != "bare"
                else "–"
                for k in order
            ],
        ),
        _row(
            "cases rendered anew / files written into docs/",
            [f"{runs[k].pieces_made} / {runs[k].written}" if k != "bare" else "–" for k in order],
        ),
        _row(
            "peak memory, largest process (MB)", [f"{runs[k].rss_largest / MB:.0f}" for k in order]
        ),
        _row("peak memory, all processes (MB)", [f"{runs[k].rss_tree / MB:.0f}" for k in order]),
    ]
    return lines


def targets(
    n: int,
    runs: dict[str, Run],
    pairs: list[tuple[Run, Run]],
    site: SiteFigures,
    speedup: Speedup,
) -> list[str]:
    """Each figure the issue sets a target for, with the target. Ratios are medians over the
    warm builds, and over the (warm, bare) pairs built one after the other."""
    edit = runs["edit"]
    share = statistics.median(
        (w.ours["validation"] + w.ours["generation"]) / w.mkdocs for w, _ in pairs
    )
    share_cpu = statistics.median(
        (w.ours_cpu["validation"] + w.ours_cpu["generation"]) / w.mkdocs_cpu for w, _ in pairs
    )
    share_all = statistics.median(sum(w.ours.values()) / w.mkdocs for w, _ in pairs)
    ratio = statistics.median(w.wall / b.wall for w, b in pairs)
    ratio_cpu = statistics.median(w.cpu / b.cpu for w, b in pairs)
    peak = max(r.rss_tree for r in runs.values())
    biggest = max(site.case_pages, default=0)
    lines = [
        "| figure | result | target |",
        "|---|---:|---|",
        _row(
            "warm: (validation + generation) / MkDocs, wall · CPU",
            [f"{share:.1%} · {share_cpu:.1%}", "≤ 10%"],
        ),
        _row(
            "warm: (validation + photos + generation) / MkDocs, wall",
            [f"{share_all:.1%}", "–"],
        ),
        _row(
            "warm build / bare `mkdocs build`, wall · CPU",
            [f"{ratio:.2f} · {ratio_cpu:.2f}", "≤ 1.10"],
        ),
        _row("edit: photos processed", [str(edit.photos["processed"]), "0"]),
        _row(
            "edit: cases rendered anew / files written into docs/",
            [f"{edit.pieces_made} / {edit.written}", "only what changed"],
        ),
        _row(
            f"photos, 1 worker / {speedup.cores} ({speedup.photos} photos)",
            [
                f"{speedup.one:.1f} s / {speedup.many:.1f} s = {speedup.ratio:.2f}×",
                "≥ 1.8× on 2 cores",
            ],
        ),
        _row("peak memory, all processes", [f"{peak / MB:.0f} MB", "< 1024 MB"]),
        _row("`site/` bytes per case", [f"{site.total / n / 1024:.1f} KB", "linear in N"]),
        _row("of which HTML, per case", [f"{site.pages / n / 1024:.1f} KB", "–"]),
        _row(
            "case page HTML, largest / median",
            [f"{biggest / 1024:.1f} KB / {median(site.case_pages) / 1024:.1f} KB", "< 40 KB"],
        ),
        _row("search index per case", [f"{site.search_index / n:.0f} bytes", "< 1024 bytes"]),
    ]
    return lines


def report(
    n: int,
    photos: int,
    machine: str,
    corpus_seconds: float,
    runs: dict[str, Run],
    pairs: list[tuple[Run, Run]],
    site: SiteFigures,
    speedup: Speedup,
    same: tuple[int, int],
) -> str:
    """The whole report."""
    head = [
        f"## Benchmark: {n} cases, {photos} photos",
        "",
        f"Machine: {machine}. Corpus written in {corpus_seconds:.0f} s. {len(pairs)} warm and "
        f"{len(pairs)} bare builds, alternated; the table shows the median of each. The bare "
        f"build makes the same pages ({same[0]} of {same[1]} HTML pages byte for byte).",
        "",
    ]
    return "\n".join([*head, *phases(runs), "", *targets(n, runs, pairs, site, speedup), ""])
