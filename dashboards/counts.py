"""What the dashboard counts beside the worksheets: members, whether anyone was ever invited,
support activities by strategy, and the resource leads and barriers still open.

Each is a count over one table, so the database answers them all in one query: a SELECT per
count, joined by UNION ALL. Through the ORM each would be a query of its own, and building
one costs many times what the database spends answering it."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection, models

from collaborations.models import Collaboration, Invitation, Membership
from support.models import Activity, Barrier, ResourceLead, Strategy
from support.summary import StrategyCount


@dataclass(frozen=True)
class Counts:
    members: int
    invited: bool  # anyone was ever invited, whether or not they accepted
    by_strategy: list[StrategyCount]  # every strategy in `Strategy` order, zeros included
    open_leads: int  # resource leads still to explore or applied for
    open_barriers: int  # barriers not yet resolved

    @property
    def total_activities(self) -> int:
        return sum(row.count for row in self.by_strategy)


def _count(
    model: type[models.Model], name: str, *, statuses: Iterable[str] = (), by: str = ""
) -> tuple[str, list]:
    """A SELECT of (`name`, the value of field `by` or "", how many) over one collaboration's
    rows of `model`, only those in `statuses` if given; its first parameter, left to the
    caller, is the collaboration's id."""
    quote = connection.ops.quote_name

    def column(field: str) -> str:
        return quote(model._meta.get_field(field).column)

    key = column(by) if by else "''"
    sql = (
        f"SELECT '{name}', {key}, COUNT(*) FROM {quote(model._meta.db_table)} "
        f"WHERE {column('collaboration')} = %s"
    )
    statuses = list(statuses)
    if statuses:
        sql += f" AND {column('status')} IN ({', '.join(['%s'] * len(statuses))})"
    if by:
        sql += f" GROUP BY {key}"
    return sql, statuses


def counts(collaboration: Collaboration) -> Counts:
    """The collaboration's counts (see the module docstring), in one query."""
    parts, params = [], []
    for sql, statuses in (
        _count(Membership, "members"),
        _count(Invitation, "invitations"),
        _count(Activity, "activities", by="strategy"),
        _count(ResourceLead, "open_leads", statuses=ResourceLead.OPEN),
        _count(Barrier, "open_barriers", statuses=Barrier.OPEN),
    ):
        parts.append(sql)
        params += [collaboration.pk, *statuses]
    with connection.cursor() as cursor:
        cursor.execute(" UNION ALL ".join(parts), params)
        found = {(name, key): n for name, key, n in cursor.fetchall()}
    return Counts(
        members=found["members", ""],
        invited=found["invitations", ""] > 0,
        by_strategy=[
            StrategyCount(strategy, found.get(("activities", strategy.value), 0))
            for strategy in Strategy
        ],
        open_leads=found["open_leads", ""],
        open_barriers=found["open_barriers", ""],
    )
