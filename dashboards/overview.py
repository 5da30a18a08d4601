"""A collaboration seen from above, for its dashboard: where it stands in the four stages, what
waits for review, what has gone quiet, what is due or late, how partners follow through, and
how its indicators move. Everything is read in a fixed number of queries, whatever the size
of the collaboration, and worked out from the worksheet declarations, not per tool."""

from __future__ import annotations

import datetime
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from functools import cached_property

from django.db.models import Case, F, JSONField, When
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext

from charts import svg as charts
from collaborations.models import Collaboration, Partner, Sector
from dashboards.progress import (
    StageProgress,
    current_stage,
    percent_complete,
    stage_progress_chart,
    tally,
)
from stages import catalog
from stages.deadlines import DeadlineStatus, deadline_status
from stages.indicators import Indicator, Measured, indicators_of, measured_by_indicator
from stages.models import Measurement, Stage, Tool, Worksheet, WorksheetRevision
from stages.worksheets.declarations import DEFINITIONS
from stages.worksheets.display import StatusSum, display, status_sums
from stages.worksheets.schema import Table

QUIET_DAYS = 30  # a started worksheet untouched this long needs a nudge
SOON_DAYS = 30  # promises due this soon are shown
RECENT_ACTIVITY = 8
# What a line of recent activity shows: who, what they did, to which worksheet, when, and
# the status it left.
ACTIVITY_FIELDS = (
    "worksheet_id",
    "kind",
    "status",
    "created_at",
    "user__first_name",
    "user__last_name",
    "user__email",
)

ToolSheet = tuple[Tool, Worksheet]


@dataclass
class Due:
    """A promised row (a commitment, a milestone) that is late or due soon."""

    tool: Tool
    table: Table
    what: str
    partner: str
    status: DeadlineStatus

    @property
    def due(self) -> datetime.date | None:
        return self.status.due

    @cached_property
    def late(self) -> bool:
        return self.status.late


@dataclass
class FollowThrough:
    """Of a partner's promises that have come due, how many were kept."""

    partner: str
    kept: int = 0
    came_due: int = 0

    @property
    def percent(self) -> int | None:
        return round(100 * self.kept / self.came_due) if self.came_due else None

    @property
    def kept_text(self) -> str:
        # Worded here rather than in the template: the table has a line per partner.
        return gettext("%(kept)s of %(due)s") % {"kept": self.kept, "due": self.came_due}


class WorksheetLinks:
    """Each worksheet's address in one collaboration: the dashboard links to worksheets from
    some sixty rows. A worksheet's address is the collaboration's tools' address and the
    tool's slug, so it is worked out once for all."""

    def __init__(self, collaboration_id: int) -> None:
        self.collaboration_id = collaboration_id
        self.tools: str | None = None

    def worksheet(self, tool: Tool) -> str:
        if self.tools is None:
            address = reverse("stages:worksheet", args=[self.collaboration_id, "tool"])
            self.tools = address.removesuffix("tool/")
        return f"{self.tools}{tool.slug}/"


@dataclass
class Overview:
    collaboration: Collaboration
    today: datetime.date
    stages: list[Stage]  # the toolkit's, in order
    progress: list[StageProgress]
    tools: list[ToolSheet]
    partners: list[Partner]
    activity: list[WorksheetRevision]
    # Measurements by tool, then by (table, row id), oldest first.
    measurements: dict[int, dict[tuple[str, str], Measured]] = field(default_factory=dict)
    indicators: list[Indicator] = field(default_factory=list)
    due: list[Due] = field(default_factory=list)
    follow_through: list[FollowThrough] = field(default_factory=list)

    @cached_property
    def waiting_review(self) -> list[ToolSheet]:
        return [(t, w) for t, w in self.tools if w.status == Worksheet.Status.READY_FOR_REVIEW]

    @cached_property
    def untouched(self) -> list[ToolSheet]:
        """Started, not complete, and unchanged for `QUIET_DAYS` days or more."""
        since = timezone.now() - datetime.timedelta(days=QUIET_DAYS)
        return [
            (t, w)
            for t, w in self.tools
            if w.pk
            and w.status != Worksheet.Status.COMPLETE
            and w.updated_at is not None
            and w.updated_at < since
        ]

    @cached_property
    def late(self) -> list[Due]:
        return [d for d in self.due if d.late]

    @cached_property
    def due_soon(self) -> list[Due]:
        return [d for d in self.due if not d.late]

    @cached_property
    def sectors(self) -> list[tuple[str, list[Partner]]]:
        """Partner organizations under each sector that has any, in sector order."""
        by_sector: dict[str, list[Partner]] = defaultdict(list)
        for partner in self.partners:
            by_sector[partner.sector].append(partner)
        return [(label, by_sector[value]) for value, label in Sector.choices if by_sector[value]]

    @property
    def current_stage(self) -> Stage | None:
        return current_stage(self.progress)

    @property
    def percent_complete(self) -> int:
        return percent_complete(self.progress)

    @cached_property
    def resources(self) -> list[tuple[Tool, Table, list[StatusSum]]]:
        """Each started ledger with status totals (the resource ledger), summed by status:
        committed, pledged, potential and needed apart."""
        found = []
        for tool, sheet in self.tools:
            definition = DEFINITIONS.get(tool.slug)
            for table in definition.tables if definition and sheet.pk else []:
                if not (table.totals and table.totals.status):
                    continue
                if rows := sheet.answers.get(table.name) or []:
                    found.append((tool, table, status_sums(table, rows)))
        return found

    @cached_property
    def links(self) -> WorksheetLinks:
        return WorksheetLinks(self.collaboration.pk)

    def charts(self) -> list:
        """The dashboard's charts, in the order they are shown: stages, partners, then what
        each started worksheet's tables call for."""
        found = [
            stage_progress_chart(self.progress),
            charts.partners_by_sector_chart(self.partners),
        ]
        indicators: dict[int, list[Indicator]] = defaultdict(list)
        for indicator in self.indicators:
            indicators[indicator.tool.pk].append(indicator)
        for tool, sheet in self.tools:
            definition = DEFINITIONS.get(tool.slug)
            if definition and sheet.pk and tool.slug in READ_BY_DASHBOARD:
                found += charts.worksheet_charts(
                    definition,
                    sheet.answers,
                    self.partners,
                    self.measurements[tool.pk],
                    self.collaboration.currency,
                    indicators=indicators[tool.pk],
                )
        return found


def reads_rows(table: Table) -> bool:
    """Whether the dashboard reads a table's rows: to chart them (a grid, totals, measured
    indicators) or to watch their deadlines."""
    return bool(table.grid or table.totals or table.measured or table.deadlines)


# The tools whose worksheets' answers the dashboard reads. The others' answers (most of the
# toolkit's, and most of a dashboard's data) are neither sent by the database nor decoded.
READ_BY_DASHBOARD = frozenset(
    slug for slug, definition in DEFINITIONS.items() if any(map(reads_rows, definition.tables))
)


def _worksheets(
    collaboration: Collaboration, answers_of: frozenset[str] = READ_BY_DASHBOARD
) -> tuple[list[Stage], list[ToolSheet]]:
    """The toolkit's stages, and every tool in order with the collaboration's worksheet of it
    (unsaved when not started), with the answers of the tools `answers_of` names (another
    worksheet's are read if asked for, one query each). A stage's tools share its one
    `Stage`, and each worksheet knows its tool, so neither is read again."""
    stages = {stage.pk: stage for stage in catalog.stages()}
    tools = catalog.tools()
    wanted = [tool.pk for tool in tools if tool.slug in answers_of]
    sheets = (
        Worksheet.objects.filter(collaboration=collaboration)
        .select_related("updated_by")
        .defer("answers")
        .order_by()
    )
    if wanted:
        sheets = sheets.annotate(
            read=Case(When(tool_id__in=wanted, then=F("answers")), output_field=JSONField())
        )
    saved = {}
    for sheet in sheets:
        if sheet.tool_id in wanted:
            sheet.answers = sheet.read
        saved[sheet.tool_id] = sheet
    found = []
    for tool in tools:
        tool.stage = stages[tool.stage_id]
        sheet = saved.get(tool.pk)
        if sheet is None:
            sheet = Worksheet(collaboration=collaboration, tool=tool)
        else:
            sheet.tool = tool
        found.append((tool, sheet))
    return list(stages.values()), found


def _progress(stages: list[Stage], tools: list[ToolSheet]) -> list[StageProgress]:
    """The progress of each of `stages`, one without tools too (as `stage_progress` counts
    them), from its tools among `tools` with their worksheets already loaded (no further
    queries)."""
    counted = Counter(tool.stage_id for tool, _sheet in tools)
    return tally(
        ((stage, counted[stage.pk]) for stage in stages),
        ((t.stage_id, w.status, 1) for t, w in tools if w.pk),
    )


def _activity(collaboration: Collaboration, tools: list[ToolSheet]) -> list[WorksheetRevision]:
    """The latest revisions (a run of autosaves counting once), newest first, each with its
    worksheet and tool as `tools` has them."""
    sheets = {sheet.pk: sheet for _tool, sheet in tools if sheet.pk}
    revisions = list(
        WorksheetRevision.objects.filter(worksheet__collaboration=collaboration, folded=False)
        .select_related("user")
        .only(*ACTIVITY_FIELDS)
        .order_by("-created_at", "-pk")[:RECENT_ACTIVITY]
    )
    for revision in revisions:
        # A worksheet started since the worksheets were read is read on its own.
        if revision.worksheet_id in sheets:
            revision.worksheet = sheets[revision.worksheet_id]
    return revisions


def _promises(tools: list[ToolSheet], partners: list[Partner], today: datetime.date):
    """Late and soon-due rows of every table with deadlines, and follow-through per partner."""
    names = {p.pk: p.name for p in partners}
    due: list[Due] = []
    follow: dict[str, FollowThrough] = {}
    soon = today + datetime.timedelta(days=SOON_DAYS)
    for tool, sheet in tools:
        definition = DEFINITIONS.get(tool.slug)
        for table in definition.tables if definition and sheet.pk else []:
            rule = table.deadlines
            if rule is None:
                continue
            columns = {c.name: c for c in table.columns}
            for row in sheet.answers.get(table.name) or []:
                standing = deadline_status(table, row, today)
                partner = ""
                if rule.partner:
                    partner = display(columns[rule.partner], row.get(rule.partner), names)
                when = standing.due
                if standing.late or (standing.open and when is not None and when <= soon):
                    due.append(Due(tool, table, row.get(rule.what) or "", partner, standing))
                if rule.partner and partner:
                    record = follow.setdefault(partner, FollowThrough(partner))
                    if standing.recorded in rule.kept:
                        record.kept += 1
                        record.came_due += 1
                    elif standing.late:
                        record.came_due += 1
    due.sort(key=lambda d: (not d.late, d.due or datetime.date.max))
    return due, sorted(follow.values(), key=lambda f: f.partner.lower())


def _measurements(collaboration: Collaboration) -> dict[int, dict[tuple[str, str], Measured]]:
    return defaultdict(
        dict, measured_by_indicator(Measurement.objects.filter(collaboration=collaboration))
    )


def _indicators(tools: list[ToolSheet], measured: dict) -> list[Indicator]:
    found = []
    for tool, sheet in tools:
        definition = DEFINITIONS.get(tool.slug)
        if definition and sheet.pk and any(table.measured for table in definition.tables):
            found += indicators_of(tool, definition.tables, sheet.answers, measured[tool.pk])
    return found


def overview(collaboration: Collaboration, today: datetime.date | None = None) -> Overview:
    today = today or timezone.localdate()
    stages, tools = _worksheets(collaboration)
    # Names and sectors are all the page shows of its partners.
    partners = list(
        Partner.objects.filter(collaboration=collaboration).only("name", "sector").order_by("name")
    )
    activity = _activity(collaboration, tools)
    due, follow_through = _promises(tools, partners, today)
    measured = _measurements(collaboration)
    return Overview(
        collaboration=collaboration,
        today=today,
        stages=stages,
        progress=_progress(stages, tools),
        tools=tools,
        partners=partners,
        activity=activity,
        measurements=measured,
        indicators=_indicators(tools, measured),
        due=due,
        follow_through=follow_through,
    )


def stage_overview(collaboration: Collaboration, stage: Stage) -> tuple[StageProgress, list]:
    """A stage's progress and its tools with their worksheets."""
    # The stage page shows where each worksheet stands, none of its answers.
    _stages, sheets = _worksheets(collaboration, answers_of=frozenset())
    tools = [(t, w) for t, w in sheets if t.stage_id == stage.pk]
    return _progress([stage], tools)[0], tools
