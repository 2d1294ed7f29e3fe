"""Layout in Chromium at a phone width (390 px) and a desktop width (1280 px): a way around the
site from every page, a listing that scrolls like a list on a phone, readable charts, closed
cases that ask for no clues, code that does not break mid-word. Screenshots go to
test-artifacts/."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import Page, expect

from tests.browser.conftest import Watched

# Every kind of page a visitor lands on; the case page is not in the navigation itself.
SECTIONED_PAGES = {
    "home": "./",
    "listing": "cases/",
    "countries": "countries/",
    "country": "countries/ca/",
    "lists": "lists/",
    "returned": "returned/",
    "whereabouts": "whereabouts/known/",
    "statistics": "statistics/",
    "case": "cases/he-yanling/",
    "data": "data/",
}

# A link is reachable when it lies in the viewport and is the topmost element at its centre,
# so a click there lands on it: a link in a closed drawer or under another element is not.
REACHABLE = """names => {
  const reachable = [];
  for (const name of names) {
    const found = [...document.querySelectorAll('a')].find(link => {
      if (link.textContent.trim() !== name) return false;
      const box = link.getBoundingClientRect();
      const x = box.left + box.width / 2, y = box.top + box.height / 2;
      if (box.width === 0 || x < 0 || y < 0 || x > innerWidth || y > innerHeight) return false;
      const top = document.elementFromPoint(x, y);
      return top !== null && (top === link || link.contains(top));
    });
    if (found) {
      const box = found.getBoundingClientRect();
      reachable.push({name, x: box.left + box.width / 2, y: box.top + box.height / 2});
    }
  }
  return reachable;
}"""
SECTIONS = ["Wanted persons", "Countries", "Statistics", "Open data"]


def reachable(page: Page, names: list[str]) -> dict[str, tuple[float, float]]:
    """Where each named link can be clicked right now, for those that can."""
    found = page.evaluate(REACHABLE, names)
    return {item["name"]: (item["x"], item["y"]) for item in found}


@pytest.mark.parametrize("name", sorted(SECTIONED_PAGES))
def test_desktop_pages_show_the_sections_without_a_menu(watched: Watched, name: str) -> None:
    page = watched.page
    page.goto(SECTIONED_PAGES[name])
    links = reachable(page, SECTIONS)
    assert sorted(links) == sorted(SECTIONS), f"{name}: only {sorted(links)} can be clicked"
    # Case pages stay out of the navigation (not_in_nav): no tab or menu entry opens one.
    targets = page.eval_on_selector_all(
        ".md-tabs a, .md-nav a",  # without links to the page's own headings
        "links => links.filter(a => !new URL(a.href).hash).map(a => new URL(a.href).pathname)",
    )
    assert targets and not [t for t in targets if re.fullmatch(r".*/cases/[^/]+/", t)]
    if name == "home":
        watched.screenshot("layout-home-1280px")
    page.mouse.click(*links["Open data"])
    page.wait_for_url("**/data/")
    expect(page.locator("h1")).to_have_text("Open data")


@pytest.mark.parametrize("name", ["home", "listing", "case"])
def test_phone_pages_open_the_sections_from_the_menu(watched_phone: Watched, name: str) -> None:
    page = watched_phone.page
    page.goto(SECTIONED_PAGES[name])
    menu = page.locator("label.md-header__button[for=__drawer]")
    assert menu.is_visible()
    menu.click()
    page.wait_for_function("() => document.getElementById('__drawer').checked")
    page.wait_for_timeout(400)  # the drawer slides in
    # The drawer shows the current page as the opener of its table of contents, not as a link.
    others = [s for s in SECTIONS if not (name == "listing" and s == "Wanted persons")]
    links = reachable(page, others)
    assert sorted(links) == sorted(others), f"{name}: only {sorted(links)} can be clicked"
    page.mouse.click(*links["Countries"])
    page.wait_for_url("**/countries/")
    expect(page.locator("h1")).to_have_text("Suspected countries")


def test_closed_case_asks_for_no_clue_and_shows_where_it_was(watched_phone: Watched) -> None:
    """REN Baoshan came back from the United States: his case has no location, but its history
    says where he was."""
    page = watched_phone.page
    page.goto("cases/ren-baoshan/")
    text = page.locator("article").inner_text()
    assert "Send a clue" not in text and "when you send a clue" not in text
    assert "Information about this case" in text
    where = page.locator("dt", has_text="Last known location").locator(
        "xpath=following-sibling::dd[1]"
    )
    assert where.inner_text() == "United States 美国 (returned 19 June 2017)"
    watched_phone.screenshot("layout-closed-case-390px")


# The text of every chart (SVG text or HTML labels and values): its size on screen in CSS px
# (an SVG's font size times the scale it is drawn at) and whether it lies inside its chart.
CHART_TEXT = """() => {
  const body = parseFloat(getComputedStyle(document.querySelector('.md-typeset > p')).fontSize);
  const texts = [...document.querySelectorAll(
    '.mw-chart svg text, .mw-chart__bars :is(.mw-chart__label, .mw-chart__value)')];
  return {body, texts: texts.map(el => {
    const scale = el.getScreenCTM ? el.getScreenCTM().a : 1;
    const box = el.getBoundingClientRect();
    const chart = el.closest('svg, .mw-chart__bars').getBoundingClientRect();
    return {
      text: el.textContent,
      size: parseFloat(getComputedStyle(el).fontSize) * scale,
      inside: box.left >= chart.left - 1 && box.right <= chart.right + 1,
      chart: chart.width,
    };
  })};
}"""


def test_chart_text_is_readable_at_every_width(watched_at: Watched) -> None:
    page = watched_at.page
    page.goto("statistics/")
    width = page.viewport_size["width"] if page.viewport_size else 0
    measured = page.evaluate(CHART_TEXT)
    texts, body = measured["texts"], measured["body"]
    assert len(texts) > 20
    small = sorted({(t["text"], round(t["size"], 1)) for t in texts if t["size"] < 12})
    assert small == [], f"chart text under 12 px at {width} px"
    # At about the size of the text around it: not shrunk on a phone, not blown up on a desk.
    assert all(0.8 * body <= t["size"] <= 1.25 * body for t in texts), (body, texts[:3])
    assert [t["text"] for t in texts if not t["inside"]] == []  # nothing cut off
    assert max(t["chart"] for t in texts) <= min(width, 720)
    watched_at.screenshot(f"layout-statistics-{width}px")


# The page's cumulative layout shift so far (the Web Vitals measure; Lighthouse counts 0.1 as
# the limit of a good page).
LAYOUT_SHIFT = """() => new Promise(done => {
  let total = 0;
  new PerformanceObserver(list => {
    for (const shift of list.getEntries()) if (!shift.hadRecentInput) total += shift.value;
  }).observe({type: 'layout-shift', buffered: true});
  setTimeout(() => done(total), 500);
})"""


def test_listing_does_not_move_when_its_script_runs(watched_phone: Watched) -> None:
    """The filter form is in the first paint: shown by the script, it pushed every card down
    (a layout shift of 0.15 at 390 px)."""
    page = watched_phone.page
    page.goto("cases/", wait_until="load")
    page.wait_for_function("() => document.getElementById('mw-filters').dataset.ready")
    assert page.evaluate(LAYOUT_SHIFT) < 0.01


def test_phone_listing_scrolls_like_a_list(watched_phone: Watched) -> None:
    """At 390 px the 27 sample cases were one 450 px photo a row, 17,656 px in all; a card is now
    a row with a thumbnail, still sharp (at least twice its width in pixels) and lazy-loaded."""
    page = watched_phone.page
    page.goto("cases/", wait_until="load")
    height = page.evaluate("document.documentElement.scrollHeight")
    cards = page.locator(".mw-cards[data-group] .mw-card").count()
    assert cards >= 24
    assert height < 6000, f"the listing is {height} px tall at 390 px"
    images = page.eval_on_selector_all(
        ".mw-card picture img", "images => images.map(i => i.getAttribute('loading'))"
    )
    assert images and set(images) == {"lazy"}
    page.evaluate("() => [...document.images].forEach(i => { i.loading = 'eager'; })")
    page.wait_for_function("() => [...document.images].every(img => img.complete)")
    # The pixels of the file chosen (naturalWidth of the img itself is divided by the density
    # that srcset and sizes give it).
    photos = page.eval_on_selector_all(
        ".mw-card picture img",
        """images => Promise.all(images.map(i => new Promise(done => {
             const file = new Image();
             file.onload = () => done([i.getBoundingClientRect().width, file.naturalWidth]);
             file.src = i.currentSrc;
           })))""",
    )
    assert all(shown <= 100 and natural >= 2 * shown for shown, natural in photos), photos
    watched_phone.screenshot("layout-listing-390px")


@pytest.mark.parametrize("path", ["./", "cases/he-yanling/"])
def test_the_tips_phone_number_stays_on_one_line(watched_phone: Watched, path: str) -> None:
    page = watched_phone.page
    page.set_viewport_size({"width": 320, "height": 700})  # the narrowest phones in use
    page.goto(path)
    phone = page.locator(".mw-tips a[href^='tel:']")
    assert phone.evaluate("a => getComputedStyle(a).whiteSpace") == "nowrap"
    assert phone.evaluate("a => a.getClientRects().length") == 1
    assert page.evaluate("document.documentElement.scrollWidth") <= 320


# Inline code (file names, keys, ids) that a line ends inside a word of: between two letters or
# digits, as in "api/v1/ca" + "ses.json". A break after "/" or "-" is where such names wrap.
MID_WORD_BREAKS = """() => {
  const broken = [];
  for (const code of document.querySelectorAll('.md-content code')) {
    if (code.closest('pre') || code.getClientRects().length < 2) continue;
    const chars = [];
    const walker = document.createTreeWalker(code, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getClientRects()[0];
        if (box) chars.push([node.data[i], box.top]);
      }
    }
    const word = /[A-Za-z0-9]/;
    for (let i = 1; i < chars.length; i++) {
      const [before, top] = chars[i - 1], [after, next] = chars[i];
      if (next > top + 2 && word.test(before) && word.test(after)) broken.push(code.textContent);
    }
  }
  return broken;
}"""


@pytest.mark.parametrize("path", ["data/", "guide/"])
def test_code_does_not_break_mid_word_on_a_phone(watched_phone: Watched, path: str) -> None:
    page = watched_phone.page
    page.goto(path)
    assert page.evaluate(MID_WORD_BREAKS) == []
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    if path == "data/":
        watched_phone.screenshot("layout-data-390px")
