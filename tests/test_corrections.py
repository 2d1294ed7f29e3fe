"""The corrections channel: a page that explains it, a link from every case, and corrections on
the timeline and in the feeds."""

from __future__ import annotations

import html
import json
import xml.etree.ElementTree as ET
from datetime import date

import pytest

from generator.build import build, inspect
from generator.source.errors import InputError
from tests.conftest import CASE, SETTINGS, Project

TODAY = date(2026, 11, 30)
CHANNEL = """\
corrections:
  email: corrections@example.org
  form: https://example.org/corrections
  process: |
    A second reviewer answers *every* request within 30 days.
"""
CORRECTED = CASE + (
    "history:\n  - date: 2021-02-15\n    event: corrected\n    note: Date of birth corrected\n"
)


def test_corrections_page_and_links(project: Project) -> None:
    project.write("cases/publication.yaml", SETTINGS + CHANNEL)
    project.case("corrected-case", CORRECTED)
    build(project.root, project.root / ".cache", TODAY)
    docs = project.root / "docs"
    page = html.unescape((docs / "corrections/index.md").read_text("utf-8"))
    assert "mailto:corrections@example.org" in page
    assert 'href="https://example.org/corrections"' in page
    assert "A second reviewer answers <em>every</em> request" in page
    case_page = (docs / "cases/corrected-case/index.md").read_text("utf-8")
    assert '<a href="../../corrections/">how to ask for a correction or removal</a>' in case_page
    assert "<strong>Corrected</strong>: Date of birth corrected" in case_page


def test_correction_is_in_both_feeds(project: Project) -> None:
    project.case("corrected-case", CORRECTED)
    build(project.root, project.root / ".cache", TODAY)
    docs = project.root / "docs"
    atom = "{http://www.w3.org/2005/Atom}"
    entries = ET.parse(docs / "feed.xml").getroot().findall(f"{atom}entry")
    titles = [e.findtext(f"{atom}title") or "" for e in entries]
    assert any(t.startswith("Correction") for t in titles), titles
    items = json.loads((docs / "feed.json").read_text("utf-8"))["items"]
    correction = next(i for i in items if i["title"].startswith("Correction"))
    assert "Date of birth corrected" in correction["content_text"]
    assert correction["date_published"].startswith("2021-02-15")


def test_without_a_channel_the_page_points_to_the_agency(project: Project) -> None:
    project.case("plain-case")
    build(project.root, project.root / ".cache", TODAY)
    page = html.unescape((project.root / "docs/corrections/index.md").read_text("utf-8"))
    assert "Test Agency" in page and "mailto:tips@example.org" in page


def test_a_correction_needs_its_note(project: Project) -> None:
    project.case("corrected-case", CORRECTED.replace("    note: Date of birth corrected\n", ""))
    with pytest.raises(InputError) as caught:
        inspect(project.root, TODAY)
    [problem] = caught.value.problems
    assert (problem.line, problem.field) == (15, "history[0].event")
    assert "needs a note" in problem.message


def test_a_channel_is_required(project: Project) -> None:
    project.write(
        "cases/publication.yaml",
        SETTINGS + "corrections:\n  process: We answer within 30 days.\n",
    )
    project.case("plain-case")
    with pytest.raises(InputError) as caught:
        inspect(project.root, TODAY)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (
        "cases/publication.yaml",
        SETTINGS.count("\n") + 1,
        "corrections",
    )
    assert problem.message == "give at least one channel: email, form or address"
