"""`python -m bench N`: the benchmark behind `make bench N=...` (see bench/__init__.py).

It makes a synthetic project of N cases in a temporary folder, then measures a cold build (empty
photo cache, no generated pages), warm builds (nothing changed), the rebuild after editing one
case, and bare `mkdocs build`s of the same pages without our hook; then photo processing on one
core against all cores. It prints the results as Markdown and deletes the folder unless --keep.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from bench.corpus import make_corpus
from bench.measure import (
    Run,
    SiteFigures,
    bare_config,
    median_run,
    run_build,
    same_pages,
    site_figures,
)
from bench.report import Speedup, report
from generator.photos.photoset import survey


def machine() -> str:
    """The machine, for the report: cores, CPU model, memory, software versions."""
    model = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
        kib = next(
            int(line.split()[1])
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal:")
        )
        memory = f"{kib / 1024 / 1024:.0f} GB RAM"
    except (OSError, StopIteration, ValueError):
        memory = "unknown RAM"
    return (
        f"{os.cpu_count()} cores ({model}), {memory}, Python {platform.python_version()}, "
        f"MkDocs {version('mkdocs')}, Material {version('mkdocs-material')}, "
        f"Pillow {version('pillow')}"
    )


def edit_one_case(root: Path) -> str:
    """Reword the summary of the first case at large, a text shown on its own page only."""
    for case_file in sorted((root / "cases").glob("*/case.yaml")):
        text = case_file.read_text("utf-8")
        if "status: at_large" in text and "Suspected of" in text:
            case_file.write_text(text.replace("Suspected of", "Believed guilty of", 1), "utf-8")
            return case_file.parent.name
    raise RuntimeError("no case at large to edit")


def say(message: str) -> None:
    print(f"[{time.strftime('%H:%M:%S')}] {message}", file=sys.stderr, flush=True)


def photo_speedup(root: Path, sample: int, scratch: Path) -> Speedup:
    """Process the same photos into empty caches with one worker, then with one per core."""
    photos = sorted((root / "cases").glob("*/*.jpg"))[:sample]
    cores = os.cpu_count() or 1
    seconds = []
    for workers in (1, cores):
        cache = scratch / f"speedup-{workers}"
        started = time.perf_counter()
        survey(photos, [], cache, workers=workers)
        seconds.append(time.perf_counter() - started)
        shutil.rmtree(cache)
    return Speedup(len(photos), cores, seconds[0], seconds[1])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("cases", type=int, nargs="?", default=200, help="number of cases")
    parser.add_argument("--repeat", type=int, help="warm and bare builds, alternated")
    parser.add_argument("--sample", type=int, default=40, help="photos for the 1-core timing")
    parser.add_argument("--keep", type=Path, help="build in this new folder and keep it")
    args = parser.parse_args(argv)
    repeat = args.repeat or (5 if args.cases <= 2000 else 3)
    scratch = Path(tempfile.mkdtemp(prefix="mostwanted-bench-"))
    root = args.keep.resolve() if args.keep else scratch / "project"
    try:
        say(f"writing {args.cases} cases into {root}")
        started = time.perf_counter()
        photos = make_corpus(root, args.cases)
        corpus_seconds = time.perf_counter() - started
        say(f"{photos} photos drawn in {corpus_seconds:.0f} s; cold build")
        cold = run_build(root)
        say(f"cold build {cold.wall:.0f} s; warm and bare builds, {repeat} each")
        bare_file = bare_config(root)
        # Untimed: MkDocs first empties an existing site folder, which the cold build made for
        # site/; the first bare build would otherwise be the only one without that work.
        run_build(root, bare_file, "site-bare")
        warm: list[Run] = []
        bare: list[Run] = []
        for i in range(repeat):  # alternate, each kind going first half of the time
            for kind in ("warm", "bare") if i % 2 == 0 else ("bare", "warm"):
                if kind == "warm":
                    warm.append(run_build(root))
                else:
                    bare.append(run_build(root, bare_file, "site-bare"))
                done = warm[-1] if kind == "warm" else bare[-1]
                say(f"{kind} build {done.wall:.2f} s (ours {sum(done.ours.values()):.2f} s)")
        figures: SiteFigures = site_figures(root / "site")
        same, pages = same_pages(root / "site", root / "site-bare")
        say(f"bare build: {same} of {pages} pages the same as the warm build's")
        edited = edit_one_case(root)
        say(f"edited {edited}; rebuilding")
        edit = run_build(root)
        say("photo processing, 1 worker against all cores")
        speedup = photo_speedup(root, args.sample, scratch)
        print(
            report(
                args.cases,
                photos,
                machine(),
                corpus_seconds,
                {"cold": cold, "warm": median_run(warm), "edit": edit, "bare": median_run(bare)},
                list(zip(warm, bare, strict=True)),
                figures,
                speedup,
                (same, pages),
            )
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
