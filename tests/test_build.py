"""The build as editors run it: clean error reports, nothing lost on failure, no needless writes."""

from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from generator.build import build
from tests.conftest import CASE, ROOT, Project

FIXTURES = Path(__file__).parent / "fixtures"


def tree_digest(folder: Path) -> dict[str, str]:
    return {
        p.relative_to(folder).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def test_error_report_matches_the_golden_file() -> None:
    """Every problem of a broken project, in one run, exactly as editors see it."""
    broken = FIXTURES / "broken"
    command = [sys.executable, "-m", "generator", "--root", str(broken), "validate"]
    result = subprocess.run(command, capture_output=True, text=True, check=False)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == (broken / "expected-errors.txt").read_text("utf-8")
    assert "Traceback" not in result.stderr


def test_failed_make_site_keeps_the_last_good_site(site_project: Project) -> None:
    root = site_project.root
    site_project.case("good-case")
    (root / ".venv").symlink_to(ROOT / ".venv")
    env = {**os.environ, "SOURCE_DATE_EPOCH": "1700000000"}
    env.pop("SITE_URL", None)
    make = ["make", "--no-print-directory", "-o", ".venv/bin/.site-deps", "site"]
    first = subprocess.run(make, cwd=root, env=env, capture_output=True, text=True, check=False)
    assert first.returncode == 0, first.stderr
    assert "prefix dict" not in first.stdout + first.stderr  # jieba's start-up lines, silenced
    assert first.stderr.count("1 of 1 cases published;") == 1  # what the generation did, once
    # Without SITE_URL the site names a placeholder address, and make says so once.
    assert (first.stdout + first.stderr).count("SITE_URL is not set") == 1, first.stdout
    assert "https://example.org/most-wanted/" in (root / "site" / "sitemap-pages.xml").read_text()
    url = "https://wanted.example.net/list/"
    second = subprocess.run(
        make, cwd=root, env={**env, "SITE_URL": url}, capture_output=True, text=True, check=False
    )
    assert second.returncode == 0, second.stderr
    assert "SITE_URL" not in second.stdout + second.stderr
    assert f"{url}cases/good-case/" in (root / "site" / "sitemap-pages.xml").read_text()
    site_before, docs_before = tree_digest(root / "site"), tree_digest(root / "docs")
    assert "cases/good-case/index.html" in site_before

    site_project.case("good-case", CASE.replace("sex: female", "sex: none"))
    site_project.case("new-case")
    failed = subprocess.run(make, cwd=root, env=env, capture_output=True, text=True, check=False)
    assert failed.returncode != 0
    assert (
        "cases/good-case/case.yaml:4: sex: expected one of male, female or unknown" in failed.stderr
    )
    assert tree_digest(root / "site") == site_before
    assert tree_digest(root / "docs") == docs_before


def test_unchanged_input_writes_nothing_and_removed_cases_disappear(project: Project) -> None:
    project.case("first-case")
    project.case("second-case", CASE.replace("TEST Person", "OTHER Person"))
    project.photo("second-case", "front.jpg")
    text = (project.root / "cases" / "second-case" / "case.yaml").read_text()
    project.case("second-case", text + "photos:\n  - file: front.jpg\n")
    cache = project.root / ".cache"
    first = build(project.root, cache)
    assert "cases/second-case/index.md" in first.written
    assert sum(1 for p in first.written if p.startswith("photos/")) == 4
    stamps = {p: p.stat().st_mtime_ns for p in (project.root / "docs").rglob("*") if p.is_file()}

    again = build(project.root, cache)
    assert again.written == () and again.removed == ()
    assert {p: p.stat().st_mtime_ns for p in stamps} == stamps

    project.case("second-case", CASE.replace("status: at_large", "status: withdrawn"))
    third = build(project.root, cache)
    assert "cases/second-case/index.md" in third.removed
    assert sum(1 for p in third.removed if p.startswith("photos/")) == 4
    assert not (project.root / "docs" / "cases" / "second-case").exists()
    assert not list((project.root / "docs").glob("photos/*"))
    # Only the pages that listed or counted the case change.
    assert {p for p in third.written if p.endswith(".md")} == {
        "cases/index.md",
        "index.md",
        "countries/index.md",
        "statistics/index.md",
        "whereabouts/unknown/index.md",
    }
