"""Splitting a long list of cards into static pages of at most `PER_PAGE`, with plain links.

The listing, each country, each named list and the whereabouts pages show cards; at 10,000
cases one page holding all of them would weigh megabytes. Each is cut into pages in listing
order: the first keeps the folder's address (`cases/`), the others live under `page/<n>/`
(`cases/page/2/`), so an old link to the first page never breaks. Links between the pages are
relative, written for directory URLs like every other link the generator writes.

`page` and `photos` are reserved case ids (`source.fields.RESERVED_CASE_IDS`): `cases/page/`
and `cases/photos/` belong to the listing.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Generic, TypeVar

PER_PAGE = 100  # the most; publication.yaml may set fewer (cards_per_page)
FOLDER = "page"  # later pages: <base>page/<n>/
SHOWN_AROUND = 2  # page numbers linked on each side of the current page, besides first and last

T = TypeVar("T")


@dataclass(frozen=True)
class Pager:
    """Where one page stands among its siblings: page `number` of `count`, 1-based, showing
    items `first` to `last` (1-based, inclusive) of `total`."""

    number: int
    count: int
    first: int
    last: int
    total: int

    @property
    def depth(self) -> int:
        """How many folders deeper than the first page this page is: 0, or 2 (page/<n>/)."""
        return 0 if self.number == 1 else 2

    def href(self, number: int) -> str:
        """The relative link from this page to page `number` of the same list."""
        up = "../" * self.depth
        return (up or "./") if number == 1 else f"{up}{FOLDER}/{number}/"

    def links(self) -> tuple[int | None, ...]:
        """The page numbers to link, in order, with None where numbers are left out: the
        first, the last, and `SHOWN_AROUND` on each side of this page (1 … 4 5 6 7 8 … 40)."""
        near = range(self.number - SHOWN_AROUND, self.number + SHOWN_AROUND + 1)
        wanted = sorted({1, self.count, *(n for n in near if 1 <= n <= self.count)})
        shown: list[int | None] = []
        for n in wanted:
            if shown and n - (shown[-1] or 0) > 1:
                shown.append(None)
            shown.append(n)
        return tuple(shown)


@dataclass(frozen=True)
class Page(Generic[T]):
    """One static page of a list: its path under docs/, the relative way back to the site's
    root from it, its place among its siblings and its items."""

    path: str
    root: str
    pager: Pager
    items: tuple[T, ...]


def paginate(items: Sequence[T], base: str, root: str, per_page: int = PER_PAGE) -> list[Page[T]]:
    """Cut `items` into pages of at most `per_page`; `base` is the first page's folder under
    docs/ (`cases/`) and `root` the way from it to the site's root (`../`). An empty list
    still has its first page."""
    chunks = [tuple(items[i : i + per_page]) for i in range(0, len(items), per_page)] or [()]
    pages = []
    for number, chunk in enumerate(chunks, start=1):
        first = (number - 1) * per_page + 1
        pager = Pager(number, len(chunks), first, first + len(chunk) - 1, len(items))
        path = f"{base}index.md" if number == 1 else f"{base}{FOLDER}/{number}/index.md"
        pages.append(Page(path, "../" * pager.depth + root, pager, chunk))
    return pages
