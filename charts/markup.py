"""A chart as HTML: a figure with the chart's title as its caption and its description, the
SVG picture (role img, labelled by the caption and described by the description, with its own
title and desc), a legend when there are several series, and the same numbers as a table under
"The numbers" (open when `open_numbers`, as the printed report wants).

The markup is built here, once per chart, rather than by a template looping over every bar,
tick and cell: a dashboard draws a dozen charts of up to twenty bars, and a template's loops
cost far more than the strings they produce. Every text of the chart is escaped as a template
would (`conditional_escape`); the site's own translated words are written as `{% translate %}`
writes them; numbers are formatted here. Templates draw a chart with
`{% include "charts/_chart.html" with chart=… %}` or `{% load charts %}{% chart chart %}`.
"""

from __future__ import annotations

from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from charts.svg import (
    GRID_LEFT,
    GRID_SIZE,
    GRID_TOP,
    LABEL_WIDTH,
    PLOT,
    VALUE_WIDTH,
    WIDTH,
    BarChart,
    ScatterChart,
)
from collaborations.markup import text as escape

INK = "#1f252b"  # labels and markers
TICK_INK = "#3d4650"  # scale values
GRIDLINE = "#c8ced6"
TRACK = "#f1f3f5"  # the bar's full length behind its segments
EDGE = "#5b6570"  # a scatter grid's border, halves and quadrant names
INNER = "#dde1e6"  # a scatter grid's inner lines
POINT = "#1f5f99"


def chart_html(chart: BarChart | ScatterChart, open_numbers: bool = False) -> SafeString:
    key = escape(chart.key)
    title = escape(chart.title)
    description = escape(chart.description)
    parts = [
        f'<figure class="chart chart--{escape(chart.kind)}" id="chart-{key}">',
        f'<figcaption class="chart__title" id="chart-{key}-caption">{title}</figcaption>',
        f'<p class="chart__description small text-body-secondary" id="chart-{key}-desc">'
        f"{description}</p>",
    ]
    empty = chart.is_empty
    if empty:
        parts.append(f'<p class="chart__empty">{escape(chart.empty)}</p>')
    else:
        # The picture's accessible name and description are the figure's caption and text.
        labelled = (
            f'role="img" aria-labelledby="chart-{key}-caption" '
            f'aria-describedby="chart-{key}-desc" xmlns="http://www.w3.org/2000/svg">'
            f"<title>{title}</title><desc>{description}</desc>"
        )
        if isinstance(chart, BarChart):
            _bar_picture(chart, labelled, parts)
        else:
            _scatter_picture(chart, labelled, parts)
        _numbers(chart, title, open_numbers, parts)
    parts.append("</figure>")
    return mark_safe("\n".join(parts))


def _bar_picture(chart: BarChart, labelled: str, parts: list[str]) -> None:
    axis_y = chart.axis_y
    parts.append(f'<svg class="chart__picture" viewBox="0 0 {WIDTH} {chart.height}" {labelled}')
    for x, label in chart.ticks:
        parts.append(
            f'<line x1="{x:.1f}" x2="{x:.1f}" y1="6" y2="{axis_y}" stroke="{GRIDLINE}" '
            f'stroke-width="1"/><text x="{x:.1f}" y="{axis_y + 16}" font-size="11" '
            f'text-anchor="middle" fill="{TICK_INK}">{escape(label)}</text>'
        )
    value_x = WIDTH - VALUE_WIDTH + 6
    # Each series' colour and name, escaped once for all its segments.
    series = {(s.colour, s.label): (escape(s.colour), escape(s.label)) for s in chart.series}
    for placed in chart.placed:
        bar, y = placed.bar, placed.y
        text = escape(bar.text) if bar.text else ""
        said = f"{escape(bar.label)}: {text}" if text else escape(bar.label)
        row = [
            f"<g><title>{said}</title>"
            f'<text x="{LABEL_WIDTH - 8}" y="{y + 14:.1f}" font-size="12" text-anchor="end" '
            f'fill="{INK}">{escape(placed.label)}</text>'
            f'<rect x="{LABEL_WIDTH}" y="{y:.1f}" width="{PLOT}" height="18" fill="{TRACK}"/>'
        ]
        for s in placed.segments:
            colour, label = series.get((s.colour, s.label)) or (escape(s.colour), escape(s.label))
            row.append(
                f'<rect x="{s.x:.2f}" y="{y:.1f}" width="{s.width:.2f}" height="18" '
                f'fill="{colour}"><title>{label}</title></rect>'
            )
        if placed.marker_x is not None:
            x = placed.marker_x
            row.append(
                f'<line x1="{x:.2f}" x2="{x:.2f}" y1="{y - 3:.1f}" y2="{y + 21:.1f}" '
                f'stroke="{INK}" stroke-width="2"/>'
            )
        if text:
            row.append(
                f'<text x="{value_x}" y="{y + 14:.1f}" font-size="12" fill="{INK}">{text}</text>'
            )
        row.append("</g>")
        parts.append("".join(row))
    parts.append("</svg>")
    if len(chart.series) > 1:
        parts.append('<ul class="chart__legend list-inline small mb-1">')
        parts += [
            f'<li class="list-inline-item"><svg width="12" height="12" aria-hidden="true" '
            f'focusable="false"><rect width="12" height="12" fill="{escape(s.colour)}"/></svg> '
            f"{escape(s.label)}</li>"
            for s in chart.series
        ]
        parts.append("</ul>")


def _scatter_picture(chart: ScatterChart, labelled: str, parts: list[str]) -> None:
    bottom, centre = chart.bottom, chart.centre
    right, middle = GRID_LEFT + GRID_SIZE, GRID_TOP + GRID_SIZE // 2
    parts.append(
        f'<svg class="chart__picture chart__picture--square" '
        f'viewBox="0 0 {chart.width} {chart.height}" {labelled}'
    )
    grid, grid_y = chart.grid, chart.grid_y
    last = len(grid) - 1
    parts += [
        f'<line x1="{x:.1f}" x2="{x:.1f}" y1="{GRID_TOP}" y2="{bottom:.1f}" '
        f'stroke="{EDGE if i in (0, last) else INNER}" stroke-width="1"/>'
        for i, x in enumerate(grid)
    ]
    parts += [
        f'<line x1="{GRID_LEFT}" x2="{right}" y1="{y:.1f}" y2="{y:.1f}" '
        f'stroke="{EDGE if i in (0, len(grid_y) - 1) else INNER}" stroke-width="1"/>'
        for i, y in enumerate(grid_y)
    ]
    parts.append(
        f'<line x1="{centre:.1f}" x2="{centre:.1f}" y1="{GRID_TOP}" y2="{bottom:.1f}" '
        f'stroke="{EDGE}" stroke-width="1" stroke-dasharray="4 3"/>'
        f'<line x1="{GRID_LEFT}" x2="{right}" y1="{middle}" y2="{middle}" stroke="{EDGE}" '
        f'stroke-width="1" stroke-dasharray="4 3"/>'
    )
    parts += [
        f'<text x="{x:.1f}" y="{y:.1f}" font-size="11" text-anchor="middle" fill="{EDGE}">'
        f"{escape(text)}</text>"
        for text, x, y in chart.quadrant_labels
    ]
    parts += [
        f'<text x="{x:.1f}" y="{bottom + 16:.1f}" font-size="11" text-anchor="middle" '
        f'fill="{TICK_INK}">{n}</text><text x="{GRID_LEFT - 10}" y="{y + 4:.1f}" '
        f'font-size="11" text-anchor="end" fill="{TICK_INK}">{n}</text>'
        for n, x, y in chart.tick_labels
    ]
    parts.append(
        f'<text x="{centre:.1f}" y="{bottom + 38:.1f}" font-size="12" text-anchor="middle" '
        f'fill="{INK}">{escape(chart.x_label)} →</text>'
        f'<text x="18" y="{middle}" font-size="12" text-anchor="middle" fill="{INK}" '
        f'transform="rotate(-90 18 {middle})">{escape(chart.y_label)} →</text>'
    )
    parts += [
        f"<g><title>{p.point.number}. {escape(p.point.label)}</title>"
        f'<circle cx="{p.cx:.1f}" cy="{p.cy:.1f}" r="10" fill="{POINT}"/>'
        f'<text x="{p.cx:.1f}" y="{p.cy + 4:.1f}" font-size="10" text-anchor="middle" '
        f'fill="#ffffff">{p.point.number}</text></g>'
        for p in chart.placed
    ]
    parts.append("</svg>")


def _numbers(
    chart: BarChart | ScatterChart, title: str, open_numbers: bool, parts: list[str]
) -> None:
    """The chart's numbers as a table, folded unless `open_numbers`."""
    summary = gettext("The numbers")
    region = gettext("%(title)s: the numbers") % {"title": title}
    head = "".join(f'<th scope="col">{escape(h)}</th>' for h in chart.headings)
    body = "".join(
        f'<tr><th scope="row" class="fw-normal">{escape(first)}</th>'
        + "".join(f"<td>{escape(cell)}</td>" for cell in rest)
        + "</tr>"
        for first, *rest in chart.rows
    )
    parts.append(
        f'<details class="chart__numbers small"{" open" if open_numbers else ""}>'
        f"<summary>{summary}</summary>"
        f'<div class="table-responsive" tabindex="0" role="region" aria-label="{region}">'
        f'<table class="table table-sm mb-0"><caption class="visually-hidden">{title}</caption>'
        f"<thead><tr>{head}</tr></thead><tbody>{body}</tbody></table></div></details>"
    )
