"""The memo of each case's outputs (generator/pieces.py): a shortcut that never shows.

Whatever the memo holds (nothing, the last build's pieces, pieces from before a change of
settings or of the generator, or garbage), a build writes the same bytes as a build from scratch,
and makes anew exactly the cases whose inputs changed.
"""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from generator import pieces
from generator.build import MEMO, build
from tests.conftest import CASE, Project

HIDDEN = "HIDDEN99887766"


@pytest.fixture(autouse=True)
def fixed_build_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """These cases are not in git: pin the build time that dates them."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def make(project: Project) -> Project:
    """Four cases: one renamed (a redirect page), one with a hidden number, one with a photo."""
    project.case("case-a", CASE.replace("TEST Person", "ALPHA Anna") + "lists: [priority]\n")
    project.case("case-b", CASE.replace("TEST Person", "BETA Bo") + "previous_ids: [case-old]\n")
    project.case(
        "case-c",
        CASE.replace("TEST Person", "GAMMA Gu")
        + f"documents:\n  - {{kind: passport, number: {HIDDEN}, publish: hidden}}\n"
        + "  - {kind: national_id, number: '110101197001011234', publish: full}\n",
    )
    project.photo("case-d", "front.jpg")
    project.case(
        "case-d", CASE.replace("TEST Person", "DELTA Di") + "photos:\n  - file: front.jpg\n"
    )
    return project


def docs_state(root: Path) -> dict[str, str]:
    docs = root / "docs"
    return {
        p.relative_to(docs).as_posix(): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in sorted(docs.rglob("*"))
        if p.is_file()
    }


def scratch(root: Path, cache: Path) -> dict[str, str]:
    """docs/ as a build without docs/ or memo makes it; the photo cache is kept."""
    (root / MEMO).unlink(missing_ok=True)
    for generated in ("cases", "api", "ftm", "countries", "lists", "whereabouts"):
        shutil.rmtree(root / "docs" / generated, ignore_errors=True)
    result = build(root, cache)
    assert result.pieces_made == result.published
    return docs_state(root)


def test_a_memo_changes_no_byte_and_skips_unchanged_cases(project: Project) -> None:
    root, cache = make(project).root, project.root / ".cache" / "photos"
    first = build(root, cache)
    assert first.pieces_made == 4 and (root / MEMO).is_file()
    fresh = docs_state(root)

    again = build(root, cache)
    assert (again.pieces_made, again.written) == (0, ())

    project.case("case-b", CASE.replace("TEST Person", "BETA Bob") + "previous_ids: [case-old]\n")
    edited = build(root, cache)
    assert edited.pieces_made == 1
    assert "cases/case-b/index.md" in edited.written
    after_edit = docs_state(root)
    assert after_edit != fresh
    assert scratch(root, cache) == after_edit

    shutil.rmtree(root / "cases" / "case-a")
    removed = build(root, cache)
    assert removed.pieces_made == 0 and "cases/case-a/index.md" in removed.removed
    assert scratch(root, cache) == docs_state(root)


def test_new_settings_or_generator_make_every_piece_anew(
    project: Project, monkeypatch: pytest.MonkeyPatch
) -> None:
    root, cache = make(project).root, project.root / ".cache" / "photos"
    build(root, cache)
    settings = root / "cases" / "publication.yaml"
    settings.write_text(settings.read_text().replace("title: Priority", "title: Top ten"))
    retitled = build(root, cache)
    assert retitled.pieces_made == 4
    assert "Top ten" in (root / "docs" / "cases" / "case-a" / "index.md").read_text()
    assert scratch(root, cache) == docs_state(root)

    assert build(root, cache).pieces_made == 0
    monkeypatch.setattr(pieces, "generator_digest", lambda: "a template changed")
    assert build(root, cache).pieces_made == 4


def test_an_unreadable_memo_is_an_empty_one(project: Project) -> None:
    root, cache = make(project).root, project.root / ".cache" / "photos"
    build(root, cache)
    expected = docs_state(root)
    (root / MEMO).write_bytes(b"not a memo")
    rebuilt = build(root, cache)
    assert (rebuilt.pieces_made, rebuilt.written) == (4, ())
    assert docs_state(root) == expected
    assert build(root, cache).pieces_made == 0  # the broken file was replaced


def test_the_memo_holds_no_hidden_number(project: Project) -> None:
    root, cache = make(project).root, project.root / ".cache" / "photos"
    build(root, cache)
    memo = (root / MEMO).read_bytes()
    assert b"110101197001011234" in memo  # a full number is published, and so remembered
    assert HIDDEN.encode() not in memo and HIDDEN[-4:].encode() not in memo
