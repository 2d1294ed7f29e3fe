"""Continuous publication: the GitHub workflows, the pre-commit hooks and the YAML style.

`make lint` runs actionlint and yamllint over the repository; these tests add the rules of this
project (pinned actions, no deploy without every check, full history) and prove that the
checks bite: a broken workflow fails actionlint and a broken case fails the pre-commit hook.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
from pathlib import Path
from typing import Any

import pytest

from generator.source.yamlsrc import parse
from tests.conftest import CASE, ROOT, Project
from tests.test_gitdates import commit, git

WORKFLOWS = ROOT / ".github" / "workflows"
BIN = ROOT / ".venv" / "bin"
PINNED = re.compile(r"^[\w.-]+/[\w.-]+(/[\w./-]+)?@[0-9a-f]{40}$")


def load(path: Path) -> Any:
    return parse(path.read_text("utf-8")).data  # every value as text; "on" stays a key


def steps(workflow: Any) -> list[dict[str, Any]]:
    return [step for job in workflow["jobs"].values() for step in job.get("steps", [])]


def test_every_action_is_pinned_to_a_commit() -> None:
    files = sorted(WORKFLOWS.glob("*.yml")) + sorted((ROOT / ".github/actions").rglob("*.yml"))
    assert len(files) == 3
    for path in files:
        data = load(path)
        found = steps(data) if "jobs" in data else data["runs"]["steps"]
        for step in found:
            uses = step.get("uses")
            if uses and not uses.startswith("./"):
                assert PINNED.match(uses), (path.name, uses)
        text = path.read_text("utf-8")
        for line in text.splitlines():
            if "uses:" in line and "@" in line:
                assert re.search(r"  # v\d+\.\d+\.\d+$", line), line  # the version it stands for


def test_publish_deploys_only_after_every_check() -> None:
    workflow = load(WORKFLOWS / "publish.yml")
    assert workflow["on"]["push"]["branches"] == ["main"]
    assert workflow["concurrency"] == {"group": "pages", "cancel-in-progress": "false"}
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    runs = [step.get("run") for step in build["steps"] if "run" in step]
    assert runs == ["make validate", "make test", "make site"]
    assert deploy["needs"] == "build"
    assert [s["uses"].split("@")[0] for s in deploy["steps"]] == ["actions/deploy-pages"]
    uploads = [s for s in build["steps"] if s.get("uses", "").startswith("actions/upload-pages")]
    assert uploads[0]["with"]["path"] == "site/"
    assert set(deploy["permissions"]) == {"pages", "id-token"}
    assert workflow["permissions"] == {"contents": "read"}


def test_pull_requests_check_review_build_and_keep_the_site() -> None:
    workflow = load(WORKFLOWS / "pull-request.yml")
    assert "pull_request" in workflow["on"]
    (job,) = workflow["jobs"].values()
    runs = "\n".join(step.get("run", "") for step in job["steps"])
    for command in ("make validate", "make test", "make site", "review BASE="):
        assert command in runs
    assert "gh api" in runs and "$GITHUB_STEP_SUMMARY" in runs
    assert any(s.get("uses", "").startswith("actions/upload-artifact") for s in job["steps"])


def test_full_history_and_keyed_caches() -> None:
    for name in ("publish.yml", "pull-request.yml"):
        checkouts = [s for s in steps(load(WORKFLOWS / name)) if "checkout" in s.get("uses", "")]
        assert [s["with"]["fetch-depth"] for s in checkouts] == ["0"], name
    setup = load(ROOT / ".github/actions/setup/action.yml")
    caches = {
        s["with"]["path"]: s["with"]["key"] for s in setup["runs"]["steps"] if "cache" in s["uses"]
    }
    assert "hashFiles('requirements.lock', 'requirements-dev.lock'" in caches["~/.cache/pip"]
    assert "hashFiles('generator/photos/photo.py'" in caches[".cache/photos"]
    assert "'cases/**/*.jpg'" in caches[".cache/photos"]


def test_actionlint_rejects_a_broken_workflow(tmp_path: Path) -> None:
    shutil.copytree(ROOT / ".github", tmp_path / ".github")
    (tmp_path / ".git").mkdir()  # actionlint looks for the repository's .github/workflows
    env = {**os.environ, "PATH": f"{BIN}:{os.environ['PATH']}"}
    good = subprocess.run([BIN / "actionlint"], cwd=tmp_path, env=env, capture_output=True)
    assert good.returncode == 0, good.stdout
    publish = tmp_path / ".github/workflows/publish.yml"
    publish.write_text(publish.read_text().replace("needs: build", "needs: biuld"))
    broken = subprocess.run(
        [BIN / "actionlint"], cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert broken.returncode != 0 and "biuld" in broken.stdout


def test_sample_cases_and_config_pass_yamllint() -> None:
    lint = subprocess.run(
        [BIN / "yamllint", "--strict", "cases", ".github", "mkdocs.yml", ".pre-commit-config.yaml"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert lint.returncode == 0, lint.stdout
    config = subprocess.run(
        [BIN / "pre-commit", "validate-config", ".pre-commit-config.yaml"], cwd=ROOT
    )
    assert config.returncode == 0


@pytest.mark.parametrize("broken", [False, True])
def test_pre_commit_validates_cases(site_project: Project, tmp_path: Path, broken: bool) -> None:
    root = site_project.root
    (root / ".venv").symlink_to(ROOT / ".venv")
    site_project.case("alpha")
    git(root, "init", "-q", "-b", "main")
    commit(root, "2024-01-01", "start")
    if broken:
        site_project.case("alpha", CASE.replace("sex: female", "sex: mael"))
    else:
        site_project.case("alpha", CASE.replace("Bribery", "Fraud"))
    git(root, "add", "-A")
    env = {**os.environ, "PRE_COMMIT_HOME": str(tmp_path / "pre-commit-home")}
    run = subprocess.run(
        [BIN / "pre-commit", "run", "--files", "cases/alpha/case.yaml"],
        cwd=root,
        env=env,
        capture_output=True,
        text=True,
    )
    if broken:
        assert run.returncode == 1
        assert "cases/alpha/case.yaml:4: sex: expected one of male" in run.stdout
    else:
        assert run.returncode == 0, run.stdout
        assert "validate the cases" in run.stdout and "Passed" in run.stdout
