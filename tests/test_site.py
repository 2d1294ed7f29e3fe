"""End to end: the sample cases built into a real site by a real MkDocs, then read as HTML."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from PIL import Image

from generator.source.loader import load_project

ROOT = Path(__file__).resolve().parent.parent


def mkdocs_build(root: Path, site: str = "site") -> subprocess.CompletedProcess[str]:
    """Build every edition as `make site` does: the default one from mkdocs.yml (whose hook
    writes every edition's pages and configuration), then each other into <site>/<language>/.
    Stops at the first failure, whose result it returns."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": "1700000000"}
    command = [sys.executable, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", site]
    done = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, check=False)
    if done.returncode != 0:
        return done
    listed = subprocess.run(
        [sys.executable, "-m", "generator", "editions"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
        check=True,
    )
    for line in listed.stdout.splitlines()[1:]:
        language, config = line.split()
        edition = [*command[:-1], f"{site}/{language}", "-f", config]
        result = subprocess.run(
            edition, cwd=root, env=env, capture_output=True, text=True, check=False
        )
        if result.returncode != 0:
            return result
    return done


def site_files(site: Path) -> dict[str, bytes]:
    return {
        p.relative_to(site).as_posix(): p.read_bytes()
        for p in sorted(site.rglob("*"))
        if p.is_file()
    }


def test_sample_has_what_the_tests_need(sample: dict[str, list[str]]) -> None:
    assert len(sample["published"]) >= 24
    assert len(sample["withdrawn_ids"]) == 1
    assert "140105196611039753" in sample["hidden"]
    assert sample["partial"] and sample["full"]


def test_every_published_case_has_a_page_and_a_card(
    built: Path, sample: dict[str, list[str]]
) -> None:
    listing = (built / "cases" / "index.html").read_text("utf-8")
    for case_id in sample["published"]:
        page = built / "cases" / case_id / "index.html"
        assert page.is_file(), case_id
        assert f'href="../cases/{case_id}/"' in listing, case_id
        quote = rf"[Qq]uote reference <strong><code>{case_id}</code>"
        assert re.search(quote, page.read_text("utf-8")), case_id


def test_the_tips_note_follows_the_channels_and_says_so(built: Path) -> None:
    """The note comes after the list of channels, so it may not send readers "below"."""
    home = (built / "index.html").read_text("utf-8")
    tips = home.split('<div class="mw-tips"', 1)[1].split("</div>", 1)[0]
    channels, _, note = tips.partition("</ul>")
    assert "Telephone" in channels and "demonstration site" in note
    assert "below" not in note


def test_closed_cases_ask_for_no_clue_and_say_where_they_were(built: Path) -> None:
    """Only a case at large calls for clues; a closed one (each in the sample has a history
    event with a country) shows its last known location instead of "Not recorded"."""
    closed = 0
    for loaded in load_project(ROOT).cases:
        status = loaded.case.status
        if status == "withdrawn":
            continue
        text = (built / "cases" / loaded.id / "index.html").read_text("utf-8")
        assert ("Send a clue" in text) == (status == "at_large"), loaded.id
        if status != "at_large":
            closed += 1
            assert "Information about this case</h2>" in text, loaded.id
            assert "Last known location</dt><dd>Not recorded" not in text, loaded.id
    assert closed >= 4


def test_withdrawn_case_is_nowhere(built: Path, sample: dict[str, list[str]]) -> None:
    files = site_files(built)
    (withdrawn_id,) = sample["withdrawn_ids"]
    assert not any(withdrawn_id in path for path in files)
    for path, content in files.items():
        text = content.decode("utf-8", errors="replace")
        assert withdrawn_id not in text, path
        for value in sample["withdrawn_strings"]:
            assert value not in text, (path, value)
    # Its photo was never even processed: nothing in the site has its pixels' names.
    case_folder = ROOT / "cases" / withdrawn_id
    assert any(case_folder.glob("*.jpg"))


def test_hidden_numbers_are_nowhere_and_partial_ones_are_masked(
    built: Path, sample: dict[str, list[str]]
) -> None:
    texts = {p: c.decode("utf-8", errors="replace") for p, c in site_files(built).items()}
    for number in sample["hidden"] + sample["partial"]:
        for path, text in texts.items():
            assert number not in text, (path, number)
    pages = "".join(t for p, t in texts.items() if p.startswith("cases/"))
    for number in sample["partial"]:
        assert f"••••{number[-4:]}" in pages, number
    for number in sample["full"]:
        assert number in pages, number


def test_demonstration_banner_on_every_page(built: Path) -> None:
    """Every page of every edition says the data is fictional, in the edition's words."""
    pages = sorted(built.rglob("*.html"))
    assert len(pages) > 25
    for page in pages:
        chinese = page.relative_to(built).parts[0] == "zh"
        banner = "演示数据。" if chinese else "Demonstration data."
        assert banner in page.read_text("utf-8"), page


def test_published_photos_carry_no_metadata(built: Path) -> None:
    photos = sorted((built / "photos").iterdir())
    assert len(photos) >= 4 * 20
    for photo in photos:
        raw = photo.read_bytes()
        assert b"Exif" not in raw and b"GPS" not in raw, photo.name
        with Image.open(photo) as image:
            assert not image.getexif(), photo.name
            assert "icc_profile" not in image.info and "xmp" not in image.info, photo.name


def test_no_external_requests_in_html(built: Path) -> None:
    for page in built.rglob("*.html"):
        html = page.read_text("utf-8")
        for url in re.findall(r'(?:src|href)="(https?://[^"]+)"', html):
            assert not re.search(r"\.(js|css|woff2?)(\?|$)", url), (page, url)
        assert "fonts.googleapis" not in html and "fonts.gstatic" not in html


def test_same_input_gives_the_same_bytes(built: Path, sample_copy: Path) -> None:
    result = mkdocs_build(sample_copy, "site-again")
    assert result.returncode == 0, result.stderr
    again = sample_copy / "site-again"
    first, second = site_files(built), site_files(again)
    assert sorted(first) == sorted(second)
    different = [p for p in first if first[p] != second[p]]
    assert different == []


def test_editor_guide_is_in_the_site(built: Path) -> None:
    guide = (built / "guide" / "index.html").read_text("utf-8")
    for heading in (
        "Adding a case",
        "Photos",
        "Updating a status",
        "Withdrawing a case",
        "Document numbers: publish policies",
        "Checks on every commit",
        "Error messages",
    ):
        assert f">{heading}<" in guide, heading
    assert "make new NAME=" in guide and "make review" in guide
    assert 'href="guide/"' in (built / "index.html").read_text("utf-8")  # in the navigation
