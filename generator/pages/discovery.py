"""The discovery pages: countries, named lists, the archive of returns, whereabouts, statistics.

Each page is built from `Published` cases only, through the same Jinja2 environment (and so the
same escaping) as every other page. Paths, all under folders the generator owns:

- countries/ (index, in the navigation) and countries/<code>/ per suspected country;
- lists/ (index) and lists/<id>/ per named list declared in the publication settings;
- these and the whereabouts pages in static pages of at most 100 cards (`pagination.py`):
  countries/<code>/page/2/ and so on;
- returned/: every returned case, with when, from where and how;
- whereabouts/known/ and whereabouts/unknown/: those at large, by whether they are located;
- statistics/: charts drawn at build time (see `charts.py` and `statistics.py`);
- corrections/: how a listed person asks for a correction or removal (every case page links it).
"""

from __future__ import annotations

from collections import Counter

from ..public.editions import Edition
from ..public.facets import by_country, by_list, returns, sort_key
from ..public.names import METHOD_LABELS, STATUS_LABELS, country_slug
from ..public.publish import Published
from ..source.model import Settings
from .charts import chart_html, number
from .environment import ENGLISH
from .i18n import Speech
from .pagination import paginate
from .render import Cards, by_status, edition_environment, figures
from .statistics import AMOUNT_CHART, charts, currency_totals

# Top-level folders under docs/ that only this module writes into.
FOLDERS = ("corrections", "countries", "lists", "returned", "statistics", "whereabouts")


def discovery_pages(
    cases: tuple[Published, ...],
    settings: Settings,
    cards: Cards | None = None,
    retired: tuple[Published, ...] = (),
    edition: Edition = ENGLISH,
) -> dict[str, str]:
    """Every discovery page, by its path under docs/; `retired` closed cases only count."""
    env = edition_environment(edition, settings)
    ordered = tuple(sorted(cases, key=sort_key))
    common = {
        "settings": settings,
        "status_labels": STATUS_LABELS,
        "by_status": by_status,
        "card": cards or Cards(env=env, edition=edition),
    }
    pages: dict[str, str] = {}
    per_page = settings.cards_per_page

    countries = by_country(ordered)
    pages["countries/index.md"] = env.get_template("countries.md.j2").render(
        **common,
        root="../",
        countries=countries,
        at_large={c: sum(p.case.status == "at_large" for p in g) for c, g in countries.items()},
        unknown=sum(1 for p in ordered if p.case.location is None),
    )
    country_template = env.get_template("country.md.j2")
    for code, members in countries.items():
        for page in paginate(members, f"countries/{country_slug(code)}/", "../../", per_page):
            pages[page.path] = country_template.render(
                **common, root=page.root, code=code, cases=members, page=page
            )

    named = by_list(ordered, settings)
    pages["lists/index.md"] = env.get_template("lists.md.j2").render(
        **common, root="../", named=named
    )
    list_template = env.get_template("named_list.md.j2")
    for named_list in settings.lists:
        members = named[named_list.id]
        for page in paginate(members, f"lists/{named_list.id}/", "../../", per_page):
            pages[page.path] = list_template.render(
                **common, root=page.root, named_list=named_list, cases=members, page=page
            )

    found = returns(ordered)
    from_counts = Counter(r.country for r in found if r.country)
    pages["returned/index.md"] = env.get_template("returned.md.j2").render(
        **common,
        root="../",
        returns=found,
        figures=figures(ordered, retired),
        from_countries=sorted(from_counts.items(), key=lambda item: (-item[1], item[0])),
        unstated=sum(1 for r in found if not r.country),
        method_labels=METHOD_LABELS,
    )

    at_large = tuple(p for p in ordered if p.case.status == "at_large")
    where = env.get_template("whereabouts.md.j2")
    located = by_country(at_large)
    for known, members in (
        (True, tuple(p for group in located.values() for p in group)),
        (False, tuple(p for p in at_large if not p.case.location)),
    ):
        base = f"whereabouts/{'known' if known else 'unknown'}/"
        for page in paginate(members, base, "../../", per_page):
            pages[page.path] = where.render(
                **common,
                root=page.root,
                known=known,
                cases=members,
                page=page,
                countries=by_country(page.items) if known else {},
                totals={code: len(group) for code, group in located.items()},
            )

    speech = Speech(edition.language)
    drawn = [
        (chart, chart_html(chart, speech)) for chart in charts(ordered, "../", retired, speech)
    ]
    pages["statistics/index.md"] = env.get_template("statistics.md.j2").render(
        **common,
        root="../",
        figures=figures(ordered, retired),
        main_charts=[d for d in drawn if not d[0].id.startswith(AMOUNT_CHART)],
        amount_charts=[d for d in drawn if d[0].id.startswith(AMOUNT_CHART)],
        totals=currency_totals(ordered),
        number=lambda value: number(value, edition.language),
    )
    pages["corrections/index.md"] = env.get_template("corrections.md.j2").render(
        **common, root="../"
    )
    return {edition.prefix + path: text for path, text in pages.items()}
