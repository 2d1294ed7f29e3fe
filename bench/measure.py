"""Measuring one build: wall time, the generator's own phases, Pagefind's, and peak memory.

A build runs as a real `mkdocs build` in a child process. The generator's phases come from the
JSON file that `generator.build.record` writes when MOSTWANTED_TIMINGS names it, and Pagefind's
cost (run by the hook after MkDocs) from the part the hook adds to it; MkDocs' share is the rest
of the wall time. Peak memory is measured two ways: the largest single process (the
kernel's maximum resident set size, from wait4), and the sum over the whole process tree (the
build and its photo workers), sampled every 0.2 s.
"""

from __future__ import annotations

import gzip
import json
import os
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any

from generator.searchindex import BUNDLE, Indexed

PAGE = os.sysconf("SC_PAGE_SIZE")
MB = 1024 * 1024
SAMPLE_SECONDS = 0.2


@dataclass(frozen=True)
class Run:
    """One measured build."""

    wall: float  # seconds
    cpu: float  # CPU seconds of the build and every process it waited for
    rss_largest: int  # bytes: the largest single process
    rss_tree: int  # bytes: the largest sampled sum over the process tree
    ours: dict[str, float] = field(default_factory=dict)  # the generator's phases, in seconds
    ours_cpu: dict[str, float] = field(default_factory=dict)  # the same in CPU seconds
    photos: dict[str, int] = field(default_factory=dict)  # PhotoStats counters
    written: int = 0  # files the generator wrote into docs/
    pieces_made: int = 0  # cases rendered anew, not taken from the memo of the last build
    # Pagefind's run after MkDocs: seconds, cpu_seconds, peak_rss (bytes); empty without one
    index: dict[str, float] = field(default_factory=dict)

    @property
    def pagefind(self) -> float:
        """Seconds Pagefind took to index the built site (0 when it did not run)."""
        return self.index.get("seconds", 0.0)

    @property
    def mkdocs(self) -> float:
        """Seconds of the build that were neither the generator's nor Pagefind's: MkDocs itself."""
        return self.wall - sum(self.ours.values()) - self.pagefind

    @property
    def mkdocs_cpu(self) -> float:
        """CPU seconds that were neither the generator's nor Pagefind's (photo workers' count
        here)."""
        return self.cpu - sum(self.ours_cpu.values()) - self.index.get("cpu_seconds", 0.0)


def _children(pid: int) -> list[int]:
    """The child processes of pid, from /proc/<pid>/task/<tid>/children."""
    found: list[int] = []
    try:
        for task in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{task}/children", encoding="utf-8") as handle:
                found += [int(child) for child in handle.read().split()]
    except OSError:
        pass
    return found


def _tree_rss(pid: int) -> int:
    """Resident bytes of a process and all its descendants, now."""
    total, stack = 0, [pid]
    while stack:
        current = stack.pop()
        try:
            with open(f"/proc/{current}/statm", encoding="utf-8") as handle:
                total += int(handle.read().split()[1]) * PAGE
        except OSError:
            continue
        stack += _children(current)
    return total


def run_build(root: Path, config: str = "mkdocs.yml", site: str = "site") -> Run:
    """Run `mkdocs build --strict` in root and measure it; raise if the build fails."""
    timings = root / ".build" / "timings.json"
    timings.parent.mkdir(exist_ok=True)
    timings.unlink(missing_ok=True)
    log = root / ".build" / "mkdocs.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "MOSTWANTED_TIMINGS": str(timings)}
    env.setdefault("SOURCE_DATE_EPOCH", "1700000000")
    env.pop("PYTHONDONTWRITEBYTECODE", None)  # compile the copied generator once, as usual
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "-f", config]
    peak = [0]
    done = threading.Event()
    os.sync()  # start each build with nothing left to write back from the one before
    with log.open("wb") as out:
        started = time.perf_counter()
        child = subprocess.Popen(
            [*command, "--site-dir", site], cwd=root, env=env, stdout=out, stderr=out
        )

        def sample() -> None:
            while not done.wait(SAMPLE_SECONDS):
                peak[0] = max(peak[0], _tree_rss(child.pid))

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        _, status, usage = os.wait4(child.pid, 0)
        wall = time.perf_counter() - started
        child.returncode = os.waitstatus_to_exitcode(status)
        done.set()
        sampler.join()
    if child.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {root}:\n{log.read_text('utf-8')[-4000:]}")
    largest = usage.ru_maxrss * 1024  # kilobytes on Linux
    cpu = usage.ru_utime + usage.ru_stime
    if not timings.is_file():
        return Run(wall, cpu, largest, max(peak[0], largest))
    doc: dict[str, Any] = json.loads(timings.read_text("utf-8"))
    return Run(
        wall,
        cpu,
        largest,
        max(peak[0], largest),
        doc["seconds"],
        doc["cpu_seconds"],
        doc["photos"],
        doc["written"],
        doc["pieces_made"],
        doc.get("search_index", {}),
    )


def with_index(run: Run, indexed: Indexed) -> Run:
    """A build without our hook followed by the Pagefind step the hook runs, as one run."""
    return replace(
        run,
        wall=run.wall + indexed.seconds,
        cpu=run.cpu + indexed.cpu_seconds,
        rss_largest=max(run.rss_largest, indexed.peak_rss),
        rss_tree=max(run.rss_tree, indexed.peak_rss),
        index=indexed.figures(),
    )


def median_run(runs: list[Run]) -> Run:
    """The run with the median wall time (the lower middle one for an even count)."""
    return sorted(runs, key=lambda r: r.wall)[(len(runs) - 1) // 2]


def same_pages(site: Path, other: Path) -> tuple[int, int]:
    """How many HTML pages of site are byte for byte the same in other, and how many there are."""
    pages = sorted(site.rglob("*.html"))
    same = sum(1 for p in pages if (other / p.relative_to(site)).read_bytes() == p.read_bytes())
    return same, len(pages)


@dataclass(frozen=True)
class SiteFigures:
    """Sizes of a built site."""

    total: int  # bytes of every file
    pages: int  # bytes of every HTML file
    case_pages: tuple[int, ...]  # bytes of each case page
    search_index: int  # bytes of Pagefind's index: fragments, word and filter chunks, metadata
    search_files: int  # how many files that index is
    listing: int  # bytes of the listing page's HTML, cases/index.html (0 if missing)
    listing_gzip: int  # the same, gzip-compressed (level 6, as web servers commonly send it)


def site_figures(site: Path) -> SiteFigures:
    """The sizes of the site built into site."""
    total = pages = 0
    for path in site.rglob("*"):
        if path.is_file():
            size = path.stat().st_size
            total += size
            pages += size if path.suffix == ".html" else 0
    cases = site / "cases"
    case_pages = tuple(
        sorted(p.stat().st_size for p in cases.glob("*/index.html")) if cases.is_dir() else ()
    )
    index = [
        p.stat().st_size
        for p in (site / BUNDLE).rglob("*")
        if p.is_file() and (p.suffix.startswith(".pf_") or p.suffix == ".pagefind")
    ]
    listing = site / "cases" / "index.html"
    html = listing.read_bytes() if listing.is_file() else b""
    squeezed = len(gzip.compress(html, 6)) if html else 0
    return SiteFigures(total, pages, case_pages, sum(index), len(index), len(html), squeezed)


def median(values: tuple[int, ...]) -> float:
    return statistics.median(values) if values else 0.0
