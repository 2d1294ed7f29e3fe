"""The search suite at scale: the header's search box in Chromium over a synthetic project of
1,000 cases (bench/corpus.py), where family names, given names, whole names and pinyin repeat and
collide as real ones do, and numbers share prefixes and endings.

The queries and their right answers come from the corpus (tests/scalequeries.py): eight kinds,
from a Chinese name to the last four characters of a number. The suite reports the share that
puts a right case first and in the top three, per kind, in test-artifacts/search-report-1000.md,
and fails below the bars set here.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import ARTIFACTS, DESKTOP, SCALE_CASES, Watched, _watched
from tests.browser.test_search import BOX, QUERIES, ranked_cases
from tests.scalequeries import KINDS, Entry, Query, entries, scale_queries

# Bars. Measured at 1,000 cases: all 80 queries put a right case first; so do 4,156 of the
# 4,157 queries of these kinds that the corpus allows (every candidate, not a sample; the miss is
# "2021", the end of a passport number and a year on many pages). Pagefind's own order, without
# the search script's second search and whole-word ordering, puts 74 of the 80 first and 78 in
# the top three (6 of the 10 queries with tones first); without the `names` metadata, 60 and 66.
# The bars leave room for a few misses as the corpus or the templates change, and still fail
# for either of those.
FIRST_SHARE = 0.95  # of all queries, a right case first
KIND_FIRST_SHARE = 0.8  # of each kind's queries, a right case first
TOP3_MISSES = 1  # queries with no right case in the top three


@pytest.fixture(scope="module")
def published(scale_project: Path) -> list[Entry]:
    """The corpus's cases that the built site publishes, read from its pages."""
    pages = (scale_project / "site" / "cases").glob("*/index.html")
    return entries(SCALE_CASES, (page.parent.name for page in pages))


@pytest.fixture
def scale_page(browser: Browser, scale_site_url: str) -> Iterator[Watched]:
    """The synthetic site's home page, its search box ready."""
    for watched in _watched(browser, scale_site_url, DESKTOP):
        watched.page.goto("./")
        watched.page.wait_for_selector(BOX)
        yield watched


def corpus_lines(found: list[Entry]) -> list[str]:
    """What makes the corpus hard, in figures, for the head of the report."""
    chinese = [e.person for e in found if e.person.family]
    families = Counter(p.family for p in chinese)
    names = Counter(p.native for p in chinese)
    readings: dict[str, set[str]] = {}
    for p in chinese:
        readings.setdefault(p.latin.lower(), set()).add(p.native or "")
    top = ", ".join(f"{f} {n}" for f, n in families.most_common(5))
    return [
        f"{len(found)} published cases of {SCALE_CASES}, {len(chinese)} with a Chinese name; "
        f"most common family names: {top}.",
        f"{sum(1 for n in names.values() if n > 1)} Chinese names are shared by two or more "
        f"people (the most, {names.most_common(1)[0][1]}); "
        f"{sum(1 for r in readings.values() if len(r) > 1)} pinyin spellings are read from "
        "different characters.",
    ]


def rank(ranking: list[str], expected: frozenset[str]) -> int:
    """The place of the first right case in the ranking, from 1; 0 when none is listed."""
    return next((k + 1 for k, case_id in enumerate(ranking) if case_id in expected), 0)


def test_search_suite_at_scale(scale_page: Watched, published: list[Entry]) -> None:
    queries: list[Query] = scale_queries(published)
    assert len(queries) >= 60
    assert len(queries) + len(QUERIES) >= 60  # the whole suite, with the sample's
    tally = {kind: [0, 0, 0] for kind in KINDS}  # first, top three, queries
    rows, misses = [], []
    for query in queries:
        ranking = ranked_cases(scale_page, query.text)
        position = rank(ranking, query.expected)
        counts = tally[query.kind]
        counts[0] += position == 1
        counts[1] += 1 <= position <= 3
        counts[2] += 1
        right = ", ".join(sorted(query.expected)[:3]) + ("…" if len(query.expected) > 3 else "")
        row = f"| {query.kind} | {query.text} | {right} | {position or 'not found'} | "
        rows.append(row + f"{', '.join(ranking[:3])} |")
        if position != 1:
            misses.append(rows[-1])
    first = sum(t[0] for t in tally.values())
    top3 = sum(t[1] for t in tally.values())
    total = len(queries)
    summary = (
        f"First place: {first}/{total} ({first / total:.0%}); "
        f"top three: {top3}/{total} ({top3 / total:.0%})"
    )
    report = [
        f"# Search at {SCALE_CASES} cases",
        "",
        *corpus_lines(published),
        "",
        summary,
        "",
        "| kind | first | top three |",
        "|---|---|---|",
        *(f"| {kind} | {f}/{n} | {t}/{n} |" for kind, (f, t, n) in tally.items()),
        "",
        "| kind | query | right cases | rank | top three |",
        "|---|---|---|---|---|",
        *rows,
    ]
    ARTIFACTS.mkdir(exist_ok=True)
    (ARTIFACTS / "search-report-1000.md").write_text("\n".join(report) + "\n", "utf-8")
    print("\n" + summary)
    assert all(n >= 5 for _, _, n in tally.values()), tally  # every kind is asked
    assert top3 >= total - TOP3_MISSES, misses
    assert first >= FIRST_SHARE * total, misses
    weak = {kind: f"{f}/{n}" for kind, (f, _, n) in tally.items() if f < KIND_FIRST_SHARE * n}
    assert not weak, (weak, misses)
