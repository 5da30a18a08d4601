"""`{% chart chart %}`: a chart's figure, picture and numbers (see `charts.markup`)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from charts.markup import chart_html
from charts.svg import BarChart, ScatterChart

register = template.Library()


@register.simple_tag
def chart(chart: BarChart | ScatterChart, open_numbers: bool = False) -> SafeString:
    """`{% chart chart %}`, or `{% chart chart open_numbers=True %}` for the table unfolded."""
    return chart_html(chart, open_numbers=bool(open_numbers))
