"""The dashboard's rows (see `dashboards.rows`): `{% tool_rows overview %}` and the like,
each given the page's `dashboards.overview.Overview`."""

from __future__ import annotations

from django import template

from dashboards import rows

register = template.Library()

for function in (
    rows.waiting_review_items,
    rows.untouched_items,
    rows.due_rows,
    rows.tool_rows,
    rows.activity_items,
    rows.follow_through_rows,
    rows.sector_items,
    rows.stage_cards,
    rows.progress_bar,
):
    register.simple_tag(function)
