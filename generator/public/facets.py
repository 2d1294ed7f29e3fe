"""How the published cases group: the listing's filters, country and list pages, returns.

Every grouping here reads `Published` cases only, so withdrawn cases and hidden numbers cannot
reach a filter, a count or a page built from it. The listing's filter script reads the same
values from each card's data attributes (`card_data`), so the counts shown beside each filter
value and the cards the script shows always agree.
"""

from __future__ import annotations

import hashlib
import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from markupsafe import Markup

from ..source.fields import date_bounds
from ..source.model import Event, Settings
from ..source.text import N_
from .names import STATUS_LABELS, STATUS_ORDER, UNKNOWN, UNKNOWN_LABEL, country_name
from .publish import Published


@dataclass(frozen=True)
class Option:
    """One value of a filter, with what it is called and how many cases have it."""

    value: str
    label: str
    count: int


@dataclass(frozen=True)
class Facet:
    """One filter of the listing: its URL parameter, the card attribute it reads, its values."""

    key: str  # URL query parameter, and the id suffix of its <select>
    attribute: str  # the card's data-* attribute that holds the value(s)
    label: str  # in the edition's language
    multiple: bool  # the attribute holds several space-separated values
    options: tuple[Option, ...]


@dataclass(frozen=True)
class Return:
    """A case that ended with a return: when, from where and how."""

    case: Published
    date: str
    country: str | None
    method: str | None


def sort_key(p: Published) -> tuple[int, str]:
    """Listing order: at large first, then arrested, returned, deceased; by id within each."""
    return (STATUS_ORDER.index(p.case.status), p.id)


def crime_key(charge: str) -> str:
    """The filter key of a free-text charge: its words in lower case, joined by hyphens."""
    slug = re.sub(r"[\W_]+", "-", charge.casefold()).strip("-")
    return slug or "crime-" + hashlib.sha256(charge.encode("utf-8")).hexdigest()[:10]


def crime_keys(p: Published) -> tuple[str, ...]:
    """The distinct crime keys of a case, in the order its charges are listed."""
    return tuple(dict.fromkeys(crime_key(crime.charge) for crime in p.case.crimes))


def suspected_country(p: Published) -> str:
    """The country code of the suspected whereabouts, or UNKNOWN."""
    return p.case.location.country if p.case.location else UNKNOWN


def card_data(p: Published) -> tuple[tuple[str, str], ...]:
    """The data-* attributes of a case's card, which the listing's filters read."""
    return (
        ("case", p.id),
        ("status", p.case.status),
        ("country", suspected_country(p)),
        ("crimes", " ".join(crime_keys(p))),
        ("lists", " ".join(p.case.lists)),
        ("fled", str(p.fled_year)),
    )


# Pagefind reads its filter and sort attributes as written, without decoding character
# references, so these values go into the page unescaped: by construction they hold letters,
# digits, hyphens and underscores only (codes, ids, years and crime keys), nothing HTML or
# Markdown would read.
SAFE_VALUE = re.compile(r"[\w-]+")


def filter_values(p: Published) -> tuple[Markup, ...]:
    """A case page's Pagefind filters, one `data-pagefind-filter` attribute each (Pagefind reads
    one `key:value` per attribute), under the same names and values as the listing's URL
    parameters and options: `status:at_large`, `country:TH`, `crime:bribery`, …"""
    pairs = [("status", p.case.status), ("country", suspected_country(p))]
    pairs += [("crime", key) for key in crime_keys(p)]
    pairs += [("list", list_id) for list_id in p.case.lists]
    pairs.append(("fled", str(p.fled_year)))
    for _, value in pairs:
        if not SAFE_VALUE.fullmatch(value):
            raise ValueError(f"{p.id}: filter value {value!r} is not letters, digits and hyphens")
    return tuple(Markup(f"{key}:{value}") for key, value in pairs)


def listing_order(p: Published) -> Markup:
    """A case page's place in the listing's order as a string that sorts the same way (Pagefind
    sorts `data-pagefind-sort` values as text unless all are numbers): status rank, then id."""
    rank, case_id = sort_key(p)
    return Markup(f"{rank}-{case_id}")


def facets(
    cases: tuple[Published, ...],
    settings: Settings,
    language: str = "en",
    gettext: Callable[[str], str] = str,
) -> tuple[Facet, ...]:
    """The listing's filters, each value with the number of cases that have it, named in
    `language` (country names) and through `gettext` (the site's words; English without)."""
    status: Counter[str] = Counter(p.case.status for p in cases)
    countries = Counter(suspected_country(p) for p in cases)
    crimes = Counter(key for p in cases for key in crime_keys(p))
    texts: dict[str, set[str]] = {}
    for p in cases:
        for crime in p.case.crimes:
            texts.setdefault(crime_key(crime.charge), set()).add(crime.charge)
    lists = Counter(list_id for p in cases for list_id in p.case.lists)
    years = Counter(p.fled_year for p in cases)

    def country_label(code: str) -> str:
        return gettext(UNKNOWN_LABEL) if code == UNKNOWN else country_name(code, language)

    country_order = sorted(countries, key=lambda c: (c == UNKNOWN, country_label(c), c))
    crime_order = sorted(crimes, key=lambda k: (min(texts[k]).casefold(), k))
    return (
        Facet(
            "status",
            "status",
            gettext(N_("Status")),
            False,
            tuple(
                Option(s, gettext(STATUS_LABELS[s]), status[s]) for s in STATUS_ORDER if status[s]
            ),
        ),
        Facet(
            "country",
            "country",
            gettext(N_("Suspected country")),
            False,
            tuple(Option(c, country_label(c), countries[c]) for c in country_order),
        ),
        Facet(
            "crime",
            "crimes",
            gettext(N_("Crime")),
            True,
            tuple(Option(k, min(texts[k]), crimes[k]) for k in crime_order),
        ),
        Facet(
            "list",
            "lists",
            gettext(N_("Named list")),
            True,
            tuple(Option(n.id, n.title, lists[n.id]) for n in settings.lists if lists[n.id]),
        ),
        Facet(
            "fled",
            "fled",
            gettext(N_("Year fled")),
            False,
            tuple(Option(str(y), str(y), years[y]) for y in sorted(years)),
        ),
    )


def by_country(cases: tuple[Published, ...]) -> dict[str, tuple[Published, ...]]:
    """Cases by suspected country (whereabouts known only), countries in order of English name."""
    groups: dict[str, list[Published]] = {}
    for p in sorted(cases, key=sort_key):
        if p.case.location:
            groups.setdefault(p.case.location.country, []).append(p)
    return {c: tuple(groups[c]) for c in sorted(groups, key=lambda c: (country_name(c), c))}


def by_list(cases: tuple[Published, ...], settings: Settings) -> dict[str, tuple[Published, ...]]:
    """The cases on each declared named list (empty lists included), in settings order."""
    ordered = sorted(cases, key=sort_key)
    return {n.id: tuple(p for p in ordered if n.id in p.case.lists) for n in settings.lists}


def return_method(event: Event) -> str | None:
    """How a person came back: the method given, or surrendered for a surrendered event."""
    if event.method:
        return event.method
    return "surrendered" if event.event == "surrendered" else None


def returns(cases: tuple[Published, ...]) -> tuple[Return, ...]:
    """Every returned case, latest return first."""
    found = [
        Return(p, p.outcome.date, p.returned_from, return_method(p.outcome))
        for p in cases
        if p.case.status == "returned" and p.outcome is not None
    ]
    return tuple(
        sorted(found, key=lambda r: (-date_bounds(r.date)[0].toordinal(), r.date, r.case.id))
    )
