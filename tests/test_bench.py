"""The benchmark's measuring parts, on the sample site built by a real MkDocs: Pagefind's cost as
the hook records it, the baselines' pages, the queries and the search box timed in Chromium."""

from __future__ import annotations

import os
import shutil
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.baselines import BARE, MATERIAL, baseline_configs
from bench.browser import CHROMIUM, measure_search
from bench.measure import MB, run_site, same_pages
from bench.queries import KINDS, pick_queries
from generator.searchindex import BUNDLE, OPTIONS, run_pagefind


def test_pagefind_peak_memory_is_its_own(built: Path, tmp_path: Path) -> None:
    """Started from a process that holds 400 MB, Pagefind is still measured at its own size:
    the kernel's maximum resident set would have inherited the 400 MB through vfork and exec."""
    ballast = b"x" * (400 * MB)  # written, so resident
    output = tmp_path / "index"
    indexed = run_pagefind(["--site", str(built), "--output-path", str(output), *OPTIONS])
    assert len(ballast) == 400 * MB
    assert 10 * MB < indexed.peak_rss < 300 * MB
    assert indexed.seconds > 0 and indexed.cpu_seconds > 0
    assert (output / "pagefind-entry.json").is_file()


def test_a_build_records_pagefind_beside_the_generator(built: Path, sample_copy: Path) -> None:
    """Every edition is built and indexed; the generator runs once, in the default edition's
    build, and not at all when nothing changed since the last good build (generator/uptodate)."""
    run_site(sample_copy, site="site-timed")  # generates, if another test changed the sample
    again = run_site(sample_copy, site="site-timed")
    assert list(again.editions) == ["en", "zh"]  # each edition built, the default first
    assert not again.ours  # nothing changed since: the generator skipped in both editions
    case = sample_copy / "cases" / "liang-shaohua" / "case.yaml"
    os.utime(case)  # touched: the default edition's build generates again, the other need not
    run = run_site(sample_copy, site="site-timed")
    assert run.wall == pytest.approx(sum(r.wall for r in run.editions.values()))
    assert set(run.editions["en"].ours) == {"validation", "photos", "generation", "posters"}
    assert not run.editions["zh"].ours
    for edition in run.editions.values():
        assert set(edition.index) == {"seconds", "cpu_seconds", "peak_rss"}
        assert 0 < edition.pagefind < edition.wall and edition.mkdocs > 0
        assert 10 * MB < edition.index["peak_rss"] < 300 * MB
    for folder in ("site-timed", "site-timed/zh"):
        assert (sample_copy / folder / BUNDLE / "pagefind-entry.json").is_file()


def test_bare_build_makes_the_same_pages_and_material_builds_its_index(
    built: Path, sample_copy: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")  # the dates `built` was built with
    languages = ["en", "zh"]
    bare = run_site(sample_copy, baseline_configs(sample_copy, BARE, languages), "site-bare")
    same, pages = same_pages(built, sample_copy / "site-bare")
    assert pages > 60 and same == pages  # both editions' pages, byte for byte
    assert list(bare.editions) == languages
    assert not bare.ours and not bare.index  # no hook: neither the generator nor Pagefind ran
    material = baseline_configs(sample_copy, MATERIAL, languages)
    run_site(sample_copy, material, "site-material", index=True)
    for folder in ("site-material", "site-material/zh"):
        assert (sample_copy / folder / "search" / "search_index.json").is_file()
        assert (sample_copy / folder / BUNDLE / "pagefind-entry.json").is_file()  # index=True
    assert not (sample_copy / "site-bare" / "search").exists()


def test_queries_come_from_published_cases(sample_copy: Path) -> None:
    page, queries = pick_queries(sample_copy)
    assert [q.kind for q in queries] == [*KINDS, *KINDS]
    assert (sample_copy / "cases" / page.strip("/").split("/")[1] / "case.yaml").is_file()
    for query in queries:
        text = (sample_copy / "cases" / query.case / "case.yaml").read_text("utf-8")
        assert "status: withdrawn" not in text
        if query.kind != "pinyin without spaces":
            assert query.text in text, query


@pytest.mark.skipif(not CHROMIUM.exists(), reason="Debian's chromium is not installed")
def test_search_box_timed_in_chromium(built: Path, sample_copy: Path, tmp_path: Path) -> None:
    site = tmp_path / "site"
    shutil.copytree(built, site)
    page, queries = pick_queries(sample_copy)
    # In a thread of its own: Playwright's sync API refuses to start where the browser tests'
    # fixtures already run an event loop.
    with ThreadPoolExecutor(1) as thread:
        found = thread.submit(measure_search, site, page, queries[:1]).result()
    (searched,) = found.searches
    assert searched.rank == 1
    assert 0 < searched.seconds < 30
    # pagefind.js, its worker, the entry, the metadata, the WebAssembly, an index chunk, a
    # fragment: at least that, and nothing from outside the bundle.
    bundle = sum(p.stat().st_size for p in (site / BUNDLE).rglob("*") if p.is_file())
    assert searched.files >= 7 and 100_000 < searched.fetched < bundle
    assert searched.fetched_gzip < searched.fetched
    assert os.path.getsize(site / BUNDLE / "pagefind.js") < searched.fetched
