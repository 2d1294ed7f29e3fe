"""Rebuilding after one edit: exactly the files whose content changed are rewritten, in docs/ and
in the built site, and no photo is processed, read or decoded again unless it changed."""

from __future__ import annotations

import hashlib
import os
import time
from pathlib import Path

import pytest

from generator.build import build, sync
from generator.photos.photo import PhotoStats
from generator.photos.portraits import save_sample_photo
from tests.conftest import CASE, SETTINGS, Project
from tests.test_site import mkdocs_build

IDS = ("case-a", "case-b", "case-c", "case-d", "case-e")
OLD = time.time() - 3600  # photos "taken" an hour ago: old enough for the photo memo to trust


def state(folder: Path) -> dict[str, tuple[int, str]]:
    """Every file under folder: its modification time and the digest of its bytes."""
    return {
        p.relative_to(folder).as_posix(): (
            p.stat().st_mtime_ns,
            hashlib.sha256(p.read_bytes()).hexdigest(),
        )
        for p in sorted(folder.rglob("*"))
        if p.is_file()
    }


def changes(before: dict[str, tuple[int, str]], after: dict[str, tuple[int, str]]) -> set[str]:
    """Files added, removed, or rewritten (new modification time or new bytes)."""
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def photo(project: Project, case_id: str, name: str, seed: int) -> None:
    path = project.root / "cases" / case_id / name
    path.parent.mkdir(parents=True, exist_ok=True)
    save_sample_photo(path, seed, size=(300, 375))
    os.utime(path, (OLD, OLD))


def case_text(case_id: str, photos: tuple[str, ...], summary: str = "Suspected of fraud.") -> str:
    name = f"TEST {case_id[-1].upper()}erson"
    text = CASE.replace("TEST Person", name)
    text += f"summary: {summary}\n"
    if photos:
        text += "photos:\n" + "".join(f"  - file: {p}\n" for p in photos)
    return text


def make(site_project: Project) -> Project:
    for i, case_id in enumerate(IDS):
        photo(site_project, case_id, "front.jpg", seed=i)
        site_project.case(case_id, case_text(case_id, ("front.jpg",)))
    return site_project


def data(case_id: str) -> set[str]:
    """The open-data files that hold a case's fields: its own API file and the collections."""
    return {f"api/v1/cases/{case_id}.json", "api/v1/cases.json", "cases.csv", "ftm/entities.json"}


FEEDS = {"feed.json", "feed.xml"}  # entry titles carry names; removals are entries too


@pytest.fixture(autouse=True)
def fixed_build_time(monkeypatch: pytest.MonkeyPatch) -> None:
    """Pin the build time, as `make` does: these cases are not in git, so their "last changed"
    date is the build time, which would otherwise move on between two builds a second apart."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def test_docs_rewrite_only_what_changed(site_project: Project) -> None:
    project = make(site_project)
    root, docs, cache = project.root, project.root / "docs", project.root / ".cache" / "photos"
    first = build(root, cache)
    assert first.photo_stats == PhotoStats(cached=0, processed=5, checked=0, hashed=5)
    start = state(docs)
    assert len([p for p in start if p.startswith("photos/")]) == 5 * 4

    again = build(root, cache)
    assert (again.written, again.removed) == ((), ())
    assert again.photo_stats == PhotoStats(cached=5, processed=0, checked=0, hashed=0)
    assert state(docs) == start

    # The summary is on the case page and in the data files only; no photo is read.
    project.case("case-b", case_text("case-b", ("front.jpg",), "Suspected of bribery."))
    edited = build(root, cache)
    assert set(edited.written) == {"cases/case-b/index.md"} | data("case-b")
    assert edited.pieces_made == 1  # the other cases' pages and data come from the memo
    assert edited.removed == ()
    assert edited.photo_stats == PhotoStats(cached=5, processed=0, checked=0, hashed=0)
    after_summary = state(docs)
    assert changes(start, after_summary) == set(edited.written)

    # A name is on the case page and on its card in the listing.
    project.case("case-c", case_text("case-c", ("front.jpg",)).replace("TEST C", "RENAMED C"))
    renamed = build(root, cache)
    pages = {"cases/case-c/index.md", "cases/index.md", "whereabouts/unknown/index.md"}
    assert set(renamed.written) == pages | data("case-c") | FEEDS
    after_rename = state(docs)
    assert changes(after_summary, after_rename) == set(renamed.written)

    # A second photo: its four files and the case page; the card keeps the first photo.
    photo(project, "case-d", "side.jpg", seed=40)
    project.case("case-d", case_text("case-d", ("front.jpg", "side.jpg")))
    added = build(root, cache)
    assert added.photo_stats == PhotoStats(cached=5, processed=1, checked=0, hashed=1)
    new_photos = {p for p in added.written if p.startswith("photos/")}
    assert len(new_photos) == 4
    api = {"api/v1/cases/case-d.json", "api/v1/cases.json"}  # photo addresses
    assert set(added.written) == new_photos | {"cases/case-d/index.md"} | api
    # The list of generated files (.generated.json) changes with the set of files.
    assert changes(after_rename, state(docs)) == set(added.written) | {".generated.json"}

    # Withdrawing a case removes its page and photos, and changes the listing and home figures.
    before = state(docs)
    project.case("case-e", case_text("case-e", ("front.jpg",)).replace("at_large", "withdrawn"))
    withdrawn = build(root, cache)
    assert withdrawn.photo_stats == PhotoStats(cached=5, processed=0, checked=0, hashed=0)
    counted = {"cases/index.md", "index.md", "countries/index.md", "statistics/index.md"}
    collections = {"api/v1/cases.json", "cases.csv", "ftm/entities.json"}
    pages = counted | {"whereabouts/unknown/index.md"}
    assert set(withdrawn.written) == pages | collections | FEEDS  # a removal entry, no name
    assert "cases/case-e/index.md" in withdrawn.removed
    assert "api/v1/cases/case-e.json" in withdrawn.removed
    assert len([p for p in withdrawn.removed if p.startswith("photos/")]) == 4
    gone = set(withdrawn.removed)
    assert changes(before, state(docs)) == set(withdrawn.written) | gone | {".generated.json"}


def test_a_changed_photo_is_read_again_and_processed(site_project: Project) -> None:
    project = make(site_project)
    root, cache = project.root, project.root / ".cache" / "photos"
    build(root, cache)
    photo(project, "case-a", "front.jpg", seed=99)  # new content, same name and mtime as before
    changed = build(root, cache)
    assert changed.photo_stats == PhotoStats(cached=4, processed=1, checked=0, hashed=1)
    pages = {"cases/case-a/index.md", "cases/index.md", "whereabouts/unknown/index.md"}
    addresses = {"api/v1/cases/case-a.json", "api/v1/cases.json", "cases.csv"}
    assert {p for p in changed.written if not p.startswith("photos/")} == pages | addresses
    assert len(changed.removed) == 4 and len(changed.written) == len(pages | addresses) + 4


def test_site_changes_only_on_the_edited_page(site_project: Project) -> None:
    project = make(site_project)
    first = mkdocs_build(project.root)
    assert first.returncode == 0, first.stderr
    before = state(project.root / "site")
    project.case("case-b", case_text("case-b", ("front.jpg",), "Suspected of bribery."))
    second = mkdocs_build(project.root)
    assert second.returncode == 0, second.stderr
    after = state(project.root / "site")
    # Pagefind names its files by their content: a changed entry means new file names in it.
    index = {path for path in {*before, *after} if path.startswith("pagefind/")}
    assert {p for p in after if p not in index} == {p for p in before if p not in index}
    differ = {path for path in before if before[path][1] != after.get(path, (0, ""))[1]}
    assert differ - index == {"cases/case-b/index.html"} | data("case-b")
    assert any(p.startswith("pagefind/fragment/") for p in set(after) - set(before))


def test_a_copied_file_that_keeps_its_size_is_copied_again(site_project: Project) -> None:
    """Only a photo's name carries its content's hash. A poster drawn for another day, or a
    stylesheet with one colour changed, keeps its name and often its size: it must be written
    again all the same (a poster of the wrong day once stayed in docs/ that way)."""
    project = make(site_project)
    project.write("cases/publication.yaml", SETTINGS + "languages: [en, zh]\n")
    root, docs = project.root, project.root / "docs"
    build(root, root / ".cache" / "photos")
    stylesheet = docs / "assets" / "site.css"
    text = stylesheet.read_text("utf-8")
    assert "}" in text
    stylesheet.write_text(text.replace("}", "}\n", 1)[:-1], "utf-8")  # same length, new bytes
    assert stylesheet.stat().st_size == len(text.encode())
    edited = build(root, root / ".cache" / "photos")
    assert "zh/assets/site.css" in edited.written
    assert (docs / "zh" / "assets" / "site.css").read_bytes() == stylesheet.read_bytes()

    # The same rule at the level of docs/: two cached posters of one size, one after the other.
    first, second = root / "first.pdf", root / "second.pdf"
    first.write_bytes(b"%PDF day 1")
    second.write_bytes(b"%PDF day 2")
    sync(docs, {"posters/case-a-a4.pdf": first})
    assert sync(docs, {"posters/case-a-a4.pdf": second})[0] == ("posters/case-a-a4.pdf",)
    assert (docs / "posters" / "case-a-a4.pdf").read_bytes() == b"%PDF day 2"


def test_the_photo_cache_forgets_what_no_build_used_for_two_weeks(site_project: Project) -> None:
    project = make(site_project)
    root, cache = project.root, project.root / ".cache" / "photos"
    build(root, cache)
    used = sorted(cache.iterdir())
    assert len(used) == 1 + 5 * 5  # the memo; a manifest and four files for each photo
    month_ago, yesterday = time.time() - 30 * 86400, time.time() - 86400
    for path in used:
        os.utime(path, (month_ago, month_ago))
    # What an earlier photo left: one entry unused for a month, another unused for a day.
    stale = [cache / ("a" * 64 + ".json"), cache / ("a" * 16 + "-card-360x450.webp")]
    recent = [cache / ("b" * 64 + ".json"), cache / ("b" * 16 + "-card-360x450.jpg")]
    for paths, when in ((stale, month_ago), (recent, yesterday)):
        for path in paths:
            path.write_bytes(b"from an earlier build")
            os.utime(path, (when, when))
    again = build(root, cache)
    assert again.photo_stats.processed == 0
    assert not any(path.exists() for path in stale)
    assert all(path.exists() for path in recent)  # another setting's build may want them back
    assert all(path.stat().st_mtime > yesterday for path in used)  # used now, whatever their age
