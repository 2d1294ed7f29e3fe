"""Charts, crime keys, return methods and the rule on them, without building a site."""

from __future__ import annotations

import re
from datetime import date

import pytest

from generator.build import check
from generator.pages.charts import WIDTH, Bar, Chart, chart_html, fit, svg, text_width
from generator.public.facets import crime_key
from generator.source.errors import InputError
from tests.conftest import CASE, Project
from tests.htmltree import parse


def chart(*bars: Bar) -> Chart:
    return Chart("chart-test", "Test <chart>", "A description & more", "Label", "Value", bars)


def test_chart_is_deterministic_escaped_and_scaled() -> None:
    evil = Bar("x", "<script>x</script>", 50, "https://example.org/?a=1&b=2")
    drawn = chart(Bar("a", "Canada", 100), evil, Bar("z", "Zero", 0))
    html = str(chart_html(drawn))
    assert html == str(chart_html(drawn))
    assert "<script" not in html and "&" + "lt;script" not in html  # escaped as &#60;
    assert "\n\n" not in html  # one raw HTML block for Markdown
    root = parse(html)
    image = root.find("svg")
    assert image.attrs["role"] == "img"
    assert image.attrs["aria-labelledby"] == "chart-test-title chart-test-desc"
    assert image.find("title").text == "Test <chart>"
    assert image.find("desc").text == "A description & more"
    texts = [t.text for t in image.find_all("text")]
    assert "<script>x</script>" in texts and "Canada" in texts and "0" in texts
    widths = [float(r.attrs["width"]) for r in image.find_all("rect")]
    assert widths[0] == pytest.approx(2 * widths[1], abs=0.1) and widths[2] == 0
    assert all(
        float(r.attrs["x"]) + float(r.attrs["width"]) < WIDTH for r in image.find_all("rect")
    )
    rows = root.find("table").find_all("tr", data_key=True)
    assert [(r.attrs["data-key"], r.find("td").attrs["data-value"]) for r in rows] == [
        ("a", "100"),
        ("x", "50"),
        ("z", "0"),
    ]
    assert rows[1].find("a").attrs["href"] == "https://example.org/?a=1&b=2"


def test_large_numbers_and_empty_charts() -> None:
    drawn = chart(Bar("cny", "CNY", 2_345_600_000))
    assert "2,345,600,000" in svg(drawn)
    empty = parse(str(chart_html(chart())))
    assert empty.find("svg").find("text").text == "None"
    assert "None" in empty.find("table").text


def test_long_and_wide_labels_are_shortened_in_the_image_only() -> None:
    assert text_width("中国") == 2 * text_width("ab")
    long = "A very long label " * 5
    assert fit(long, 100).endswith("…") and text_width(fit(long, 100)) <= 100
    html = str(chart_html(chart(Bar("l", long, 3))))
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
