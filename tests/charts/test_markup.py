"""A chart's markup: a figure whose picture is named by the caption and described by the
description, bars as long as their values, a legend only for several series, the numbers as a
table (unfolded on request), everything a person typed escaped."""

from __future__ import annotations

import re

from django.template import Context, Template
from django.template.loader import render_to_string

from charts.markup import chart_html
from charts.svg import LABEL_WIDTH, PLOT, Bar, BarChart, Point, ScatterChart, Series


def _bars(*bars: Bar, series: int = 1, **fields) -> BarChart:
    colours = ["#000000", "#111111"]
    return BarChart(
        key="k",
        title="Money & more",
        description="What each brings",
        series=[Series(f"S{n}", colours[n]) for n in range(series)],
        bars=list(bars),
        label_heading="Sector",
        **fields,
    )


def test_the_picture_is_named_by_the_caption_and_described_by_the_description():
    html = chart_html(_bars(Bar("A", [3])))
    assert '<figure class="chart chart--bar" id="chart-k">' in html
    assert 'id="chart-k-caption">Money &amp; more</figcaption>' in html
    assert 'id="chart-k-desc">What each brings</p>' in html
    assert 'role="img" aria-labelledby="chart-k-caption" aria-describedby="chart-k-desc"' in html
    assert "<title>Money &amp; more</title><desc>What each brings</desc>" in html


def test_a_bar_is_as_long_as_its_value_and_its_marker_sits_at_its_value():
    html = chart_html(_bars(Bar("A", [25], marker=50, text="25%"), maximum=100))
    assert f'<rect x="{LABEL_WIDTH:.2f}" y="10.0" width="{PLOT / 4:.2f}"' in html
    assert f'<line x1="{LABEL_WIDTH + PLOT / 2:.2f}"' in html
    assert "<title>A: 25%</title>" in html


def test_a_legend_names_the_series_only_when_there_are_several():
    assert "chart__legend" not in chart_html(_bars(Bar("A", [1])))
    html = chart_html(_bars(Bar("A", [1, 2]), series=2))
    legend = re.search(r'<ul class="chart__legend.*?</ul>', html, re.S).group()
    assert re.findall(r"</svg> (\w+)</li>", legend) == ["S0", "S1"]
    assert legend.count('aria-hidden="true"') == 2


def test_the_numbers_are_a_table_folded_unless_asked_open():
    chart = _bars(Bar("A", [1, 2]), Bar("B", [3, 4]), series=2)
    folded, unfolded = chart_html(chart), chart_html(chart, open_numbers=True)
    assert '<details class="chart__numbers small">' in folded
    assert '<details class="chart__numbers small" open>' in unfolded
    assert 'aria-label="Money &amp; more: the numbers"' in folded
    assert (
        '<thead><tr><th scope="col">Sector</th><th scope="col">S0</th><th scope="col">S1</th>'
        "</tr></thead>"
    ) in folded
    assert '<tr><th scope="row" class="fw-normal">B</th><td>3</td><td>4</td></tr>' in folded


def test_an_empty_chart_has_neither_picture_nor_numbers():
    html = chart_html(_bars(Bar("A", [0]), empty="Nothing <yet>."))
    assert '<p class="chart__empty">Nothing &lt;yet&gt;.</p>' in html
    assert "<svg" not in html and "<details" not in html


def test_text_from_people_is_escaped_everywhere():
    chart = ScatterChart(
        key="s",
        title="<b>T</b>",
        description="D",
        x_label="Interest",
        y_label="Influence",
        points=[Point(1, "<script>x</script>", 2, 4, detail='"quoted"')],
        label_heading="Who",
        detail_heading="How",
    )
    html = chart_html(chart)
    assert "<script>" not in html and "<b>" not in html
    assert "<title>1. &lt;script&gt;x&lt;/script&gt;</title>" in html
    assert "<td>&quot;quoted&quot;</td>" in html


def test_templates_draw_a_chart_with_the_tag_or_the_include():
    chart = _bars(Bar("A", [1]))
    tag = Template("{% load charts %}{% chart chart open_numbers=True %}").render(
        Context({"chart": chart})
    )
    include = render_to_string("charts/_chart.html", {"chart": chart, "open_numbers": True})
    assert tag == chart_html(chart, open_numbers=True)
    assert include.strip() == tag
