"""Stable ids: an id, current or former, belongs to one case forever; old addresses redirect."""

from __future__ import annotations

from datetime import date

import pytest

from generator.build import build, check
from generator.source.errors import InputError, Problem
from tests.conftest import CASE, Project

TODAY = date(2026, 11, 26)
WITHDRAWN = CASE.replace("status: at_large", "status: withdrawn")


def problems(project: Project) -> list[Problem]:
    with pytest.raises(InputError) as caught:
        check(project.root, TODAY)
    return caught.value.problems


def test_previous_ids_are_accepted_and_kept(project: Project) -> None:
    project.case("new-name", CASE + "previous_ids: [old-name, older-name]\n")
    loaded, _ = check(project.root, TODAY)
    assert loaded.cases[0].case.previous_ids == ["old-name", "older-name"]


def test_previous_id_that_is_another_cases_folder(project: Project) -> None:
    project.case("other-person")
    project.case("new-name", CASE + "previous_ids: [other-person]\n")
    (found,) = problems(project)
    assert (found.file, found.line, found.field) == (
        "cases/new-name/case.yaml",
        13,
        "previous_ids[0]",
    )
    assert "'other-person' is the id of the case in cases/other-person/case.yaml" in found.message


def test_a_withdrawn_cases_id_stays_reserved(project: Project) -> None:
    project.case("gone-person", WITHDRAWN)
    project.case("new-name", CASE + "previous_ids:\n  - fine-id\n  - gone-person\n")
    (found,) = problems(project)
    assert (found.line, found.field) == (15, "previous_ids[1]")
    assert "cases/gone-person/case.yaml" in found.message


def test_previous_id_claimed_by_two_cases(project: Project) -> None:
    project.case("first-case", CASE + "previous_ids: [shared-id]\n")
    project.case("second-case", WITHDRAWN + "previous_ids: [shared-id]\n")
    (found,) = problems(project)
    assert (found.file, found.field) == ("cases/second-case/case.yaml", "previous_ids[0]")
    assert found.message == (
        "'shared-id' is already a previous id of cases/first-case/case.yaml (previous_ids[0])"
    )


@pytest.mark.parametrize(
    ("value", "message"),
    [
        ("[same-case]", "'same-case' is this case's own id; list only ids it had before"),
        ("[Old_Name]", "expected a case id: 3 to 64 characters"),
        ("[old-one, old-one]", "old-one listed more than once"),
    ],
)
def test_previous_id_mistakes(project: Project, value: str, message: str) -> None:
    project.case("same-case", CASE + f"previous_ids: {value}\n")
    (found,) = problems(project)
    assert found.line == 13 and found.field.startswith("previous_ids")
    assert message in found.message


def test_every_reuse_is_reported_in_one_run(project: Project) -> None:
    project.case("taken-id")
    project.case("one-case", CASE + "previous_ids: [taken-id, one-case]\n")
    assert [p.field for p in problems(project)] == ["previous_ids[0]", "previous_ids[1]"]


def test_redirect_page_follows_previous_ids(project: Project) -> None:
    docs = project.root / "docs"
    project.case("new-name", CASE + "previous_ids: [old-name]\n")
    first = build(project.root, project.root / ".cache", TODAY, site_url="https://x.test/mw/")
    assert "cases/old-name/index.html" in first.written
    page = (docs / "cases" / "old-name" / "index.html").read_text("utf-8")
    assert '<meta http-equiv="refresh" content="0; url=../new-name/">' in page
    assert '<link rel="canonical" href="https://x.test/mw/cases/new-name/">' in page
    assert '<meta name="robots" content="noindex">' in page
    assert not (docs / "cases" / "old-name" / "index.md").exists()

    project.case("new-name", CASE)  # the former id dropped: its page goes
    second = build(project.root, project.root / ".cache", TODAY, site_url="https://x.test/mw/")
    assert "cases/old-name/index.html" in second.removed
    assert not (docs / "cases" / "old-name").exists()


def test_withdrawn_cases_former_ids_get_no_redirect(project: Project) -> None:
    project.case("gone-person", WITHDRAWN + "previous_ids: [gone-before]\n")
    build(project.root, project.root / ".cache", TODAY, site_url="")
    assert not (project.root / "docs" / "cases" / "gone-before").exists()
    assert "gone" not in (project.root / "docs" / "api" / "v1" / "cases.json").read_text()
