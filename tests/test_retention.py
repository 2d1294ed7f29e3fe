"""Retention of closed cases: a sample case crossing the line leaves every output, and the
statistics still count it."""

from __future__ import annotations

import shutil
from datetime import date
from pathlib import Path

import pytest

from generator.build import Result, build
from generator.source.reviews import closing_day
from tests.conftest import ROOT, Project

BEFORE, AFTER = date(2027, 6, 18), date(2027, 6, 21)  # REN Baoshan returned on 2017-06-19


@pytest.fixture(scope="module")
def sample(tmp_path_factory: pytest.TempPathFactory) -> Path:
    root = tmp_path_factory.mktemp("retention") / "project"
    shutil.copytree(ROOT / "cases", root / "cases")
    (root / "docs").mkdir()
    return root


def outputs(root: Path) -> dict[str, str]:
    docs = root / "docs"
    return {
        p.relative_to(docs).as_posix(): p.read_text("utf-8")
        for p in sorted(docs.rglob("*"))
        if p.suffix in (".md", ".json", ".csv", ".xml")
    }


def built(root: Path, today: date) -> tuple[Result, dict[str, str]]:
    result = build(root, root / ".cache", today, site_url="https://example.org/")
    return result, outputs(root)


def test_a_sample_case_crossing_the_line(sample: Path) -> None:
    before, shown = built(sample, BEFORE)
    assert "ren-baoshan" not in before.findings.retired
    assert "cases/ren-baoshan/index.md" in shown

    after, kept = built(sample, AFTER)
    assert after.findings.retired == {"ren-baoshan"}
    assert after.published == before.published - 1
    assert "closed case(s) past retain_closed_for" in after.findings.report()
    # No page, photo, data record, feed entry or search entry names the case any more.
    for path, text in kept.items():
        assert "ren-baoshan" not in path, path
        assert "REN Baoshan" not in text and "任宝山" not in text, path
    photos = {p.name for p in (sample / "docs/photos").iterdir()}
    assert not any(name in photos for name in _photo_names(shown["cases/ren-baoshan/index.md"]))
    # ...but the figures and the statistics still count it.
    home, statistics = kept["index.md"], kept["statistics/index.md"]
    assert (
        shown["index.md"].split('id="figure-returned"')[1][:120]
        == (home.split('id="figure-returned"')[1][:120])
    )
    assert "and 1 closed case no longer published (the agency stops publishing" in home
    assert "Includes 1 closed case no longer published." in statistics


def _photo_names(page: str) -> list[str]:
    return [part.split('"')[0] for part in page.split("photos/")[1:]]


def test_closing_day_is_the_last_day_a_partial_date_can_mean(project: Project) -> None:
    from generator.source.model import Case

    case = Case.model_validate(
        {
            "name": {"latin": "X Y"},
            "sex": "male",
            "nationality": ["CN"],
            "crimes": [{"charge": "Fraud"}],
            "fled": {"date": "2010", "from": "CN"},
            "status": "deceased",
            "history": [{"date": "2020-02", "event": "deceased"}],
        }
    )
    assert closing_day(case) == date(2020, 2, 29)
    assert closing_day(case.model_copy(update={"status": "at_large"})) is None
