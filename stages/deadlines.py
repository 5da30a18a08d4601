"""When a promise is late: the one place this is decided.

A row of a table with declared deadlines (a commitment, a milestone) is late when its status
says so, or when its due date has passed and it is not closed (done, dropped, reached,
missed). A late row whose recorded status still says otherwise reads "Late: was on track", so
a page never shows "Late" beside "On track". The dashboard, the portfolio, the worksheet and
the report all ask `deadline_status`; lists of many collaborations ask what each worksheet
keeps of it on save (`deadline_days`), so that counting late promises reads no answers.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.db import connection
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

from stages.worksheets.declarations import DEFINITIONS
from stages.worksheets.schema import Deadlines, Table


@dataclass(frozen=True)
class DeadlineStatus:
    recorded: str  # the status as recorded in the row ("on_track"), or ""
    # The same, as people read it ("On track"): translated only when shown, since the
    # portfolio asks thousands of rows whether they are late and never shows their label.
    recorded_label: str
    due: datetime.date | None
    late: bool
    closed: bool
    recorded_late: bool = False  # the recorded status itself says late

    @property
    def text(self) -> str:
        """The one status to show: "Late: was on track", "Late", "Done", "On track"..."""
        if self.late and self.recorded_label and not self.recorded_late:
            return _("Late: was %(status)s") % {"status": self.recorded_label.lower()}
        if self.late:
            return _("Late")
        return str(self.recorded_label) if self.recorded_label else _("No status yet")

    @property
    def open(self) -> bool:
        return not self.closed


def deadline_status(table: Table, row: dict, today: datetime.date) -> DeadlineStatus:
    """Where the promise in `row` of `table` (which declares deadlines) stands on `today`."""
    rule = table.deadlines
    if rule is None:
        raise ValueError(f"table {table.name!r} declares no deadlines")
    status = row.get(rule.status) or ""
    if not isinstance(status, str):  # a value no form writes is no recorded status
        status = ""
    spec = next(c for c in table.columns if c.name == rule.status)
    labels = dict(spec.choices)
    due = _due(row, rule)
    closed = status in rule.closed
    recorded_late = status in rule.late
    late = recorded_late or (not closed and due is not None and due < today)
    return DeadlineStatus(
        recorded=status,
        recorded_label=labels.get(status, status),
        due=due,
        late=late,
        closed=closed,
        recorded_late=recorded_late,
    )


def _due(row: dict, rule: Deadlines) -> datetime.date | None:
    """The row's due date; text that is not a day (as "2026-02-30") is no date."""
    raw = row.get(rule.due)
    try:
        return parse_date(raw) if isinstance(raw, str) and raw else None
    except ValueError:
        return None


# The day before any other: a promise whose recorded status says late is late after it.
ALWAYS = datetime.date.min


def late_after(table: Table, row: dict) -> datetime.date | None:
    """The day after which the promise in `row` of `table` is late, by `deadline_status`'s
    rule: late on a day exactly when this is earlier. Its due date while it is open,
    `ALWAYS` when its recorded status says late whatever the date, None when it never is."""
    standing = deadline_status(table, row, ALWAYS)
    if standing.recorded_late:
        return ALWAYS
    return None if standing.closed else standing.due


def deadline_days(slug: str, answers: object) -> list[datetime.date]:
    """`late_after` of every promise in the deadline tables of a worksheet of the tool `slug`
    with these answers, earliest first. Values in a table's place that are not lists of
    rows, and items of the list that are not rows, are no promises."""
    definition = DEFINITIONS.get(slug)
    if definition is None or not isinstance(answers, dict):
        return []
    days = []
    for table in definition.tables:
        rows = answers.get(table.name) if table.deadlines is not None else None
        if isinstance(rows, list):
            days += [
                day
                for row in rows
                if isinstance(row, dict) and (day := late_after(table, row)) is not None
            ]
    return sorted(days)


# Each worksheet keeps its `deadline_days` (`Worksheet.deadlines`, ISO days, and the first
# of them, `Worksheet.earliest_deadline`), written with its answers, so many collaborations'
# late promises are counted from those short lists and an index, not from their answers.


def late_counts(collaboration_ids: list[int], today: datetime.date) -> dict[int, int]:
    """Late promises of every deadline table, per collaboration, counted by the database in
    one query from the worksheets' deadlines: only worksheets whose earliest one is before
    `today` are read. Collaborations with none late are left out."""
    if not collaboration_ids:
        return {}
    if connection.vendor == "postgresql":
        # Byte order, whatever the database's collation: ISO days sort as the days do.
        days, day = "jsonb_array_elements_text(w.deadlines) AS d(value)", 'd.value COLLATE "C"'
    else:
        days, day = "json_each(w.deadlines) AS d", "d.value"
    query = (
        f"SELECT w.collaboration_id, COUNT(*) FROM stages_worksheet w CROSS JOIN {days} "
        f"WHERE w.collaboration_id IN ({', '.join(['%s'] * len(collaboration_ids))}) "
        f"AND w.earliest_deadline < %s AND {day} < %s GROUP BY w.collaboration_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [*collaboration_ids, today, today.isoformat()])
        return dict(cursor.fetchall())


def with_late(collaboration_ids: list[int], today: datetime.date) -> set[int]:
    """The collaborations among these with a late promise, by the same rule as
    `late_counts`, from the index on the worksheets' earliest deadlines alone."""
    if not collaboration_ids:
        return set()
    query = (
        "SELECT DISTINCT collaboration_id FROM stages_worksheet "
        f"WHERE collaboration_id IN ({', '.join(['%s'] * len(collaboration_ids))}) "
        "AND earliest_deadline < %s"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [*collaboration_ids, today])
        return {collaboration_id for (collaboration_id,) in cursor.fetchall()}
