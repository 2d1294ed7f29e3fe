"""The numbers behind the statistics page, as charts, computed from the published cases only.

Each chart's rows link to the page or filtered listing that holds the cases it counts, so every
number can be checked against names. Links are relative to the statistics page (`root` is the
way back to the site root from it).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, replace

from ..public.facets import by_country, returns, suspected_country
from ..public.names import STATUS_LABELS, STATUS_ORDER, UNKNOWN, country_name, country_slug
from ..public.publish import Published
from ..source.fields import date_bounds
from .charts import Bar, Chart, number

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


def _series(items: list[str]) -> str:
    """a, b and c."""
    return items[0] if len(items) == 1 else f"{', '.join(items[:-1])} and {items[-1]}"


def _plural(n: int, one: str, many: str) -> str:
    return f"{number(n)} {one if n == 1 else many}"


def status_chart(cases: tuple[Published, ...], root: str) -> Chart:
    counts: Counter[str] = Counter(p.case.status for p in cases)
    bars = tuple(
        Bar(s, STATUS_LABELS[s], counts[s], status_link(root, s) if counts[s] else None)
        for s in STATUS_ORDER
    )
    parts = ", ".join(f"{STATUS_LABELS[s].lower()} {counts[s]}" for s in STATUS_ORDER)
    return Chart(
        "chart-status",
        "Cases by status",
        f"Of {_plural(len(cases), 'case', 'cases')}: {parts}.",
        "Status",
        "Cases",
        bars,
    )


def country_chart(cases: tuple[Published, ...], root: str) -> Chart:
    groups = by_country(cases)
    ranked = sorted(groups, key=lambda c: (-len(groups[c]), country_name(c), c))
    bars = [
        Bar(c, country_name(c), len(groups[c]), f"{root}countries/{country_slug(c)}/")
        for c in ranked
    ]
    unknown = sum(1 for p in cases if suspected_country(p) == UNKNOWN)
    if unknown:
        bars.append(Bar(UNKNOWN, "Unknown", unknown, f"{root}cases/?country={UNKNOWN}"))
    top = ", ".join(f"{b.label} {b.value}" for b in bars[:3] if b.key != UNKNOWN)
    most = f" Most often: {top}." if top else ""
    return Chart(
        "chart-country",
        "Cases by suspected country",
        f"Where the {_plural(len(cases), 'published case', 'published cases')} "
        f"{'was' if len(cases) == 1 else 'were'} last believed to be, whatever their status: "
        f"{_plural(len(groups), 'country', 'countries')}, and {unknown} unknown.{most}",
        "Suspected country",
        "Cases",
        tuple(bars),
    )


def fled_chart(cases: tuple[Published, ...], root: str) -> Chart:
    counts = Counter(p.fled_year for p in cases)
    bars = tuple(
        Bar(str(y), str(y), counts[y], f"{root}cases/?fled={y}" if counts[y] else None)
        for y in _years(counts)
    )
    most = max(counts.values(), default=0)
    peaks = [b.label for b in bars if b.value == most]
    span = f" from {bars[0].label} to {bars[-1].label}" if bars else ""
    peak = f"; the most, {most} in a year, in {_series(peaks)}" if peaks else ""
    return Chart(
        "chart-fled",
        "Cases by year fled",
        f"The year each published case fled{span}{peak}. Years with no case show 0.",
        "Year fled",
        "Cases",
        bars,
    )


def returns_chart(cases: tuple[Published, ...], root: str) -> Chart:
    found = returns(cases)
    counts = Counter(date_bounds(r.date)[0].year for r in found)
    bars = tuple(
        Bar(str(y), str(y), counts[y], f"{root}returned/" if counts[y] else None)
        for y in _years(counts)
    )
    span = f", from {bars[0].label} to {bars[-1].label}" if bars else ""
    return Chart(
        "chart-returns",
        "Returns per year",
        f"{_plural(len(found), 'return', 'returns')} by year of return{span}. "
        "Years with no return show 0.",
        "Year returned",
        "Returns",
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


def amount_charts(cases: tuple[Published, ...], root: str) -> tuple[Chart, ...]:
    """One chart per currency, by status: sums in different currencies are never compared."""
    charts = []
    for total in currency_totals(cases):
        sums: Counter[str] = Counter()
        for p in cases:
            for crime in p.case.crimes:
                if crime.amount and crime.amount.currency == total.currency:
                    sums[p.case.status] += crime.amount.value
        bars = tuple(
            Bar(s, STATUS_LABELS[s], sums[s], status_link(root, s)) for s in STATUS_ORDER if sums[s]
        )
        parts = ", ".join(f"{b.label.lower()} {number(b.value)}" for b in bars)
        charts.append(
            Chart(
                f"{AMOUNT_CHART}{total.currency.lower()}",
                f"Amounts involved in {total.currency}, by status",
                f"{number(total.total)} {total.currency} stated in "
                f"{_plural(total.charges, 'charge', 'charges')} of "
                f"{_plural(total.cases, 'case', 'cases')}: {parts}.",
                "Status",
                f"Amount ({total.currency})",
                bars,
            )
        )
    return tuple(charts)


def charts(
    cases: tuple[Published, ...], root: str, retired: tuple[Published, ...] = ()
) -> tuple[Chart, ...]:
    """Every chart of the statistics page, in page order (amounts last). Closed cases past
    `retain_closed_for` (`retired`) count in the status and returns charts only."""
    return (
        _counting(status_chart(cases + retired, root), retired),
        country_chart(cases, root),
        fled_chart(cases, root),
        _counting(returns_chart(cases + retired, root), retired),
        *amount_charts(cases, root),
    )


def _counting(chart: Chart, retired: tuple[Published, ...]) -> Chart:
    """The chart, its description saying how many of its cases are no longer published."""
    if not retired:
        return chart
    note = f" Includes {_plural(len(retired), 'closed case', 'closed cases')} no longer published."
    return replace(chart, description=chart.description + note)
