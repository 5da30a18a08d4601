"""Answers as people read them: labels instead of codes, partner names instead of ids.
Used wherever a worksheet is shown rather than edited (viewers, conflicts, history)."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

from collaborations.models import Partner
from stages.worksheets.kinds import display
from stages.worksheets.schema import Definition, Field, Kind, Section, Table


@dataclass
class ShownTable:
    table: Table
    rows: list[list[str]]


@dataclass
class ShownSection:
    section: Section
    parts: list[tuple[Field, str] | ShownTable]


def present(definition: Definition, answers: dict, partners: list[Partner]) -> list[ShownSection]:
    names = {p.pk: p.name for p in partners}
    shown = []
    for section in definition.sections:
        parts: list = []
        for part in section.parts:
            if isinstance(part, Table):
                rows = [
                    [display(col, row.get(col.name), names) for col in part.columns]
                    for row in answers.get(part.name) or []
                ]
                parts.append(ShownTable(part, rows))
            else:
                parts.append((part, display(part, answers.get(part.name), names)))
        shown.append(ShownSection(section, parts))
    return shown


@dataclass
class Total:
    heading: str
    lines: list[tuple[str, str]]


def totals(table: Table, rows: list[dict], partners: list[Partner]) -> list[Total]:
    """A table's declared totals: the value column summed by each grouping column (and by
    sector where the grouping column is a partner), largest first."""
    if table.totals is None or not rows:
        return []
    columns = {c.name: c for c in table.columns}
    value_spec = columns[table.totals.value]
    names = {p.pk: p.name for p in partners}
    sectors = {p.pk: p.sector for p in partners}
    groupings: list[tuple[str, Callable[[dict], str]]] = []
    for name in table.totals.by:
        spec = columns[name]
        groupings.append(
            (str(spec.label), lambda row, spec=spec: display(spec, row.get(spec.name), names))
        )
        if spec.kind == Kind.PARTNER:
            sector = Field("sector", _("Sector"), Kind.SECTOR)
            groupings.append(
                (
                    str(_("Sector")),
                    lambda row, spec=spec, sector=sector: display(
                        sector, sectors.get(row.get(spec.name)), names
                    ),
                )
            )
    result = []
    for heading, key in groupings:
        sums: dict[str, float] = defaultdict(float)
        for row in rows:
            sums[key(row) or str(_("Not given"))] += row.get(table.totals.value) or 0
        lines = sorted(sums.items(), key=lambda item: -item[1])
        result.append(
            Total(
                heading=str(_("By %(column)s")) % {"column": heading.lower()},
                lines=[(label, display(value_spec, amount, names)) for label, amount in lines],
            )
        )
    total = sum(row.get(table.totals.value) or 0 for row in rows)
    result.append(Total(str(_("Overall")), [(str(_("Total")), display(value_spec, total, names))]))
    return result
