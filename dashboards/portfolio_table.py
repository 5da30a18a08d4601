"""The portfolio's table rows as HTML, built in Python.

A row has seven cells of links, a date, flags and support lines; written by the template,
that is a pass for every variable, filter, tag and translation, 25 times a page. Here each
row is written once with the same markup, and what every row says alike ("none yet",
"Support log") is translated once per table, as `stages/worksheets/cells.py` does for the
worksheets' tables. Values are escaped as the template escaped them: the page's data and
the translations of plain words, not the text of a translation that holds a value.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.template.defaultfilters import date
from django.urls import reverse
from django.utils import timezone
from django.utils.html import escape, format_html, format_html_join
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext, ngettext

from dashboards.portfolio import PortfolioRow


@dataclass(frozen=True)
class _Words:
    """What every row of the table says alike, in the reader's language."""

    archived: str
    all_complete: str
    none_yet: str
    no_flag: str
    none_logged: str
    support_log: str
    of_name: str  # "of %(name)s", the hidden end of the support log link

    @classmethod
    def now(cls) -> _Words:
        return cls(
            archived=gettext("Archived"),
            all_complete=gettext("All stages complete"),
            none_yet=gettext("none yet"),
            no_flag=gettext("none"),
            none_logged=gettext("none logged"),
            support_log=gettext("Support log"),
            of_name=gettext("of %(name)s"),
        )


def table_rows(rows: list[PortfolioRow]) -> SafeString:
    """The `<tr>` of each row, for the portfolio table's body."""
    words = _Words.now()
    return mark_safe("".join(_row(row, words) for row in rows))


def _row(row: PortfolioRow, words: _Words) -> str:
    collaboration = row.collaboration
    dashboard = reverse("collaboration", args=[collaboration.pk])
    archived = (
        format_html(' · <span class="badge text-bg-secondary">{}</span>', words.archived)
        if collaboration.is_archived
        else ""
    )
    stage = row.current_stage
    reviews = (
        format_html('<a href="{}#attention">{}</a>', dashboard, row.reviews_waiting)
        if row.reviews_waiting
        else "0"
    )
    last = (
        date(timezone.localtime(row.last_activity), "DATE_FORMAT")
        if row.last_activity
        else words.none_yet
    )
    return format_html(
        "<tr>\n"
        '<th scope="row">\n<a href="{}">{}</a>\n'
        '<span class="d-block small fw-normal text-body-secondary">{}{}</span>\n</th>\n'
        "<td>{}</td>\n<td>{}%</td>\n<td>{}</td>\n"
        '<td class="small">{}</td>\n'
        '<td>\n<ul class="list-unstyled small mb-0">\n{}\n</ul>\n</td>\n'
        '<td class="small">\n{}\n<a class="target-min" href="{}">{}'
        '<span class="visually-hidden"> {}</span></a>\n</td>\n'
        "</tr>\n",
        dashboard,
        collaboration.name,
        collaboration.community,
        archived,
        format_html('<span class="stage-number">{}</span> {}', stage.number, stage.name)
        if stage
        else words.all_complete,
        row.percent_complete,
        reviews,
        last,
        _flags(row, words),
        _support(row, words),
        reverse("support:log", args=[collaboration.pk]),
        words.support_log,
        mark_safe(words.of_name % {"name": escape(collaboration.name)}),
    )


def _flags(row: PortfolioRow, words: _Words) -> str:
    if not row.flags:
        return format_html('<li class="text-body-secondary">{}</li>', words.no_flag)
    return format_html_join(
        "",
        '<li><span class="badge text-bg-{} flag">{}</span> {}</li>',
        ((colour, badge, text) for badge, colour, text in row.flag_lines),
    )


def _support(row: PortfolioRow, words: _Words) -> str:
    lines = row.support_lines
    if not lines:
        return format_html('<span class="text-body-secondary">{}</span>', words.none_logged)
    total = row.support_total
    summary = ngettext("%(counter)s activity", "%(counter)s activities", total) % {"counter": total}
    return format_html(
        '<details>\n<summary>{}</summary>\n<ul class="list-unstyled mb-0">{}</ul>\n</details>',
        mark_safe(summary),
        format_html_join("", "<li>{}: {}</li>", lines),
    )
