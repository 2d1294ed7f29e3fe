"""Review dates and sourced status changes: warnings for editors, and withheld cases."""

from __future__ import annotations

import json
import subprocess
import sys
from datetime import date

import pytest

from generator.build import build, inspect
from generator.source.errors import InputError
from generator.source.reviews import add_period
from tests.conftest import CASE, SETTINGS, Project

TODAY = date(2026, 11, 30)
EVERY = "review_every: 12 months\n"
ARRESTED = (
    CASE.replace("status: at_large", "status: arrested")
    + "history:\n  - date: 2020-05-06\n    event: arrested\n    country: CA\n"
)


@pytest.mark.parametrize(
    ("day", "period", "expected"),
    [
        ("2025-01-31", "1 month", "2025-02-28"),
        ("2024-02-29", "1 year", "2025-02-28"),
        ("2025-11-30", "12 months", "2026-11-30"),
        ("2025-12-20", "3 months", "2026-03-20"),
        ("2026-01-01", "90 days", "2026-04-01"),
        ("2026-01-01", "2 weeks", "2026-01-15"),
    ],
)
def test_periods(day: str, period: str, expected: str) -> None:
    assert add_period(date.fromisoformat(day), period).isoformat() == expected


def reviewed(project: Project, case_id: str, day: str | None) -> None:
    project.case(case_id, CASE + (f"reviewed: {day}\n" if day else ""))


def warnings_of(project: Project) -> dict[str, str]:
    checked = inspect(project.root, TODAY)
    return {p.file.split("/")[1]: p.message for p in checked.findings.warnings}


def test_due_overdue_never_and_reviewed(project: Project) -> None:
    project.write("cases/publication.yaml", SETTINGS + EVERY)
    reviewed(project, "fresh", "2026-06-01")  # next review 2027-06-01: nothing to say
    reviewed(project, "due-soon", "2025-12-20")  # due 2026-12-20, within 30 days
    reviewed(project, "overdue", "2025-10-01")  # due 2026-10-01, passed
    reviewed(project, "never", None)
    found = warnings_of(project)
    assert set(found) == {"due-soon", "overdue", "never"}
    assert found["due-soon"] == "review due on 2026-12-20 (reviewed 2025-12-20, every 12 months)"
    assert found["overdue"].startswith("review overdue since 2026-10-01")
    assert found["never"].startswith("never reviewed")
    problem = next(
        p for p in inspect(project.root, TODAY).findings.warnings if "due-soon" in p.file
    )
    assert (problem.line, problem.field) == (13, "reviewed")


def test_no_review_rule_no_review_warnings(project: Project) -> None:
    reviewed(project, "never", None)
    assert warnings_of(project) == {}


def test_overdue_warn_publishes_and_says_so(project: Project) -> None:
    project.write("cases/publication.yaml", SETTINGS + EVERY + "overdue: warn\n")
    reviewed(project, "overdue", "2025-10-01")
    result = build(project.root, project.root / ".cache", TODAY)
    assert result.published == 1 and not result.findings.withheld
    assert "review overdue" in result.findings.report()
    page = (project.root / "docs/cases/overdue/index.md").read_text("utf-8")
    assert "Last reviewed" in page and "1 October 2025" in page
    record = json.loads((project.root / "docs/api/v1/cases/overdue.json").read_text("utf-8"))
    assert record["reviewed"] == "2025-10-01"


def test_overdue_withhold_keeps_the_case_off_every_output(project: Project) -> None:
    project.write("cases/publication.yaml", SETTINGS + EVERY + "overdue: withhold\n")
    reviewed(project, "fresh", "2026-06-01")
    project.case(
        "overdue",
        CASE.replace("TEST Person", "OVERDUE Person")
        + "reviewed: 2025-10-01\nphotos:\n  - file: face.jpg\n",
    )
    project.photo("overdue", "face.jpg")
    result = build(project.root, project.root / ".cache", TODAY)
    assert result.findings.withheld == {"overdue"}
    assert "1 overdue case(s) withheld from the site: overdue" in result.findings.report()
    assert result.published == 1
    docs = project.root / "docs"
    files = [p for p in docs.rglob("*") if p.is_file()]
    assert not any("overdue" in p.relative_to(docs).as_posix() for p in files)
    assert [p for p in files if p.parent.name == "photos"] == []
    for file in files:
        if file.suffix in (".md", ".json", ".csv", ".xml"):
            assert "OVERDUE" not in file.read_text("utf-8"), file
    # Reviewed again: back on the site.
    project.case(
        "overdue",
        CASE.replace("TEST Person", "OVERDUE Person")
        + "reviewed: 2026-11-29\nphotos:\n  - file: face.jpg\n",
    )
    assert build(project.root, project.root / ".cache", TODAY).published == 2
    assert (docs / "cases/overdue/index.md").is_file()


def test_validate_prints_warnings_and_passes(project: Project) -> None:
    project.write("cases/publication.yaml", SETTINGS + EVERY)
    reviewed(project, "due-soon", "2025-12-20")
    command = [sys.executable, "-m", "generator", "--root", str(project.root), "validate"]
    env = {"SOURCE_DATE_EPOCH": "1796169600"}  # 2026-12-01: the day the review speaks for
    result = subprocess.run(command, capture_output=True, text=True, check=False, env=env)
    assert result.returncode == 0, result.stderr
    assert result.stderr == (
        "warning: cases/due-soon/case.yaml:13: reviewed: review due on 2026-12-20 "
        "(reviewed 2025-12-20, every 12 months)\n"
    )


def test_status_change_without_source_is_a_warning(project: Project) -> None:
    project.case("arrested", ARRESTED)
    found = warnings_of(project)
    assert found == {
        "arrested": "this arrested event changes the status: give its source (source: "
        "https://…), the public record it comes from"
    }
    project.case("arrested", ARRESTED + "    source: https://example.org/court/1\n")
    assert warnings_of(project) == {}


def test_status_change_without_source_is_an_error_when_the_settings_ask(
    project: Project,
) -> None:
    project.write("cases/publication.yaml", SETTINGS + "unsourced_status: error\n")
    project.case("arrested", ARRESTED)
    with pytest.raises(InputError) as caught:
        inspect(project.root, TODAY)
    [problem] = caught.value.problems
    assert (problem.file, problem.line, problem.field) == (
        "cases/arrested/case.yaml",
        14,
        "history[0]",
    )


def test_make_review_lists_what_needs_attention(project: Project) -> None:
    """The review (and so the pull-request comment) names due reviews and unsourced events."""
    from tests.test_gitdates import commit, git
    from tests.test_review import review

    root = project.root
    git(root, "init", "-q", "-b", "main")
    project.write("cases/publication.yaml", SETTINGS + EVERY)
    reviewed(project, "steady", "2026-11-01")
    commit(root, "2026-11-01", "base")
    git(root, "switch", "-q", "-c", "change")
    project.case("arrested", ARRESTED + "reviewed: 2025-12-20\n")
    env_day = "1796169600"  # 2026-12-01
    result = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "review", "--base", "main"],
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": env_day, "PATH": "/usr/bin:/bin"},
        check=False,
    )
    assert result.returncode == 0, result.stderr
    section = result.stdout.split("Reviews and sources to attend to:\n", 1)[1]
    assert "cases/arrested/case.yaml:17: reviewed: review due on 2026-12-20" in section
    assert "cases/arrested/case.yaml:14: history[0]: this arrested event changes" in section
    markdown = review(root, "markdown").stdout
    assert "**Reviews and sources to attend to**" in markdown


def test_a_review_date_in_the_future_is_refused(project: Project) -> None:
    reviewed(project, "early", "2031-01-01")
    with pytest.raises(InputError) as caught:
        inspect(project.root, TODAY)
    [problem] = caught.value.problems
    assert (problem.line, problem.field, problem.message) == (
        13,
        "reviewed",
        "2031-01-01 is in the future",
    )


def test_warnings_are_shown_with_errors_too(project: Project) -> None:
    project.write("cases/publication.yaml", SETTINGS + EVERY)
    reviewed(project, "due-soon", "2025-12-20")
    project.case("broken", CASE.replace("nationality: [CN]", "nationality: [XX]"))
    with pytest.raises(InputError) as caught:
        inspect(project.root, TODAY)
    report = caught.value.report().splitlines()
    assert report[0].startswith("cases/broken/case.yaml:6: nationality[0]:")
    assert report[1].startswith("warning: cases/due-soon/case.yaml:13: reviewed: review due")
    assert report[2] == "1 error in 1 file; nothing was written."
