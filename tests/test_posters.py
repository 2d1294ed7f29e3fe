"""Posters and share images, checked with real tools: pdftotext and pdfinfo (poppler), zbarimg
for the QR code, Pillow for the share image; and the Open Graph tags of the built site."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import time
from datetime import date
from pathlib import Path

import pytest
from PIL import Image

from generator.build import build
from tests.conftest import CASE, SETTINGS, Project

TODAY = date(2026, 11, 30)
POSTERS_ON = SETTINGS.replace("posters: false", "posters: true")
HIDDEN, PARTIAL = "G97530001", "E12345678"
# 喆 is outside GB 2312, so outside the cut poster font: the full face must print it.
NATIVE = "海报喆"
WANTED = (
    CASE.replace("TEST Person", "POSTER Person").replace("测试人", NATIVE)
    + "photos:\n  - file: front.jpg\n"
    + f"documents:\n  - kind: national_id\n    number: {HIDDEN}\n    publish: hidden\n"
    + f"  - kind: passport\n    number: {PARTIAL}\n    publish: partial\n"
)
WITHDRAWN = CASE.replace("TEST Person", "GONE Person").replace("at_large", "withdrawn")


def tool(*command: str) -> str:
    assert shutil.which(command[0]), f"{command[0]} is needed: make test installs it"
    return subprocess.run(command, capture_output=True, text=True, check=True).stdout


@pytest.fixture(scope="module")
def posters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    project = Project(tmp_path_factory.mktemp("posters") / "project")
    project.write("cases/publication.yaml", POSTERS_ON)
    project.case("poster-person", WANTED)
    project.photo("poster-person", "front.jpg")
    project.case("gone-person", WITHDRAWN)
    result = build(project.root, project.root / ".cache", TODAY, site_url="https://example.org/w/")
    assert (result.posters_made, result.shares_made) == (2, 2)
    return project.root


def test_each_poster_is_one_page_of_its_size_with_text(posters: Path) -> None:
    for size, points in (("a4", "595.276 x 841.89"), ("letter", "612 x 792")):
        pdf = posters / f"docs/posters/poster-person-{size}.pdf"
        info = tool("pdfinfo", str(pdf))
        assert re.search(r"Pages:\s+1\n", info), info
        assert points in info, info
        text = tool("pdftotext", str(pdf), "-")
        for shown in ("WANTED", "POSTER Person", NATIVE, "poster-person", "tips@example.org"):
            assert shown in text, shown
        assert HIDDEN not in text and PARTIAL not in text and PARTIAL[-4:] in text
        assert "https://example.org/w/cases/poster-person/" in text  # on one line, unbroken
        fonts = tool("pdffonts", str(pdf))
        embedded = re.findall(r"^[A-Z]{6}\+(\S+) .* yes yes ", fonts, re.MULTILINE)  # subset
        # The cut faces set the poster; the full face prints the one character they lack.
        cut = {"Noto-Sans-CJK-SC-cut", "Noto-Sans-CJK-SC-cut-Bold"}
        assert set(embedded) == cut | {"Noto-Sans-CJK-SC"}


def test_the_qr_code_opens_the_case_page(posters: Path, tmp_path: Path) -> None:
    pdf = posters / "docs/posters/poster-person-a4.pdf"
    tool("pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(tmp_path / "page"))
    decoded = tool("zbarimg", "-q", "--raw", str(tmp_path / "page.png")).strip()
    assert decoded == "https://example.org/w/cases/poster-person/"


def test_share_images_are_1200_by_630_without_metadata(posters: Path) -> None:
    for name in ("poster-person", "site"):
        with Image.open(posters / f"docs/share/{name}.jpg") as image:
            assert image.size == (1200, 630) and image.format == "JPEG"
            assert not image.getexif() and "icc_profile" not in image.info
            assert set(image.info) <= {"jfif", "jfif_version", "jfif_unit", "jfif_density"}


def test_nothing_for_a_withdrawn_case(posters: Path) -> None:
    made = {p.name for p in (posters / "docs/posters").iterdir()}
    made |= {p.name for p in (posters / "docs/share").iterdir()}
    assert made == {
        "poster-person-a4.pdf",
        "poster-person-letter.pdf",
        "poster-person.jpg",
        "site.jpg",
    }
    for pdf in (posters / "docs/posters").iterdir():
        assert "GONE" not in tool("pdftotext", str(pdf), "-")


def test_unchanged_cases_are_not_drawn_again_and_same_bytes(posters: Path) -> None:
    before = {p.name: p.read_bytes() for p in (posters / "docs/posters").iterdir()}
    again = build(posters, posters / ".cache", TODAY, site_url="https://example.org/w/")
    assert (again.posters_made, again.shares_made) == (0, 0)
    shutil.rmtree(posters / ".cache" / "posters")
    redrawn = build(posters, posters / ".cache", TODAY, site_url="https://example.org/w/")
    assert redrawn.posters_made == 2
    assert {p.name: p.read_bytes() for p in (posters / "docs/posters").iterdir()} == before


def test_an_edit_redraws_that_case_only(project: Project) -> None:
    project.write("cases/publication.yaml", POSTERS_ON)
    project.case("first-case")
    project.case("second-case", CASE.replace("TEST Person", "SECOND Person"))
    cache = project.root / ".cache"
    assert build(project.root, cache, TODAY).posters_made == 4
    project.case("second-case", CASE.replace("TEST Person", "SECOND Person") + "caution: Armed\n")
    edited = build(project.root, cache, TODAY)
    assert (edited.posters_made, edited.shares_made) == (2, 0)  # the image shows no caution


def test_posters_can_be_switched_off(project: Project) -> None:
    project.case("plain-case")
    result = build(project.root, project.root / ".cache", TODAY)
    assert (result.posters_made, result.shares_made) == (0, 0)
    assert not (project.root / "docs/posters").exists() or not any(
        (project.root / "docs/posters").iterdir()
    )
    page = (project.root / "docs/cases/plain-case/index.md").read_text("utf-8")
    assert "Poster (PDF)" not in page and "share_image" not in page


def test_case_pages_carry_open_graph_tags_with_their_image(built: Path) -> None:
    page = (built / "cases/he-yanling/index.html").read_text("utf-8")
    tags = dict(re.findall(r'<meta (?:property|name)="([a-z:_]+)" content="([^"]*)"', page))
    for key in ("og:title", "og:description", "og:url", "og:locale", "og:type", "og:site_name"):
        assert tags.get(key), key
    assert tags["og:image"].endswith("/share/he-yanling.jpg")
    assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630")
    assert tags["og:image:alt"].startswith("HE Yanling 何艳玲")
    assert tags["twitter:card"] == "summary_large_image"
    assert tags["og:url"].endswith("/cases/he-yanling/")
    image = built / tags["og:image"].split("/most-wanted/", 1)[1]
    assert image.is_file()
    assert 'href="../../posters/he-yanling-a4.pdf"' in page
    assert (built / "posters/he-yanling-a4.pdf").is_file()
    home = (built / "index.html").read_text("utf-8")
    assert 'property="og:image" content="https://example.org/most-wanted/share/site.jpg"' in home


@pytest.fixture(scope="module")
def chinese_posters(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A two-edition project ([en, zh]) with one case whose position is in both languages."""
    project = Project(tmp_path_factory.mktemp("editions") / "project")
    project.write("cases/publication.yaml", POSTERS_ON + "languages: [en, zh]\n")
    text = WANTED + "position:\n  en: Former chief accountant\n  zh: 原总会计师\n"
    amount = "    amount: {value: 1500000, currency: CNY}\n"
    text = text.replace("  - charge: Bribery\n", "  - charge: Bribery\n" + amount, 1)
    assert amount in text
    project.case("poster-person", text)
    project.photo("poster-person", "front.jpg")
    result = build(project.root, project.root / ".cache", TODAY, site_url="https://example.org/w/")
    assert (result.posters_made, result.shares_made) == (4, 4)
    return project.root


def test_each_edition_has_its_poster_in_its_language(chinese_posters: Path, tmp_path: Path) -> None:
    english_pdf = chinese_posters / "docs/posters/poster-person-a4.pdf"
    english = " ".join(tool("pdftotext", str(english_pdf), "-").split())
    pdf = chinese_posters / "docs/posters/zh/poster-person-a4.pdf"
    chinese = " ".join(tool("pdftotext", str(pdf), "-").split())
    assert "WANTED" in english and "Former chief accountant" in english
    assert "通缉" in chinese and "原总会计师" in chinese and "WANTED" not in chinese
    assert chinese.index(NATIVE) < chinese.index("POSTER Person")  # the native name first
    assert english.index("POSTER Person") < english.index(NATIVE)
    assert HIDDEN not in chinese and PARTIAL not in chinese
    assert "(1,500,000 CNY)" in english and "（1,500,000 CNY）" in chinese  # the edition's brackets
    assert f"{PARTIAL[-4:]} (last four characters)" in english
    assert f"{PARTIAL[-4:]}（仅显示后四位）" in chinese
    # A label and its value: a full-width colon and no space in Chinese, as on the case page.
    assert "电子邮箱：tips@example.org" in chinese and "Email: tips@example.org" in english
    assert "网上表单：https://example.org/tips" in chinese
    tool("pdftoppm", "-r", "100", "-png", "-singlefile", str(pdf), str(tmp_path / "page"))
    decoded = tool("zbarimg", "-q", "--raw", str(tmp_path / "page.png")).strip()
    assert decoded == "https://example.org/w/zh/cases/poster-person/"
    for name in ("poster-person", "site"):
        with Image.open(chinese_posters / f"docs/share/zh/{name}.jpg") as image:
            assert image.size == (1200, 630) and not image.getexif()


def test_a_sample_case_in_chinese_rendered_for_review(built: Path) -> None:
    """The sample's Chinese poster and share image of one case, checked and kept as PNG in
    test-artifacts/ (poster-zh-*.png, share-zh-*.png) for a reviewer to look at."""
    artifacts = Path(__file__).resolve().parents[1] / "test-artifacts"
    artifacts.mkdir(exist_ok=True)
    pdf = built / "posters" / "zh" / "liang-shaohua-a4.pdf"
    text = " ".join(tool("pdftotext", str(pdf), "-").split())
    assert "通缉" in text and text.index("梁少华") < text.index("LIANG Shaohua")
    target = artifacts / "poster-zh-liang-shaohua"
    tool("pdftoppm", "-r", "60", "-png", "-singlefile", str(pdf), str(target))
    with Image.open(built / "share" / "zh" / "liang-shaohua.jpg") as image:
        assert image.size == (1200, 630)
        image.save(artifacts / "share-zh-liang-shaohua.png")


def test_the_cut_font_keeps_pinyin_and_common_hanzi_and_is_made_once(tmp_path: Path) -> None:
    from fontTools.ttLib import TTFont

    from generator.posters.fonts import poster_fonts

    fonts = poster_fonts(tmp_path)
    first = fonts.regular.read_bytes()
    with TTFont(fonts.regular) as face:
        kept = set(face.getBestCmap())
    for character in "AZaz0ǖǘǚǜāáǎà梁少华姚春梅欧阳，：（）、。№":
        assert ord(character) in kept, character
    assert ord("喆") not in kept  # outside GB 2312: the full face prints it
    assert 7000 < len(kept) < 8000  # GB 2312's 6,763 hanzi and the Latin, not the 44,000 more
    fonts.regular.unlink()
    assert poster_fonts(tmp_path).regular.read_bytes() == first  # made again, byte for byte
    assert poster_fonts(tmp_path) == fonts


def test_posters_are_drawn_without_weasyprint_warnings(
    project: Project, caplog: pytest.LogCaptureFixture
) -> None:
    """A CSS value WeasyPrint cannot read, or a font it cannot load, is a warning it logs and
    a poster that silently looks different: none is allowed."""
    project.write("cases/publication.yaml", POSTERS_ON)
    project.case("poster-person", WANTED)
    project.photo("poster-person", "front.jpg")
    with caplog.at_level("WARNING", logger="weasyprint"):
        assert build(project.root, project.root / ".cache", TODAY, workers=1).posters_made == 2
    assert [r.getMessage() for r in caplog.records if r.name.startswith("weasyprint")] == []


def test_every_sample_poster_is_one_page(built: Path) -> None:
    """Long positions, many documents or a long reward once pushed the facts table below the
    photo and 16 of the sample's 108 posters onto a second page."""
    pdfs = sorted((built / "posters").rglob("*.pdf"))
    assert len(pdfs) == 108  # 27 cases, 2 sizes, 2 editions
    longer = [pdf.name for pdf in pdfs if not re.search(r"Pages:\s+1\n", tool("pdfinfo", str(pdf)))]
    assert longer == []


def test_the_cache_forgets_what_no_build_used_for_two_weeks(project: Project) -> None:
    project.write("cases/publication.yaml", POSTERS_ON)
    project.case("first-case")
    cache = project.root / ".cache"
    build(project.root, cache, TODAY)
    used = sorted((cache / "posters").iterdir()) + sorted((cache / "share").iterdir())
    assert len(used) == 4  # two posters, the case's image and the site's
    month_ago, yesterday = time.time() - 30 * 86400, time.time() - 86400
    for path in used:
        os.utime(path, (month_ago, month_ago))
    stale, recent = cache / "posters" / ("0" * 24 + ".pdf"), cache / "share" / ("1" * 24 + ".jpg")
    for path, when in ((stale, month_ago), (recent, yesterday)):
        path.write_bytes(b"from an earlier build")
        os.utime(path, (when, when))
    again = build(project.root, cache, TODAY)
    assert (again.posters_made, again.shares_made) == (0, 0)
    assert not stale.exists()  # unused for a month
    assert recent.exists()  # unused for a day: another setting's build may want it back
    assert all(path.stat().st_mtime > yesterday for path in used)  # used now, whatever their age
