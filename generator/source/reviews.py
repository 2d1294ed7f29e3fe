"""Accountability rules that depend on time and on sources: review dates and sourced status
changes. They give warnings for editors (and, where the settings ask, errors or withheld cases).

A published list names people who have not been tried, so every case must be looked at again
from time to time: `publication.yaml` sets `review_every` (such as `12 months`), each case
records `reviewed:` (the day an editor last confirmed it), and a case is due 30 days before its
next review and overdue after it. `overdue: withhold` keeps an overdue case off the site, like a
withdrawn one, until it is reviewed again. `retain_closed_for` (such as `5 years`) stops
publishing a closed case that long after its closing event; the statistics still count it. A
history event that changes the status (located, arrested, returned, surrendered, deceased)
should name its `source`; `unsourced_status: error` makes that a rule.

`today` is the day the build speaks for: the date of `SOURCE_DATE_EPOCH` when it is set (the
last commit, in `make`), so that the same commit always gives the same site.
"""

from __future__ import annotations

import calendar
import os
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from .checks import STATUS_EVENTS
from .errors import Problem
from .fields import date_bounds
from .loader import LoadedCase
from .model import Case, Settings
from .translations import untranslated

DUE_WITHIN = timedelta(days=30)
STATUS_CHANGES = ("located", "arrested", "returned", "surrendered", "deceased")
CLOSED = ("arrested", "returned", "deceased")
# The events that close a case: those that fix a status, but for withdrawal.
CLOSING_EVENTS = frozenset(e for e, status in STATUS_EVENTS.items() if status != "withdrawn")


def build_day() -> date:
    """The day a build speaks for: SOURCE_DATE_EPOCH's UTC date when set, else today."""
    epoch = os.environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch.isdigit():
        return datetime.fromtimestamp(int(epoch), UTC).date()
    return date.today()


def add_period(day: date, period: str) -> date:
    """`day` plus a period written as `N days`, `N weeks`, `N months` or `N years`; a month
    that is too short for the day gives its last day (31 January + 1 month = 28 February)."""
    count_text, unit = period.split()
    count = int(count_text)
    unit = unit.rstrip("s")
    if unit == "day":
        return day + timedelta(days=count)
    if unit == "week":
        return day + timedelta(weeks=count)
    months = count * (12 if unit == "year" else 1)
    year, month = divmod(day.month - 1 + months, 12)
    year += day.year
    return date(year, month + 1, min(day.day, calendar.monthrange(year, month + 1)[1]))


@dataclass(frozen=True)
class Findings:
    """What the time and source rules found: warnings, errors, and the cases to withhold."""

    warnings: tuple[Problem, ...] = ()
    errors: tuple[Problem, ...] = ()
    withheld: frozenset[str] = frozenset()  # ids of cases kept off the site
    retired: frozenset[str] = frozenset()  # closed cases past retain_closed_for: counted only

    def report(self) -> str:
        """The warnings, one a line, and the withheld cases, for the terminal ("" if none)."""
        lines = [f"warning: {p}" for p in sorted(self.warnings)]
        if self.withheld:
            ids = ", ".join(sorted(self.withheld))
            lines.append(f"{len(self.withheld)} overdue case(s) withheld from the site: {ids}")
        if self.retired:
            ids = ", ".join(sorted(self.retired))
            lines.append(
                f"{len(self.retired)} closed case(s) past retain_closed_for, counted in the "
                f"statistics only: {ids}"
            )
        return "\n".join(lines)


def review_findings(cases: Iterable[LoadedCase], settings: Settings, today: date) -> Findings:
    """Due and overdue reviews, and status changes without a source, over every case."""
    warnings: list[Problem] = []
    errors: list[Problem] = []
    withheld: set[str] = set()
    retired: set[str] = set()
    for loaded in cases:
        case = loaded.case
        if case.status == "withdrawn":
            continue
        if settings.retain_closed_for and _past_retention(case, settings.retain_closed_for, today):
            retired.add(loaded.id)
            continue  # no longer published: nothing to review
        for problem in _unsourced(loaded):
            (errors if settings.unsourced_status == "error" else warnings).append(problem)
        languages = tuple(settings.languages)
        for problem in untranslated(loaded.file, case, languages, loaded.line_at):
            (errors if settings.untranslated == "error" else warnings).append(problem)
        if settings.review_every is None:
            continue
        overdue, message = _review_state(loaded, settings.review_every, today)
        if message:
            line = loaded.line("reviewed") if case.reviewed else 1
            warnings.append(Problem(loaded.file, line, "reviewed", message))
        if overdue and settings.overdue == "withhold":
            withheld.add(loaded.id)
    return Findings(tuple(warnings), tuple(errors), frozenset(withheld), frozenset(retired))


def closing_day(case: Case) -> date | None:
    """The last day the closing event of a closed case can mean (its latest arrest, return,
    surrender or death), or None for a case that is not closed."""
    if case.status not in CLOSED:
        return None
    days = [date_bounds(e.date)[1] for e in case.history if e.event in CLOSING_EVENTS]
    return max(days, default=None)


def _past_retention(case: Case, period: str, today: date) -> bool:
    closed = closing_day(case)
    return closed is not None and add_period(closed, period) < today


def _review_state(loaded: LoadedCase, every: str, today: date) -> tuple[bool, str]:
    """Whether the case is overdue, and what to tell its editors ("" when all is well)."""
    reviewed = loaded.case.reviewed
    if reviewed is None:
        return True, f"never reviewed: confirm the case and add reviewed: {today.isoformat()}"
    due = add_period(date.fromisoformat(reviewed), every)
    if due < today:
        return True, f"review overdue since {due.isoformat()} (reviewed {reviewed}, every {every})"
    if due - today <= DUE_WITHIN:
        return False, f"review due on {due.isoformat()} (reviewed {reviewed}, every {every})"
    return False, ""


def _unsourced(loaded: LoadedCase) -> list[Problem]:
    out = []
    for i, event in enumerate(loaded.case.history):
        if event.event in STATUS_CHANGES and event.source is None:
            out.append(
                Problem(
                    loaded.file,
                    loaded.line("history", i),
                    f"history[{i}]",
                    f"this {event.event} event changes the status: give its source (source: "
                    "https://…), the public record it comes from",
                )
            )
    return out
