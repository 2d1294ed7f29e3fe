"""The listing's filters and the discovery pages in Chromium: filtering, sharing a filtered view
by its URL, restoring it (also through Material's instant navigation), and accessibility."""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser

from tests.browser.conftest import ARTIFACTS, Watched
from tests.browser.test_pages import serious

VISIBLE_CARDS = ".mw-cards[data-group] .mw-card:not([hidden])"
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


def visible(watched: Watched, attribute: str) -> list[str]:
    return list(
        watched.page.eval_on_selector_all(
            VISIBLE_CARDS, f"cards => cards.map(c => c.getAttribute('{attribute}'))"
        )
    )


def query(watched: Watched) -> dict[str, list[str]]:
    return parse_qs(urlsplit(watched.page.url).query)


def test_filtering_shows_matching_cards_and_keeps_the_state_in_the_url(watched: Watched) -> None:
    page = watched.page
    page.goto("cases/")
    assert page.locator("#mw-filters").is_visible()
    total = page.locator(".mw-cards[data-group] .mw-card").count()
    assert len(visible(watched, "data-case")) == total
    page.select_option("#mw-filter-status", "at_large")
    page.select_option("#mw-filter-country", "CA")
    assert sorted(visible(watched, "data-case")) == ["lin-peishan", "luo-qiwen"]
    assert query(watched) == {"status": ["at_large"], "country": ["CA"]}
    assert page.locator("#mw-filter-summary").inner_text() == f"Showing 2 of {total} cases."
    # Counts beside each value follow the other filters; empty groups disappear.
    assert page.locator("#mw-filter-country option[value=CA]").inner_text() == "Canada (2)"
    assert page.locator("#mw-filter-status option[value=arrested]").inner_text() == "Arrested (1)"
    assert page.locator("h2#arrested").is_hidden()
    assert page.locator("h2#at-large .mw-group__count").inner_text() == "(2)"
    page.click("#mw-filter-reset")
    assert len(visible(watched, "data-case")) == total
    assert urlsplit(page.url).query == ""


def test_a_shared_url_restores_the_filter(watched: Watched) -> None:
    page = watched.page
    page.goto("cases/?crime=bribery&list=priority")
    assert page.locator("#mw-filter-crime").input_value() == "bribery"
    assert page.locator("#mw-filter-list").input_value() == "priority"
    crimes = visible(watched, "data-crimes")
    lists = visible(watched, "data-lists")
    assert crimes and all("bribery" in c.split() for c in crimes)
    assert all("priority" in v.split() for v in lists)
    expected = page.eval_on_selector_all(
        ".mw-cards[data-group] .mw-card",
        """cards => cards.filter(c => c.dataset.crimes.split(' ').includes('bribery')
                              && c.dataset.lists.split(' ').includes('priority')).length""",
    )
    assert len(crimes) == expected


def test_unknown_values_in_the_url_show_everything(watched: Watched) -> None:
    page = watched.page
    page.goto("cases/?status=nonsense&fled=1066")
    assert page.locator("#mw-filter-status").input_value() == ""
    total = page.locator(".mw-cards[data-group] .mw-card").count()
    assert len(visible(watched, "data-case")) == total


def test_the_form_has_a_submit_button_and_submits_as_a_get_form(watched: Watched) -> None:
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
    assert page.evaluate("() => window.mwSamePage === true")
    arrested = sorted(visible(watched, "data-case"))
    assert len(arrested) == 2 and set(visible(watched, "data-status")) == {"arrested"}

    with page.expect_navigation():
        page.evaluate("() => document.getElementById('mw-filters').submit()")
    page.wait_for_function("() => document.getElementById('mw-filters')?.dataset.shown")
    assert page.evaluate("() => window.mwSamePage === undefined"), "expected a page load"
    assert sorted(visible(watched, "data-case")) == arrested
    assert query(watched) == {"status": ["arrested"]}  # the empty filters are dropped


def test_without_javascript_every_card_shows_and_the_form_does_not(
    browser: Browser, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, base_url=site_url)
    try:
        page = context.new_page()
        page.goto("cases/?status=arrested")
        assert page.locator("#mw-filters").is_hidden()
        cards = page.locator(".mw-cards[data-group] .mw-card")
        assert cards.count() > 2 and all(card.is_visible() for card in cards.all())
    finally:
        context.close()


def test_home_figure_opens_the_filtered_listing_by_instant_navigation(watched: Watched) -> None:
    page = watched.page
    page.goto("./")
    figure = page.locator("#figure-at-large")
    value = int(figure.locator(".mw-figure__value").inner_text())
    # Material's bundle sets up instant navigation when it starts: wait for it on a slow machine.
    page.wait_for_load_state("load")
    page.wait_for_function("() => typeof window.location$ !== 'undefined'")
    page.evaluate("() => { window.mwSamePage = true; }")  # gone after a full page load
    figure.click()
    page.wait_for_url("**/cases/?status=at_large*")
    page.wait_for_function("() => document.getElementById('mw-filters')?.dataset.shown")
    assert page.evaluate("() => window.mwSamePage === true"), "expected instant navigation"
    statuses = visible(watched, "data-status")
    assert len(statuses) == value and set(statuses) == {"at_large"}


@pytest.mark.parametrize("name", sorted(DISCOVERY))
def test_discovery_pages_load_and_pass_axe(watched: Watched, name: str) -> None:
    page = watched.page
    response = page.goto(DISCOVERY[name], wait_until="load")
    assert response is not None and response.status == 200
    results = Axe().run(page)
    violations = results.response["violations"]
    ARTIFACTS.mkdir(exist_ok=True)
    summary = [f"{v['id']} ({v['impact']}) x{len(v['nodes'])}" for v in violations]
    (ARTIFACTS / f"axe-{name}.txt").write_text("\n".join(summary) + "\n", "utf-8")
    assert serious(violations) == []


@pytest.mark.parametrize("name", ["statistics", "returned", "country"])
def test_discovery_pages_fit_a_phone(watched_at: Watched, name: str) -> None:
    page = watched_at.page
    page.goto(DISCOVERY[name], wait_until="load")
    width = page.viewport_size["width"] if page.viewport_size else 0
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= width, f"page is {overflow}px wide at a {width}px viewport"
    watched_at.screenshot(f"{name}-{width}px")
