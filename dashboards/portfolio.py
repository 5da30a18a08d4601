"""A facilitator's portfolio: every collaboration they facilitate, how far it has come and what
needs their attention, in a fixed number of queries however many collaborations there are.

Flags: stalled (no worksheet changed for `STALLED_DAYS` days), late commitments and milestones
(the declared deadline tables), and partner organizations that have not signed off a
consensus worksheet that is ready for review or complete.

A page shows 25 rows but sorts, filters and counts them all. So `portfolio` gives every row
its last activity and whether each flag is raised, which the database answers at each
collaboration's first late row or missing sign-off; progress and support are worked out for
every row only when the sort or the filter needs them. `fill` then completes the rows shown
(or, for the CSV, all of them): progress, support by strategy, the late rows counted and who
has not signed off named.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import connection
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from collaborations import access
from collaborations.models import Collaboration, Partner
from dashboards.progress import StageProgress, current_stage, percent_complete, stage_progress
from stages.deadlines import late_counts, with_late
from stages.models import Stage, Worksheet
from stages.worksheets.declarations import DEFINITIONS
from support.summary import by_strategy

STALLED_DAYS = 30
AWAITING_SIGN_OFF = (Worksheet.Status.READY_FOR_REVIEW, Worksheet.Status.COMPLETE)


@dataclass
class PortfolioRow:
    collaboration: Collaboration
    last_activity: datetime.datetime | None
    stalled: bool
    any_late: bool = False
    any_not_signed_off: bool = False
    # Worked out for every row only when a sort or a filter needs it (`with_progress`,
    # `with_support`), and by `fill` for the rows shown or exported:
    progress: list[StageProgress] | None = None
    support: dict[str, int] | None = None  # activities by strategy
    late: int = 0
    not_signed_off: list[str] = field(default_factory=list)

    @property
    def current_stage(self) -> Stage | None:
        """See `dashboards.progress.current_stage`; None once every stage is complete."""
        return current_stage(self.progress)

    @property
    def percent_complete(self) -> int:
        return percent_complete(self.progress)

    @property
    def reviews_waiting(self) -> int:
        return sum(p.counts.get(Worksheet.Status.READY_FOR_REVIEW, 0) for p in self.progress)

    @property
    def support_total(self) -> int:
        return sum(self.support.values())

    @property
    def flags(self) -> int:
        return int(self.stalled) + int(self.any_late) + int(self.any_not_signed_off)


def _sign_offs_sql(ids: list[int]) -> tuple[str, str, list]:
    """SQL for the sign-offs asked of partner organizations in the collaborations `ids`:
    a `WITH` clause naming `asked` (collaboration_id, n: the collaborations with worksheets
    waiting for sign-offs, and how many), the condition that an organization `p` of the
    collaboration `asked.collaboration_id` has not signed them all, and the parameters of
    both.

    An organization's sign-offs are counted all at once rather than looked for worksheet by
    worksheet: the database keeps each partner's count (`collaborations_partner.sign_offs`,
    see `stages/migrations/0013_partner_sign_off_count.py`). That count is the one wanted
    wherever sign-offs are only on the worksheets waiting for them; in a collaboration with
    others (a worksheet reopened since it was signed off, say) those are counted and taken
    off."""
    consensus = [slug for slug, definition in DEFINITIONS.items() if definition.sign_off]
    tools = f"SELECT id FROM stages_tool WHERE slug IN ({_marks(consensus)})"
    waiting = f"status IN ({_marks(AWAITING_SIGN_OFF)})"
    on_awaited = (
        f"EXISTS (SELECT 1 FROM stages_worksheet w WHERE w.collaboration_id = s.collaboration_id "
        f"AND w.tool_id = s.tool_id AND w.tool_id IN ({tools}) AND w.{waiting})"
    )
    with_clause = (
        "WITH asked AS (SELECT collaboration_id, COUNT(*) AS n FROM stages_worksheet "
        f"WHERE collaboration_id IN ({_marks(ids)}) AND tool_id IN ({tools}) AND {waiting} "
        "GROUP BY collaboration_id), "
        # The collaborations with sign-offs elsewhere: on a tool that asks for none, or on a
        # consensus worksheet not waiting for them (only where fewer wait than there are).
        "elsewhere AS ("
        "SELECT asked.collaboration_id FROM asked WHERE EXISTS (SELECT 1 FROM stages_signoff s "
        "WHERE s.collaboration_id = asked.collaboration_id AND "
        f"s.tool_id IN (SELECT id FROM stages_tool WHERE slug NOT IN ({_marks(consensus)}))) "
        "UNION "
        "SELECT asked.collaboration_id FROM asked CROSS JOIN stages_tool t "
        f"WHERE asked.n < %s AND t.id IN ({tools}) AND EXISTS (SELECT 1 FROM stages_signoff s "
        f"WHERE s.collaboration_id = asked.collaboration_id AND s.tool_id = t.id AND NOT "
        f"{on_awaited}))"
    )
    short = (
        f"p.status IN ({_marks(Partner.SIGNING)}) "
        "AND p.sign_offs "
        "- CASE WHEN p.collaboration_id IN (SELECT collaboration_id FROM elsewhere) "
        "THEN (SELECT COUNT(*) FROM stages_signoff s WHERE s.partner_id = p.id "
        f"AND NOT {on_awaited}) ELSE 0 END < asked.n"
    )
    params = [
        *ids, *consensus, *AWAITING_SIGN_OFF,  # asked
        *consensus,  # elsewhere: on a tool that asks for none
        len(consensus), *consensus, *consensus, *AWAITING_SIGN_OFF,  # on a worksheet not waiting
        *Partner.SIGNING, *consensus, *AWAITING_SIGN_OFF,  # short
    ]  # fmt: skip
    return with_clause, short, params


def _marks(values: Sequence) -> str:
    return ", ".join(["%s"] * len(values))


def _with_not_signed_off(ids: list[int]) -> set[int]:
    """Those of the collaborations `ids` where a partner has not signed off, each found at
    its first such partner."""
    if not ids:
        return set()
    with_clause, short, params = _sign_offs_sql(ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{with_clause} SELECT asked.collaboration_id FROM asked WHERE EXISTS (SELECT 1 "
            "FROM collaborations_partner p WHERE p.collaboration_id = asked.collaboration_id "
            f"AND {short})",
            params,
        )
        return {collaboration_id for (collaboration_id,) in cursor.fetchall()}


def _not_signed_off(ids: list[int]) -> dict[int, list[str]]:
    """The partners who have not signed off, by name, per collaboration of `ids`."""
    missing: dict[int, list[str]] = defaultdict(list)
    if not ids:
        return missing
    with_clause, short, params = _sign_offs_sql(ids)
    with connection.cursor() as cursor:
        cursor.execute(
            f"{with_clause} SELECT p.collaboration_id, p.name FROM asked JOIN "
            "collaborations_partner p ON p.collaboration_id = asked.collaboration_id "
            f"WHERE {short} ORDER BY p.name",
            params,
        )
        for collaboration_id, name in cursor.fetchall():
            missing[collaboration_id].append(name)
    return missing


def portfolio(
    user, today: datetime.date | None = None, *, filled: bool = False
) -> list[PortfolioRow]:
    """Every collaboration `user` facilitates (archived ones included, never flagged), in
    name order, with its last activity and its flags; `fill` completes the rows to show, or
    all of them here when `filled` (what the CSV wants)."""
    today = today or timezone.localdate()
    followed = access.memberships_with(user, "follow_in_portfolio").values("collaboration_id")
    activity = dict(
        Worksheet.objects.filter(collaboration_id__in=followed)
        .order_by()
        .values_list("collaboration_id")
        .annotate(last=Max("updated_at"))
    )
    quiet_since = timezone.now() - datetime.timedelta(days=STALLED_DAYS)
    rows = [
        PortfolioRow(
            collaboration=c,
            last_activity=activity.get(c.pk),
            stalled=not c.is_archived and (activity.get(c.pk) or c.created_at) < quiet_since,
        )
        # What the page and the CSV show of a collaboration, and no more: 200 rows' worth of
        # other fields would be read and converted for nothing.
        for c in Collaboration.objects.filter(pk__in=followed)
        .only("name", "community", "archived_at", "created_at")
        .order_by("name")
    ]
    if filled:
        fill(rows, today)
    else:
        watched = _watched(rows)
        late = with_late(watched, today)
        unsigned = _with_not_signed_off(watched)
        for row in rows:
            row.any_late = row.collaboration.pk in late
            row.any_not_signed_off = row.collaboration.pk in unsigned
    return rows


def _watched(rows: list[PortfolioRow]) -> list[int]:
    """The collaborations of `rows` that can be flagged: all but the archived."""
    return [r.collaboration.pk for r in rows if not r.collaboration.is_archived]


def with_progress(rows: list[PortfolioRow]) -> None:
    """Give the rows without it their progress through the stages."""
    if lacking := [r for r in rows if r.progress is None]:
        progress = stage_progress(r.collaboration.pk for r in lacking)
        for row in lacking:
            row.progress = progress[row.collaboration.pk]


def with_support(rows: list[PortfolioRow]) -> None:
    """Give the rows without it their support activities by strategy."""
    if lacking := [r for r in rows if r.support is None]:
        support = by_strategy(r.collaboration.pk for r in lacking)
        for row in lacking:
            row.support = support[row.collaboration.pk]


def fill(rows: list[PortfolioRow], today: datetime.date | None = None) -> None:
    """Complete `rows` to be shown: their progress and support, and, counted, their late
    commitments and milestones and the partners who have not signed off (flags follow)."""
    today = today or timezone.localdate()
    with_progress(rows)
    with_support(rows)
    watched = _watched(rows)
    late = late_counts(watched, today)
    unsigned = _not_signed_off(watched)
    for row in rows:
        row.late = late.get(row.collaboration.pk, 0)
        row.not_signed_off = unsigned.get(row.collaboration.pk, [])
        row.any_late, row.any_not_signed_off = bool(row.late), bool(row.not_signed_off)


@dataclass(frozen=True)
class Column:
    """A column the table sorts by: its label, the key, and what the key needs of every row
    beyond its flags and activity."""

    label: str
    key: Callable[[PortfolioRow], object]
    needs: Callable[[list[PortfolioRow]], None] | None = None


# Sortable columns, by their query-string name.
_EPOCH = datetime.datetime.min.replace(tzinfo=datetime.UTC)
SORTS: dict[str, Column] = {
    "name": Column(_("Collaboration"), lambda r: r.collaboration.name.lower()),
    "stage": Column(
        _("Current stage"),
        lambda r: r.current_stage.number if r.current_stage else len(r.progress) + 1,
        with_progress,
    ),
    "complete": Column(_("Complete"), lambda r: r.percent_complete, with_progress),
    "reviews": Column(_("Reviews waiting"), lambda r: r.reviews_waiting, with_progress),
    "activity": Column(_("Last activity"), lambda r: r.last_activity or _EPOCH),
    "flags": Column(_("Flags"), lambda r: r.flags),
    "support": Column(_("Support given"), lambda r: r.support_total, with_support),
}
DEFAULT_SORT = "-flags"

# Flags a list can be narrowed to: the query-string value, its label, and the test.
FLAGS: dict[str, tuple[str, Callable[[PortfolioRow], bool]]] = {
    "any": (_("Any flag"), lambda r: bool(r.flags)),
    "stalled": (_("Stalled"), lambda r: r.stalled),
    "late": (_("Late commitments or milestones"), lambda r: r.any_late),
    "sign-off": (_("Partners not signed off"), lambda r: r.any_not_signed_off),
    "none": (_("No flag"), lambda r: not r.flags),
}


def filter_rows(rows: list[PortfolioRow], q: str, stage: str, flag: str) -> list[PortfolioRow]:
    """Rows whose name or community contains `q`, whose current stage is `stage` and which
    carry `flag` (each ignored when empty or unknown)."""
    needle = q.casefold()
    test = FLAGS[flag][1] if flag in FLAGS else None
    if stage:
        with_progress(rows)
    return [
        r
        for r in rows
        if (
            not needle
            or needle in r.collaboration.name.casefold()
            or needle in r.collaboration.community.casefold()
        )
        and (not stage or (r.current_stage is not None and r.current_stage.slug == stage))
        and (test is None or test(r))
    ]


def sort_rows(rows: list[PortfolioRow], sort: str) -> tuple[list[PortfolioRow], str]:
    """Rows sorted by `sort` (a column name, `-` first for descending), by name within ties;
    an unknown column sorts by the default. Returns the rows and the sort used."""
    column = sort.removeprefix("-")
    if column not in SORTS:
        sort, column = DEFAULT_SORT, DEFAULT_SORT.removeprefix("-")
    if SORTS[column].needs:
        SORTS[column].needs(rows)
    key = SORTS[column].key
    by_name = sorted(rows, key=lambda r: r.collaboration.name.lower())
    return sorted(by_name, key=key, reverse=sort.startswith("-")), sort
