"""A facilitator's portfolio: every collaboration they facilitate, how far it has come and what
needs their attention, in a fixed number of queries however many collaborations there are.

Flags: stalled (no worksheet changed for `STALLED_DAYS` days), late commitments and milestones
(the declared deadline tables), and partner organizations that have not signed off a
consensus worksheet that is ready for review or complete.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field

from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from collaborations import access
from collaborations.models import Collaboration, Partner
from dashboards.progress import StageProgress, current_stage, percent_complete, stage_progress
from stages.deadlines import deadline_status
from stages.models import SignOff, Stage, Worksheet
from stages.worksheets.declarations import DEFINITIONS
from support.models import Strategy
from support.summary import by_strategy

STALLED_DAYS = 30


@dataclass
class PortfolioRow:
    collaboration: Collaboration
    progress: list[StageProgress]
    reviews_waiting: int
    last_activity: datetime.datetime | None
    stalled: bool
    late: int
    not_signed_off: list[str]
    support: dict[str, int] = field(default_factory=dict)

    @property
    def current_stage(self) -> Stage | None:
        """See `dashboards.progress.current_stage`; None once every stage is complete."""
        return current_stage(self.progress)

    @property
    def percent_complete(self) -> int:
        return percent_complete(self.progress)

    @property
    def flags(self) -> int:
        return int(self.stalled) + int(bool(self.late)) + int(bool(self.not_signed_off))

    @property
    def support_total(self) -> int:
        return sum(self.support.values())

    @property
    def support_lines(self) -> list[tuple[str, int]]:
        """Strategies used, with how many activities each, in strategy order."""
        return [(Strategy(value).label, n) for value, n in self.support.items() if n]


def _late_counts(ids: list[int], today: datetime.date) -> dict[int, int]:
    """Late rows of the deadline tables, per collaboration (one query)."""
    watched = {
        slug: [t for t in definition.tables if t.deadlines]
        for slug, definition in DEFINITIONS.items()
        if any(t.deadlines for t in definition.tables)
    }
    late: dict[int, int] = defaultdict(int)
    sheets = Worksheet.objects.filter(
        collaboration_id__in=ids, tool__slug__in=list(watched)
    ).values_list("collaboration_id", "tool__slug", "answers")
    for collaboration_id, slug, answers in sheets:
        for table in watched[slug]:
            for row in (answers or {}).get(table.name) or []:
                if deadline_status(table, row, today).late:
                    late[collaboration_id] += 1
    return late


def _not_signed_off(ids: list[int]) -> dict[int, list[str]]:
    """Active partner organizations missing from the sign-offs of a consensus worksheet that
    is ready for review or complete, per collaboration (three queries)."""
    consensus = [slug for slug, d in DEFINITIONS.items() if d.sign_off]
    awaiting: dict[int, set[int]] = defaultdict(set)
    for collaboration_id, tool_id in Worksheet.objects.filter(
        collaboration_id__in=ids,
        tool__slug__in=consensus,
        status__in=[Worksheet.Status.READY_FOR_REVIEW, Worksheet.Status.COMPLETE],
    ).values_list("collaboration_id", "tool_id"):
        awaiting[collaboration_id].add(tool_id)
    signed: dict[int, set[int]] = defaultdict(set)
    for partner_id, tool_id in SignOff.objects.filter(collaboration_id__in=ids).values_list(
        "partner_id", "tool_id"
    ):
        signed[partner_id].add(tool_id)
    missing: dict[int, list[str]] = defaultdict(list)
    for partner_id, collaboration_id, name in (
        Partner.objects.filter(collaboration_id__in=ids, status=Partner.Status.ACTIVE)
        .order_by("name")
        .values_list("pk", "collaboration_id", "name")
    ):
        if awaiting[collaboration_id] - signed[partner_id]:
            missing[collaboration_id].append(name)
    return missing


def portfolio(user, today: datetime.date | None = None) -> list[PortfolioRow]:
    """Every collaboration `user` facilitates (archived ones included, never flagged)."""
    today = today or timezone.localdate()
    collaborations = [
        m.collaboration
        for m in access.memberships_with(user, "follow_in_portfolio").order_by(
            "collaboration__name"
        )
    ]
    ids = [c.pk for c in collaborations]
    progress = stage_progress(ids)
    activity = dict(
        Worksheet.objects.filter(collaboration_id__in=ids)
        .order_by()
        .values_list("collaboration_id")
        .annotate(last=Max("updated_at"))
    )
    late = _late_counts(ids, today)
    unsigned = _not_signed_off(ids)
    support = by_strategy(ids)
    quiet_since = timezone.now() - datetime.timedelta(days=STALLED_DAYS)
    rows = []
    for c in collaborations:
        last = activity.get(c.pk)
        rows.append(
            PortfolioRow(
                collaboration=c,
                progress=progress[c.pk],
                reviews_waiting=sum(
                    p.counts.get(Worksheet.Status.READY_FOR_REVIEW, 0) for p in progress[c.pk]
                ),
                last_activity=last,
                stalled=not c.is_archived and (last or c.created_at) < quiet_since,
                late=0 if c.is_archived else late[c.pk],
                not_signed_off=[] if c.is_archived else unsigned[c.pk],
                support=support[c.pk],
            )
        )
    return rows


# Sortable columns: the query-string name, its label, and the key that sorts by it.
_EPOCH = datetime.datetime.min.replace(tzinfo=datetime.UTC)
SORTS: dict[str, tuple[str, Callable[[PortfolioRow], object]]] = {
    "name": (_("Collaboration"), lambda r: r.collaboration.name.lower()),
    "stage": (
        _("Current stage"),
        lambda r: r.current_stage.number if r.current_stage else len(r.progress) + 1,
    ),
    "complete": (_("Complete"), lambda r: r.percent_complete),
    "reviews": (_("Reviews waiting"), lambda r: r.reviews_waiting),
    "activity": (_("Last activity"), lambda r: r.last_activity or _EPOCH),
    "flags": (_("Flags"), lambda r: r.flags),
    "support": (_("Support given"), lambda r: r.support_total),
}
DEFAULT_SORT = "-flags"


def sort_rows(rows: list[PortfolioRow], sort: str) -> tuple[list[PortfolioRow], str]:
    """Rows sorted by `sort` (a column name, `-` first for descending), by name within ties;
    an unknown column sorts by the default. Returns the rows and the sort used."""
    column = sort.removeprefix("-")
    if column not in SORTS:
        sort, column = DEFAULT_SORT, DEFAULT_SORT.removeprefix("-")
    key = SORTS[column][1]
    by_name = sorted(rows, key=lambda r: r.collaboration.name.lower())
    return sorted(by_name, key=key, reverse=sort.startswith("-")), sort
