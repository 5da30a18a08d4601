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
    raw = row.get(rule.due)
    return parse_date(raw) if isinstance(raw, str) and raw else None


def late_counts(collaboration_ids: list[int], today: datetime.date) -> dict[int, int]:
    """Late rows of every deadline table, per collaboration, counted by the database in one
    query without sending any worksheet's answers to Python: the rule of `deadline_status`
    written in SQL for SQLite's and PostgreSQL's JSON functions (dates are kept as ISO text,
    so comparing the text compares the dates). Collaborations with none late are left out."""
    if not collaboration_ids:
        return {}
    postgres = connection.vendor == "postgresql"
    parts, params = [], []
    for slug, definition in DEFINITIONS.items():
        for table in definition.tables:
            if table.deadlines is None:
                continue
            sql, table_params = _late_rows_sql(table, slug, postgres)
            parts.append(sql)
            params += [*table_params, today.isoformat()]
    ids = ", ".join(["%s"] * len(collaboration_ids))
    query = (
        f"SELECT collaboration_id, COUNT(*) FROM ({' UNION ALL '.join(parts)}) AS late_rows "
        f"WHERE collaboration_id IN ({ids}) GROUP BY collaboration_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [*params, *collaboration_ids])
        return dict(cursor.fetchall())


def _late_rows_sql(table: Table, slug: str, postgres: bool) -> tuple[str, list]:
    """A query of (collaboration_id) for each late row of `table` in the worksheets of tool
    `slug`; its last parameter, left to the caller, is today's date as ISO text."""
    rule = table.deadlines
    if postgres:
        rows = (
            "CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(w.answers -> %s) "
            "= 'array' THEN w.answers -> %s ELSE '[]'::jsonb END) AS r(value)"
        )
        rows_params = [table.name, table.name]
        status = "COALESCE(CASE WHEN jsonb_typeof(r.value) = 'object' THEN r.value ->> %s END, '')"
        # Byte order, whatever the database's collation, as for the dates' ISO text.
        due = (
            "(CASE WHEN jsonb_typeof(r.value -> %s) = 'string' THEN r.value ->> %s END)"
            ' COLLATE "C"'
        )
        due_params = [rule.due, rule.due]
    else:
        rows = (
            "JOIN json_each(CASE WHEN json_type(w.answers, %s) = 'array' "
            "THEN json_extract(w.answers, %s) ELSE '[]' END) AS r"
        )
        rows_params = [f"$.{table.name}", f"$.{table.name}"]
        status = "COALESCE(CASE WHEN r.type = 'object' THEN json_extract(r.value, %s) END, '')"
        due = "CASE WHEN json_type(r.value, %s) = 'text' THEN json_extract(r.value, %s) END"
        due_params = [f"$.{rule.due}", f"$.{rule.due}"]
    status_params = [rule.status if postgres else f"$.{rule.status}"]

    def among(values: tuple[str, ...]) -> tuple[str, list]:
        if not values:
            return "FALSE", []
        return f"{status} IN ({', '.join(['%s'] * len(values))})", [*status_params, *values]

    recorded_late, late_params = among(rule.late)
    closed, closed_params = among(rule.closed)
    sql = (
        f"SELECT w.collaboration_id AS collaboration_id FROM stages_worksheet w "
        f"JOIN stages_tool t ON t.id = w.tool_id {rows} WHERE t.slug = %s AND "
        f"({recorded_late} OR (NOT {closed} AND {due} <> '' AND {due} < %s))"
    )
    return sql, [*rows_params, slug, *late_params, *closed_params, *due_params, *due_params]
