"""Measuring one build: wall time, the generator's own phases, and peak memory.

A build runs as a real `mkdocs build` in a child process. The generator's phases come from the
JSON file that `generator.build.record` writes when MOSTWANTED_TIMINGS names it; MkDocs' share is
the rest of the wall time. Peak memory is measured two ways: the largest single process (the
kernel's maximum resident set size, from wait4), and the sum over the whole process tree (the
build and its photo workers), sampled every 0.2 s.
"""

from __future__ import annotations

import json
import os
import re
import statistics
import subprocess
import sys
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator.source.loader import SETTINGS_FILE, load_model
from generator.source.model import Settings

PAGE = os.sysconf("SC_PAGE_SIZE")
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

    @property
    def mkdocs(self) -> float:
        """Seconds of the build that were not the generator's: MkDocs itself."""
        return self.wall - sum(self.ours.values())

    @property
    def mkdocs_cpu(self) -> float:
        """CPU seconds that were not the generator's (photo workers' CPU counts here)."""
        return self.cpu - sum(self.ours_cpu.values())


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
    )


def median_run(runs: list[Run]) -> Run:
    """The run with the median wall time (the lower middle one for an even count)."""
    return sorted(runs, key=lambda r: r.wall)[(len(runs) - 1) // 2]


def bare_config(root: Path) -> str:
    """Write mkdocs-bare.yml: the site's configuration without the generator's hook, and with
    the title and demonstration flag that the hook would set, so that it builds the same pages."""
    settings, _ = load_model(root / "cases" / SETTINGS_FILE, root, Settings, [])
    if settings is None:
        raise RuntimeError("cases/publication.yaml is not valid")
    text = (root / "mkdocs.yml").read_text("utf-8")
    text, hooks = re.subn(r"(?m)^hooks:\n(?:[ \t]+- .*\n)+", "", text)
    title = f"site_name: {json.dumps(settings.title)}"
    text, names = re.subn(r"(?m)^site_name: .*$", lambda _: title, text)
    if hooks != 1 or names != 1 or re.search(r"(?m)^extra:", text):
        raise RuntimeError("mkdocs.yml does not look as the benchmark expects")
    text += f"\nextra:\n  demonstration: {json.dumps(settings.demonstration)}\n"
    (root / "mkdocs-bare.yml").write_text(text, encoding="utf-8")
    return "mkdocs-bare.yml"


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


def site_figures(site: Path) -> SiteFigures:
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
    bundle = site / "pagefind"
    index = sum(
        p.stat().st_size
        for p in bundle.rglob("*")
        if p.is_file() and (p.suffix.startswith(".pf_") or p.suffix == ".pagefind")
    )
    return SiteFigures(total, pages, case_pages, index)


def median(values: tuple[int, ...]) -> float:
    return statistics.median(values) if values else 0.0
