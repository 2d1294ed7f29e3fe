"""The listing's filters in a browser: what they must show, worked out from the built site's own
API (api/v1/cases.json), and how to wait for them. Shared by the sample's filter tests and the
1,000-case corpus's."""

from __future__ import annotations

import json
from pathlib import Path

from playwright.sync_api import Page

from generator.opendata.apimodel import text_of
from generator.public.facets import crime_key
from generator.public.names import STATUS_ORDER, UNKNOWN

RESULTS = "#mw-filter-results .mw-card"
STATIC = ".mw-cards[data-group] .mw-card"


def api_cases(site: Path) -> list[dict]:
    """Every published case of a built site, as its API gives it."""
    return list(json.loads((site / "api/v1/cases.json").read_text("utf-8"))["cases"])


def values(case: dict) -> dict[str, set[str]]:
    """A case's values under each filter's URL parameter."""
    location = case["location"]
    return {
        "status": {case["status"]},
        "country": {location["country"] if location else UNKNOWN},
        "crime": {crime_key(text_of(c["charge"]) or "") for c in case["crimes"]},
        "list": {named["id"] for named in case["lists"]},
        "fled": {case["fled"]["date"][:4]},
    }


def expected(cases: list[dict], **filters: str) -> list[str]:
    """The ids the filters must show, in listing order (status, then id)."""
    chosen = [c for c in cases if all(v in values(c)[k] for k, v in filters.items())]
    ranked = sorted(chosen, key=lambda c: (STATUS_ORDER.index(c["status"]), c["id"]))
    return [c["id"] for c in ranked]


def settle(page: Page) -> None:
    """Wait until the filters have shown what they were last asked for."""
    page.wait_for_function(
        """() => { const f = document.getElementById('mw-filters');
                   return f && f.dataset.shown !== undefined && !f.hasAttribute('aria-busy'); }"""
    )


def shown(page: Page) -> list[str]:
    """The ids of the cards in sight: the matches while filtering, else the static cards."""
    selector = RESULTS if page.locator("#mw-filter-results").is_visible() else STATIC
    return list(page.eval_on_selector_all(selector, "cs => cs.map(c => c.dataset.case)"))


def show_all(page: Page) -> list[str]:
    """Press "Show more" until every match is in sight; the ids in sight."""
    more = page.locator(".mw-filter__more")
    while more.count():
        before = page.locator(RESULTS).count()
        more.click()
        page.wait_for_function(f"() => document.querySelectorAll('{RESULTS}').length > {before}")
    return shown(page)
