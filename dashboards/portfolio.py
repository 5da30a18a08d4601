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

from django.db.models import Exists, Max, OuterRef, Q
from django.utils import timezone
from django.utils.translation import gettext, ngettext
from django.utils.translation import gettext_lazy as _

from collaborations import access
from collaborations.models import Collaboration, Partner
from dashboards.progress import StageProgress, current_stage, percent_complete, stage_progress
from stages.deadlines import late_counts
from stages.models import SignOff, Stage, Tool, Worksheet
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
    def flag_lines(self) -> list[tuple[str, str, str]]:
        """Each flag as (badge, badge colour, explanation), worded here rather than in the
        template, which has a row per collaboration."""
        lines = []
        if self.stalled:
            lines.append(
                (gettext("Stalled"), "danger", gettext("no worksheet changed for 30 days"))
            )
        if self.late:
            text = ngettext(
                "%(counter)s commitment or milestone late",
                "%(counter)s commitments and milestones late",
                self.late,
            )
            lines.append((gettext("Late"), "danger", text % {"counter": self.late}))
        if self.not_signed_off:
            count = len(self.not_signed_off)
            text = ngettext(
                "%(counter)s partner has not signed off",
                "%(counter)s partners have not signed off",
                count,
            ) % {"counter": count}
            if count <= 3:
                text += ": " + ", ".join(self.not_signed_off)
            lines.append((gettext("Sign-off"), "warning", text))
        return lines

    @property
    def support_total(self) -> int:
        return sum(self.support.values())

    @property
    def support_lines(self) -> list[tuple[str, int]]:
        """Strategies used, with how many activities each, in strategy order."""
        return [(Strategy(value).label, n) for value, n in self.support.items() if n]


def _not_signed_off(ids: list[int]) -> dict[int, list[str]]:
    """Active partner organizations missing from the sign-offs of a consensus worksheet that
    is ready for review or complete, per collaboration (three queries, the last returning
    only the partners missing)."""
    consensus = Tool.objects.filter(slug__in=[s for s, d in DEFINITIONS.items() if d.sign_off])
    awaiting: dict[int, set[int]] = defaultdict(set)
    for collaboration_id, tool_id in Worksheet.objects.filter(
        collaboration_id__in=ids,
        tool__in=list(consensus.values_list("pk", flat=True)),
        status__in=[Worksheet.Status.READY_FOR_REVIEW, Worksheet.Status.COMPLETE],
    ).values_list("collaboration_id", "tool_id"):
        awaiting[collaboration_id].add(tool_id)
    # Collaborations waiting for the same worksheets share one condition.
    alike: dict[frozenset[int], list[int]] = defaultdict(list)
    for collaboration_id, tools in awaiting.items():
        alike[frozenset(tools)].append(collaboration_id)
    unsigned = Q(pk__in=[])
    for tools, collaborations in alike.items():
        missing_one = Q()
        for tool_id in sorted(tools):
            # All three columns, so the lookup is one probe of the unique index.
            missing_one |= ~Exists(
                SignOff.objects.filter(
                    collaboration_id=OuterRef("collaboration_id"),
                    tool_id=tool_id,
                    partner_id=OuterRef("pk"),
                )
            )
        unsigned |= Q(collaboration_id__in=collaborations) & missing_one
    missing: dict[int, list[str]] = defaultdict(list)
    for collaboration_id, name in (
        Partner.objects.filter(unsigned, status=Partner.Status.ACTIVE)
        .order_by("name")
        .values_list("collaboration_id", "name")
    ):
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
    late = late_counts(ids, today)
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
                late=0 if c.is_archived else late.get(c.pk, 0),
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

# Flags a list can be narrowed to: the query-string value, its label, and the test.
FLAGS: dict[str, tuple[str, Callable[[PortfolioRow], bool]]] = {
    "any": (_("Any flag"), lambda r: bool(r.flags)),
    "stalled": (_("Stalled"), lambda r: r.stalled),
    "late": (_("Late commitments or milestones"), lambda r: bool(r.late)),
    "sign-off": (_("Partners not signed off"), lambda r: bool(r.not_signed_off)),
    "none": (_("No flag"), lambda r: not r.flags),
}


def filter_rows(rows: list[PortfolioRow], q: str, stage: str, flag: str) -> list[PortfolioRow]:
    """Rows whose name or community contains `q`, whose current stage is `stage` and which
    carry `flag` (each ignored when empty or unknown)."""
    needle = q.casefold()
    test = FLAGS[flag][1] if flag in FLAGS else None
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
    key = SORTS[column][1]
    by_name = sorted(rows, key=lambda r: r.collaboration.name.lower())
    return sorted(by_name, key=key, reverse=sort.startswith("-")), sort
