"""Answers as people read them: labels instead of codes, partner names instead of ids.
Used wherever a worksheet is shown rather than edited (viewers, conflicts, history)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.utils.dateparse import parse_date
from django.utils.formats import date_format, number_format

from collaborations.models import Partner, Sector
from stages.worksheets.schema import Definition, Field, Kind, Section, Table


def display(spec: Field, value: Any, partners: dict[int, str]) -> str:
    if value in (None, "", []):
        return ""
    match spec.kind:
        case Kind.CHOICE:
            return str(dict(spec.choices).get(value, value))
        case Kind.SECTOR:
            return str(dict(Sector.choices).get(value, value))
        case Kind.PARTNER:
            return partners.get(value, "?")
        case Kind.PARTNERS:
            return ", ".join(partners.get(v, "?") for v in value)
        case Kind.DATE:
            parsed = parse_date(value)
            return date_format(parsed) if parsed else str(value)
        case Kind.MONEY:
            return number_format(value, decimal_pos=2, use_l10n=True, force_grouping=True)
        case Kind.NUMBER:
            return number_format(value, use_l10n=True)
    return str(value)


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
