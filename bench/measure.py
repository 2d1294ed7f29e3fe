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

from generator.public.editions import editions
from generator.searchindex import BUNDLE, Indexed, index_site
from generator.source.loader import SETTINGS_FILE, load_model
from generator.source.model import Settings

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
    posters_made: int = 0  # PDF posters drawn anew, not taken from their cache
    shares_made: int = 0  # share images drawn anew
    # Pagefind's run after MkDocs: seconds, cpu_seconds, peak_rss (bytes); empty without one
    index: dict[str, float] = field(default_factory=dict)
    # a site of several editions: each edition's own build, by language, default first
    editions: dict[str, Run] = field(default_factory=dict)

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
        # none of these when the hook found the pages written already (generator/uptodate.py)
        doc.get("seconds", {}),
        doc.get("cpu_seconds", {}),
        doc.get("photos", {}),
        doc.get("written", 0),
        doc.get("pieces_made", 0),
        doc.get("posters_made", 0),
        doc.get("shares_made", 0),
        doc.get("search_index", {}),
    )


def _sum(parts: list[dict[str, Any]]) -> dict[str, Any]:
    keys = sorted({key for part in parts for key in part})
    return {key: sum(part.get(key, 0) for part in parts) for key in keys}


def combine(editions: dict[str, Run]) -> Run:
    """The builds of a site's editions, one after the other, as one run: times, counts and
    Pagefind's seconds add up; peak memory is the largest of any edition's."""
    runs = list(editions.values())
    peak = max((r.index.get("peak_rss", 0) for r in runs), default=0)
    index = _sum([r.index for r in runs]) | ({"peak_rss": peak} if peak else {})
    return Run(
        wall=sum(r.wall for r in runs),
        cpu=sum(r.cpu for r in runs),
        rss_largest=max(r.rss_largest for r in runs),
        rss_tree=max(r.rss_tree for r in runs),
        ours=_sum([r.ours for r in runs]),
        ours_cpu=_sum([r.ours_cpu for r in runs]),
        photos=_sum([r.photos for r in runs]),
        written=sum(r.written for r in runs),
        pieces_made=sum(r.pieces_made for r in runs),
        posters_made=sum(r.posters_made for r in runs),
        shares_made=sum(r.shares_made for r in runs),
        index=index,
        editions=dict(editions),
    )


def edition_languages(root: Path) -> list[str]:
    """The languages of the project's editions, the default first (its publication settings)."""
    settings, _ = load_model(root / "cases" / SETTINGS_FILE, root, Settings, [])
    if settings is None:
        raise RuntimeError("cases/publication.yaml is not valid")
    return [edition.language for edition in editions(settings)]


def run_site(
    root: Path, config: str = "mkdocs.yml", site: str = "site", index: bool = False
) -> Run:
    """Build every edition as `make site` does, measured: the default edition from config into
    site (its hook generates every edition's pages and configurations), then each other edition
    from the configuration named like config with its language (mkdocs.zh.yml,
    mkdocs-bare.zh.yml) into site/<language>. With index, Pagefind's step follows each edition's
    build, as the hook runs it (for the baselines, which have no hook)."""
    first, *others = edition_languages(root)
    stem = config.removesuffix(".yml")
    built = {}
    for language in [first, *others]:
        name, folder = (
            (config, site)
            if language == first
            else (f"{stem}.{language}.yml", f"{site}/{language}")
        )
        done = run_build(root, name, folder)
        built[language] = with_index(done, index_site(root / folder)) if index else done
    return combine(built)


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
    # each edition's listing page, cases/index.html (zh/cases/index.html, ...): its bytes, and
    # gzip-compressed (level 6, as web servers commonly send it); by language, default first
    listings: dict[str, tuple[int, int]]


def site_figures(site: Path, languages: list[str]) -> SiteFigures:
    """The sizes of the site built into site, whose editions are languages (default first)."""
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
        for p in site.rglob("*")
        if p.is_file()
        and BUNDLE in p.parts
        and (p.suffix.startswith(".pf_") or p.suffix == ".pagefind")
    ]
    listings = {}
    for i, language in enumerate(languages):
        listing = site / ("" if i == 0 else language) / "cases" / "index.html"
        html = listing.read_bytes() if listing.is_file() else b""
        listings[language] = (len(html), len(gzip.compress(html, 6)) if html else 0)
    return SiteFigures(total, pages, case_pages, sum(index), len(index), listings)


def median(values: tuple[int, ...]) -> float:
    return statistics.median(values) if values else 0.0
