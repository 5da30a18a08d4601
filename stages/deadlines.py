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


def _deadline_tables() -> list[tuple[str, Table]]:
    """Every table that declares deadlines, with the slug of its tool."""
    return [
        (slug, table)
        for slug, definition in DEFINITIONS.items()
        for table in definition.tables
        if table.deadlines is not None
    ]


def late_counts(collaboration_ids: list[int], today: datetime.date) -> dict[int, int]:
    """Late rows of every deadline table, per collaboration, counted by the database in one
    query without sending any worksheet's answers to Python: the rule of `deadline_status`
    written in SQL for SQLite's and PostgreSQL's JSON functions (dates are kept as ISO text,
    so comparing the text compares the dates). Collaborations with none late are left out."""
    if not collaboration_ids:
        return {}
    ids = ", ".join(["%s"] * len(collaboration_ids))
    parts, params = [], []
    for slug, table in _deadline_tables():
        rows, rows_params, late, late_params = _late_row_sql(table, today)
        parts.append(
            f"SELECT w.collaboration_id AS collaboration_id FROM stages_worksheet w "
            f"JOIN stages_tool t ON t.id = w.tool_id {rows} "
            f"WHERE t.slug = %s AND w.collaboration_id IN ({ids}) AND {late}"
        )
        params += [*rows_params, slug, *collaboration_ids, *late_params]
    query = (
        f"SELECT collaboration_id, COUNT(*) FROM ({' UNION ALL '.join(parts)}) AS late_rows "
        "GROUP BY collaboration_id"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return dict(cursor.fetchall())


def with_late(collaboration_ids: list[int], today: datetime.date) -> set[int]:
    """The collaborations among these with a late row, by the same rule as `late_counts`,
    in one query that stops at each collaboration's first late row: enough for a flag."""
    if not collaboration_ids:
        return set()
    found = []
    params: list = []
    for slug, table in _deadline_tables():
        rows, rows_params, late, late_params = _late_row_sql(table, today)
        found.append(
            f"EXISTS (SELECT 1 FROM stages_worksheet w JOIN stages_tool t ON t.id = w.tool_id "
            f"{rows} WHERE t.slug = %s AND w.collaboration_id = c.id AND {late})"
        )
        params += [*rows_params, slug, *late_params]
    ids = ", ".join(["%s"] * len(collaboration_ids))
    query = (
        f"SELECT c.id FROM collaborations_collaboration c "
        f"WHERE ({' OR '.join(found)}) AND c.id IN ({ids})"
    )
    with connection.cursor() as cursor:
        cursor.execute(query, [*params, *collaboration_ids])
        return {collaboration_id for (collaboration_id,) in cursor.fetchall()}


def _late_row_sql(table: Table, today: datetime.date) -> tuple[str, list, str, list]:
    """The rows of `table` in a worksheet `w`, as a join naming each row `r`, and the condition
    that such a row is late on `today`: (join, its parameters, condition, its parameters)."""
    rule = table.deadlines
    if connection.vendor == "postgresql":
        rows = (
            "CROSS JOIN LATERAL jsonb_array_elements(CASE WHEN jsonb_typeof(w.answers -> %s) "
            "= 'array' THEN w.answers -> %s ELSE '[]'::jsonb END) AS r(value)"
        )
        rows_params = [table.name, table.name]
        is_row, status = "jsonb_typeof(r.value) = 'object'", "r.value ->> %s"
        # Byte order, whatever the database's collation, as for the dates' ISO text.
        due = (
            "(CASE WHEN jsonb_typeof(r.value -> %s) = 'string' THEN r.value ->> %s END)"
            ' COLLATE "C"'
        )
        overdue = f"{due} <> '' AND {due} < %s"
        status_params, overdue_params = [rule.status], [*[rule.due] * 4, today.isoformat()]
    else:
        rows, rows_params = "JOIN json_each(w.answers, %s) AS r", [f"$.{table.name}"]
        # A row is an object at an index of the table's array (the members of an object in
        # the array's place have text keys).
        is_row = "r.type = 'object' AND typeof(r.key) = 'integer'"
        status = "json_extract(r.value, %s)"
        # Dates are ISO text, so from "0" on: empty text, and numbers, sort before it.
        due = "json_extract(r.value, %s)"
        overdue = f"{due} >= '0' AND {due} < %s"
        status_params = [f"$.{rule.status}"]
        overdue_params = [f"$.{rule.due}", f"$.{rule.due}", today.isoformat()]
    # The recorded status decides first (late whatever the date, or closed), then the date.
    decided = [*rule.late, *rule.closed]
    if decided:
        whens = " ".join(
            ["WHEN %s THEN TRUE"] * len(rule.late) + ["WHEN %s THEN FALSE"] * len(rule.closed)
        )
        late = f"CASE {status} {whens} ELSE {overdue} END"
        late_params = [*status_params, *decided, *overdue_params]
    else:
        late, late_params = overdue, overdue_params
    # Only a row is asked for its status and date: SQLite fails on a text read as JSON.
    return rows, rows_params, f"CASE WHEN {is_row} THEN {late} END", late_params
