"""Charts drawn on the server: geometry that matches the numbers, round gridlines, escaped
labels, and a table of the same numbers."""

from __future__ import annotations

import pytest
from django.template.loader import render_to_string

from charts.svg import (
    LABEL_WIDTH,
    PLOT,
    Bar,
    BarChart,
    Series,
    _round_up,
    influence_interest_chart,
)
from stages.worksheets.declarations import definition_for


def _chart(*bars: Bar, **fields) -> BarChart:
    return BarChart(
        key="k",
        title="Title",
        description="Description",
        series=[Series("Done", "#000000"), Series("Doing", "#111111")],
        bars=list(bars),
        label_heading="Thing",
        **fields,
    )


def test_stacked_bars_are_as_long_as_their_values():
    chart = _chart(Bar("A", [3, 1]), Bar("B", [0, 2]), maximum=8)
    first, second = chart.placed
    assert [s.width for s in first.segments] == [PLOT * 3 / 8, PLOT * 1 / 8]
    assert first.segments[1].x == LABEL_WIDTH + PLOT * 3 / 8
    # A zero value draws nothing.
    assert [s.label for s in second.segments] == ["Doing"]
    assert chart.rows == [["A", "3", "1"], ["B", "0", "2"]]
    assert chart.headings == ["Thing", "Done", "Doing"]


@pytest.mark.parametrize(
    ("largest", "whole", "top"),
    [(1, True, 4), (5, True, 8), (13, True, 16), (99, True, 100), (250_000, True, 300_000),
     (0.5, False, 0.6)],
)  # fmt: skip
def test_the_full_width_is_a_round_number_above_the_largest_bar(largest, whole, top):
    assert _round_up(largest, whole) == pytest.approx(top)


def test_gridlines_fall_on_round_values():
    chart = _chart(Bar("A", [7, 6]))  # 13 → a scale of 0 to 16
    assert [label for _x, label in chart.ticks] == ["0", "4", "8", "12", "16"]


def test_an_empty_chart_says_so_instead_of_drawing():
    html = render_to_string(
        "charts/_chart.html", {"chart": _chart(Bar("A", [0, 0]), empty="Nothing yet.")}
    )
    assert "Nothing yet." in html
    assert "<svg" not in html


STAKEHOLDERS = definition_for("engage-potential-partners").table("stakeholders")


def test_labels_are_escaped_in_the_picture_and_the_table():
    chart = influence_interest_chart(
        STAKEHOLDERS,
        [
            {"organization": "<script>alert(1)</script>", "influence": 5, "interest": 4},
            {"organization": "Unrated", "influence": None, "interest": 2},
        ],
    )
    assert [p.label for p in chart.points] == ["<script>alert(1)</script>"]
    html = render_to_string("charts/_chart.html", {"chart": chart})
    assert "<script>" not in html
    assert html.count("&lt;script&gt;alert(1)&lt;/script&gt;") == 2  # picture's title, table


def test_points_sharing_a_cell_do_not_cover_each_other():
    chart = influence_interest_chart(
        STAKEHOLDERS, [{"organization": name, "influence": 3, "interest": 3} for name in "ABC"]
    )
    positions = {(round(p.cx), round(p.cy)) for p in chart.placed}
    assert len(positions) == 3


def test_resources_chart_keeps_what_is_needed_off_what_partners_bring(db):
    from charts.svg import resources_chart
    from collaborations.models import Partner
    from stages.worksheets.declarations import definition_for

    city = Partner(pk=1, name="City", sector="government")
    table = definition_for("account-for-resources").table("resources")
    rows = [
        {"partner": 1, "kind": "funding", "value": 500000.0, "status": "committed"},
        {"partner": 1, "kind": "data", "value": 20000.0, "status": "committed"},
        {"partner": 1, "kind": "funding", "value": 30000.0, "status": "potential"},
        {"partner": None, "kind": "funding", "value": 1000000.0, "status": "needed"},
    ]
    chart = resources_chart(table, rows, [city], currency="USD")
    assert chart.headings == ["Sector", "Committed", "Pledged", "Potential", "Needed"]
    by_label = {row[0]: row[1:] for row in chart.rows}
    assert by_label["Government"] == ["520,000", "0", "30,000", "0"]
    assert by_label["Still needed (a gap, not counted above)"] == ["0", "0", "0", "1,000,000"]
    # The government bar is as long as what it brings, nothing of the gap stacked onto it.
    government = next(p for p in chart.placed if p.bar.label == "Government")
    assert government.bar.text == "550,000"
    assert sum(s.width for s in government.segments) == pytest.approx(550000 * chart.scale)
    assert "(USD)" in chart.title


def test_an_indicator_without_a_measurement_is_not_shown_as_zero(db):
    from charts.svg import indicators_chart
    from stages.indicators import Measured, indicator_standing
    from stages.worksheets.declarations import definition_for

    table = definition_for("agree-on-measures-of-success").table("indicators")
    chart = indicators_chart([indicator_standing(table, {"name": "Jobs", "target": 5}, Measured())])
    assert chart.rows == [["Jobs", "—", "100"]]
    assert chart.is_empty


def test_any_table_that_declares_a_grid_gets_the_grid_chart_from_its_own_columns():
    from charts.svg import ScatterChart, worksheet_charts
    from stages.worksheets.schema import Definition, Field, Grid, Kind, Section, Table

    table = Table(
        name="allies",
        label="Allies",
        columns=(
            Field("who", "Who", Kind.TEXT),
            Field("reach", "Reach", Kind.SCALE),
            Field("pull", "Pull", Kind.SCALE),
            Field("mood", "Mood", Kind.CHOICE, choices=(("warm", "Warm"), ("cold", "Cold"))),
        ),
        grid=Grid(label="who", x="reach", y="pull", detail="mood"),
    )
    definition = Definition(tool="t", sections=(Section("S", (), (table,)),))
    rows = [{"id": "a", "who": "Library", "reach": 2, "pull": 5, "mood": "warm"}]
    [chart] = worksheet_charts(definition, {"allies": rows}, [], {})
    assert isinstance(chart, ScatterChart)
    [point] = chart.points
    assert (point.label, point.x, point.y, point.detail) == ("Library", 2, 5, "Warm")
