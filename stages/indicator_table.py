"""The table of indicators against their targets, as the dashboard and the report show it:
each indicator's name (leading to its page on the dashboard) and unit, baseline, latest
measurement and its date, target with the direction it lies in, and the standing in words.

Built here in one pass over the indicators rather than by a template loop: a collaboration
can have fifty indicators, and the loop's lookups, filters and tags for each cost far more
than the row they write. What people typed is escaped, as a template would; the site's own
translated words are escaped too, as `{% translate %}` escapes them. Templates include
`stages/_indicators.html`, which calls `{% indicator_table %}`."""

from __future__ import annotations

import re
from functools import cache

from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext

from collaborations.markup import Days
from collaborations.markup import text as escape
from stages.indicators import Indicator

TABLE_CLASS = "table table-sm align-middle"
CAPTION_CLASS = "visually-hidden"


# A row id as the indicator page's address takes it, and carries it unchanged.
SLUG = re.compile(r"[-a-zA-Z0-9_]+")


class IndicatorPages:
    """Each indicator's page in one collaboration. The address up to the row is worked out
    once per table; a row id, a slug, follows it as it is."""

    def __init__(self, collaboration_id: int | None) -> None:
        self.collaboration_id = collaboration_id
        self.tables: dict[tuple[str, str], str] = {}

    def _address(self, tool: str, table: str, row_id: str) -> str:
        return reverse("stages:indicator", args=[self.collaboration_id, tool, table, row_id])

    def of(self, indicator: Indicator) -> str:
        tool, table, row_id = indicator.tool.slug, indicator.table.name, indicator.row_id
        if not SLUG.fullmatch(row_id or ""):
            return self._address(tool, table, row_id)
        if (tool, table) not in self.tables:
            rows = self._address(tool, table, "row").removesuffix("row/")
            self.tables[tool, table] = rows
        return f"{self.tables[tool, table]}{row_id}/"


def indicator_table_html(
    indicators: list[Indicator],
    *,
    collaboration_id: int | None = None,
    link: bool = False,
    table_class: str = "",
    caption_class: str = "",
) -> SafeString:
    """The table; with `link`, each name leads to the indicator's page in the collaboration."""
    muted = '<span class="small text-body-secondary">'
    not_measured = escape(gettext("not measured"))
    words = cache(gettext)  # the standings' words, each translated once for the table
    rows = []
    pages = IndicatorPages(collaboration_id)
    days = Days()
    for indicator in indicators:
        standing = indicator.standing
        name = escape(standing.name or "—")
        if link:
            name = f'<a href="{escape(pages.of(indicator))}">{name}</a>'
        if standing.unit:
            name += f" {muted}({escape(standing.unit)})</span>"
        if standing.latest:
            # Indicators are mostly measured on the same days: each day is written once.
            when = days(standing.latest.date)
            latest = f"{escape(standing.latest_value)}<br>{muted}{escape(when)}</span>"
        else:
            latest = not_measured
        direction = standing.direction_in(words)
        target = escape(standing.target_value or "—")
        if direction:
            target = f"{muted}{escape(direction)}</span> {target}"
        rows.append(
            f'<tr><th scope="row" class="fw-normal">{name}</th>'
            f"<td>{escape(standing.baseline_value or '—')}</td><td>{latest}</td>"
            f"<td>{target}</td><td>{escape(standing.summary_in(words))}</td></tr>"
        )
    headings = "".join(
        f'<th scope="col">{escape(heading)}</th>'
        for heading in (
            gettext("Indicator"),
            gettext("Baseline"),
            gettext("Latest"),
            gettext("Target"),
            gettext("Standing"),
        )
    )
    caption = gettext("Each indicator's baseline, latest measurement, target and standing")
    return mark_safe(
        f'<table class="{escape(table_class or TABLE_CLASS)} indicator-standings">\n'
        f'<caption class="{escape(caption_class or CAPTION_CLASS)}">{escape(caption)}</caption>\n'
        '<colgroup><col class="col-text"><col class="col-number"><col class="col-date">'
        '<col class="col-money"><col class="col-long_text"></colgroup>\n'
        f"<thead><tr>{headings}</tr></thead>\n<tbody>\n" + "\n".join(rows) + "\n</tbody>\n</table>"
    )
