"""The numbers behind the statistics page, as charts, computed from the published cases only.

Each chart's rows link to the page or filtered listing that holds the cases it counts, so every
number can be checked against names. Links are relative to the statistics page (`root` is the
way back to the site root from it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from ..public.facets import by_country, returns, suspected_country
from ..public.names import (
    STATUS_LABELS,
    STATUS_ORDER,
    UNKNOWN,
    UNKNOWN_LABEL,
    country_name,
    country_slug,
)
from ..public.publish import Published
from ..source.fields import date_bounds
from .charts import Bar, Chart, number
from .i18n import ENGLISH, Speech

AMOUNT_CHART = "chart-amounts-"  # id prefix of the per-currency charts


@dataclass(frozen=True)
class CurrencyTotal:
    """The amounts stated in one currency: how many charges, how many cases, what sum."""

    currency: str
    charges: int
    cases: int
    total: int


def status_link(root: str, status: str) -> str:
    """The listing filtered to one status; without JavaScript, the anchor of its section."""
    return f"{root}cases/?status={status}#{status.replace('_', '-')}"


def _years(counts: Counter[int]) -> range:
    return range(min(counts), max(counts) + 1) if counts else range(0)


def _series(items: list[str], speech: Speech) -> str:
    """a, b and c."""
    if len(items) == 1:
        return items[0]
    return speech.gettext("%(first)s and %(last)s") % {
        "first": speech.pgettext("series", ", ").join(items[:-1]),
        "last": items[-1],
    }


def _counts(bars: tuple[Bar, ...] | list[Bar], speech: Speech, lower: bool = True) -> str:
    """at large 21, arrested 2: each bar's label and value."""
    return speech.gettext(", ").join(
        f"{b.label.lower() if lower else b.label} {number(b.value, speech.language)}" for b in bars
    )


def status_chart(cases: tuple[Published, ...], root: str, speech: Speech = ENGLISH) -> Chart:
    _ = speech.gettext
    counts: Counter[str] = Counter(p.case.status for p in cases)
    bars = tuple(
        Bar(s, _(STATUS_LABELS[s]), counts[s], status_link(root, s) if counts[s] else None)
        for s in STATUS_ORDER
    )
    n = len(cases)
    return Chart(
        "chart-status",
        _("Cases by status"),
        speech.ngettext("Of %(n)s case: %(parts)s.", "Of %(n)s cases: %(parts)s.", n)
        % {"n": number(n, speech.language), "parts": _counts(bars, speech)},
        _("Status"),
        _("Cases"),
        bars,
    )


def country_chart(cases: tuple[Published, ...], root: str, speech: Speech = ENGLISH) -> Chart:
    _ = speech.gettext
    language = speech.language
    groups = by_country(cases)
    ranked = sorted(groups, key=lambda c: (-len(groups[c]), country_name(c, language), c))
    bars = [
        Bar(c, country_name(c, language), len(groups[c]), f"{root}countries/{country_slug(c)}/")
        for c in ranked
    ]
    unknown = sum(1 for p in cases if suspected_country(p) == UNKNOWN)
    if unknown:
        bars.append(Bar(UNKNOWN, _(UNKNOWN_LABEL), unknown, f"{root}cases/?country={UNKNOWN}"))
    top = _counts([b for b in bars[:3] if b.key != UNKNOWN], speech, lower=False)
    most = _(" Most often: %(top)s.") % {"top": top} if top else ""
    n = len(cases)
    where = speech.ngettext(
        "Where the %(n)s published case was last believed to be, whatever their status: "
        "%(countries)s, and %(unknown)s unknown.",
        "Where the %(n)s published cases were last believed to be, whatever their status: "
        "%(countries)s, and %(unknown)s unknown.",
        n,
    )
    countries = speech.ngettext("%(n)s country", "%(n)s countries", len(groups)) % {
        "n": number(len(groups), language)
    }
    return Chart(
        "chart-country",
        _("Cases by suspected country"),
        where % {"n": number(n, language), "countries": countries, "unknown": unknown} + most,
        _("Suspected country"),
        _("Cases"),
        tuple(bars),
    )


def fled_chart(cases: tuple[Published, ...], root: str, speech: Speech = ENGLISH) -> Chart:
    _ = speech.gettext
    counts = Counter(p.fled_year for p in cases)
    bars = tuple(
        Bar(str(y), str(y), counts[y], f"{root}cases/?fled={y}" if counts[y] else None)
        for y in _years(counts)
    )
    most = max(counts.values(), default=0)
    peaks = [b.label for b in bars if b.value == most]
    if bars:
        description = _(
            "The year each published case fled from %(first)s to %(last)s; the most, "
            "%(most)s in a year, in %(peaks)s. Years with no case show 0."
        ) % {
            "first": bars[0].label,
            "last": bars[-1].label,
            "most": number(most, speech.language),
            "peaks": _series(peaks, speech),
        }
    else:
        description = _("The year each published case fled. Years with no case show 0.")
    return Chart(
        "chart-fled",
        _("Cases by year fled"),
        description,
        _("Year fled"),
        _("Cases"),
        bars,
    )


def returns_chart(cases: tuple[Published, ...], root: str, speech: Speech = ENGLISH) -> Chart:
    _ = speech.gettext
    found = returns(cases)
    counts = Counter(date_bounds(r.date)[0].year for r in found)
    bars = tuple(
        Bar(str(y), str(y), counts[y], f"{root}returned/" if counts[y] else None)
        for y in _years(counts)
    )
    n = len(found)
    if bars:
        description = speech.ngettext(
            "%(n)s return by year of return, from %(first)s to %(last)s. "
            "Years with no return show 0.",
            "%(n)s returns by year of return, from %(first)s to %(last)s. "
            "Years with no return show 0.",
            n,
        ) % {"n": number(n, speech.language), "first": bars[0].label, "last": bars[-1].label}
    else:
        description = speech.ngettext(
            "%(n)s return by year of return. Years with no return show 0.",
            "%(n)s returns by year of return. Years with no return show 0.",
            n,
        ) % {"n": number(n, speech.language)}
    return Chart(
        "chart-returns",
        _("Returns per year"),
        description,
        _("Year returned"),
        _("Returns"),
        bars,
    )


def currency_totals(cases: tuple[Published, ...]) -> tuple[CurrencyTotal, ...]:
    """Totals by currency, largest number of charges first, then by code."""
    charges: Counter[str] = Counter()
    sums: Counter[str] = Counter()
    holders: dict[str, set[str]] = {}
    for p in cases:
        for crime in p.case.crimes:
            if crime.amount:
                charges[crime.amount.currency] += 1
                sums[crime.amount.currency] += crime.amount.value
                holders.setdefault(crime.amount.currency, set()).add(p.id)
    order = sorted(charges, key=lambda c: (-charges[c], c))
    return tuple(CurrencyTotal(c, charges[c], len(holders[c]), sums[c]) for c in order)


def amount_charts(
    cases: tuple[Published, ...], root: str, speech: Speech = ENGLISH
) -> tuple[Chart, ...]:
    """One chart per currency, by status: sums in different currencies are never compared."""
    _ = speech.gettext
    language = speech.language
    charts = []
    for total in currency_totals(cases):
        sums: Counter[str] = Counter()
        for p in cases:
            for crime in p.case.crimes:
                if crime.amount and crime.amount.currency == total.currency:
                    sums[p.case.status] += crime.amount.value
        bars = tuple(
            Bar(s, _(STATUS_LABELS[s]), sums[s], status_link(root, s))
            for s in STATUS_ORDER
            if sums[s]
        )
        charges = speech.ngettext("%(n)s charge", "%(n)s charges", total.charges)
        holders = speech.ngettext("%(n)s case", "%(n)s cases", total.cases)
        charts.append(
            Chart(
                f"{AMOUNT_CHART}{total.currency.lower()}",
                _("Amounts involved in %(currency)s, by status") % {"currency": total.currency},
                _("%(sum)s %(currency)s stated in %(charges)s of %(cases)s: %(parts)s.")
                % {
                    "sum": number(total.total, language),
                    "currency": total.currency,
                    "charges": charges % {"n": number(total.charges, language)},
                    "cases": holders % {"n": number(total.cases, language)},
                    "parts": _counts(bars, speech),
                },
                _("Status"),
                _("Amount (%(currency)s)") % {"currency": total.currency},
                bars,
            )
        )
    return tuple(charts)


def charts(
    cases: tuple[Published, ...],
    root: str,
    retired: tuple[Published, ...] = (),
    speech: Speech = ENGLISH,
) -> tuple[Chart, ...]:
    """Every chart of the statistics page, in page order (amounts last), in the language of
    `speech`. Closed cases past `retain_closed_for` (`retired`) count in the status and returns
    charts only."""
    return (
        _counting(status_chart(cases + retired, root, speech), retired, speech),
        country_chart(cases, root, speech),
        fled_chart(cases, root, speech),
        _counting(returns_chart(cases + retired, root, speech), retired, speech),
        *amount_charts(cases, root, speech),
    )


def _counting(chart: Chart, retired: tuple[Published, ...], speech: Speech) -> Chart:
    """The chart, its description saying how many of its cases are no longer published."""
    if not retired:
        return chart
    n = len(retired)
    note = speech.ngettext(
        " Includes %(n)s closed case no longer published.",
        " Includes %(n)s closed cases no longer published.",
        n,
    ) % {"n": number(n, speech.language)}
    return replace(chart, description=chart.description + note)
