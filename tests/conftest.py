"""Shared fixtures: small projects written into temporary folders, and real photos."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from PIL import Image

from generator.source.loader import load_project

ROOT = Path(__file__).resolve().parent.parent

SETTINGS = """\
title: Test list
agency:
  name: Test Agency
tips:
  email: tips@example.org
  form: https://example.org/tips
default_publish: partial
lists:
  - id: priority
    title: Priority
demonstration: true
posters: false  # drawing posters takes a while: only the poster tests and the sample draw them
"""

CASE = """\
name:
  latin: TEST Person
  native: 测试人
sex: female
born: 1970-05
nationality: [CN]
crimes:
  - charge: Bribery
fled:
  date: 2010-01-02
  from: CN
status: at_large
"""


class Project:
    """A throwaway project folder with cases/ and docs/."""

    def __init__(self, root: Path) -> None:
        self.root = root
        (root / "cases").mkdir(parents=True, exist_ok=True)
        (root / "docs").mkdir(exist_ok=True)
        self.write("cases/publication.yaml", SETTINGS)

    def write(self, relative: str, text: str) -> Path:
        path = self.root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
        return path

    def case(self, case_id: str, text: str = CASE) -> Path:
        return self.write(f"cases/{case_id}/case.yaml", text)

    def photo(self, case_id: str, name: str, size: tuple[int, int] = (300, 400)) -> Path:
        path = self.root / "cases" / case_id / name
        path.parent.mkdir(parents=True, exist_ok=True)
        Image.new("RGB", size, (120, 90, 60)).save(path, "JPEG")
        return path


@pytest.fixture
def project(tmp_path: Path) -> Project:
    return Project(tmp_path / "project")


_GENERATED = shutil.ignore_patterns(
    ".venv",
    "site",
    ".build",
    ".cache",
    ".git",
    "__pycache__",
    "*_cache",
    "cases",
    "photos",
    "index.md",
    ".generated.json",
)


def IGNORE(folder: str, names: list[str]) -> set[str]:
    """What a copy of the project leaves out: built and generated files, caches, the cases
    (copied apart when wanted). The generator's code is copied whole, generator/photos too."""
    if Path(folder).is_relative_to(ROOT / "generator"):
        return {name for name in names if name == "__pycache__"}
    return set(_GENERATED(folder, names))


@pytest.fixture
def site_project(tmp_path: Path) -> Project:
    """The real site configuration, hook and theme, with no cases yet."""
    shutil.copytree(ROOT, tmp_path / "project", ignore=IGNORE)
    return Project(tmp_path / "project")


def sample_variant(folder: Path, append: str, old: str = "", new: str = "") -> Path:
    """A copy of the real project (sample cases, docs, config) in folder/project, whose
    publication settings get `old` replaced by `new` (which must be there) and `append` added;
    its root."""
    root = folder / "project"
    shutil.copytree(ROOT, root, ignore=IGNORE)
    shutil.copytree(ROOT / "cases", root / "cases", dirs_exist_ok=True)
    settings = root / "cases/publication.yaml"
    text = settings.read_text("utf-8")
    assert old in text
    settings.write_text(text.replace(old, new) + append, "utf-8")
    return root


@pytest.fixture(scope="session")
def sample_copy(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A copy of the real project (sample cases, docs, config) to build in isolation."""
    target = tmp_path_factory.mktemp("sample") / "project"
    shutil.copytree(ROOT, target, ignore=IGNORE)
    shutil.copytree(ROOT / "cases", target / "cases")
    return target


@pytest.fixture(scope="session")
def built(sample_copy: Path) -> Path:
    """The sample site, built once by a real MkDocs for every test that only reads it."""
    from tests.test_site import mkdocs_build

    result = mkdocs_build(sample_copy)
    assert result.returncode == 0, result.stderr
    return sample_copy / "site"


@pytest.fixture(scope="session")
def sample() -> dict[str, list[str]]:
    """What the sample data says must and must not be published, read from the YAML."""
    project = load_project(ROOT)
    assert not project.problems
    published = [c for c in project.cases if c.case.status != "withdrawn"]
    withdrawn = [c for c in project.cases if c.case.status == "withdrawn"]
    default = project.settings.default_publish if project.settings else "partial"
    policy = {d.number: d.publish or default for c in published for d in c.case.documents}
    return {
        "published": [c.id for c in published],
        "withdrawn_ids": [c.id for c in withdrawn],
        "withdrawn_strings": [
            s
            for c in withdrawn
            for s in (
                c.case.name.latin,
                c.case.name.native or "",
                *c.case.aliases,
                *(d.number for d in c.case.documents),
            )
            if s
        ],
        "hidden": [n for n, p in policy.items() if p == "hidden"],
        "partial": [n for n, p in policy.items() if p == "partial"],
        "full": [n for n, p in policy.items() if p == "full"],
    }
