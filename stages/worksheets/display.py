"""Answers as people read them: labels instead of codes, partner names instead of ids.
Used wherever a worksheet is shown rather than edited (viewers, conflicts, history)."""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from collaborations.models import Partner
from collaborations.money import format_money
from stages.deadlines import deadline_status
from stages.worksheets.kinds import display, reader
from stages.worksheets.schema import Definition, Field, Kind, Section, Table


@dataclass
class ShownTable:
    table: Table
    rows: list[list[str]]


@dataclass
class ShownSection:
    section: Section
    parts: list[tuple[Field, str] | ShownTable]


def present(
    definition: Definition,
    answers: dict,
    partners: list[Partner],
    currency: str = "",
    today: datetime.date | None = None,
) -> list[ShownSection]:
    """The answers as people read them. In a table with deadlines the status column says
    the one status from `deadline_status` ("Late: was on track")."""
    today = today or timezone.localdate()
    names = {p.pk: p.name for p in partners}
    shown = []
    for section in definition.sections:
        parts: list = []
        for part in section.parts:
            if isinstance(part, Table):
                parts.append(ShownTable(part, _rows(part, answers, names, currency, today)))
            else:
                parts.append((part, display(part, answers.get(part.name), names, currency)))
        shown.append(ShownSection(section, parts))
    return shown


def _rows(
    table: Table, answers: dict, names: dict[int, str], currency: str, today: datetime.date
) -> list[list[str]]:
    """A table's rows as people read them, each column's reader made once for the table."""
    columns = [(c.name, reader(c, names, currency)) for c in table.columns]
    status = None
    if table.deadlines:
        status = [c.name for c in table.columns].index(table.deadlines.status)
    rows = []
    for row in answers.get(table.name) or []:
        cells = [read(row.get(name)) for name, read in columns]
        if status is not None:
            cells[status] = deadline_status(table, row, today).text
        rows.append(cells)
    return rows


@dataclass
class Total:
    """One grouping of a table's totals: a line per group, an amount per status column."""

    heading: str
    columns: list[str]
    lines: list[tuple[str, list[str]]]


@dataclass
class StatusSum:
    status: str
    label: str
    amount: float
    gap: bool

    def shown(self, currency: str = "") -> str:
        return format_money(self.amount, currency)


def _statuses(table: Table, rows: list[dict]) -> list[tuple[str, str, bool]]:
    """The status columns of a table's totals: (value, label, is a gap), in the declared
    order, with "status not given" when some row has none; one unnamed column without a
    status column."""
    rule = table.totals
    if rule is None or rule.status is None:
        return [("", str(_("Amount")), False)]
    spec = next(c for c in table.columns if c.name == rule.status)
    found = [(value, str(label), value in rule.gaps) for value, label in spec.choices]
    known = {value for value, _label, _gap in found}
    if any((row.get(rule.status) or "") not in known for row in rows):
        found.append(("", str(_("Status not given")), False))
    return found


def _status_of(table: Table, row: dict, known: set[str]) -> str:
    rule = table.totals
    if rule is None or rule.status is None:
        return ""
    status = row.get(rule.status) or ""
    return status if status in known else ""


def status_sums(table: Table, rows: list[dict]) -> list[StatusSum]:
    """The value column summed by status only: committed, pledged, potential and needed
    apart (the dashboard's resources at a glance)."""
    statuses = _statuses(table, rows)
    known = {value for value, _label, _gap in statuses}
    sums: dict[str, float] = defaultdict(float)
    for row in rows:
        sums[_status_of(table, row, known)] += float(row.get(table.totals.value) or 0)
    return [StatusSum(value, label, sums[value], gap) for value, label, gap in statuses]


def totals(
    table: Table, rows: list[dict], partners: list[Partner], currency: str = ""
) -> list[Total]:
    """A table's declared totals: the value column summed by each grouping column (and by
    sector where the grouping column is a partner), largest first, each sum kept apart by
    status. A gap ("needed") has its own column and is never added to what is available."""
    if table.totals is None or not rows:
        return []
    columns = {c.name: c for c in table.columns}
    names = {p.pk: p.name for p in partners}
    sectors = {p.pk: p.sector for p in partners}
    statuses = _statuses(table, rows)
    known = {value for value, _label, _gap in statuses}
    headings = [
        str(_("%(status)s (still missing)") % {"status": label}) if gap else label
        for _value, label, gap in statuses
    ]
    groupings: list[tuple[str, Callable[[dict], str]]] = []
    for name in table.totals.by:
        spec = columns[name]
        read = reader(spec, names)
        groupings.append(
            (str(spec.label), lambda row, spec=spec, read=read: read(row.get(spec.name)))
        )
        if spec.kind == Kind.PARTNER:
            sector = reader(Field("sector", _("Sector"), Kind.SECTOR), names)
            groupings.append(
                (
                    str(_("Sector")),
                    lambda row, spec=spec, sector=sector: sector(sectors.get(row.get(spec.name))),
                )
            )

    def amounts(sums: dict[str, float], zero: str = "—") -> list[str]:
        return [format_money(sums[v], currency) if sums[v] else zero for v, _l, _g in statuses]

    def available(sums: dict[str, float]) -> float:
        return sum(sums[v] for v, _label, gap in statuses if not gap)

    result = []
    for heading, key in groupings:
        groups: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
        for row in rows:
            group = groups[key(row) or str(_("Not given"))]
            group[_status_of(table, row, known)] += float(row.get(table.totals.value) or 0)
        ordered = sorted(groups.items(), key=lambda item: (-available(item[1]), item[0]))
        result.append(
            Total(
                heading=str(_("By %(column)s")) % {"column": heading.lower()},
                columns=headings,
                lines=[(label, amounts(sums)) for label, sums in ordered],
            )
        )
    overall: dict[str, float] = defaultdict(float)
    for row in rows:
        overall[_status_of(table, row, known)] += float(row.get(table.totals.value) or 0)
    result.append(
        Total(
            str(_("Overall")),
            headings,
            [(str(_("Total")), amounts(overall, zero=format_money(0, currency)))],
        )
    )
    return result
