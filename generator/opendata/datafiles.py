"""The open data: every published case as JSON and CSV, plus the feeds, FtM and schema files.

`api_case` turns one case of the public view (`publish.Published`, privacy rules already
applied) into its API record, from which `pieces.make_piece` makes the case's share of each data
file; `data_files` puts the shares together into every data file under docs/: the JSON API
(api/v1/), cases.csv, the change feeds, the FollowTheMoney export, the JSON Schemas and the
redirect pages of renamed cases. Neither ever sees a raw case: a withdrawn case reaches them
only as a `Removal` (a date, no name, no id), and a hidden number not at all. Addresses are
absolute, under the site URL that MkDocs is configured with.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import cache
from pathlib import Path
from typing import Any, Protocol, cast

import jinja2
import yaml

from ..photos.photo import PhotoFile
from ..public.publish import Published, Removal, ShownPhoto, removals
from ..source.fields import date_bounds
from ..source.gitdates import CaseDates, build_time, case_dates
from ..source.loader import LoadedCase
from ..source.localized import Texts
from ..source.model import Settings
from ..source.schema import schema_files
from . import apimodel as api
from .feeds import Entry, Words, feed_files
from .tables import cases_csv

API = "api/v1"
TEMPLATES = Path(__file__).parent / "templates"


class CaseShare(Protocol):
    """What the data files take of one case: its share of each, which `pieces.Piece` holds."""

    @property
    def id(self) -> str: ...
    @property
    def url(self) -> str: ...
    @property
    def previous_ids(self) -> Sequence[str]: ...
    @property
    def last_changed(self) -> str: ...
    @property
    def api(self) -> bytes: ...
    @property
    def csv(self) -> Sequence[str]: ...
    @property
    def ftm(self) -> bytes: ...
    @property
    def feed(self) -> Sequence[Entry]: ...
    @property
    def edition_feeds(self) -> Sequence[tuple[str, Sequence[Entry]]]: ...


@dataclass(frozen=True)
class DataContext:
    """What the data files need besides the published cases."""

    site_url: str  # absolute and ending in "/", or "" to write relative addresses
    dates: dict[str, CaseDates]  # git dates by case folder
    removals: tuple[Removal, ...]
    fallback: datetime  # the date of what git cannot date: see stable_now

    def url(self, path: str) -> str:
        return self.site_url + path


def data_context(root: Path, cases: tuple[LoadedCase, ...], site_url: str | None) -> DataContext:
    """Read the git dates and the site URL (from mkdocs.yml when not given)."""
    fallback = stable_now(root)
    dates = case_dates(root, fallback)
    last = {case_id: d.last.date().isoformat() for case_id, d in dates.items()}
    base = configured_site_url(root) if site_url is None else site_url
    if base and not base.endswith("/"):
        base += "/"
    return DataContext(base, dates, removals(cases, last, fallback.date().isoformat()), fallback)


def stable_now(root: Path) -> datetime:
    """The date of what git cannot date (uncommitted changes, no history): SOURCE_DATE_EPOCH when
    set, else the newest modification time under cases/. Never the clock: with the clock, every
    rebuild of `mkdocs serve` would write new data files and trigger the next rebuild."""
    if os.environ.get("SOURCE_DATE_EPOCH"):
        return build_time()
    folder = root / "cases"
    times = [p.stat().st_mtime for p in folder.rglob("*") if p.is_file()] if folder.is_dir() else []
    return datetime.fromtimestamp(int(max(times)), UTC) if times else build_time()


def configured_site_url(root: Path) -> str:
    """site_url from mkdocs.yml, resolving MkDocs' `!ENV [NAME, default]` tag as MkDocs does."""

    class _Loader(yaml.SafeLoader):
        pass

    def env(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
        if isinstance(node, yaml.ScalarNode):
            names, default = [loader.construct_scalar(node)], None
        else:
            items = loader.construct_sequence(node)  # type: ignore[arg-type]
            names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, None)
        return next((os.environ[n] for n in names if n in os.environ), default)

    _Loader.add_constructor("!ENV", env)
    _Loader.add_multi_constructor("", lambda loader, suffix, node: None)
    try:
        config = yaml.load((root / "mkdocs.yml").read_text("utf-8"), Loader=_Loader)
    except OSError:
        return ""
    return str(config.get("site_url") or "") if isinstance(config, dict) else ""


def stamp(moment: datetime) -> str:
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")


def case_times(p: Published, ctx: DataContext) -> tuple[datetime, datetime]:
    """First and last change of a case, over its current and previous folders."""
    known = [ctx.dates[i] for i in (p.id, *p.case.previous_ids) if i in ctx.dates]
    if not known:
        return ctx.fallback, ctx.fallback
    return min(d.first for d in known), max(d.last for d in known)


def _photo_file(f: PhotoFile, ctx: DataContext) -> api.ApiPhotoFile:
    mime = "image/webp" if f.mime == "image/webp" else "image/jpeg"
    return api.ApiPhotoFile(
        url=ctx.url(f"photos/{f.name}"), width=f.width, height=f.height, type=mime
    )


def _photo(photo: ShownPhoto, ctx: DataContext) -> api.ApiPhoto:
    done = photo.processed
    return api.ApiPhoto(
        caption=prose(photo.caption),
        alt=photo.alt,
        card=api.ApiPhotoSize(
            webp=_photo_file(done.card_webp, ctx), jpeg=_photo_file(done.card_jpeg, ctx)
        ),
        large=api.ApiPhotoSize(
            webp=_photo_file(done.large_webp, ctx), jpeg=_photo_file(done.large_jpeg, ctx)
        ),
    )


def prose(value: str | None) -> api.Prose | None:
    """Prose as the API gives it: text, or text by language where translations exist."""
    return value.for_data() if isinstance(value, Texts) else value


def api_case(p: Published, settings: Settings, ctx: DataContext) -> api.ApiCase:
    """One published case in the API's shape."""
    c = p.case
    titles = {named.id: prose(named.title) for named in settings.lists}
    first, last = case_times(p, ctx)
    return api.ApiCase(
        id=p.id,
        previous_ids=list(c.previous_ids),
        url=ctx.url(f"cases/{p.id}/"),
        api_url=ctx.url(f"{API}/cases/{p.id}.json"),
        name=api.ApiName(latin=c.name.latin, native=c.name.native),
        aliases=list(c.aliases),
        sex=c.sex,
        born=c.born,
        birthplace=prose(c.birthplace),
        nationality=list(c.nationality),
        position=prose(c.position),
        crimes=[
            api.ApiCrime(
                charge=prose(crime.charge),
                amount=api.ApiAmount(value=crime.amount.value, currency=crime.amount.currency)
                if crime.amount
                else None,
            )
            for crime in c.crimes
        ],
        fled=api.ApiFled(date=c.fled.date, from_=c.fled.from_),
        location=api.ApiLocation(
            country=c.location.country,
            region=prose(c.location.region),
            as_of=c.location.as_of,
        )
        if c.location
        else None,
        red_notice=c.red_notice,
        lists=[api.ApiList(id=i, title=titles[i]) for i in c.lists],
        status=cast(Any, c.status),  # withdrawn cases are never published
        history=[
            api.ApiEvent(
                date=e.date, event=e.event, note=prose(e.note), source=e.source, country=e.country
            )
            for e in c.history
        ],
        summary=prose(c.summary),
        sources=[api.ApiSource(title=prose(s.title), url=s.url, date=s.date) for s in c.sources],
        documents=[
            api.ApiDocument(
                kind=cast(Any, d.kind),
                number=d.number,
                country=d.country,
                publish=cast(Any, d.policy),
            )
            for d in p.documents
        ],
        photos=[_photo(photo, ctx) for photo in p.photos],
        first_published=stamp(first),
        last_changed=stamp(last),
        description=api.ApiDescription(
            **(c.description.model_dump() | {"marks": prose(c.description.marks)})
        )
        if c.description
        else None,
        reward=api.ApiReward(
            amount=api.ApiAmount(value=c.reward.amount.value, currency=c.reward.amount.currency),
            text=prose(c.reward.text),
        )
        if c.reward
        else None,
        caution=prose(c.caution),
        posters=api.ApiPosters(
            a4=ctx.url(f"posters/{p.id}-a4.pdf"), letter=ctx.url(f"posters/{p.id}-letter.pdf")
        )
        if settings.posters
        else None,
        share_image=ctx.url(f"share/{p.id}.jpg") if settings.posters else None,
        reviewed=c.reviewed,
    )


def updated(last_changed: Iterable[str], ctx: DataContext) -> str:
    """The newest change: a case's last change or a removal; the fallback date when none."""
    moments = [*last_changed]
    moments += [f"{date_bounds(r.date)[0].isoformat()}T00:00:00Z" for r in ctx.removals]
    return max(moments, default=stamp(ctx.fallback))


def _json(data: Any) -> bytes:
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def compact_json(data: Any) -> bytes:
    """One line of JSON and a newline. Without an indent the standard library writes it in C,
    ten times faster, and each case file is a third smaller."""
    text = json.dumps(data, ensure_ascii=False, separators=(",", ":"))
    return (text + "\n").encode("utf-8")


@cache
def _templates() -> jinja2.Environment:
    return jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        keep_trailing_newline=True,
    )


def redirect_pages(pieces: Sequence[CaseShare], demonstration: bool) -> dict[str, bytes]:
    """A static page at each previous id's address that sends the reader to the case."""
    template = _templates().get_template("redirect.html.j2")
    pages: dict[str, bytes] = {}
    for c in pieces:
        target = f"../{c.id}/"
        canonical = c.url if "://" in c.url else target
        text = template.render(target=target, canonical=canonical, demonstration=demonstration)
        page = text.encode("utf-8")
        pages |= {f"cases/{old}/index.html": page for old in c.previous_ids}
    return pages


def data_files(
    pieces: Sequence[CaseShare],
    settings: Settings,
    ctx: DataContext,
    editions: Sequence[tuple[str, Words]] = (),
) -> dict[str, bytes]:
    """Every open-data file under docs/, by path, from the cases' pieces (in id order), which
    hold the public view only; `editions` (prefix and words of each edition but the default)
    have their own Atom feed."""
    newest = updated((c.last_changed for c in pieces), ctx)
    listing = api.ApiCases(
        api_version=api.API_VERSION,
        title=prose(settings.title),
        publisher=prose(settings.agency.name),
        demonstration=settings.demonstration,
        updated=newest,
        count=len(pieces),
        previous_ids={old: c.id for c in pieces for old in c.previous_ids},
        cases=[],
    )
    # The collection is the listing with every case's own file spliced in as its "cases" list,
    # the last field: the same bytes json.dumps would write, without dumping every case again.
    empty = compact_json(listing.model_dump(mode="json", by_alias=True))
    if not empty.endswith(b',"cases":[]}\n'):
        raise AssertionError("ApiCases must end with its cases list")
    spliced = b",".join(c.api.removesuffix(b"\n") for c in pieces)
    files = {f"{API}/cases.json": empty[: -len(b"]}\n")] + spliced + b"]}\n"}
    files |= {f"{API}/cases/{c.id}.json": c.api for c in pieces}
    for name, model in (("case", api.ApiCase), ("cases", api.ApiCases)):
        url = ctx.url(f"{API}/{name}.schema.json")
        files[f"{API}/{name}.schema.json"] = _json(api.api_schema(model, url))
    files["cases.csv"] = cases_csv(c.csv for c in pieces)
    entries = (entry for c in pieces for entry in c.feed)
    others = [
        (
            prefix,
            words,
            [e for c in pieces for p, found in c.edition_feeds if p == prefix for e in found],
        )
        for prefix, words in editions
    ]
    files |= feed_files(entries, settings, ctx.removals, ctx.site_url, newest, others)
    files["ftm/entities.json"] = b"".join(c.ftm for c in pieces)
    files |= {f"schema/{name}": content for name, content in schema_files().items()}
    files |= redirect_pages(pieces, settings.demonstration)
    return files
