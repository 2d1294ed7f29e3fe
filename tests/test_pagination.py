"""Static pages of at most `cards_per_page` cards: the page arithmetic, and the sample generated
with 10 cards a page, read as the Markdown files the generator writes (links followed as a
reader without JavaScript would). The 1,000-case corpus is walked in a browser by
tests/browser/test_scale.py."""

from __future__ import annotations

import re
import shutil
from pathlib import Path, PurePosixPath

import pytest

from generator.build import build
from generator.pages.pagination import Pager, paginate
from generator.public.names import STATUS_ORDER
from generator.source.loader import load_project
from tests.conftest import ROOT, sample_variant

PER_PAGE = 10
CARD = re.compile(r'<article class="mw-card[^"]*" data-case="([^"]+)"')
PAGER_LINK = re.compile(r'<a href="([^"]+)"( rel="(?:prev|next)")?')


def test_pages_hold_at_most_the_given_number_in_order() -> None:
    pages = paginate(list(range(250)), "cases/", "../")
    assert [len(p.items) for p in pages] == [100, 100, 50]
    assert [p.path for p in pages] == [
        "cases/index.md",
        "cases/page/2/index.md",
        "cases/page/3/index.md",
    ]
    assert [p.root for p in pages] == ["../", "../../../", "../../../"]
    assert [(p.pager.first, p.pager.last, p.pager.total) for p in pages] == [
        (1, 100, 250),
        (101, 200, 250),
        (201, 250, 250),
    ]
    assert sum((p.items for p in pages), ()) == tuple(range(250))


def test_an_empty_list_still_has_its_first_page() -> None:
    (only,) = paginate([], "lists/x/", "../../")
    assert only.path == "lists/x/index.md" and only.items == () and only.pager.count == 1


@pytest.mark.parametrize(
    ("number", "count", "links"),
    [
        (1, 1, (1,)),
        (1, 3, (1, 2, 3)),
        (1, 40, (1, 2, 3, None, 40)),
        (6, 40, (1, None, 4, 5, 6, 7, 8, None, 40)),
        (4, 40, (1, 2, 3, 4, 5, 6, None, 40)),
        (40, 40, (1, None, 38, 39, 40)),
    ],
)
def test_page_links_keep_first_last_and_neighbours(
    number: int, count: int, links: tuple[int | None, ...]
) -> None:
    assert Pager(number, count, 1, 1, 1).links() == links


def test_links_between_pages_resolve_to_the_right_folder() -> None:
    for number in (1, 2, 7):
        here = PurePosixPath("/cases/") if number == 1 else PurePosixPath(f"/cases/page/{number}/")
        pager = Pager(number, 9, 1, 1, 1)
        for target in (1, 2, 9):
            resolved = _resolve(here, pager.href(target))
            assert resolved == ("/cases/" if target == 1 else f"/cases/page/{target}/")


def _resolve(folder: PurePosixPath, href: str) -> str:
    parts = list(folder.parts[1:])
    for piece in href.split("/"):
        if piece == "..":
            parts.pop()
        elif piece not in ("", "."):
            parts.append(piece)
    return "/" + "".join(p + "/" for p in parts)


@pytest.fixture(scope="module")
def paged_docs(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The sample, generated with 10 cards a page and no posters."""
    root = sample_variant(
        tmp_path_factory.mktemp("paged"), f"cards_per_page: {PER_PAGE}\nposters: false\n"
    )
    build(root)
    return root / "docs"


def walk(docs: Path, first: str) -> list[list[str]]:
    """The card ids of each page of a list, following its "Next" links from the first page."""
    pages, folder = [], PurePosixPath("/" + first)
    while True:
        text = (docs / str(folder).lstrip("/") / "index.md").read_text("utf-8")
        pages.append(CARD.findall(text))
        nexts = [href for href, rel in PAGER_LINK.findall(text) if rel == ' rel="next"']
        if not nexts:
            return pages
        folder = PurePosixPath(_resolve(folder, nexts[0]))


def test_the_listing_walks_every_case_once_in_order(paged_docs: Path) -> None:
    project = load_project(ROOT)
    published = [c for c in project.cases if c.case.status != "withdrawn"]
    ranked = sorted(published, key=lambda c: (STATUS_ORDER.index(c.case.status), c.id))
    order = [c.id for c in ranked]
    pages = walk(paged_docs, "cases/")
    assert len(pages) == -(-len(order) // PER_PAGE) > 1
    assert all(len(cards) <= PER_PAGE for cards in pages)
    assert [card for cards in pages for card in cards] == order


@pytest.mark.parametrize("first", ["lists/priority/", "whereabouts/known/"])
def test_long_lists_paginate_the_same_way(paged_docs: Path, first: str) -> None:
    pages = walk(paged_docs, first)
    cards = [card for page in pages for card in page]
    assert len(pages) > 1 and all(len(page) <= PER_PAGE for page in pages)
    assert len(cards) == len(set(cards))
    assert len(cards) == int(
        re.search(r'data-count="(\d+)"', (paged_docs / first / "index.md").read_text()).group(1)
    )


def test_later_pages_say_where_they_are(paged_docs: Path) -> None:
    text = (paged_docs / "cases/page/2/index.md").read_text("utf-8")
    assert 'title: "Wanted persons, page 2 of 3"' in text
    assert "Showing 11–20 of 27 (page 2 of 3)" in text
    assert 'aria-current="page"' in text
    assert 'action="../../"' in text  # the filter form submits to the first page
    assert "](../../../countries/index.md)" in text


def test_page_and_photos_are_reserved_case_ids(tmp_path: Path) -> None:
    shutil.copytree(ROOT / "cases", tmp_path / "cases")
    shutil.copytree(ROOT / "cases/tang-hengyuan", tmp_path / "cases/page")
    problems = load_project(tmp_path).problems
    assert [p.message for p in problems if p.file == "cases/page"] == [
        "folder name 'page' is reserved for the listing's own pages: rename it"
    ]
