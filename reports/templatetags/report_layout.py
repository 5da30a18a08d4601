"""The report's long tables, row by row, written in Python.

A filled report has hundreds of table rows (worksheet tables, sign-offs, reservations). In
template loops every cell is a dozen node renders, lookups and a translation; here each
table's labels are translated once and each row is one string, with the markup the templates
wrote cell by cell: the same cells, "—" where nothing was given, everything people typed
escaped. The tables' column groups and header cells (with their scope) stay in the
templates, where they are written once per table.
"""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterable

from django import template
from django.utils import dateformat
from django.utils.formats import get_format
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime

from collaborations.templatetags.people import person
from stages.models import SignOff, WorksheetStatus
from stages.templatetags.sign_offs import recorded
from stages.worksheets.display import ShownTable

register = template.Library()

NOTHING = "—"


def _text(value: object) -> str:
    """`value` escaped as `{{ value }}` escapes it (safe strings kept as they are, lazy
    translations resolved), without `conditional_escape`'s per-call wrapper."""
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def _shown(value: object) -> str:
    """A cell's content as `{{ value|default:"—" }}` writes it."""
    return _text(value) if value else NOTHING


def _labels(choices: Iterable[tuple[str, object]]) -> dict[str, str]:
    """Choices' labels in the active language, translated once for a whole table."""
    return {value: str(label) for value, label in choices}


class _Dates:
    """Moments as the report dates them (`|date:"DATE_FORMAT"` in the reader's time zone),
    each day written once for a whole table: its rows were mostly recorded on a few days."""

    def __init__(self) -> None:
        self.shape = get_format("DATE_FORMAT")
        self.written: dict[datetime.date, str] = {}

    def __call__(self, moment: datetime.datetime) -> str:
        day = template_localtime(moment).date()
        if day not in self.written:
            self.written[day] = dateformat.format(day, self.shape)
        return self.written[day]


def _tool(entry) -> str:
    """A tool as the report names it: "3. Share a vision of success"."""
    return f"{entry.tool.number}. {_text(entry.tool.name)}"


@register.simple_tag
def table_rows(shown: ShownTable) -> SafeString:
    """A worksheet table's rows: a cell for each column."""
    return mark_safe(
        "".join(
            "<tr>" + "".join(f"<td>{_shown(cell)}</td>" for cell in row) + "</tr>"
            for row in shown.rows
        )
    )


@register.simple_tag
def row_blocks(shown: ShownTable) -> SafeString:
    """A worksheet table too wide for the page, one block per row: each value under its
    column's label."""
    columns = [(_text(column.kind), _text(column.label)) for column in shown.table.columns]
    return mark_safe(
        "".join(
            '<dl class="row-block">'
            + "".join(
                f'<div class="row-block__item row-block__item--{kind}">'
                f"<dt>{label}</dt><dd>{_shown(cell)}</dd></div>"
                for (kind, label), cell in zip(columns, row, strict=False)
            )
            + "</dl>"
            for row in shown.rows
        )
    )


@register.simple_tag
def sign_off_rows(sign_offs: list[SignOff]) -> SafeString:
    """A worksheet's sign-offs: partner, position, note, who recorded it and when."""
    positions, dates = _labels(SignOff.Position.choices), _Dates()
    return mark_safe(
        "".join(
            f"<tr><td>{_text(s.partner.name)}</td>"
            f'<td class="position-{_text(s.position)}">'
            f"{_text(positions.get(s.position, s.position))}</td>"
            f"<td>{_shown(s.note)}</td><td>{recorded(s, dates(s.updated_at))}</td></tr>"
            for s in sign_offs
        )
    )


@register.simple_tag
def concern_rows(concerns: list[tuple[object, SignOff]]) -> SafeString:
    """Reservations and disagreements across the report: tool, partner, position, note, who
    recorded it and when."""
    positions, dates = _labels(SignOff.Position.choices), _Dates()
    return mark_safe(
        "".join(
            f"<tr><td>{_tool(entry)}</td><td>{_text(s.partner.name)}</td>"
            f"<td>{_text(positions.get(s.position, s.position))}</td>"
            f"<td>{_shown(s.note)}</td><td>{recorded(s, dates(s.updated_at))}</td></tr>"
            for entry, s in concerns
        )
    )


@register.simple_tag
def change_rows(entries: list) -> SafeString:
    """Each included worksheet's status, and when and by whom it last changed."""
    statuses, dates = _labels(WorksheetStatus.choices), _Dates()
    rows = []
    for entry in entries:
        worksheet = entry.worksheet
        changed = worksheet.updated_at
        when = dates(changed) if changed else ""
        who = _text(person(worksheet.updated_by)) if changed else NOTHING
        status = statuses.get(worksheet.status, worksheet.status)
        rows.append(
            f"<tr><td>{_tool(entry)}</td><td>{_text(status)}</td>"
            f"<td>{_shown(when)}</td><td>{who}</td></tr>"
        )
    return mark_safe("".join(rows))
