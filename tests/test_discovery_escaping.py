"""Editors' text on the discovery pages (filters, lists, returns, charts) stays text."""

from __future__ import annotations

import html
import re

from tests.conftest import SETTINGS, Project
from tests.htmltree import parse
from tests.test_escaping import HOSTILE
from tests.test_site import mkdocs_build

HOSTILE_LIST = "<script>alert(7)</script> | *list*"
RETURNED = (
    HOSTILE.replace("status: at_large", "status: returned")
    + "history:\n  - date: 2016\n    event: returned\n    country: US\n    method: extradited\n"
)


def test_hostile_values_on_discovery_pages(site_project: Project) -> None:
    site_project.write(
        "cases/publication.yaml",
        SETTINGS.replace("    title: Priority", f"    title: '{HOSTILE_LIST}'"),
    )
    site_project.case("hostile-case", RETURNED)
    result = mkdocs_build(site_project.root)
    assert result.returncode == 0, result.stderr
    site = site_project.root / "site"
    pages = [
        "cases/index.html",
        "lists/index.html",
        "lists/priority/index.html",
        "returned/index.html",
        "statistics/index.html",
        "countries/index.html",
    ]
    for path in pages:
        text = (site / path).read_text("utf-8")
        title = text[text.index("<title>") : text.index("</title>")]
        assert "<script" not in title, path
        main = text[text.index('<article class="md-content__inner') :]
        for marker in ("<script>alert", "<img src=x", "<b>"):
            assert marker not in main, (path, marker)
        tags = re.findall(r"<[a-zA-Z][^<>]*>", main)
        assert not [t for t in tags if re.search(r"\son\w+=|javascript:", t)], path
    listing = parse((site / "cases" / "index.html").read_text("utf-8"))
    crimes = listing.by_id("mw-filter-crime").find_all("option")
    charge = "[click](javascript:alert(2)) *bold* | cell"
    assert crimes[1].attrs["data-label"] == charge and crimes[1].text == f"{charge} (1)"
    assert crimes[1].attrs["value"] == "click-javascript-alert-2-bold-cell"
    lists = listing.by_id("mw-filter-list").find_all("option")
    assert lists[1].text == f"{HOSTILE_LIST} (1)"
    named = (site / "lists" / "priority" / "index.html").read_text("utf-8")
    assert HOSTILE_LIST in html.unescape(re.sub(r"<[^<>]+>", "", named))
    returned = parse((site / "returned" / "index.html").read_text("utf-8"))
    row = returned.find("tr", data_case="hostile-case")
    assert row.find("a").text.startswith("<script>alert(1)</script>")
    assert "Extradited" in row.text
