"""The discovery pages of the built sample site, read as HTML: filters, countries, lists, returns,
whereabouts, statistics, and the home page's figures checked against the pages they link to.

Expected numbers are counted here straight from the sample YAML, not from the generator's code.
"""

from __future__ import annotations

import re
import subprocess
from collections import Counter
from pathlib import Path
from urllib.parse import parse_qs, urljoin, urlsplit

import pytest

from generator.source.loader import LoadedCase, load_project
from tests.htmltree import Element, page
from tests.pagefind import every_entry

ROOT = Path(__file__).resolve().parent.parent
STATUSES = ("at_large", "arrested", "returned", "deceased")


@pytest.fixture(scope="module")
def site(built: Path) -> Path:
    """The sample site that tests/conftest.py builds once for all readers."""
    return built


@pytest.fixture(scope="module")
def cases() -> list[LoadedCase]:
    project = load_project(ROOT)
    return [c for c in project.cases if c.case.status != "withdrawn"]


def cards(root: Element) -> list[Element]:
    return root.find_all("article", cls="mw-card")


def outcome_year(c: LoadedCase) -> int:
    event = [e for e in c.case.history if e.event in ("returned", "surrendered")][-1]
    return int(event.date[:4])


def test_home_figures_equal_the_cards_they_link_to(site: Path, cases: list[LoadedCase]) -> None:
    home = page(site, "")
    figures = home.find_all("a", cls="mw-figure")
    assert len(figures) == 5
    listing = page(site, "cases/")
    at_large = [c for c in cases if c.case.status == "at_large"]
    expected = {
        "figure-at-large": len(at_large),
        "figure-known": sum(1 for c in at_large if c.case.location),
        "figure-unknown": sum(1 for c in at_large if not c.case.location),
        "figure-returned": sum(1 for c in cases if c.case.status == "returned"),
        "figure-arrested": sum(1 for c in cases if c.case.status == "arrested"),
    }
    for figure in figures:
        value = int(figure.find("span", cls="mw-figure__value").text)
        assert value == expected[figure.attrs["id"]], figure.attrs["id"]
        target = urlsplit(urljoin("http://site/", figure.attrs["href"]))
        if target.query:  # the listing, filtered; without JavaScript its section's anchor
            status = parse_qs(target.query)["status"][0]
            assert target.path == "/cases/" and target.fragment == status.replace("_", "-")
            listing.by_id(target.fragment)
            shown = [c for c in cards(listing) if c.attrs["data-status"] == status]
        elif target.path == "/returned/":
            shown = page(site, "returned/").find_all("tr", cls="mw-returned__row")
        else:
            shown = cards(page(site, target.path.strip("/") + "/"))
        assert len(shown) == value, figure.attrs["href"]
    returned = page(site, "returned/")
    countries = returned.by_id("returned-countries").find_all("tr", data_country=True)
    label = home.by_id("figure-returned").text
    assert f"returned from {len(countries)} countries" in label


def test_cards_carry_the_values_the_filters_read(site: Path) -> None:
    listing = page(site, "cases/")
    by_id = {card.attrs["data-case"]: card.attrs for card in cards(listing)}
    expected = {
        "lin-peishan": ("at_large", "CA", "embezzlement-of-public-funds money-laundering",
                        "priority financial", "2016"),
        "cao-mingyu": ("arrested", "CA", "fraudulent-acquisition-of-state-land", "financial",
                       "2014"),
        "ren-baoshan": ("returned", "unknown", "embezzlement-of-public-funds", "", "2005"),
        "yao-chunmei": ("at_large", "unknown", "contract-fraud", "", "2007"),
        "kong-weijie": ("at_large", "PH", "operating-an-online-gambling-business money-laundering",
                        "priority", "2019"),
    }  # fmt: skip
    for case_id, values in expected.items():
        attrs = by_id[case_id]
        got = tuple(attrs[f"data-{k}"] for k in ("status", "country", "crimes", "lists", "fled"))
        assert got == values, case_id


def test_filter_values_and_counts_match_the_cards(site: Path, cases: list[LoadedCase]) -> None:
    listing = page(site, "cases/")
    form = listing.by_id("mw-filters")
    assert "hidden" not in form.attrs  # in the first paint; CSS hides it without JavaScript
    assert len(cards(listing)) == len(cases) == int(form.attrs["data-total"])
    # Each value's count is that of the cards with it, and of the case pages that carry it as a
    # Pagefind filter, which is what the script asks once a filter is chosen.
    attributes = {"status": "status", "country": "country", "crime": "crimes", "list": "lists"}
    attributes["fled"] = "fled"
    indexed = every_entry(site)
    names = []
    for select in form.find_all("select"):
        name = select.attrs["name"]
        names.append(name)
        assert select.attrs["id"] == f"mw-filter-{name}"
        options = select.find_all("option")
        assert options[0].attrs["value"] == "" and f"({len(cases)})" in options[0].text
        for option in options[1:]:
            value = option.attrs["value"]
            attribute = f"data-{attributes[name]}"
            n = sum(1 for c in cards(listing) if value in c.attrs[attribute].split())
            assert n > 0 and option.text == f"{option.attrs['data-label']} ({n})", option.text
            in_index = sum(1 for e in indexed if value in e["filters"].get(name, []))
            assert in_index == n, (name, value)
    assert names == list(attributes)
    status = {
        o.attrs["value"]: o.text for o in listing.by_id("mw-filter-status").find_all("option")
    }
    counted = Counter(c.case.status for c in cases)
    assert status["at_large"] == f"At large ({counted['at_large']})"
    years = {o.attrs["value"] for o in listing.by_id("mw-filter-fled").find_all("option")} - {""}
    assert years == {c.case.fled.date[:4] for c in cases}
    scripts = [s.attrs.get("src", "") for s in listing.find_all("script")]
    assert any(src.endswith("assets/filters.js") for src in scripts)
    script = (site / "assets" / "filters.js").read_text("utf-8")
    assert "://" not in script


def test_country_pages_hold_the_cases_believed_there(site: Path, cases: list[LoadedCase]) -> None:
    expected = Counter(c.case.location.country for c in cases if c.case.location)
    index = page(site, "countries/")
    links = {a.attrs["href"] for a in index.find("table").find_all("a")}
    assert links == {f"{code.lower()}/" for code in expected}
    for code, n in expected.items():
        country = page(site, f"countries/{code.lower()}/")
        shown = cards(country)
        assert len(shown) == n, code
        assert {c.attrs["data-country"] for c in shown} == {code}
        assert int(country.by_id("mw-count").find("strong").attrs["data-count"]) == n
    canada = page(site, "countries/ca/")
    assert "Believed to be in Canada: 3" in canada.by_id("mw-count").text
    assert "加拿大" in canada.find("h1").text


def test_list_pages_and_case_page_links(site: Path, cases: list[LoadedCase]) -> None:
    for list_id in ("priority", "financial"):
        named = page(site, f"lists/{list_id}/")
        ids = {c.attrs["data-case"] for c in cards(named)}
        assert ids == {c.id for c in cases if list_id in c.case.lists}, list_id
    case = page(site, "cases/lin-peishan/")
    hrefs = {a.attrs.get("href") for a in case.find("dl", cls="mw-facts").find_all("a")}
    assert hrefs >= {"../../countries/ca/", "../../lists/priority/", "../../lists/financial/"}
    for href in hrefs:
        target = (site / "cases" / "lin-peishan" / href / "index.html").resolve()
        assert target.is_file(), href


def test_returned_archive(site: Path, cases: list[LoadedCase]) -> None:
    returned = page(site, "returned/")
    rows = returned.find_all("tr", cls="mw-returned__row")
    assert [r.attrs["data-case"] for r in rows] == ["bai-zhiyong", "jiang-xuemei", "ren-baoshan"]
    assert {r.attrs["data-case"] for r in rows} == {
        c.id for c in cases if c.case.status == "returned"
    }
    how = {r.attrs["data-case"]: r.find_all("td")[3].text for r in rows}
    assert how == {
        "bai-zhiyong": "Deported",
        "jiang-xuemei": "Surrendered",
        "ren-baoshan": "Repatriated",
    }
    assert returned.by_id("returned-total").text == "3 returned from 3 countries."
    assert "Thailand" in rows[0].text and "22 March 2019" in rows[0].text


def chart_rows(stats: Element, chart_id: str) -> dict[str, int]:
    table = stats.by_id(f"{chart_id}-table")
    return {
        tr.attrs["data-key"]: int(tr.find("td").attrs["data-value"])
        for tr in table.find_all("tr", data_key=True)
    }


def test_statistics_tables_match_the_cases(site: Path, cases: list[LoadedCase]) -> None:
    stats = page(site, "statistics/")
    status = Counter(c.case.status for c in cases)
    assert chart_rows(stats, "chart-status") == {s: status[s] for s in STATUSES}
    where = Counter(c.case.location.country if c.case.location else "unknown" for c in cases)
    assert chart_rows(stats, "chart-country") == dict(where)
    fled = Counter(int(c.case.fled.date[:4]) for c in cases)
    assert chart_rows(stats, "chart-fled") == {
        str(y): fled[y] for y in range(min(fled), max(fled) + 1)
    }
    returns = Counter(outcome_year(c) for c in cases if c.case.status == "returned")
    assert chart_rows(stats, "chart-returns") == {str(y): returns[y] for y in (2017, 2018, 2019)}
    sums: Counter[tuple[str, str]] = Counter()
    for c in cases:
        for crime in c.case.crimes:
            if crime.amount:
                sums[(crime.amount.currency, c.case.status)] += crime.amount.value
    for currency in {cur for cur, _ in sums}:
        got = chart_rows(stats, f"chart-amounts-{currency.lower()}")
        assert got == {s: v for (cur, s), v in sums.items() if cur == currency}, currency
        total = stats.by_id("currency-totals").find("tr", data_key=currency)
        assert int(total.find("td", data_value=True).attrs["data-value"]) == sum(got.values())
    assert sum(chart_rows(stats, "chart-amounts-cny").values()) > 1_000_000_000


def test_charts_are_accessible(site: Path) -> None:
    stats = page(site, "statistics/")
    charts = stats.find_all("div", cls="mw-chart")
    assert len(charts) >= 5 + 1
    for chart in charts:
        image = chart.find("div", cls="mw-chart__bars")
        assert image.attrs["role"] == "img" and image.attrs["aria-label"]
        description = stats.by_id(image.attrs["aria-describedby"])
        assert description.attrs["class"] == "mw-chart__desc" and description.text
        rows = chart.find("table").find_all("tr", data_key=True)
        drawn = image.find_all("div", cls="mw-chart__row")
        assert [r.attrs["data-key"] for r in drawn] == [r.attrs["data-key"] for r in rows]
        assert len(drawn) > 0
    html = (site / "statistics" / "index.html").read_text("utf-8")
    assert "<script" not in html.split('<div class="mw-chart"')[1]


def test_whereabouts_pages(site: Path, cases: list[LoadedCase]) -> None:
    at_large = [c for c in cases if c.case.status == "at_large"]
    known = page(site, "whereabouts/known/")
    unknown = page(site, "whereabouts/unknown/")
    assert {c.attrs["data-case"] for c in cards(known)} == {
        c.id for c in at_large if c.case.location
    }
    assert {c.attrs["data-case"] for c in cards(unknown)} == {
        c.id for c in at_large if not c.case.location
    }
    assert all(c.attrs["data-status"] == "at_large" for c in cards(known) + cards(unknown))


def test_new_pages_are_built_and_scanned(site: Path) -> None:
    """The whole-site privacy scans in test_site.py read every file: these pages are among them."""
    for path in ("countries", "countries/ca", "lists", "lists/priority", "returned", "statistics",
                 "whereabouts/known", "whereabouts/unknown"):  # fmt: skip
        html = (site / path / "index.html").read_text("utf-8")
        assert "Demonstration data." in html, path
        assert "qiu-lanting" not in html and "QIU Lanting" not in html, path


CHROMIUM = "/usr/bin/chromium"


def pdf_pages(html: Path, out: Path) -> int:
    """Print a page with the real Chromium, as a reader would, and count the PDF's pages."""
    command = [
        CHROMIUM,
        "--headless",
        "--no-sandbox",
        "--disable-gpu",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        f"--user-data-dir={out.parent / 'chromium-profile'}",
        "--no-pdf-header-footer",
        f"--print-to-pdf={out}",
        html.as_uri(),
    ]
    subprocess.run(command, capture_output=True, timeout=120, check=True)
    return len(re.findall(rb"/Type\s*/Page\b(?!s)", out.read_bytes()))


def test_a_case_prints_on_one_a4_page(site: Path, tmp_path: Path) -> None:
    assert Path(CHROMIUM).is_file(), "Debian's chromium is needed: apt-get install -y chromium"
    pages = sorted((site / "cases").glob("*/index.html"), key=lambda p: -p.stat().st_size)
    # The listing spans several pages: the count would catch a print that lost its content.
    assert pdf_pages(site / "cases" / "index.html", tmp_path / "listing.pdf") > 1
    for html in pages[:3]:  # the longest case pages
        assert pdf_pages(html, tmp_path / f"{html.parent.name}.pdf") == 1, html.parent.name


def css_colour(css: str, selector: str, prop: str) -> str | None:
    rule = re.search(re.escape(selector) + r"\s*\{([^}]*)\}", css)
    assert rule, selector
    found = re.search(rf"(?<![-\w]){prop}\s*:\s*([^;]+);", rule.group(1))
    if not found:
        return None
    value = found.group(1).strip()
    variable = re.fullmatch(r"var\((--[\w-]+)\)", value)
    if variable:
        declared = re.search(re.escape(variable.group(1)) + r"\s*:\s*(#[0-9a-fA-F]{6})", css)
        assert declared, variable.group(1)
        value = declared.group(1)
    return {"#fff": "#ffffff"}.get(value, value)


def luminance(colour: str) -> float:
    channels = [int(colour[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    linear = [c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(a: str, b: str) -> float:
    high, low = sorted((luminance(a), luminance(b)), reverse=True)
    return (high + 0.05) / (low + 0.05)


def test_status_badges_meet_wcag_aa_contrast() -> None:
    css = (ROOT / "docs" / "assets" / "site.css").read_text("utf-8")
    for status in STATUSES:
        selector = f".mw-badge--{status}"
        text = css_colour(css, selector, "color")
        background = css_colour(css, selector, "background") or "#ffffff"  # the page
        assert text, selector
        assert contrast(text, background) >= 4.5, (status, text, background)
    assert contrast("#e65100", "#ffffff") < 4.5  # the test can tell a failing pair
