"""Editors' text is shown as text: no value can become markup, script or a table cell break."""

from __future__ import annotations

import html
import re
from pathlib import Path

from generator.source.summary import summary_problems
from generator.source.text import esc
from tests.conftest import CASE, Project
from tests.test_site import mkdocs_build

HOSTILE_NAME = "<script>alert(1)</script> {{ 7*7 }} | x"
HOSTILE = (
    CASE.replace("  latin: TEST Person", f"  latin: '{HOSTILE_NAME}'").replace(
        "  - charge: Bribery", "  - charge: '[click](javascript:alert(2)) *bold* | cell'"
    )
    + "aliases: ['<img src=x onerror=alert(3)>', '{: onclick=\"alert(4)\" }']\n"
    + "birthplace: '# Heading | [x][1]'\n"
    + "lists: [priority]\n"
    + "documents:\n  - kind: passport\n    number: 'A<b>1</b>|23'\n    publish: full\n"
    + "summary: |\n"
    + "  Plain <b>bold tag</b> and <script>alert(5)</script> and {{ x }}.\n"
    + '  {: onclick="alert(6)" }\n\n'
    + "  # Not a heading\n\n"
    + "  A [fine link](https://example.org/a) and *emphasis*.\n"
)


def test_esc_leaves_no_active_character() -> None:
    out = esc(HOSTILE_NAME + " [a](javascript:x) *b* _c_ `d` {e} # f \\ g")
    assert "&#60;script&#62;" in out
    assert re.fullmatch(r"(&#[0-9]+;|[^&])*", out)
    bare = re.sub(r"&#[0-9]+;", "", out)
    for char in "<>[]()*_`{}#|\\":
        assert char not in bare, char


def test_summary_link_schemes() -> None:
    assert summary_problems("[a](https://example.org) [m](mailto:a@example.org)") == []
    assert summary_problems("[a](javascript:alert(1))")
    assert summary_problems("<ftp://example.org/x>")
    assert summary_problems("![pic](https://example.org/x.png)")


def test_hostile_values_render_as_literal_text(site_project: Project) -> None:
    site_project.case("hostile-case", HOSTILE)
    result = mkdocs_build(site_project.root)
    assert result.returncode == 0, result.stderr
    page = site_project.root / "site" / "cases" / "hostile-case" / "index.html"
    main = page.read_text("utf-8")
    main = main[main.index('<article class="md-content__inner') :]
    main = main[: main.index("</article>")]
    # Nothing an editor wrote became an element or an attribute.
    for marker in ("<script>alert", "<img src=x", "<b>"):
        assert marker not in main, marker
    tags = re.findall(r"<[a-zA-Z][^<>]*>", main)
    assert not [t for t in tags if re.search(r"\son\w+=|javascript:", t)]
    # ...and it is all there, shown as text.
    visible = " ".join(html.unescape(re.sub(r"<[^<>]+>", " ", main)).split())
    for shown in (
        HOSTILE_NAME,
        "[click](javascript:alert(2)) *bold* | cell",
        "<img src=x onerror=alert(3)>",
        "A<b>1</b>|23",
        "Plain <b>bold tag</b> and <script>alert(5)</script> and {{ x }}.",
        "# Not a heading",
    ):
        assert shown in visible, shown
    assert '<a href="https://example.org/a">fine link</a>' in main
    assert "<em>emphasis</em>" in main
    assert "<h1" in main and main.count("<h1") == 1
    # The table of documents still has three cells in its row.
    row = next(r for r in main.split("<tr>")[1:] if "A&#60;b&#62;1" in r)
    assert row.count("<td") == 3


def test_listing_and_home_escape_too(site_project: Project) -> None:
    site_project.case("hostile-case", HOSTILE)
    assert mkdocs_build(site_project.root).returncode == 0
    for page in ("index.html", "cases/index.html"):
        text = (site_project.root / "site" / page).read_text("utf-8")
        assert "<script>alert(1)" not in text and "&#60;script&#62;alert" in text, page


def test_case_page_title_is_escaped(site_project: Project) -> None:
    site_project.case("hostile-case", HOSTILE)
    assert mkdocs_build(site_project.root).returncode == 0
    text = (Path(site_project.root) / "site" / "cases" / "hostile-case" / "index.html").read_text()
    title = text[text.index("<title>") : text.index("</title>")]
    assert "<script" not in title
