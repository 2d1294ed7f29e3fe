"""A build skips the generator when nothing it reads or wrote has changed since the last good
generation (generator/uptodate.py), and generates again after any change."""

from __future__ import annotations

import json
import os
from pathlib import Path
from typing import Any

import pytest

from generator.uptodate import fingerprint, is_current, remember, stamps
from tests.conftest import CASE, SETTINGS, Project


@pytest.fixture
def project(tmp_path: Path) -> Path:
    """A project as a good generation leaves it: inputs, outputs and their manifest."""
    for name, text in {
        "cases/wang-jian/case.yaml": "name: {latin: WANG Jian}\n",
        "cases/publication.yaml": "title: Demo\n",
        "generator/build.py": "# code\n",
        "mkdocs.yml": "site_name: Demo\n",
        "docs/assets/site.css": "body {}\n",
        "docs/data.md": "# Open data\n",
        "docs/cases/wang-jian/index.md": "# WANG Jian\n",
        "docs/zh/cases/wang-jian/index.md": "# 王健\n",
    }.items():
        (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / name).write_text(text, encoding="utf-8")
    written = ["cases/wang-jian/index.md", "zh/cases/wang-jian/index.md"]
    (tmp_path / "docs" / ".generated.json").write_text(json.dumps(written), encoding="utf-8")
    remember(tmp_path, "https://example.org/")
    return tmp_path


def touch(path: Path) -> None:
    stat = path.stat()
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns + 1_000))


def test_nothing_changed_is_current(project: Path) -> None:
    assert is_current(project, "https://example.org/")
    assert fingerprint(project, "https://example.org/") == fingerprint(
        project, "https://example.org/"
    )


@pytest.mark.parametrize(
    "changed",
    [
        "cases/wang-jian/case.yaml",  # an edited case
        "cases/publication.yaml",
        "generator/build.py",  # the generator's own code
        "mkdocs.yml",
        "docs/assets/site.css",  # copied into every edition
        "docs/data.md",  # a hand-written page
        "docs/zh/cases/wang-jian/index.md",  # a generated page edited by hand
    ],
)
def test_any_change_generates_again(project: Path, changed: str) -> None:
    touch(project / changed)
    assert not is_current(project, "https://example.org/")


def test_new_deleted_files_address_and_day_generate_again(
    project: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert not is_current(project, "https://other.example/")
    (project / "cases" / "li-na").mkdir()
    (project / "cases" / "li-na" / "case.yaml").write_text("name: {latin: LI Na}\n", "utf-8")
    assert not is_current(project, "https://example.org/")
    remember(project, "https://example.org/")
    (project / "docs" / "cases" / "wang-jian" / "index.md").unlink()  # a generated page deleted
    assert not is_current(project, "https://example.org/")
    remember(project, "https://example.org/")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1800000000")  # the build speaks for another day
    assert not is_current(project, "https://example.org/")


def test_without_a_manifest_or_a_fingerprint_nothing_is_current(project: Path) -> None:
    (project / ".cache" / "generated.fingerprint").unlink()
    assert not is_current(project, "https://example.org/")
    remember(project, "https://example.org/")
    (project / "docs" / ".generated.json").unlink()
    assert not is_current(project, "https://example.org/")


def test_remembered_warnings_are_shown_by_a_build_that_skips_the_generator(
    site_project: Project,
) -> None:
    """An editor who builds twice sees a missing translation both times, not only when the
    pages were generated; and once a build, not once per edition."""
    from tests.test_site import mkdocs_build

    site_project.write("cases/publication.yaml", SETTINGS + "languages: [en, zh]\n")
    site_project.case("test-person", CASE + "position: Former accountant\n")
    warning = "position: no zh text"
    first = mkdocs_build(site_project.root)
    assert first.returncode == 0, first.stderr
    assert first.stderr.count(warning) == 1, first.stderr
    again = mkdocs_build(site_project.root)
    assert again.returncode == 0, again.stderr
    assert again.stderr.count(warning) == 1, again.stderr
    site_project.case("test-person", CASE + "position: {en: Former accountant, zh: 原会计}\n")
    fixed = mkdocs_build(site_project.root)
    assert fixed.returncode == 0 and warning not in fixed.stderr, fixed.stderr
    assert warning not in (site_project.root / ".cache/generated.warnings").read_text("utf-8")


def test_an_input_saved_while_generating_is_generated_next_time(project: Path) -> None:
    url = "https://example.org/"
    manifest = project / "docs" / ".generated.json"
    before = stamps(project)
    # The generation writes its pages, new ones among them: those are not edits.
    (project / "docs" / "index.md").write_text("# Home\n", "utf-8")
    touch(project / "docs" / "zh" / "cases" / "wang-jian" / "index.md")
    written = ["index.md", "cases/wang-jian/index.md", "zh/cases/wang-jian/index.md"]
    manifest.write_text(json.dumps(written), encoding="utf-8")
    assert remember(project, url, before=before)
    assert is_current(project, url)
    # An editor saves a case while the generator runs: it read the case before the save.
    before = stamps(project)
    touch(project / "cases" / "wang-jian" / "case.yaml")
    assert not remember(project, url, before=before)
    assert not (project / ".cache" / "generated.fingerprint").exists()
    assert not is_current(project, url)  # the next build generates again, with the saved case


def test_the_hook_says_when_a_case_changed_during_generation(
    site_project: Project, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """Found by a new user: a passport number saved while `make site` drew posters stayed
    unpublished through every later build, since the build noted the saved file as done."""
    from generator import mkdocs_hook
    from generator.editors import preview

    site_project.case("test-person")
    case = site_project.root / "cases" / "test-person" / "case.yaml"
    generate = preview.generate

    def saved_meanwhile(*args: Any, **kwargs: Any) -> Any:
        outcome = generate(*args, **kwargs)
        case.write_text(CASE.replace("TEST Person", "SAVED Person"), "utf-8")
        return outcome

    monkeypatch.setattr(preview, "generate", saved_meanwhile)
    mkdocs_hook._generate(site_project.root, False, "https://example.org/")
    assert mkdocs_hook.CHANGED_DURING in capsys.readouterr().err
    assert not is_current(site_project.root, "https://example.org/")
    monkeypatch.setattr(preview, "generate", generate)
    mkdocs_hook._generate(site_project.root, False, "https://example.org/")
    assert is_current(site_project.root, "https://example.org/")
    page = site_project.root / "docs" / "cases" / "test-person" / "index.md"
    assert "SAVED Person" in page.read_text("utf-8")
