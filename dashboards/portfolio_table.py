"""The portfolio's table rows as HTML, built in Python.

A row has seven cells of links, a date, flags and support lines; written by the template,
that is a pass for every variable, filter, tag and translation, 25 times a page. Here each
row is written once with the same markup, and what rows say alike ("none yet", "Stalled",
the strategies' names, "3 partners have not signed off") is translated once per table, as
`stages/worksheets/cells.py` does for the worksheets' tables. Values are escaped as the
template escaped them: the page's data and the translations of plain words, not the text
of a translation that holds a value.
"""

from __future__ import annotations

import datetime
from functools import cache

from django.urls import reverse
from django.utils.formats import date_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext, ngettext

from collaborations.markup import text as escape
from dashboards.portfolio import PortfolioRow
from stages.models import Stage
from support.models import Strategy


class _Words:
    """What the rows of one table say, in the reader's language, escaped; each wording
    with a number or a date is made once for each."""

    def __init__(self) -> None:
        self.archived = escape(gettext("Archived"))
        self.all_complete = escape(gettext("All stages complete"))
        self.none_yet = escape(gettext("none yet"))
        self.no_flag = escape(gettext("none"))
        self.none_logged = escape(gettext("none logged"))
        self.support_log = escape(gettext("Support log"))
        self.of_name = gettext("of %(name)s")  # the hidden end of the support log link
        self.stalled = _flag(
            "danger", gettext("Stalled"), gettext("no worksheet changed for 30 days")
        )
        self.late_badge = gettext("Late")
        self.sign_off_badge = gettext("Sign-off")
        self.strategies = {value: escape(label) for value, label in Strategy.choices}
        self.late = cache(self._late)
        self.not_signed_off = cache(self._not_signed_off)
        self.activities = cache(self._activities)
        self.date = cache(self._date)
        self.stage = cache(self._stage)

    def _late(self, count: int) -> str:
        text = ngettext(
            "%(counter)s commitment or milestone late",
            "%(counter)s commitments and milestones late",
            count,
        )
        return _flag("danger", self.late_badge, text % {"counter": count})

    def _not_signed_off(self, count: int) -> str:
        """The start of the sign-off flag, names to follow."""
        return ngettext(
            "%(counter)s partner has not signed off",
            "%(counter)s partners have not signed off",
            count,
        ) % {"counter": count}

    def _activities(self, count: int) -> str:
        return ngettext("%(counter)s activity", "%(counter)s activities", count) % {
            "counter": count
        }

    def _date(self, day: datetime.date) -> str:
        return escape(date_format(day, "DATE_FORMAT"))

    def _stage(self, stage: Stage | None) -> str:
        if stage is None:
            return self.all_complete
        return f'<span class="stage-number">{stage.number}</span> {escape(stage.name)}'


def _flag(colour: str, badge: str, text: str) -> str:
    return (
        f'<li><span class="badge text-bg-{colour} flag">{escape(badge)}</span> {escape(text)}</li>'
    )


def table_rows(rows: list[PortfolioRow]) -> SafeString:
    """The `<tr>` of each row, for the portfolio table's body."""
    words = _Words()
    return mark_safe("".join(_row(row, words) for row in rows))


def _row(row: PortfolioRow, words: _Words) -> str:
    collaboration = row.collaboration
    name = escape(collaboration.name)
    dashboard = reverse("collaboration", args=[collaboration.pk])
    archived = (
        f' · <span class="badge text-bg-secondary">{words.archived}</span>'
        if collaboration.is_archived
        else ""
    )
    reviews = (
        f'<a href="{dashboard}#attention">{row.reviews_waiting}</a>' if row.reviews_waiting else "0"
    )
    last = (
        words.date(template_localtime(row.last_activity).date())
        if row.last_activity
        else words.none_yet
    )
    support_log = reverse("support:log", args=[collaboration.pk])
    of_name = words.of_name % {"name": name}
    return (
        "<tr>\n"
        f'<th scope="row">\n<a href="{dashboard}">{name}</a>\n'
        f'<span class="d-block small fw-normal text-body-secondary">'
        f"{escape(collaboration.community)}{archived}</span>\n</th>\n"
        f"<td>{words.stage(row.current_stage)}</td>\n<td>{row.percent_complete}%</td>\n<td>{reviews}</td>\n"
        f'<td class="small">{last}</td>\n'
        f'<td>\n<ul class="list-unstyled small mb-0">\n{_flags(row, words)}\n</ul>\n</td>\n'
        f'<td class="small">\n{_support(row, words)}\n'
        f'<a class="target-min" href="{support_log}">{words.support_log}'
        f'<span class="visually-hidden"> {of_name}</span></a>\n</td>\n'
        "</tr>\n"
    )


def _flags(row: PortfolioRow, words: _Words) -> str:
    """Each flag as a badge and what it means (archived collaborations have none)."""
    if not row.flags:
        return f'<li class="text-body-secondary">{words.no_flag}</li>'
    lines = []
    if row.stalled:
        lines.append(words.stalled)
    if row.late:
        lines.append(words.late(row.late))
    if row.not_signed_off:
        count = len(row.not_signed_off)
        text = words.not_signed_off(count)
        if count <= 3:
            text += ": " + ", ".join(row.not_signed_off)
        lines.append(_flag("warning", words.sign_off_badge, text))
    return "".join(lines)


def _support(row: PortfolioRow, words: _Words) -> str:
    """Support activities by strategy, folded under their number."""
    used = [(value, n) for value, n in row.support.items() if n]
    if not used:
        return f'<span class="text-body-secondary">{words.none_logged}</span>'
    lines = "".join(f"<li>{words.strategies[value]}: {n}</li>" for value, n in used)
    return (
        f"<details>\n<summary>{words.activities(row.support_total)}</summary>\n"
        f'<ul class="list-unstyled mb-0">{lines}</ul>\n</details>'
    )
