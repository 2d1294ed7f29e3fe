"""What each published case adds to the outputs, made once and remembered between builds.

A case contributes the same things to every build: its page, its API record, its CSV row, its
FollowTheMoney lines, its feed entries, and its card on the listing pages. `make_piece` makes
them from the case's public view, the publication settings, the case's git dates and the site
URL, and from nothing else. `Memo` keeps the last build's pieces (and cards) in one file under
.cache/, each under a digest of exactly those inputs; the next build reuses every piece
whose digest is unchanged, so a case that did not change is not rendered again. The memo as a
whole also carries a digest of the generator's own files and its libraries' versions, the
settings and the site URL: when any of them changes, every case is made anew.

A memo is only ever a shortcut: a missing, unreadable or outdated file means an empty memo, and
the outputs are the same bytes either way (tests/test_pieces.py builds with and without one).
"""

from __future__ import annotations

import hashlib
import pickle
import platform
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from importlib.metadata import version
from pathlib import Path

from markupsafe import Markup

from .files import atomic_file
from .opendata.datafiles import DataContext, api_case, case_times, compact_json
from .opendata.feeds import Entry, Words, case_entries
from .opendata.ftm import case_lines
from .opendata.tables import csv_row
from .pages.i18n import translations
from .pages.render import case_page
from .public.editions import Edition, editions
from .public.publish import Published
from .source.model import Settings

# Libraries whose output ends up in the pieces: a new version may render other bytes.
LIBRARIES = (
    "babel",
    "jieba",
    "jinja2",
    "markdown",
    "markdown-it-py",
    "markupsafe",
    "pydantic",
    "pypinyin",
)
FORMAT = 2  # of the memo file itself


@dataclass(frozen=True)
class Piece:
    """Everything one published case adds to the outputs that depends on that case alone."""

    id: str
    url: str  # absolute (or relative without a site URL) address of its page
    previous_ids: tuple[str, ...]
    last_changed: str  # UTC, 2026-11-27T02:33:26Z
    pages: tuple[tuple[str, bytes], ...]  # (edition prefix, docs/[zh/]cases/<id>/index.md)
    api: bytes  # docs/api/v1/cases/<id>.json: one line of JSON and a newline
    csv: tuple[str, ...]  # its row of cases.csv
    ftm: bytes  # its lines of ftm/entities.json
    feed: tuple[Entry, ...]  # its entries in the change feeds, newest or not
    edition_feeds: tuple[tuple[str, tuple[Entry, ...]], ...]  # the same, for the other editions


def make_piece(p: Published, settings: Settings, ctx: DataContext) -> Piece:
    """The piece of one case, made from scratch."""
    record = api_case(p, settings, ctx)
    return Piece(
        id=p.id,
        url=record.url,
        previous_ids=tuple(record.previous_ids),
        last_changed=record.last_changed,
        pages=tuple(
            (edition.prefix, case_page(p, settings, ctx.dates.get(p.id), edition).encode("utf-8"))
            for edition in editions(settings)
        ),
        api=compact_json(record.model_dump(mode="json", by_alias=True)),
        csv=tuple(csv_row(record)),
        ftm="".join(f"{line}\n" for line in case_lines(record, settings)).encode("utf-8"),
        feed=tuple(case_entries(record, ctx.site_url)),
        edition_feeds=tuple(
            (e.prefix, tuple(case_entries(record, ctx.site_url, feed_words(e), e.prefix)))
            for e in editions(settings)[1:]
        ),
    )


def feed_words(edition: Edition) -> Words:
    """The words of an edition's feed, from its catalog."""
    return Words(edition.language, edition.tag, translations(edition.language).gettext)


def case_digest(p: Published, ctx: DataContext) -> bytes:
    """A digest of everything `make_piece` reads of one case: its public view and its dates."""
    h = hashlib.blake2b(digest_size=16)
    parts = (
        p.id,
        p.case.model_dump_json(),
        repr(p.documents),
        repr(p.photos),
        repr(ctx.dates.get(p.id)),
        repr(case_times(p, ctx)),
    )
    for part in parts:
        h.update(part.encode("utf-8"))
        h.update(b"\0")
    return h.digest()


@cache
def generator_digest() -> str:
    """A digest of the generator's own files (code, templates), its libraries' versions and
    Python's."""
    h = hashlib.blake2b(digest_size=16)
    here = Path(__file__).parent
    for path in sorted(here.rglob("*")):
        if path.is_file() and "__pycache__" not in path.parts:
            h.update(path.relative_to(here).as_posix().encode() + b"\0" + path.read_bytes())
    for name in LIBRARIES:
        h.update(f"{name}={version(name)}\0".encode())
    h.update(f"python={platform.python_version()}".encode())
    return h.hexdigest()


def build_digest(settings: Settings, ctx: DataContext) -> str:
    """What every piece depends on alike: the generator, the settings, the site URL."""
    h = hashlib.blake2b(digest_size=16)
    for part in (str(FORMAT), generator_digest(), settings.model_dump_json(), ctx.site_url):
        h.update(part.encode("utf-8") + b"\0")
    return h.hexdigest()


Cards = dict[tuple[str, str], Markup]  # a card's markup by (edition prefix + depth, case id)


class Memo:
    """The pieces and cards of the last build, read from one file; `pieces` reuses or makes
    the piece of every case, `remember` takes the cards the build used, `save` writes both."""

    def __init__(self, path: Path, digest: str) -> None:
        self.path = path
        self.digest = digest
        self.made = 0  # pieces made anew by this build
        self._old: dict[str, tuple[bytes, Piece]] = {}
        self._old_cards: dict[str, dict[str, Markup]] = {}  # by case id, then by page depth
        self._new: dict[str, tuple[bytes, Piece]] = {}
        self._new_cards: dict[str, dict[str, Markup]] = {}
        try:
            with path.open("rb") as handle:
                stored = pickle.load(handle)
            if stored["digest"] == digest:
                self._old, self._old_cards = stored["pieces"], stored["cards"]
        except Exception:  # any unreadable memo is an empty one
            self._old, self._old_cards = {}, {}

    def pieces(
        self, published: Iterable[Published], settings: Settings, ctx: DataContext
    ) -> tuple[list[Piece], Cards]:
        """The piece of every case, in id order, and the cards the last build left of them."""
        cards: Cards = {}
        for p in sorted(published, key=lambda p: p.id):
            digest = case_digest(p, ctx)
            old = self._old.get(p.id)
            if old is not None and old[0] == digest:
                self._new[p.id] = old
                for root, card in self._old_cards.get(p.id, {}).items():
                    cards[(root, p.id)] = card
            else:
                self._new[p.id] = (digest, make_piece(p, settings, ctx))
                self.made += 1
        return [piece for _, piece in self._new.values()], cards

    def remember(self, cards: Cards) -> None:
        """Keep the cards this build rendered or reused, for the cases it has pieces of."""
        for (root, case_id), card in cards.items():
            if case_id in self._new:
                self._new_cards.setdefault(case_id, {})[root] = card

    def save(self) -> None:
        """Write this build's pieces and cards, unless they are what the file holds already."""
        same_cases = self._new.keys() == self._old.keys() and not self.made
        if same_cases and self._new_cards == self._old_cards:
            return
        stored = {"digest": self.digest, "pieces": self._new, "cards": self._new_cards}
        with atomic_file(self.path) as handle:  # streamed: at 10,000 cases, 100 MB
            pickle.dump(stored, handle, protocol=pickle.HIGHEST_PROTOCOL)
