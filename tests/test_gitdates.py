"""Dates of the last change from git: full history, shallow clones, uncommitted edits, pages."""

from __future__ import annotations

import os
import subprocess
from datetime import UTC, datetime
from pathlib import Path

import pytest

from generator.source.gitdates import case_dates
from tests.conftest import CASE, Project
from tests.test_site import mkdocs_build

DAY1, DAY2, DAY3, DAY4 = "2020-01-01", "2021-06-15", "2022-03-01", "2023-01-09"


def git(root: Path, *args: str, when: str = DAY1) -> str:
    stamp = f"{when}T12:00:00+00:00"
    env = {
        **os.environ,
        "GIT_AUTHOR_NAME": "Editor",
        "GIT_AUTHOR_EMAIL": "editor@example.org",
        "GIT_COMMITTER_NAME": "Editor",
        "GIT_COMMITTER_EMAIL": "editor@example.org",
        "GIT_AUTHOR_DATE": stamp,
        "GIT_COMMITTER_DATE": stamp,
    }
    done = subprocess.run(["git", *args], cwd=root, env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


def commit(root: Path, when: str, message: str) -> None:
    git(root, "add", "-A")
    git(root, "commit", "-qm", message, when=when)


def day(moment: datetime) -> str:
    return moment.date().isoformat()


@pytest.fixture
def history(project: Project) -> Project:
    """alpha and beta added on DAY1, alpha changed on DAY2, a non-case change on DAY3, beta
    changed on DAY4."""
    root = project.root
    git(root, "init", "-q", "-b", "main")
    project.case("alpha")
    project.case("beta")
    commit(root, DAY1, "add alpha and beta")
    project.case("alpha", CASE.replace("Bribery", "Fraud"))
    commit(root, DAY2, "change alpha")
    project.write("README.md", "notes\n")
    commit(root, DAY3, "not a case")
    project.case("beta", CASE.replace("Bribery", "Embezzlement"))
    commit(root, DAY4, "change beta")
    return project


def test_full_history_gives_exact_dates(history: Project) -> None:
    dates = case_dates(history.root)
    assert sorted(dates) == ["alpha", "beta"]
    alpha, beta = dates["alpha"], dates["beta"]
    assert (day(alpha.first), day(alpha.last), alpha.exact) == (DAY1, DAY2, True)
    assert (day(beta.first), day(beta.last), beta.exact) == (DAY1, DAY4, True)
    assert not alpha.uncommitted and alpha.last.tzinfo == UTC


@pytest.mark.parametrize(
    ("depth", "alpha_last", "beta_last"),
    [
        # Only the newest commit: every case was last changed on or before it.
        (1, (DAY4, False), (DAY4, False)),
        # The boundary is DAY3's commit, which did not touch alpha: on or before DAY3; beta's
        # change on DAY4 lies inside the history, so it is exact.
        (2, (DAY3, False), (DAY4, True)),
        # The boundary is alpha's own change on DAY2: a boundary commit shows every file it
        # holds, so it cannot tell a change from a file that was merely there.
        (3, (DAY2, False), (DAY4, True)),
    ],
)
def test_shallow_clone_says_on_or_before(
    history: Project,
    tmp_path: Path,
    depth: int,
    alpha_last: tuple[str, bool],
    beta_last: tuple[str, bool],
) -> None:
    clone = tmp_path / "clone"
    git(tmp_path, "clone", "-q", f"--depth={depth}", f"file://{history.root}", str(clone))
    assert git(clone, "rev-parse", "--is-shallow-repository").strip() == "true"
    dates = case_dates(clone)
    alpha, beta = dates["alpha"], dates["beta"]
    assert (day(alpha.last), alpha.last_exact) == alpha_last
    assert (day(beta.last), beta.last_exact) == beta_last
    # Both cases existed at the boundary commit: when they were first added is not known.
    assert not alpha.first_exact and not beta.first_exact
    assert not alpha.uncommitted and not beta.uncommitted


def test_uncommitted_changes_are_marked(history: Project, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")
    history.case("alpha", CASE.replace("Bribery", "Smuggling"))  # changed, not staged
    history.case("gamma")  # a new, untracked case
    dates = case_dates(history.root)
    assert dates["alpha"].uncommitted and not dates["alpha"].last_exact
    assert day(dates["alpha"].last) == "2023-11-14"  # SOURCE_DATE_EPOCH
    assert day(dates["alpha"].first) == DAY1 and dates["alpha"].first_exact
    assert dates["gamma"].uncommitted
    assert not dates["beta"].uncommitted and dates["beta"].exact
    git(history.root, "add", "-A")  # staged counts as uncommitted too
    assert case_dates(history.root)["gamma"].uncommitted


def test_a_project_in_a_subfolder_of_a_repository(project: Project, tmp_path: Path) -> None:
    outer = project.root.parent
    git(outer, "init", "-q", "-b", "main")
    project.case("alpha")
    commit(outer, DAY2, "add")
    assert day(case_dates(project.root)["alpha"].last) == DAY2


def test_without_git_there_are_no_dates(project: Project) -> None:
    project.case("alpha")
    assert case_dates(project.root) == {}


def test_case_pages_show_the_last_change(site_project: Project, tmp_path: Path) -> None:
    root = site_project.root
    git(root, "init", "-q", "-b", "main")
    site_project.case("alpha")
    site_project.case("beta")
    commit(root, DAY1, "add")
    site_project.case("beta", CASE.replace("Bribery", "Fraud"))
    commit(root, DAY2, "change beta")
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    alpha = (root / "site/cases/alpha/index.html").read_text("utf-8")
    beta = (root / "site/cases/beta/index.html").read_text("utf-8")
    assert (
        '<dt data-pagefind-ignore="all">Last changed</dt><dd class="mw-changed" '
        'data-pagefind-ignore="all"><time datetime="2020-01-01">'
    ) in alpha
    assert '<time datetime="2021-06-15">15 June 2021</time>' in beta

    clone = tmp_path / "shallow"
    git(tmp_path, "clone", "-q", "--depth=1", f"file://{root}", str(clone))
    result = mkdocs_build(clone)
    assert result.returncode == 0, result.stderr
    alpha = (clone / "site/cases/alpha/index.html").read_text("utf-8")
    assert 'On or before <time datetime="2021-06-15">15 June 2021</time>' in alpha

    site_project.case("alpha", CASE.replace("Bribery", "Fraud"))
    result = mkdocs_build(root)
    assert result.returncode == 0, result.stderr
    alpha = (root / "site/cases/alpha/index.html").read_text("utf-8")
    assert "Not yet committed (preview)" in alpha
