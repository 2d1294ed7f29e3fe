"""The site's editions, read from the built sample (English at /, 简体中文 at /zh/): language
tags, counterparts both ways, names and fallbacks, the Chinese feed, the catalogs; and a third
edition made from data alone (a catalog written here, one line of settings)."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from babel.messages.pofile import read_po

from generator.pages.i18n import catalog_path
from generator.source.loader import load_project
from tests.conftest import ROOT, sample_variant
from tests.htmltree import Element, page, parse
from tests.test_site import mkdocs_build

HOME = "https://example.org/most-wanted/"  # mkdocs.yml's placeholder: SITE_URL is not set


def html_pages(site: Path) -> list[Path]:
    """Every page of one edition (not the folders of the others inside it)."""
    return sorted(
        p
        for p in site.rglob("index.html")
        if not re.match(r"[a-z]{2,3}$", p.relative_to(site).parts[0])
        and "pagefind" not in p.parts
        and 'http-equiv="refresh"' not in p.read_text("utf-8")  # a renamed case's old address
    )


def alternates(root: Element) -> dict[str, str]:
    """The counterparts the language menu links, by hreflang (relative addresses)."""
    return {a.attrs["hreflang"]: a.attrs["href"] for a in root.find_all("a", cls="md-select__link")}


def sitemap_alternates(site: Path) -> dict[str, dict[str, str]]:
    """Each page of an edition's sitemap, with its counterparts by hreflang. The edition's
    sitemap.xml is an index (small: Material's script parses it on every page load) naming the
    edition's list of pages, sitemap-pages.xml, by its address."""
    ns = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9", "x": "http://www.w3.org/1999/xhtml"}
    index = ET.parse(site / "sitemap.xml").getroot()
    assert index.tag == f"{{{ns['s']}}}sitemapindex" and (site / "sitemap.xml").stat().st_size < 500
    (named,) = [loc.text or "" for loc in index.findall("s:sitemap/s:loc", ns)]
    assert named.endswith("sitemap-pages.xml")
    pages = site / named.removeprefix(HOME).removeprefix("zh/")
    found = {}
    for url in ET.parse(pages).getroot().findall("s:url", ns):
        links = url.findall("x:link", ns)
        found[url.findtext("s:loc", namespaces=ns) or ""] = {
            link.get("hreflang", ""): link.get("href", "") for link in links
        }
    return found


def test_each_edition_says_its_language(built: Path) -> None:
    for site, tag in ((built, "en"), (built / "zh", "zh-Hans")):
        pages = html_pages(site)
        assert len(pages) > 40
        for path in pages:
            assert f'<html lang="{tag}"' in path.read_text("utf-8"), path


def test_hreflang_pairs_resolve_both_ways(built: Path) -> None:
    """Every page of each edition's sitemap names its counterpart in every edition; the
    counterpart is a page, in the other edition's sitemap, that names it back. The language
    menu of every page links the same counterparts."""
    maps = {
        tag: sitemap_alternates(site) for tag, site in (("en", built), ("zh-Hans", built / "zh"))
    }
    checked = 0
    for tag, pages in maps.items():
        assert len(pages) > 40
        for loc, links in pages.items():
            assert set(links) == {"en", "zh-Hans"}, loc
            assert links[tag] == loc
            for other, href in links.items():
                assert maps[other][href][tag] == loc, (loc, other)
                target = built / href.removeprefix(HOME) / "index.html"
                assert target.is_file(), href
                checked += 1
            page_file = built / loc.removeprefix(HOME) / "index.html"
            menu = alternates(parse(page_file.read_text("utf-8")))
            base = loc
            assert {t: _join(base, h) for t, h in menu.items()} == links, loc
    assert checked > 200


def test_the_language_menu_leads_to_the_same_page(built: Path) -> None:
    for path, other in (("cases/tang-hengyuan/", "zh/cases/tang-hengyuan/"),):
        for here in (path, other):
            menu = page(built, here).find_all("a", cls="md-select__link")
            hrefs = {a.attrs["hreflang"]: a.attrs["href"] for a in menu}
            assert set(hrefs) == {"en", "zh-Hans"}
            base = "https://x/" + here
            resolved = {
                tag: urlsplit(_join(base, href)).path.lstrip("/") for tag, href in hrefs.items()
            }
            assert resolved["en"] == path and resolved["zh-Hans"] == other


def _join(base: str, href: str) -> str:
    from urllib.parse import urljoin

    return urljoin(base, href)


def test_the_chinese_edition_leads_with_the_native_name(built: Path) -> None:
    heading = page(built, "zh/cases/tang-hengyuan/").find("h1")
    assert heading.text.split()[:2] == ["唐恒远", "TANG"]
    english = page(built, "cases/tang-hengyuan/").find("h1")
    assert english.text.split()[:2] == ["TANG", "Hengyuan"]
    native = english.find("span", cls="mw-native")
    assert native.attrs["lang"] == "zh-Hans"  # a Chinese name on an English page says so


def test_prose_shows_in_the_edition_language_or_marked_as_not_translated(built: Path) -> None:
    case = page(built, "zh/cases/tang-hengyuan/")
    assert "恒泰粮食储备公司原总经理（虚构）" in case.text
    assert "Former general manager" not in case.text
    # MA Guolin's summary is left untranslated in the sample on purpose.
    fallback = page(built, "zh/cases/ma-guolin/")
    summaries = [d for d in fallback.find_all("div", lang="en") if "road-building" in d.text]
    assert len(summaries) == 1
    assert fallback.find_all(cls="mw-untranslated")
    english = page(built, "cases/ma-guolin/")
    assert not english.find_all(cls="mw-untranslated")


def test_dates_numbers_and_countries_follow_the_edition(built: Path) -> None:
    text = page(built, "zh/cases/tang-hengyuan/").text
    assert "1961年5月17日" in text and "美国" in text and "120,000,000 CNY" in text
    assert "17 May 1961" in page(built, "cases/tang-hengyuan/").text
    # Chinese brackets are full-width and take no space before them; English keeps its space.
    assert "1650（仅显示后四位）" in page(built, "zh/cases/liang-shaohua/").text
    assert "1650 (last four characters)" in page(built, "cases/liang-shaohua/").text
    assert re.fullmatch(r"在逃（\d+）", page(built, "zh/cases/").by_id("at-large").text.strip())
    assert "注意：可能与持械同伙同行" in page(built, "zh/cases/tsvetkov-arkady/").text
    assert "Caution: May travel" in page(built, "cases/tsvetkov-arkady/").text
    assert re.fullmatch(r"At large \(\d+\)", page(built, "cases/").by_id("at-large").text.strip())


def test_the_chinese_feed_is_atom_in_chinese(built: Path) -> None:
    feed = ET.parse(built / "zh" / "feed.xml").getroot()
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "zh-Hans"
    atom = "{http://www.w3.org/2005/Atom}"
    entries = feed.findall(f"{atom}entry")
    english = ET.parse(built / "feed.xml").getroot().findall(f"{atom}entry")
    assert [e.findtext(f"{atom}id") for e in entries] == [e.findtext(f"{atom}id") for e in english]
    links = [e.find(f"{atom}link").get("href") for e in entries]  # type: ignore[union-attr]
    assert all(link.startswith(HOME + "zh/") for link in links)
    contents = " ".join(e.findtext(f"{atom}content") or "" for e in entries)
    assert "贪污罪" in contents


def test_every_message_of_the_chinese_catalog_is_translated() -> None:
    with catalog_path("zh").open("rb") as po:
        catalog = read_po(po, locale="zh")
    messages = [m for m in catalog if m.id]
    assert len(messages) > 100
    untranslated = [m.id for m in messages if not m.string or m.fuzzy]
    assert untranslated == []


def _visible_english(root: Element, phrases: list[str]) -> list[str]:
    """The phrases found in the page's text outside elements in another language (case data
    shown in the default language is marked so) and outside code."""

    def text(e: Element) -> str:
        if e.tag in ("code", "pre", "script", "style") or e.attrs.get("lang", "zh-Hans") != (
            "zh-Hans"
        ):
            return " "
        return "".join(c if isinstance(c, str) else text(c) for c in e.children)

    shown = re.sub(r"\s+", " ", text(root))
    return [p for p in phrases if p in shown]


def test_chinese_pages_show_no_site_words_in_english(built: Path) -> None:
    """No msgid of the catalog (its fixed parts of two words or more) appears on a page of
    the Chinese edition outside case data and code."""
    with catalog_path("zh").open("rb") as po:
        catalog = read_po(po, locale="zh")
    phrases = set()
    for message in catalog:
        for msgid in message.id if isinstance(message.id, tuple) else (message.id,):
            for part in re.split(r"%\(\w+\)[sd]|\{\w+\}", msgid or ""):
                part = part.strip(" .,:;()")
                if len(part.split()) >= 2:
                    phrases.add(part)
    assert len(phrases) > 50
    found = {}
    for path in html_pages(built / "zh"):
        shown = _visible_english(parse(path.read_text("utf-8")), sorted(phrases))
        if shown:
            found[path.relative_to(built).as_posix()] = shown
    assert found == {}


# A third edition from data alone --------------------------------------------------------------

FRENCH = """\
msgid ""
msgstr ""
"Content-Type: text/plain; charset=UTF-8\\n"
"Language: fr\\n"

msgid "Wanted persons"
msgstr "Personnes recherchées"

msgid "At large"
msgstr "En fuite"

msgid "Home"
msgstr "Accueil"
"""


@pytest.fixture(scope="module")
def three_editions(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample with `languages: [en, zh, fr]` and a French catalog of three messages."""
    root = sample_variant(
        tmp_path_factory.mktemp("three"),
        "posters: false\n",
        "languages: [en, zh]",
        "languages: [en, zh, fr]",
    )
    catalog = root / "generator/locales/fr/LC_MESSAGES/messages.po"
    catalog.parent.mkdir(parents=True)
    catalog.write_text(FRENCH, "utf-8")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    return root / "site"


def test_a_third_edition_is_a_catalog_and_a_line_of_settings(three_editions: Path) -> None:
    french = page(three_editions, "fr/cases/")
    assert french.find("html").attrs["lang"] == "fr"
    assert french.find("h1").text.startswith("Personnes recherchées")  # translated
    assert "En fuite" in french.text
    assert "Suspected country" in french.text  # not in the catalog: English
    case = page(three_editions, "fr/cases/tang-hengyuan/")
    assert "17 mai 1961" in case.text  # dates from CLDR
    # No French text in the sample: the default language's, marked as not translated.
    assert case.find_all(cls="mw-untranslated")
    assert set(alternates(case)) == {"en", "zh-Hans", "fr"}
    assert (three_editions / "fr" / "feed.xml").is_file()
    # The hand-written pages have no French copy: the French menu leaves them out.
    assert not (three_editions / "fr" / "guide").exists()


def test_the_sample_is_valid_in_both_editions() -> None:
    project = load_project(ROOT)
    assert project.settings is not None and project.settings.languages == ["en", "zh"]
    assert not project.problems
