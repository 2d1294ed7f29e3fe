"""Rendering the public view into Markdown pages, with Jinja2 templates kept in templates/.

Every `{{ value }}` in a template passes through `text.esc` unless it is already `Markup`, so an
editor's text can never become markup. Links between generated pages are relative and written
for directory URLs: home is /, the listing /cases/, a case /cases/<id>/.
"""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime
from functools import cache
from pathlib import Path
from typing import Any

import jinja2
from babel.numbers import format_decimal
from markupsafe import Markup

from ..public.facets import (
    card_data,
    crime_key,
    facets,
    filter_values,
    listing_order,
    return_method,
    sort_key,
)
from ..public.names import (
    METHOD_LABELS,
    STATUS_LABELS,
    STATUS_ORDER,
    appearance,
    country_name,
    country_name_zh,
    country_slug,
    human_date,
    language_name,
)
from ..public.publish import Published
from ..public.searchterms import name_terms, search_terms
from ..source.gitdates import CaseDates
from ..source.model import Amount, Settings
from ..source.summary import summary_html
from ..source.text import esc
from .pagination import paginate

TEMPLATES = Path(__file__).parent / "templates"


def _day(moment: datetime) -> str:
    """The UTC day of a moment, as 2024-05-01."""
    return moment.date().isoformat()


def _human_day(moment: datetime) -> str:
    """The UTC day of a moment, as 1 May 2024."""
    return human_date(_day(moment))


def money(amount: Amount) -> str:
    return f"{format_decimal(amount.value, locale='en')} {amount.currency}"


@dataclass(frozen=True)
class Figures:
    """Headline figures computed from the published cases."""

    at_large: int
    known: int
    unknown: int
    arrested: int
    returned: int
    returned_countries: int
    deceased: int
    total: int
    retired: int = 0  # closed cases counted above but no longer published


def figures(cases: tuple[Published, ...], retired: tuple[Published, ...] = ()) -> Figures:
    """The headline figures. Closed cases past `retain_closed_for` (`retired`) are no longer
    published but still count among the arrested, returned and deceased."""
    closed = cases + retired
    status = Counter(p.case.status for p in closed)
    at_large = [p for p in cases if p.case.status == "at_large"]
    known = sum(1 for p in at_large if p.case.location)
    countries = {p.returned_from for p in closed if p.returned_from}
    return Figures(
        at_large=len(at_large),
        known=known,
        unknown=len(at_large) - known,
        arrested=status["arrested"],
        returned=status["returned"],
        returned_countries=len(countries),
        deceased=status["deceased"],
        total=len(cases),
        retired=len(retired),
    )


def _finalize(value: Any) -> Any:
    if value is None:
        raise ValueError("a template printed a missing value; guard it with {% if %}")
    return value if isinstance(value, Markup) else Markup(esc(value))


def _join(values: Any, separator: str = "") -> Markup:
    """Jinja's join would HTML-escape only; this one escapes each item as every value is."""
    return Markup(separator.join(v if isinstance(v, Markup) else esc(v) for v in values))


@cache
def environment() -> jinja2.Environment:
    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(TEMPLATES),
        autoescape=True,  # macros then return Markup; values still go through _finalize
        finalize=_finalize,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )
    env.filters.update(
        country=country_name,
        country_zh=country_name_zh,
        language=language_name,
        appearance=appearance,
        country_slug=country_slug,
        crime_key=crime_key,
        card_data=card_data,
        filter_values=filter_values,
        listing_order=listing_order,
        method=lambda event: METHOD_LABELS.get(return_method(event) or "", ""),
        date=human_date,
        money=money,
        status=STATUS_LABELS.get,
        summary=lambda text: Markup(summary_html(text)),
        join=_join,
        day=_day,
        human_day=_human_day,
        json=lambda value: Markup(json.dumps(list(value), ensure_ascii=False)),
    )
    return env


class Cards:
    """The card of each case, rendered once for each page depth (`root`) and then reused: the
    listing, country, list and whereabouts pages show the same cards, at 10,000 cases 40,000
    of them. Make one for each build, given the cards that the last build left (`known`, from
    `pieces.Memo`); within it a case id stands for one case."""

    def __init__(self, known: Mapping[tuple[str, str], Markup] | None = None) -> None:
        self._macro = environment().get_template("_macros.html.j2").module.card  # type: ignore[attr-defined]
        self.done: dict[tuple[str, str], Markup] = dict(known or {})

    def __call__(self, root: str, p: Published) -> Markup:
        key = (root, p.id)
        if key not in self.done:
            self.done[key] = self._macro(root, p)
        return self.done[key]


def render_pages(
    cases: tuple[Published, ...],
    settings: Settings,
    cards: Cards | None = None,
    retired: tuple[Published, ...] = (),
) -> dict[str, str]:
    """The home page and the listing, by path under docs/; case pages are `case_page`'s."""
    env = environment()
    ordered = tuple(sorted(cases, key=sort_key))
    groups = {s: tuple(p for p in ordered if p.case.status == s) for s in STATUS_ORDER}
    common = _common(settings, cards or Cards())
    return {
        "index.md": env.get_template("home.md.j2").render(
            **common,
            root="",
            figures=figures(ordered, retired),
            priority=tuple(p for p in groups["at_large"] if "priority" in p.case.lists),
        ),
        **listing_pages(ordered, settings, common),
    }


def listing_pages(
    ordered: tuple[Published, ...], settings: Settings, common: dict[str, Any]
) -> dict[str, str]:
    """The listing: cases/ and cases/page/<n>/, at most `PER_PAGE` cards each, in listing
    order, all sharing the filter form and its counts over every case."""
    template = environment().get_template("cases.md.j2")
    totals = Counter(p.case.status for p in ordered)
    shared = facets(ordered, settings)
    return {
        page.path: template.render(
            **common,
            root=page.root,
            page=page,
            totals=totals,
            count=len(ordered),
            facets=shared,
        )
        for page in paginate(ordered, "cases/", "../", settings.cards_per_page)
    }


def case_page(p: Published, settings: Settings, changed: CaseDates | None) -> str:
    """The page of one case (docs/cases/<id>/index.md); `changed` are its git dates, if known."""
    return (
        environment()
        .get_template("case.md.j2")
        .render(
            **_common(settings, None),
            root="../../",
            p=p,
            c=p.case,
            names=name_terms(p),
            terms=search_terms(p),
            changed=changed,
        )
    )


def by_status(cases: tuple[Published, ...]) -> dict[str, tuple[Published, ...]]:
    """The cases of each status that has any, in listing order."""
    groups = {s: tuple(p for p in cases if p.case.status == s) for s in STATUS_ORDER}
    return {s: members for s, members in groups.items() if members}


def _common(settings: Settings, cards: Cards | None) -> dict[str, Any]:
    """What every page template may use."""
    return {
        "settings": settings,
        "by_status": by_status,
        "status_labels": STATUS_LABELS,
        "lists": {named.id: named for named in settings.lists},
        "card": cards,
    }
