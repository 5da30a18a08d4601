"""The support log in numbers, for pages outside it: the facilitator's portfolio, the
collaboration dashboard and the printed report. Both functions ask the database a fixed
number of times, however many collaborations and entries there are."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db import connection

from collaborations.models import Collaboration
from support.models import Activity, Barrier, ResourceLead, Strategy

LATEST = 5


@dataclass(frozen=True)
class StrategyCount:
    strategy: Strategy
    count: int


@dataclass(frozen=True)
class SupportSummary:
    """One collaboration's support log at a glance.

    `by_strategy` has every strategy, in `Strategy` order, zeros included; `latest_activities`
    are the most recent few, newest first; `open_leads` are those still to explore or applied
    for (soonest deadline first); `open_barriers` are those not yet resolved.
    """

    by_strategy: list[StrategyCount]
    latest_activities: list[Activity]
    open_leads: list[ResourceLead]
    open_barriers: list[Barrier]

    @property
    def total_activities(self) -> int:
        return sum(row.count for row in self.by_strategy)


def by_strategy(collaboration_ids: Iterable[int]) -> dict[int, dict[str, int]]:
    """How many support activities each collaboration has had, per strategy, in one query.

    Every id asked for is in the answer, and each maps every strategy value (in `Strategy`
    order) to its count, zeros included: `by_strategy([7])[7]["convening"]`.
    """
    ids = list(collaboration_ids)
    strategies = Strategy.values  # worked out anew at each reading
    counts = {cid: dict.fromkeys(strategies, 0) for cid in ids}
    if not ids:
        return counts
    # A row per collaboration, a column per strategy, read without the ORM's per-row work:
    # portfolios ask this of hundreds of collaborations at once.
    columns = ", ".join(["COUNT(CASE WHEN strategy = %s THEN 1 END)"] * len(strategies))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT collaboration_id, {columns} FROM support_activity "
            f"WHERE collaboration_id IN ({', '.join(['%s'] * len(ids))}) "
            "GROUP BY collaboration_id",
            [*strategies, *ids],
        )
        for collaboration_id, *numbers in cursor.fetchall():
            counts[collaboration_id] = dict(zip(strategies, numbers, strict=True))
    return counts


def strategy_counts(collaboration: Collaboration) -> list[StrategyCount]:
    """Activities per strategy for one collaboration, every strategy in order (one query)."""
    counts = by_strategy([collaboration.pk])[collaboration.pk]
    return [StrategyCount(Strategy(value), n) for value, n in counts.items()]


def summary(collaboration: Collaboration, *, latest: int = LATEST) -> SupportSummary:
    """The collaboration's support log at a glance, in four queries."""
    return SupportSummary(
        by_strategy=strategy_counts(collaboration),
        latest_activities=list(
            collaboration.support_activities.select_related("recorded_by")[:latest]
        ),
        open_leads=list(collaboration.resource_leads.filter(status__in=ResourceLead.OPEN)),
        open_barriers=list(collaboration.support_barriers.filter(status__in=Barrier.OPEN)),
    )
