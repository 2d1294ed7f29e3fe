"""The listing's filters and static pages at 1,000 synthetic cases (the corpus of
tests/browser/conftest.py's `scale_project`): filtering through Pagefind's filters with counts
over every case, and the static pages a reader without JavaScript walks."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urljoin

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import DESKTOP, Watched, _watched
from tests.browser.filtering import (
    RESULTS,
    STATIC,
    api_cases,
    expected,
    settle,
    show_all,
    shown,
    values,
)

LISTING_LIMIT = 150_000  # bytes of HTML of any page of the listing (issue 14)


@pytest.fixture
def scale(browser: Browser, scale_site_url: str) -> Iterator[Watched]:
    """A desktop page of the 1,000-case site; the test fails on console errors."""
    yield from _watched(browser, scale_site_url, DESKTOP)


@pytest.fixture(scope="module")
def cases(scale_project: Path) -> list[dict]:
    return api_cases(scale_project / "site")


def test_a_filter_shows_every_match_in_listing_order(scale: Watched, cases: list[dict]) -> None:
    page = scale.page
    page.goto("cases/?status=at_large")
    settle(page)
    want = expected(cases, status="at_large")
    assert len(want) > 300  # several batches and several static pages
    assert page.locator("#mw-filter-summary").inner_text() == (
        f"Showing {len(want)} of {len(cases)} cases."
    )
    assert shown(page) == want[:50]  # one batch at a time
    assert show_all(page) == want


def test_counts_beside_each_value_follow_the_other_filters(
    scale: Watched, cases: list[dict]
) -> None:
    country = Counter(next(iter(values(c)["country"])) for c in cases).most_common(1)[0][0]
    page = scale.page
    page.goto(f"cases/?country={country}")
    settle(page)
    assert shown(page) == expected(cases, country=country)[:50]
    for option in page.locator("#mw-filter-status option").all()[1:]:
        status = option.get_attribute("value") or ""
        n = len(expected(cases, country=country, status=status))
        assert option.inner_text().endswith(f"({n})"), (status, n)
    crimes = page.locator("#mw-filter-crime option").all()[1:4]
    for option in crimes:
        crime = option.get_attribute("value") or ""
        n = len(expected(cases, country=country, crime=crime))
        assert option.inner_text().endswith(f"({n})"), (crime, n)
    # Two filters at once, then back to everything.
    crime = crimes[0].get_attribute("value") or ""
    page.select_option("#mw-filter-crime", crime)
    settle(page)
    assert show_all(page) == expected(cases, country=country, crime=crime)
    page.click("#mw-filter-reset")
    settle(page)
    assert page.locator(RESULTS).count() == 0
    assert page.locator(STATIC).count() == 100


def test_without_javascript_every_case_is_on_one_static_page(
    browser: Browser, scale_site_url: str, scale_project: Path, cases: list[dict]
) -> None:
    """Following "Next" from the listing's first page reaches every case exactly once, in
    listing order, at most 100 a page; no page of the listing weighs more than the limit."""
    context = browser.new_context(java_script_enabled=False, base_url=scale_site_url)
    try:
        page = context.new_page()
        url = urljoin(scale_site_url, "cases/")
        walked: list[str] = []
        pages = 0
        while url:
            page.goto(url)
            assert page.locator("#mw-filters").is_hidden()
            ids = page.eval_on_selector_all(STATIC, "cs => cs.map(c => c.dataset.case)")
            assert 0 < len(ids) <= 100
            walked += ids
            pages += 1
            following = page.locator(".mw-pager a[rel=next]")
            url = (
                urljoin(page.url, following.get_attribute("href") or "")
                if following.count()
                else ""
            )
        assert walked == expected(cases)
        assert pages == -(-len(cases) // 100)
    finally:
        context.close()
    listing = sorted((scale_project / "site" / "cases").glob("**/page/*/index.html"))
    for html in [scale_project / "site" / "cases" / "index.html", *listing]:
        assert html.stat().st_size < LISTING_LIMIT, (html, html.stat().st_size)
