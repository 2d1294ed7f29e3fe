"""Charts, crime keys, return methods and the rule on them, without building a site."""

from __future__ import annotations

import re
from datetime import date

import pytest

from generator.build import check
from generator.pages.charts import Bar, Chart, bars, chart_html
from generator.public.facets import crime_key
from generator.source.errors import InputError
from tests.conftest import CASE, Project
from tests.htmltree import parse


def chart(*bars: Bar) -> Chart:
    return Chart("chart-test", "Test <chart>", "A description & more", "Label", "Value", bars)


def test_chart_is_deterministic_escaped_and_scaled() -> None:
    evil = Bar("x", "<script>x</script>", 50, "https://example.org/?a=1&b=2")
    drawn = chart(Bar("a", "Canada", 100), evil, Bar("z", "Zero", 0), Bar("t", "Third", 33))
    html = str(chart_html(drawn))
    assert html == str(chart_html(drawn))
    assert "<script" not in html and "&" + "lt;script" not in html  # escaped as &#60;
    assert "\n\n" not in html  # one raw HTML block for Markdown
    root = parse(html)
    image = root.find("div", cls="mw-chart__bars")
    assert image.attrs["role"] == "img"
    assert image.attrs["aria-label"] == "Test <chart>"
    assert image.attrs["aria-describedby"] == "chart-test-desc"
    assert root.by_id("chart-test-desc").text == "A description & more"
    rows = image.find_all("div", cls="mw-chart__row")
    labels = [r.find("span", cls="mw-chart__label").text for r in rows]
    assert labels == ["Canada", "<script>x</script>", "Zero", "Third"]
    assert [r.find("span", cls="mw-chart__value").text for r in rows] == ["100", "50", "0", "33"]
    # Each bar's length is its share of the largest; a zero has no bar, only its value.
    shares = [b.attrs["style"] for r in rows for b in r.find_all("span", cls="mw-chart__bar")]
    assert shares == ["--share: 1", "--share: 0.5", "--share: 0.33"]
    assert image.attrs["style"] == "--digits: 3"
    rows = root.find("table").find_all("tr", data_key=True)
    assert [(r.attrs["data-key"], r.find("td").attrs["data-value"]) for r in rows] == [
        ("a", "100"),
        ("x", "50"),
        ("z", "0"),
        ("t", "33"),
    ]
    assert rows[1].find("a").attrs["href"] == "https://example.org/?a=1&b=2"


def test_large_numbers_and_empty_charts() -> None:
    drawn = chart(Bar("cny", "CNY", 2_345_600_000), Bar("one", "One", 1))
    html = bars(drawn)
    assert "2,345,600,000" in html and "--digits: 13" in html
    one = parse(html).find("div", data_key="one")
    assert one.find("span", cls="mw-chart__bar")  # a share that rounds to 0 still has a bar
    empty = parse(str(chart_html(chart())))
    assert empty.find("div", cls="mw-chart__bars").text.strip() == "None"
    assert "None" in empty.find("table").text


def test_long_and_wide_labels_are_kept_whole() -> None:
    long = "A very long label " * 5
    html = str(chart_html(chart(Bar("l", long, 3), Bar("w", "中华人民共和国", 2))))
    labels = parse(html).find_all("span", cls="mw-chart__label")
    assert [label.text for label in labels] == [long.strip(), "中华人民共和国"]  # wrapped by CSS
    assert long.strip() in parse(html).find("table").text


@pytest.mark.parametrize(
    ("charge", "key"),
    [
        ("Embezzlement of public funds", "embezzlement-of-public-funds"),
        ("  Money-Laundering ", "money-laundering"),
        ("Fraud (contract) / forgery", "fraud-contract-forgery"),
        ("Illegal_fund raising", "illegal-fund-raising"),
        ("贪污公款", "贪污公款"),
    ],
)
def test_crime_keys(charge: str, key: str) -> None:
    assert crime_key(charge) == key


def test_crime_key_of_punctuation_only_is_stable() -> None:
    assert re.fullmatch(r"crime-[0-9a-f]{10}", crime_key("???"))
    assert crime_key("???") == crime_key("???") != crime_key("!!!")


RETURNED = CASE.replace("status: at_large", "status: returned")


@pytest.mark.parametrize(
    ("history", "message"),
    [
        (
            "  - {date: 2015, event: located, country: US, method: extradited}\n",
            "history[0].method: method is only for returned and surrendered events, not located",
        ),
        (
            "  - {date: 2016, event: surrendered, country: US, method: extradited}\n",
            "history[0].method: a surrendered event means the method is surrendered",
        ),
    ],
)
def test_method_rules(project: Project, history: str, message: str) -> None:
    project.case("some-case", RETURNED + "history:\n" + history)
    with pytest.raises(InputError) as error:
        check(project.root, today=date(2024, 1, 1))
    assert message in error.value.report()


def test_method_is_accepted_on_returns(project: Project) -> None:
    project.case(
        "some-case",
        RETURNED + "history:\n  - {date: 2016, event: returned, country: US, method: extradited}\n",
    )
    project.case(
        "other-case",
        RETURNED.replace("TEST Person", "OTHER Person")
        + "history:\n  - {date: 2016, event: surrendered, method: surrendered}\n",
    )
    check(project.root, today=date(2024, 1, 1))


def test_unknown_method_is_refused(project: Project) -> None:
    project.case(
        "some-case",
        RETURNED + "history:\n  - {date: 2016, event: returned, method: kidnapped}\n",
    )
    with pytest.raises(InputError) as error:
        check(project.root, today=date(2024, 1, 1))
    assert "history[0].method" in error.value.report()
