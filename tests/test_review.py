"""`make review`: the public changes between two commits, as text and as Markdown."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from PIL import Image

from generator.editors.review import PublicCase, Side
from generator.editors.review_compare import compare
from generator.editors.review_report import MARKER, as_markdown, as_text
from tests.conftest import CASE, Project
from tests.test_gitdates import commit, git

HIDDEN = "G12345678"  # hidden on main, published in the change: must never be printed
PASSPORT = "E99887766"
DOCUMENTS = f"""\
documents:
  - kind: passport
    number: {PASSPORT}
    publish: full
  - kind: national_id
    number: {HIDDEN}
    publish: hidden
"""


def review(root: Path, fmt: str = "text") -> subprocess.CompletedProcess[str]:
    command = [sys.executable, "-m", "generator", "--root", str(root), "review", "--base", "main"]
    return subprocess.run([*command, "--format", fmt], capture_output=True, text=True)


@pytest.fixture
def scripted(project: Project) -> Project:
    """main: five cases; the working branch adds, returns, withdraws, renames and unhides."""
    root = project.root
    git(root, "init", "-q", "-b", "main")
    project.case("steady-case")
    project.case("going-home", CASE.replace("TEST Person", "HOME Going"))
    project.case("withdrawn-soon", CASE.replace("TEST Person", "SOON Gone"))
    project.case("old-name", CASE.replace("TEST Person", "RENAMED Person") + DOCUMENTS)
    photo = CASE.replace("TEST Person", "PHOTO Person") + "photos:\n  - file: front.jpg\n"
    project.case("photo-case", photo)
    project.photo("photo-case", "front.jpg")
    commit(root, "2024-01-01", "base")
    git(root, "switch", "-q", "-c", "change")

    project.case(
        "new-arrival", CASE.replace("TEST Person", "WANG Jianguo").replace("测试人", "王建国")
    )
    project.case(
        "going-home",
        CASE.replace("TEST Person", "HOME Going").replace("at_large", "returned")
        + "history:\n  - date: 2024-02-03\n    event: returned\n    country: US\n",
    )
    project.case(
        "withdrawn-soon", CASE.replace("TEST Person", "SOON Gone").replace("at_large", "withdrawn")
    )
    git(root, "mv", "cases/old-name", "cases/new-name")
    text = (root / "cases/new-name/case.yaml").read_text()
    (root / "cases/new-name/case.yaml").write_text(text.replace("publish: hidden", "publish: full"))
    Image.new("RGB", (300, 400), (10, 200, 30)).save(root / "cases/photo-case/front.jpg", "JPEG")
    commit(root, "2024-03-01", "change")
    return project


def test_review_of_a_scripted_change(scripted: Project) -> None:
    result = review(scripted.root)
    assert result.returncode == 0, result.stderr
    text = result.stdout
    assert text.startswith(
        "Changes to the public site compared with main: 1 added, 1 withdrawn, 1 renamed, "
        "1 status changed, 2 with changed fields, 1 with photo changes."
    )
    sections = {
        block.split(":\n", 1)[0]: block.split(":\n", 1)[1] for block in text.split("\n\n")[1:]
    }
    assert sections["Needs a second look"] == (
        "  - new-name: documents[1] (national_id) goes from hidden to full: "
        "check that this number may be published"
    )
    assert sections["Added"] == "  - new-arrival: 'WANG Jianguo (王建国)', at large"
    assert sections["Withdrawn (page, photos, search entries and listings removed)"] == (
        "  - withdrawn-soon"
    )
    assert sections["Renamed"] == "  - old-name → new-name (same document number)"
    assert sections["Status changes"] == "  - going-home: at large → returned"
    fields = sections["Fields changed"]
    assert "  - going-home: history[0] added ('2024-02-03, returned, US')" in fields
    assert "  - new-name: documents[1] added ('national_id, ••••5678, full')" in fields
    assert sections["Photos"].strip() == "- photo-case: front.jpg replaced"
    # The name of a withdrawn case is never printed, and no hidden number either.
    assert "SOON Gone" not in text
    assert HIDDEN not in text and PASSPORT not in text


def test_review_as_markdown(scripted: Project) -> None:
    result = review(scripted.root, "markdown")
    assert result.returncode == 0, result.stderr
    md = result.stdout
    assert md.startswith(MARKER + "\n### Public site changes\n\nCompared with `main`: 1 added")
    assert "**⚠️ Needs a second look**\n\n- new-name: documents[1] (national_id)" in md
    assert "- new-arrival: `WANG Jianguo (王建国)`, at large" in md
    assert HIDDEN not in md and PASSPORT not in md and "SOON Gone" not in md


def test_nothing_changed_and_unknown_base(project: Project) -> None:
    root = project.root
    git(root, "init", "-q", "-b", "main")
    project.case("steady-case")
    commit(root, "2024-01-01", "base")
    result = review(root)
    assert result.stdout == "No change to the public site compared with main.\n"
    bad = subprocess.run(
        [sys.executable, "-m", "generator", "--root", str(root), "review", "--base", "nope"],
        capture_output=True,
        text=True,
    )
    assert bad.returncode == 2 and "unknown base 'nope'" in bad.stderr


def test_invalid_head_is_reported_not_reviewed(scripted: Project) -> None:
    scripted.case("steady-case", CASE.replace("sex: female", "sex: mael"))
    result = review(scripted.root)
    assert result.returncode == 1
    assert "cases/steady-case/case.yaml:4: sex: expected one of male" in result.stderr


def _case(case_id: str, name: str, **extra: object) -> PublicCase:
    fields = {"name.latin": name, **{k: str(v) for k, v in extra.items()}}
    return PublicCase(
        id=case_id,
        name=name,
        status="at_large",
        fields=fields,
        photos={},
        policies={},
        previous_ids=tuple(str(i) for i in extra.get("previous", ())),  # type: ignore[attr-defined]
        identity=frozenset({f"name:{name}"}),
    )


def test_previous_ids_name_a_rename_and_values_stay_inert() -> None:
    base = Side({"li-ming": _case("li-ming", "LI Ming")}, frozenset(), frozenset({"li-ming"}), {})
    renamed = _case("li-ming-1970", "LI Ming <b>@someone</b> `x`", previous=["li-ming"])
    head = Side({"li-ming-1970": renamed}, frozenset(), frozenset({"li-ming-1970"}), {})
    found = compare(base, head, "main")
    assert found.renamed == (("li-ming", "li-ming-1970", "previous_ids"),)
    md = as_markdown(found)
    assert "- li-ming-1970: name.latin: `LI Ming` → `LI Ming <b>@someone</b> 'x'`" in md
    assert "\x1b" not in as_text(
        compare(
            base,
            Side({"li-ming": _case("li-ming", "LI\x1b[31m")}, frozenset(), frozenset(), {}),
            "main",
        )
    )
