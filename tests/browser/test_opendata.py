"""Open data in Chromium: a renamed case's old address lands on its page; feeds are announced;
the data files are served with content a browser can read."""

from __future__ import annotations

from tests.browser.conftest import Watched


def test_old_address_of_a_renamed_case_lands_on_its_page(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto("cases/tang-hy/", wait_until="load")
    page.wait_for_url(f"{site_url}cases/tang-hengyuan/", timeout=15_000)
    page.wait_for_load_state("load")
    assert page.locator("h1").first.inner_text().startswith("TANG Hengyuan")


def test_feeds_and_api_are_reachable_from_a_page(watched: Watched, site_url: str) -> None:
    page = watched.page
    page.goto("data/", wait_until="load")
    feeds = page.eval_on_selector_all(
        "link[rel=alternate]", "links => links.map(l => [l.type, l.href])"
    )
    assert [site_url + "feed.xml", site_url + "feed.json"] == [href for _, href in feeds]
    listing = page.request.get(site_url + "api/v1/cases.json").json()
    assert listing["count"] == len(listing["cases"]) > 20
    assert all(c["url"].startswith(site_url) for c in listing["cases"])
