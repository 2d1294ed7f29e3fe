"""Rendering the public view into Markdown pages, with Jinja2 templates kept in templates/, for
each edition (`environment.py`: escaping, filters, the edition's words).

Links between generated pages are relative and written for directory URLs: home is /, the
listing /cases/, a case /cases/<id>/; in another edition the same under /<language>/. Files
that exist once for all editions (photos, posters, open data) are reached through `up`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

import jinja2
from markupsafe import Markup

from ..public.editions import Edition
from ..public.facets import facets, sort_key
from ..public.names import STATUS_LABELS, STATUS_ORDER
from ..public.publish import Published
from ..public.searchterms import name_terms, search_terms
from ..source.gitdates import CaseDates
from ..source.model import Settings
from .environment import ENGLISH, environment
from .i18n import Speech
from .pagination import paginate


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


def edition_environment(edition: Edition, settings: Settings) -> jinja2.Environment:
    """The environment of one of the site's editions. Country names in a second language go
    beside the edition's own: the first other language of the site, or, on a site with one
    edition, Chinese (English for a Chinese-only site)."""
    others = [lang for lang in settings.languages if lang != edition.language]
    other = others[0] if others else ("zh" if edition.language != "zh" else "en")
    return environment(edition, other)


class Cards:
    """The card of each case, rendered once for each page depth (`root`) and then reused: the
    listing, country, list and whereabouts pages show the same cards, at 10,000 cases 40,000
    of them. Make one for each build, given the cards that the last build left (`known`, from
    `pieces.Memo`); within it a case id stands for one case."""

    def __init__(
        self,
        known: Mapping[tuple[str, str], Markup] | None = None,
        env: jinja2.Environment | None = None,
        edition: Edition = ENGLISH,
    ) -> None:
        module = (env or environment()).get_template("_macros.html.j2").module
        self._macro = module.card  # type: ignore[attr-defined]
        self._prefix = edition.prefix
        self.done: dict[tuple[str, str], Markup] = dict(known or {})

    def __call__(self, root: str, p: Published) -> Markup:
        key = (self._prefix + root, p.id)
        if key not in self.done:
            self.done[key] = self._macro(root, p)
        return self.done[key]


def render_pages(
    cases: tuple[Published, ...],
    settings: Settings,
    cards: Cards | None = None,
    retired: tuple[Published, ...] = (),
    edition: Edition = ENGLISH,
) -> dict[str, str]:
    """The home page and the listing of an edition, by path under docs/ (`zh/index.md` in the
    Chinese edition); case pages are `case_page`'s."""
    env = edition_environment(edition, settings)
    ordered = tuple(sorted(cases, key=sort_key))
    groups = {s: tuple(p for p in ordered if p.case.status == s) for s in STATUS_ORDER}
    common = _common(settings, cards or Cards(env=env, edition=edition))
    return {
        edition.prefix + "index.md": env.get_template("home.md.j2").render(
            **common,
            root="",
            figures=figures(ordered, retired),
            priority=tuple(p for p in groups["at_large"] if "priority" in p.case.lists),
        ),
        **listing_pages(ordered, settings, common, env, edition),
    }


def listing_pages(
    ordered: tuple[Published, ...],
    settings: Settings,
    common: dict[str, Any],
    env: jinja2.Environment,
    edition: Edition,
) -> dict[str, str]:
    """The listing: cases/ and cases/page/<n>/, at most `PER_PAGE` cards each, in listing
    order, all sharing the filter form and its counts over every case."""
    template = env.get_template("cases.md.j2")
    totals = Counter(p.case.status for p in ordered)
    shared = facets(ordered, settings, edition.language, Speech(edition.language).gettext)
    return {
        edition.prefix + page.path: template.render(
            **common,
            root=page.root,
            page=page,
            totals=totals,
            count=len(ordered),
            facets=shared,
        )
        for page in paginate(ordered, "cases/", "../", settings.cards_per_page)
    }


def case_page(
    p: Published, settings: Settings, changed: CaseDates | None, edition: Edition = ENGLISH
) -> str:
    """The page of one case in one edition (docs/[zh/]cases/<id>/index.md); `changed` are its
    git dates, if known."""
    return (
        edition_environment(edition, settings)
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
