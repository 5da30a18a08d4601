"""When a promise is late: the one place this is decided.

A row of a table with declared deadlines (a commitment, a milestone) is late when its status
says so, or when its due date has passed and it is not closed (done, dropped, reached,
missed). A late row whose recorded status still says otherwise reads "Late: was on track", so
a page never shows "Late" beside "On track". The dashboard, the portfolio, the worksheet and
the report all ask `deadline_status`.
"""

from __future__ import annotations

import datetime
from dataclasses import dataclass

from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _

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


def count_late(table: Table, rows: object, today: datetime.date) -> int:
    """How many of `rows` (a table's answer: a list of rows, or anything else for none) are
    late on `today`, by the rule of `deadline_status`, without building a status for each:
    lists of many collaborations ask this of thousands of rows."""
    rule = table.deadlines
    if rule is None:
        raise ValueError(f"table {table.name!r} declares no deadlines")
    if not isinstance(rows, list):
        return 0
    late = 0
    for row in rows:
        status = row.get(rule.status) or ""
        if status in rule.late:
            late += 1
        elif status not in rule.closed:
            due = _due(row, rule)
            late += due is not None and due < today
    return late


def _due(row: dict, rule: Deadlines) -> datetime.date | None:
    raw = row.get(rule.due)
    return parse_date(raw) if isinstance(raw, str) and raw else None
