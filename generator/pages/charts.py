"""Horizontal bar charts as inline SVG, drawn at build time, each with its numbers as a table.

A chart is pure data (`Chart`); `chart_html` turns it into one block of HTML: a text description,
an SVG image (role="img", labelled by its own <title> and <desc>) and a table with the same
numbers, for screen readers and for copying. Output depends only on the input: no clock, no
randomness, coordinates rounded to one decimal. Every label is escaped with `text.esc`; text
width is estimated (no font metrics at build time), wide East Asian characters counting double.
"""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from babel.numbers import format_decimal
from markupsafe import Markup

from ..source.text import esc

WIDTH = 480  # narrow, so labels stay legible when a phone scales the image down
ROW = 26
BAR = 18
PAD = 8
FONT = 13
CHAR = 7.2  # estimated width of a Latin character at FONT px
MAX_LABEL = 170.0
BAR_FILL = "#1565c0"  # 5.8:1 against white: bars stand out in colour and in grey


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


def number(value: int) -> str:
    """A whole number with thousands separators, as 1,234,567."""
    return str(format_decimal(value, locale="en"))


def text_width(text: str) -> float:
    """Estimated width in pixels of text at FONT size."""
    return sum(CHAR * (2 if unicodedata.east_asian_width(ch) in "WF" else 1) for ch in text)


def fit(text: str, width: float) -> str:
    """The text, shortened with an ellipsis if its estimated width exceeds width."""
    if text_width(text) <= width:
        return text
    while text and text_width(text + "…") > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _n(value: float) -> str:
    return f"{value:.1f}".rstrip("0").rstrip(".")


def svg(chart: Chart) -> str:
    """The chart as an SVG element, labelled by its title and description."""
    labels = [fit(bar.label, MAX_LABEL) for bar in chart.bars]
    values = [number(bar.value) for bar in chart.bars]
    label_w = PAD + max([text_width(label) for label in labels] + [40.0])
    value_w = PAD + max([text_width(value) for value in values] + [CHAR])
    plot_w = WIDTH - label_w - value_w - PAD
    top = max([bar.value for bar in chart.bars] + [0])
    height = 2 * PAD + ROW * max(len(chart.bars), 1)
    out = [
        f'<svg class="mw-chart__svg" xmlns="http://www.w3.org/2000/svg" role="img" '
        f'aria-labelledby="{chart.id}-title {chart.id}-desc" viewBox="0 0 {WIDTH} {height}" '
        f'width="{WIDTH}" height="{height}" font-size="{FONT}">',
        f'<title id="{chart.id}-title">{esc(chart.title)}</title>',
        f'<desc id="{chart.id}-desc">{esc(chart.description)}</desc>',
    ]
    if not chart.bars:
        out.append(f'<text x="{PAD}" y="{PAD + ROW / 2 + 4.5}" fill="currentColor">None</text>')
    for i, (bar, label, value) in enumerate(zip(chart.bars, labels, values, strict=True)):
        y = PAD + i * ROW
        length = 0.0 if top == 0 else max(bar.value / top * plot_w, 1.0 if bar.value else 0.0)
        middle = y + ROW / 2 + 4.5  # baseline that centres 13 px text in the row
        out += [
            f'<text x="{_n(label_w - PAD)}" y="{_n(middle)}" text-anchor="end" '
            f'fill="currentColor">{esc(label)}</text>',
            f'<rect class="mw-chart__bar" x="{_n(label_w)}" y="{_n(y + (ROW - BAR) / 2)}" '
            f'width="{_n(length)}" height="{BAR}" fill="{BAR_FILL}"/>',
            f'<text x="{_n(label_w + length + 5)}" y="{_n(middle)}" '
            f'fill="currentColor">{esc(value)}</text>',
        ]
    out.append(
        f'<line x1="{_n(label_w)}" y1="{PAD}" x2="{_n(label_w)}" y2="{height - PAD}" '
        'stroke="currentColor" stroke-width="1"/>'
    )
    out.append("</svg>")
    return "\n".join(out)


def table(chart: Chart) -> str:
    """The chart's numbers as an HTML table; labels link to the cases they count, if given."""
    rows = []
    for bar in chart.bars:
        label = esc(bar.label)
        if bar.href:
            label = f'<a href="{esc(bar.href)}">{label}</a>'
        cell = f'<td class="mw-chart__value" data-value="{bar.value}">{esc(number(bar.value))}</td>'
        rows.append(f'<tr data-key="{esc(bar.key)}"><th scope="row">{label}</th>{cell}</tr>')
    if not rows:
        rows.append('<tr><td colspan="2">None</td></tr>')
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


def chart_html(chart: Chart) -> Markup:
    """Description, SVG and table of a chart, as one raw HTML block (no blank lines in it)."""
    return Markup(
        "\n".join(
            [
                f'<div class="mw-chart" id="{chart.id}" markdown="0">',
                f'<p class="mw-chart__desc">{esc(chart.description)}</p>',
                '<div class="mw-chart__body">',
                svg(chart),
                table(chart),
                "</div>",
                "</div>",
            ]
        )
    )
