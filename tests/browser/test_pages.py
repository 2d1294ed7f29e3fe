"""Built pages in Chromium at phone and desktop widths: images, console, hosts, accessibility."""

from __future__ import annotations

from typing import Any

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Page

from tests.browser.conftest import ARTIFACTS, Watched

PAGES = {
    "home": "./",
    "listing": "cases/",
    "case": "cases/he-yanling/",
    "returned-case": "cases/ren-baoshan/",
    "no-photo-case": "cases/zhou-mingde/",
    "guide": "guide/",
}


def images_load_and_fit(page: Page) -> int:
    """Load every image of the page (the lazy ones too) and check that each loaded and has an
    alt attribute and that nothing is wider than the viewport; the viewport's width."""
    page.evaluate("() => [...document.images].forEach(i => { i.loading = 'eager'; })")
    page.wait_for_function("() => [...document.images].every(img => img.complete)", timeout=15_000)
    broken = page.evaluate(
        "() => [...document.images].filter(i => !i.naturalWidth).map(i => i.currentSrc || i.src)"
    )
    assert broken == []
    missing_alt = page.evaluate(
        "() => [...document.images].filter(i => !i.hasAttribute('alt')).map(i => i.src)"
    )
    assert missing_alt == []
    width = page.viewport_size["width"] if page.viewport_size else 0
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= width, f"page is {overflow}px wide at a {width}px viewport"
    return int(width)


def axe_serious(page: Page, name: str) -> list[str]:
    """Run axe on the page, keep its findings in test-artifacts/axe-<name>.txt, and return the
    serious and critical ones."""
    violations = Axe().run(page).response["violations"]
    ARTIFACTS.mkdir(exist_ok=True)
    summary = [f"{v['id']} ({v['impact']}) x{len(v['nodes'])}" for v in violations]
    (ARTIFACTS / f"axe-{name}.txt").write_text("\n".join(summary) + "\n", "utf-8")
    return serious(violations)


@pytest.mark.parametrize("name", sorted(PAGES))
def test_page_loads_every_image_without_errors(watched_at: Watched, name: str) -> None:
    page = watched_at.page
    response = page.goto(PAGES[name], wait_until="load")
    assert response is not None and response.status == 200
    width = images_load_and_fit(page)
    watched_at.screenshot(f"{name}-{width}px")


def test_demonstration_banner_is_visible(watched: Watched) -> None:
    watched.page.goto("cases/he-yanling/")
    banner = watched.page.locator(".md-banner")
    assert banner.is_visible()
    assert "Demonstration data" in banner.inner_text()


def test_extra_search_spellings_are_not_on_the_page(watched: Watched) -> None:
    """The spellings made for search (pinyin joined, number parts) are in no visible text."""
    watched.page.goto("cases/he-yanling/")
    text = watched.page.locator("body").inner_text()
    assert "HE Yanling" in text and "E18263350" in text  # the full number, published
    text = text.replace("E18263350", "")
    for form in ("heyanling", "263350", "Hé Yànlíng"):
        assert form not in text, form


def serious(violations: list[dict[str, Any]]) -> list[str]:
    return [
        f"{v['id']} ({v['impact']}): {len(v['nodes'])} nodes, e.g. {v['nodes'][0]['target']}"
        for v in violations
        if v.get("impact") in ("serious", "critical")
    ]


@pytest.mark.parametrize("name", ["home", "listing", "case", "returned-case"])
def test_axe_finds_no_serious_violations(watched: Watched, name: str) -> None:
    watched.page.goto(PAGES[name], wait_until="load")
    assert axe_serious(watched.page, name) == []


CHINESE = {
    "zh-home": "zh/",
    "zh-listing": "zh/cases/",
    "zh-case": "zh/cases/tang-hengyuan/",
    "zh-statistics": "zh/statistics/",
}


@pytest.mark.parametrize("name", sorted(CHINESE))
def test_chinese_pages_pass_axe_at_both_widths(watched_at: Watched, name: str) -> None:
    """The Chinese edition at 390 px and 1280 px: every image loads, nothing overflows, and
    axe finds nothing serious; a screenshot of each is kept."""
    page = watched_at.page
    response = page.goto(CHINESE[name], wait_until="load")
    assert response is not None and response.status == 200
    assert page.evaluate("() => document.documentElement.lang") == "zh-Hans"
    width = images_load_and_fit(page)
    watched_at.screenshot(f"{name}-{width}px")
    assert axe_serious(page, f"{name}-{width}px") == []
