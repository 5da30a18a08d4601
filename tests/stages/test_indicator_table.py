"""The table of indicators against their targets: one row per indicator with its baseline,
latest measurement and date, target and direction, and standing; names lead to the
indicator's page only where asked; what people typed is escaped."""

from __future__ import annotations

import datetime
import re
from decimal import Decimal

from django.template.loader import render_to_string
from django.urls import reverse

from stages.indicator_table import IndicatorPages, indicator_table_html
from stages.indicators import Indicator, IndicatorStanding
from stages.models import Measurement, Tool
from stages.worksheets.declarations import definition_for

TABLE = definition_for("agree-on-measures-of-success").table("indicators")


def _indicator(row_id: str, standing: IndicatorStanding) -> Indicator:
    tool = Tool(slug="agree-on-measures-of-success")
    return Indicator(tool, TABLE, row_id, standing)


MEASURED = _indicator(
    "row-1",
    IndicatorStanding(
        name="Jobs <filled>",
        unit="people",
        baseline=Decimal("1000"),
        target=Decimal("2000"),
        latest=Measurement(date=datetime.date(2026, 5, 29), value=Decimal("1500.5")),
        measured=2,
    ),
)
UNMEASURED = _indicator("row-2", IndicatorStanding("Reach", "", None, Decimal(5), None, 0))


def _cells(html: str) -> list[list[str]]:
    rows = re.findall(r"<tr>(.*?)</tr>", html.split("<tbody>")[1], re.S)
    return [re.findall(r"<t[hd][^>]*>(.*?)</t[hd]>", row, re.S) for row in rows]


def test_each_indicator_is_a_row_of_its_standing():
    html = indicator_table_html([MEASURED, UNMEASURED])
    assert _cells(html) == [
        [
            'Jobs &lt;filled&gt; <span class="small text-body-secondary">(people)</span>',
            "1,000",
            '1,500.5<br><span class="small text-body-secondary">May 29, 2026</span>',
            '<span class="small text-body-secondary">raise to</span> 2,000',
            "50% of the way from baseline to target",
        ],
        ["Reach", "—", "not measured", "5", "No measurement yet"],
    ]


def test_names_lead_to_the_indicators_page_only_when_asked(db):
    url = reverse("stages:indicator", args=[7, MEASURED.tool.slug, TABLE.name, "row-1"])
    linked = indicator_table_html([MEASURED], collaboration_id=7, link=True)
    assert f'<a href="{url}">Jobs &lt;filled&gt;</a>' in linked
    assert "<a " not in indicator_table_html([MEASURED])


def test_the_include_passes_classes_and_link_through(db):
    html = render_to_string(
        "stages/_indicators.html",
        {"indicators": [MEASURED], "table_class": "report-table", "link": False},
    )
    assert '<table class="report-table indicator-standings">' in html
    assert '<caption class="visually-hidden">' in html
    assert "<a " not in html
    default = render_to_string("stages/_indicators.html", {"indicators": [UNMEASURED]})
    assert '<table class="table table-sm align-middle indicator-standings">' in default


def test_each_indicators_address_is_the_one_django_gives(db):
    pages = IndicatorPages(3)
    for row_id in ["row-1", "row-indicators-12", "i_2", "row"]:
        indicator = _indicator(row_id, UNMEASURED.standing)
        assert pages.of(indicator) == reverse(
            "stages:indicator", args=[3, indicator.tool.slug, TABLE.name, row_id]
        )
