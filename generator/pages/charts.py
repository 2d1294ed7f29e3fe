"""Horizontal bar charts drawn at build time in HTML and CSS, each with its numbers as a table.

A chart is pure data (`Chart`); `chart_html` turns it into one block of HTML: a text description,
the bars (role="img", named by the chart's title and described by its description) and a table
with the same numbers, for screen readers and for copying. Labels and values are HTML text, so
they wrap and keep the page's type size at any width (an SVG scaled down to a phone shrank them
to about 7 px); each bar's length is a CSS custom property, `--share`, its value over the
largest (docs/assets/site.css draws it). Output depends only on the input: no clock, no
randomness, shares rounded to four decimals. Every label is escaped with `text.esc`.
"""

from __future__ import annotations

from dataclasses import dataclass

from babel.numbers import format_decimal
from markupsafe import Markup

from ..source.text import N_, esc
from .i18n import ENGLISH, Speech


@dataclass(frozen=True)
class Bar:
    """One row of a chart: its label, its value and, if any, the page that lists its cases."""

    key: str
    label: str
    value: int
    href: str | None = None


@dataclass(frozen=True)
class Chart:
    """A titled, described bar chart; `id` must be unique on its page."""

    id: str
    title: str
    description: str
    label_header: str
    value_header: str
    bars: tuple[Bar, ...]


NONE = N_("None")  # what a chart with no bars shows


def number(value: int, language: str = "en") -> str:
    """A whole number with thousands separators as a language writes it: 1,234,567."""
    return str(format_decimal(value, locale=language))


def _share(value: int, top: int) -> str:
    """value / top, as text with at most four decimals: 0.4286, 1, 0."""
    return f"{value / top:.4f}".rstrip("0").rstrip(".") if top else "0"


def bars(chart: Chart, speech: Speech = ENGLISH) -> str:
    """The chart's bars: one row each of label, bar (none for 0) and value. `--digits` is the
    length of the longest value, which the bars leave room for."""
    values = [number(bar.value, speech.language) for bar in chart.bars]
    top = max([bar.value for bar in chart.bars] + [0])
    digits = max([len(value) for value in values] + [1])
    out = [
        f'<div class="mw-chart__bars" role="img" aria-label="{esc(chart.title)}" '
        f'aria-describedby="{chart.id}-desc" style="--digits: {digits}">'
    ]
    if not chart.bars:
        out.append(f'<p class="mw-chart__none">{esc(speech.gettext(NONE))}</p>')
    for bar, value in zip(chart.bars, values, strict=True):
        share = _share(bar.value, top)
        drawn = f'<span class="mw-chart__bar" style="--share: {share}"></span>' if bar.value else ""
        out.append(
            f'<div class="mw-chart__row" data-key="{esc(bar.key)}">'
            f'<span class="mw-chart__label">{esc(bar.label)}</span>'
            f'<span class="mw-chart__track">{drawn}'
            f'<span class="mw-chart__value">{esc(value)}</span></span></div>'
        )
    out.append("</div>")
    return "\n".join(out)


def table(chart: Chart, speech: Speech = ENGLISH) -> str:
    """The chart's numbers as an HTML table; labels link to the cases they count, if given."""
    rows = []
    for bar in chart.bars:
        label = esc(bar.label)
        if bar.href:
            label = f'<a href="{esc(bar.href)}">{label}</a>'
        shown = esc(number(bar.value, speech.language))
        cell = f'<td class="mw-chart__value" data-value="{bar.value}">{shown}</td>'
        rows.append(f'<tr data-key="{esc(bar.key)}"><th scope="row">{label}</th>{cell}</tr>')
    if not rows:
        rows.append(f'<tr><td colspan="2">{esc(speech.gettext(NONE))}</td></tr>')
    return "\n".join(
        [
            f'<table class="mw-chart__table" id="{chart.id}-table">',
            f"<caption>{esc(chart.title)}</caption>",
            f'<thead><tr><th scope="col">{esc(chart.label_header)}</th>'
            f'<th scope="col">{esc(chart.value_header)}</th></tr></thead>',
            "<tbody>",
            *rows,
            "</tbody>",
            "</table>",
        ]
    )


def chart_html(chart: Chart, speech: Speech = ENGLISH) -> Markup:
    """Description, bars and table of a chart, as one raw HTML block (no blank lines in it);
    its numbers and its words for "none" in the language of `speech`."""
    return Markup(
        "\n".join(
            [
                f'<div class="mw-chart" id="{chart.id}" markdown="0">',
                f'<p class="mw-chart__desc" id="{chart.id}-desc">{esc(chart.description)}</p>',
                '<div class="mw-chart__body">',
                bars(chart, speech),
                table(chart, speech),
                "</div>",
                "</div>",
            ]
        )
    )
