"""The listing's filters and the discovery pages in Chromium: filtering, sharing a filtered view
by its URL, restoring it, and accessibility."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Browser

from tests.browser.conftest import Watched
from tests.browser.filtering import STATIC, api_cases, expected, settle, shown
from tests.browser.test_pages import axe_serious

DISCOVERY = {
    "statistics": "statistics/",
    "countries": "countries/",
    "country": "countries/ca/",
    "lists": "lists/",
    "named-list": "lists/priority/",
    "returned": "returned/",
    "known": "whereabouts/known/",
    "unknown": "whereabouts/unknown/",
}


@pytest.fixture(scope="module")
def cases(site_url: str, sample_copy: Path) -> list[dict]:
    return api_cases(sample_copy / "site-browser")


def query(watched: Watched) -> dict[str, list[str]]:
    return parse_qs(urlsplit(watched.page.url).query)


def test_filtering_shows_matching_cards_and_keeps_the_state_in_the_url(
    watched: Watched, cases: list[dict]
) -> None:
    page = watched.page
    page.goto("cases/")
    settle(page)
    assert page.locator("#mw-filters").is_visible()
    assert shown(page) == expected(cases)
    page.select_option("#mw-filter-status", "at_large")
    page.select_option("#mw-filter-country", "CA")
    settle(page)
    assert shown(page) == expected(cases, status="at_large", country="CA")
    assert shown(page) == ["lin-peishan", "luo-qiwen"]
    assert query(watched) == {"status": ["at_large"], "country": ["CA"]}
    assert page.locator("#mw-filter-summary").inner_text() == f"Showing 2 of {len(cases)} cases."
    # Counts beside each value follow the other filters; the static cards and pages step aside.
    arrested_in_canada = len(expected(cases, status="arrested", country="CA"))
    assert page.locator("#mw-filter-country option[value=CA]").inner_text() == "Canada (2)"
    assert (
        page.locator("#mw-filter-status option[value=arrested]").inner_text()
        == f"Arrested ({arrested_in_canada})"
    )
    assert page.locator("h2#at-large").is_hidden()
    # The cards drawn from the index show what the static cards show.
    card = page.locator("#mw-filter-results .mw-card").first
    assert card.locator(".mw-card__name").inner_text().split() == ["LIN", "Peishan", "林佩珊"]
    assert card.locator(".mw-card__where").inner_text() == "Believed in Canada"
    assert card.locator("img").evaluate("i => i.complete && i.naturalWidth > 0")
    page.click("#mw-filter-reset")
    settle(page)
    assert shown(page) == expected(cases)
    assert page.locator("#mw-filter-country option[value=CA]").inner_text() == "Canada (3)"
    assert urlsplit(page.url).query == ""


@pytest.mark.parametrize(
    "filters",
    [
        {"crime": "bribery", "list": "priority"},
        {"status": "returned"},
        {"fled": "2012"},
        {"country": "unknown", "status": "at_large"},
        {"list": "financial", "crime": "embezzlement-of-public-funds"},
    ],
    ids=lambda f: "&".join(f"{k}={v}" for k, v in f.items()),
)
def test_a_shared_url_restores_the_filter(
    watched: Watched, cases: list[dict], filters: dict[str, str]
) -> None:
    page = watched.page
    page.goto("cases/?" + "&".join(f"{k}={v}" for k, v in filters.items()))
    settle(page)
    for key, value in filters.items():
        assert page.locator(f"#mw-filter-{key}").input_value() == value
    assert shown(page) == expected(cases, **filters) != []


def test_a_filter_that_matches_nothing_says_so(watched: Watched, cases: list[dict]) -> None:
    page = watched.page
    assert expected(cases, status="deceased", country="CA") == []
    page.goto("cases/?status=deceased&country=CA")
    settle(page)
    assert shown(page) == []
    assert page.locator(".mw-filter__empty").inner_text().startswith("No published case matches")
    page.click(".mw-filter__empty a")
    settle(page)
    assert shown(page) == expected(cases)


def test_unknown_values_in_the_url_show_everything(watched: Watched, cases: list[dict]) -> None:
    page = watched.page
    page.goto("cases/?status=nonsense&fled=1066")
    settle(page)
    assert page.locator("#mw-filter-status").input_value() == ""
    assert shown(page) == expected(cases)


def test_the_form_has_a_submit_button_and_submits_as_a_get_form(
    watched: Watched, cases: list[dict]
) -> None:
    """html-validate's wcag/h32: a form needs a submit control. "Apply" filters in place; a
    submit the script does not catch (form.submit() skips its handler) loads the listing with
    the filters as its query, which the script restores."""
    page = watched.page
    page.goto("cases/")
    form = page.locator("#mw-filters")
    assert form.get_attribute("method") == "get"
    assert form.evaluate("f => f.action") == page.url.split("?")[0]
    page.evaluate("() => { window.mwSamePage = true; }")  # gone after a full page load
    page.select_option("#mw-filter-status", "arrested")
    page.locator("#mw-filters button[type=submit]").click()
    settle(page)
    assert page.evaluate("() => window.mwSamePage === true")
    arrested = expected(cases, status="arrested")
    assert shown(page) == arrested and len(arrested) == 2

    with page.expect_navigation():
        page.evaluate("() => document.getElementById('mw-filters').submit()")
    settle(page)
    assert page.evaluate("() => window.mwSamePage === undefined"), "expected a page load"
    assert shown(page) == arrested
    assert query(watched) == {"status": ["arrested"]}  # the empty filters are dropped


def test_without_javascript_the_listing_is_static_and_the_form_hidden(
    browser: Browser, site_url: str, cases: list[dict]
) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=site_url)
    try:
        page = context.new_page()
        page.goto("cases/?status=arrested")
        assert page.locator("#mw-filters").is_hidden()
        cards = page.locator(STATIC)
        assert cards.count() == len(cases) and all(card.is_visible() for card in cards.all())
        assert page.locator(".mw-pager").count() == 0  # the sample fits on one page
    finally:
        context.close()


def test_home_figure_opens_the_filtered_listing(watched: Watched, cases: list[dict]) -> None:
    page = watched.page
    page.goto("./")
    figure = page.locator("#figure-at-large")
    value = int(figure.locator(".mw-figure__value").inner_text())
    figure.click()
    page.wait_for_url("**/cases/?status=at_large*")
    settle(page)
    assert shown(page) == expected(cases, status="at_large")
    assert len(shown(page)) == value


@pytest.mark.parametrize("name", sorted(DISCOVERY))
def test_discovery_pages_load_and_pass_axe(watched: Watched, name: str) -> None:
    page = watched.page
    response = page.goto(DISCOVERY[name], wait_until="load")
    assert response is not None and response.status == 200
    assert axe_serious(page, name) == []


@pytest.mark.parametrize("name", ["statistics", "returned", "country"])
def test_discovery_pages_fit_a_phone(watched_at: Watched, name: str) -> None:
    page = watched_at.page
    page.goto(DISCOVERY[name], wait_until="load")
    width = page.viewport_size["width"] if page.viewport_size else 0
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= width, f"page is {overflow}px wide at a {width}px viewport"
    watched_at.screenshot(f"{name}-{width}px")


def test_axe_finds_no_serious_violations_on_the_filtered_listing(watched: Watched) -> None:
    page = watched.page
    page.goto("cases/?list=priority&status=at_large", wait_until="load")
    settle(page)
    assert page.locator("#mw-filter-results .mw-card").count() > 0
    assert axe_serious(page, "filtered-listing") == []
