"""The vocabulary worksheet declarations are written in.

A worksheet is a list of sections. Each section has plain-language prompts and parts; a part
is either a single answer (`Field`) or a table of rows (`Table`) whose columns are fields.
Answers are stored as JSON on `Worksheet.answers`: `{field: value, table: [{"id": …, column:
value, …}, …]}`.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from enum import StrEnum
from functools import cached_property

from django.utils.functional import Promise

Text = str | Promise


class Kind(StrEnum):
    TEXT = "text"  # one line
    LONG_TEXT = "long_text"  # paragraphs
    CHOICE = "choice"  # one of `choices`
    SCALE = "scale"  # 1 to 5
    NUMBER = "number"  # a decimal number
    MONEY = "money"  # an amount, two decimals, not negative
    DATE = "date"
    PARTNER = "partner"  # one of the collaboration's partner organizations
    PARTNERS = "partners"  # several of them
    SECTOR = "sector"  # one of the six sectors


@dataclass(frozen=True)
class Field:
    name: str
    label: Text
    kind: Kind = Kind.LONG_TEXT
    choices: tuple[tuple[str, Text], ...] = ()
    help: Text = ""
    # Required answers are enforced only when the worksheet is marked ready for review;
    # a draft may be incomplete.
    required: bool = False
    max_length: int | None = None


@dataclass(frozen=True)
class Totals:
    """Sums of a number column, grouped by each of some columns. Grouping by a partner column
    also groups by the partners' sectors. With a `status` column, every sum is kept apart by
    status (committed, pledged, ...), never added across statuses; statuses in `gaps` are what
    is still missing, never counted as available."""

    value: str
    by: tuple[str, ...]
    status: str | None = None
    gaps: tuple[str, ...] = ()


@dataclass(frozen=True)
class Deadlines:
    """Rows are promises with a due date, watched by the dashboards: the columns that say what
    was promised, by when, its status and (optionally) which partner promised it. A row whose
    status is in `closed` needs no more attention; one in `late` is late whatever its date; a
    row in `kept` counts towards its partner's follow-through."""

    what: str
    due: str
    status: str
    closed: tuple[str, ...]
    late: tuple[str, ...] = ()
    kept: tuple[str, ...] = ()
    partner: str | None = None


@dataclass(frozen=True)
class Grid:
    """Rows are placed on a 1-to-5 by 1-to-5 grid (influence by interest): the columns that
    name a row, place it across (`x`) and up (`y`), and describe it beside the picture."""

    label: str
    x: str
    y: str
    detail: str | None = None


@dataclass(frozen=True)
class Table:
    name: str
    label: Text
    columns: tuple[Field, ...]
    help: Text = ""
    # Rows needed before the worksheet can go to review.
    required_rows: int = 0
    # Rows can join the collaboration's partners in one action: (name column, sector column).
    becomes_partner: tuple[str, str] | None = None
    # Rows are indicators measured over time: (name, unit, baseline, target) columns.
    measured: tuple[str, str, str, str] | None = None
    totals: Totals | None = None
    deadlines: Deadlines | None = None
    grid: Grid | None = None

    def column(self, name: str) -> Field:
        """The column called `name`; KeyError if there is none."""
        for column in self.columns:
            if column.name == name:
                return column
        raise KeyError(name)


@dataclass(frozen=True)
class Section:
    title: Text
    prompts: tuple[Text, ...]
    parts: tuple[Field | Table, ...] = field(default_factory=tuple)
    # One short answer of ours, from an imagined collaboration, shown beside the section so a
    # first-time reader sees what a good answer looks like.
    example: Text = ""


@dataclass(frozen=True)
class Definition:
    tool: str  # the tool's slug
    sections: tuple[Section, ...]
    # Partners record agreement where consensus matters.
    sign_off: bool = False
    # This worksheet's story opens the collaboration report.
    opens_report: bool = False

    # Worked out once: pages walk every declaration's tables several times.
    @cached_property
    def fields(self) -> list[Field]:
        return [p for s in self.sections for p in s.parts if isinstance(p, Field)]

    @cached_property
    def tables(self) -> list[Table]:
        return [p for s in self.sections for p in s.parts if isinstance(p, Table)]

    def table(self, name: str) -> Table:
        """The table called `name`; KeyError if there is none."""
        for table in self.tables:
            if table.name == name:
                return table
        raise KeyError(name)
