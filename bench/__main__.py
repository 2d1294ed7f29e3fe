"""`python -m bench N`: the benchmark behind `make bench N=...` (see bench/__init__.py).

It makes a synthetic project of N cases in a temporary folder, then measures a cold build (empty
photo cache, no generated pages), warm builds (nothing changed), the rebuild after editing one
case, and two kinds of build without our hook (bench/baselines.py): bare `mkdocs build`s of the
same pages followed by the same Pagefind step, and bare builds with Material's search plugin as
before Pagefind. Then the header search box in Chromium with a throttled CPU (bench/browser.py),
and photo processing on one core against all cores. It prints the results as Markdown and
deletes the folder unless --keep; `--keep` naming a kept project measures it again without
writing a new corpus (its first build is then not cold).
"""

from __future__ import annotations

import argparse
import dataclasses
import json
import os
import platform
import re
import shutil
import sys
import tempfile
import time
from importlib.metadata import version
from pathlib import Path

from bench.baselines import BARE, MATERIAL, baseline_configs
from bench.browser import SearchFigures, measure_search, unavailable
from bench.corpus import CODE_ONLY, HAND_WRITTEN, ROOT, make_corpus
from bench.measure import (
    Run,
    SiteFigures,
    edition_languages,
    median_run,
    run_site,
    same_pages,
    site_figures,
)
from bench.pagefindopts import pagefind_variants
from bench.queries import pick_queries
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


def _plain(value: object) -> object:
    """Dataclasses as dictionaries, for the raw figures' JSON."""
    if dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.asdict(value)
    return str(value)


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


def refresh_site(root: Path) -> None:
    """Bring a kept project's copy of the site (mkdocs.yml, hand-written docs/, the generator)
    up to date with this one, so that measuring it again measures the current code."""
    shutil.copy2(ROOT / "mkdocs.yml", root / "mkdocs.yml")
    shutil.copytree(ROOT / "docs", root / "docs", ignore=HAND_WRITTEN, dirs_exist_ok=True)
    shutil.rmtree(root / "generator")
    shutil.copytree(ROOT / "generator", root / "generator", ignore=CODE_ONLY)


def without_posters(root: Path) -> None:
    """Set `posters: false` in the project's publication settings: no PDF posters or share
    images, which take most of a cold build's generation and most of site/'s bytes."""
    settings = root / "cases" / "publication.yaml"
    text = settings.read_text("utf-8")
    if not re.search(r"(?m)^posters:", text):
        settings.write_text(text.rstrip("\n") + "\nposters: false\n", encoding="utf-8")


def builds(root: Path, repeat: int) -> dict[str, list[Run]]:
    """Warm builds, bare builds plus Pagefind, and bare builds with Material's search, in turn
    (each kind going first as often as the others), every edition each time."""
    languages = edition_languages(root)
    configs = {
        "bare": (baseline_configs(root, BARE, languages), "site-bare"),
        "material": (baseline_configs(root, MATERIAL, languages), "site-material"),
    }
    # Untimed: MkDocs first empties an existing site folder, which the cold build made for
    # site/; the first build of each other kind would otherwise be the only one without that work.
    for config, site in configs.values():
        run_site(root, config, site)
    runs: dict[str, list[Run]] = {"warm": [], "bare": [], "material": []}
    kinds = list(runs)
    for i in range(repeat):
        for kind in kinds[i % 3 :] + kinds[: i % 3]:
            if kind in configs:
                done = run_site(root, *configs[kind], index=kind == "bare")
            else:
                done = run_site(root)
            runs[kind].append(done)
            ours = sum(done.ours.values())
            each = ", ".join(f"{lang} {run.wall:.2f}" for lang, run in done.editions.items())
            say(
                f"{kind} build {done.wall:.2f} s ({each}; ours {ours:.2f} s, "
                f"index {done.pagefind:.2f} s)"
            )
    return runs


def browser_part(root: Path) -> dict[str, SearchFigures | str]:
    """The search box timed in Chromium in each edition, or why it did not run."""
    reason = unavailable()
    languages = edition_languages(root)
    if reason:
        return dict.fromkeys(languages, reason)
    page, queries = pick_queries(root)
    found: dict[str, SearchFigures | str] = {}
    for i, language in enumerate(languages):
        say(f"search box in Chromium ({language}), CPU throttled 4 times")
        try:
            found[language] = measure_search(
                root / "site", page if i == 0 else f"/{language}{page}", queries
            )
        except Exception as exc:
            found[language] = f"it failed: {type(exc).__name__}: {exc}"
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__)
    parser.add_argument("cases", type=int, nargs="?", default=200, help="number of cases")
    parser.add_argument("--repeat", type=int, help="builds of each kind (warm, bare, material)")
    parser.add_argument("--sample", type=int, default=40, help="photos for the 1-core timing")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (or reuse it)")
    parser.add_argument("--no-browser", action="store_true", help="skip the search in Chromium")
    parser.add_argument(
        "--no-posters", action="store_true", help="publish no posters or share images (faster)"
    )
    parser.add_argument(
        "--no-photos", action="store_true", help="cases without photos (faster; search alike)"
    )
    args = parser.parse_args(argv)
    repeat = args.repeat or (5 if args.cases <= 2000 else 3)
    scratch = Path(tempfile.mkdtemp(prefix="mostwanted-bench-"))
    root = args.keep.resolve() if args.keep else scratch / "project"
    reused = (root / "cases").is_dir()
    try:
        if reused:
            photos = len(list((root / "cases").glob("*/*.jpg")))
            corpus_seconds = 0.0
            refresh_site(root)
            say(f"reusing {root}: {photos} photos; first build (not cold)")
        else:
            say(f"writing {args.cases} cases into {root}")
            started = time.perf_counter()
            photos = make_corpus(root, args.cases, photos=not args.no_photos)
            corpus_seconds = time.perf_counter() - started
            say(f"{photos} photos drawn in {corpus_seconds:.0f} s; cold build")
        notes = []
        if args.no_photos:
            notes.append("Cases without photos (`--no-photos`).")
        if args.no_posters:
            without_posters(root)
            notes.append("Posters and share images off (`--no-posters`).")
        cold = run_site(root)
        say(f"first build {cold.wall:.0f} s; warm and bare builds, {repeat} each")
        runs = builds(root, repeat)
        figures: SiteFigures = site_figures(root / "site", edition_languages(root))
        same, pages = same_pages(root / "site", root / "site-bare")
        say(f"bare build: {same} of {pages} pages the same as the warm build's")
        languages = edition_languages(root)
        skipped: dict[str, SearchFigures | str] = dict.fromkeys(languages, "skipped (--no-browser)")
        search = skipped if args.no_browser else browser_part(root)
        say("Pagefind's memory, as the hook runs it and in other ways")
        # An edition other than the default, if any: its folder holds no other edition's pages.
        variants = pagefind_variants(root / "site" / "/".join(languages[1:2]), scratch)
        edited = edit_one_case(root)
        say(f"edited {edited}; rebuilding")
        edit = run_site(root)
        say("photo processing, 1 worker against all cores")
        speedup = photo_speedup(root, args.sample, scratch) if photos else None
        medians = {kind: median_run(done) for kind, done in runs.items()}
        # Every figure, raw, kept beside the project first: a report that fails loses nothing.
        raw = {"cold": cold, "edit": edit, "runs": runs, "search": search, "figures": figures}
        (root / ".build" / "bench-runs.json").write_text(
            json.dumps(raw, default=_plain, indent=1), encoding="utf-8"
        )
        print(
            report(
                args.cases,
                photos,
                machine(),
                corpus_seconds if not reused else None,
                {"cold": cold, "warm": medians["warm"], "edit": edit, **medians},
                runs,
                figures,
                speedup,
                (same, pages),
                search,
                variants,
                notes,
            )
        )
    finally:
        shutil.rmtree(scratch, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
