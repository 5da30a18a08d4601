"""What the collaboration report says, gathered in one place for the page and the PDF.

`build_report` reads everything a report shows in a fixed number of queries, however many
partners, rows and measurements the collaboration has, and hands the templates a `Report`:
the story, the stages with their tools (answers as people read them, totals, charts,
sign-offs), the partners, the support log and the health check. The templates only lay it out.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from datetime import date

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.utils import timezone

from charts.svg import (
    BarChart,
    ScatterChart,
    partners_by_sector_chart,
    worksheet_charts,
)
from collaborations.models import Collaboration, Partner, Role, Sector
from dashboards.progress import StageProgress, stage_progress, stage_progress_chart
from health.results import HealthResults, factors_chart, results
from stages import catalog
from stages.indicators import Indicator, Measured, indicators_of, measured_by_indicator
from stages.models import Measurement, SignOff, Stage, Tool, Worksheet
from stages.worksheets.declarations import definition_for
from stages.worksheets.display import ShownSection, Total, present, totals
from stages.worksheets.schema import Definition, Table
from support.summary import SupportSummary, summary

# The worksheet whose answers open the report (DESIGN.md: "This worksheet opens the
# collaboration report").

# On paper, a table with more columns than this is shown one block per row (label: value),
# so that its text columns are not squeezed to a word a line.
MAX_PRINTED_COLUMNS = 6


@dataclass(frozen=True)
class Choices:
    """What the reader asked for: the whole report or one stage (by slug), with or without
    the tools nobody has started, on A4 or US Letter paper."""

    stage: str = ""
    skip_empty: bool = False
    paper: str = "a4"


@dataclass
class ToolEntry:
    tool: Tool
    worksheet: Worksheet
    definition: Definition
    shown: list[ShownSection] = field(default_factory=list)
    totals: list[tuple[Table, list[Total]]] = field(default_factory=list)
    charts: list[BarChart | ScatterChart] = field(default_factory=list)
    indicators: list[Indicator] = field(default_factory=list)
    sign_offs: list[SignOff] = field(default_factory=list)
    # Partners who have not recorded a position, where the worksheet asks for sign-off (of
    # those it waits for: `Partner.signs_off`).
    unsigned: list[Partner] = field(default_factory=list)

    @property
    def anchor(self) -> str:
        return f"tool-{self.tool.slug}"

    @property
    def started(self) -> bool:
        return self.worksheet.status != Worksheet.Status.NOT_STARTED

    @property
    def written(self) -> bool:
        """Started, with at least one answer given."""
        return self.started and any(self.worksheet.answers.values())

    @property
    def wide_tables(self) -> set[str]:
        """The names of this tool's tables too wide to print as tables."""
        return {t.name for t in self.definition.tables if len(t.columns) > MAX_PRINTED_COLUMNS}

    @property
    def complete(self) -> bool:
        return self.worksheet.status == Worksheet.Status.COMPLETE

    @property
    def positions(self) -> list[int]:
        """How many partners hold each sign-off position, in `SignOff.Position` order."""
        held = [s.position for s in self.sign_offs]
        return [held.count(value) for value in SignOff.Position.values]

    @property
    def concerns(self) -> list[SignOff]:
        """Sign-offs with reservations or disagreement: what a reader should not miss."""
        return [s for s in self.sign_offs if s.position != SignOff.Position.AGREES]


@dataclass
class StageEntry:
    stage: Stage
    progress: StageProgress
    tools: list[ToolEntry]

    @property
    def anchor(self) -> str:
        return f"stage-{self.stage.slug}"


@dataclass
class SectorGroup:
    sector: str
    label: str
    partners: list[Partner]


@dataclass
class Report:
    collaboration: Collaboration
    choices: Choices
    on: date
    facilitators: list[AbstractBaseUser]
    partners: list[Partner]
    stages: list[StageEntry]
    # The story opens the whole report once written; a one-stage report shows it in its
    # stage, if at all. Until it is written it stays in its stage like any other tool and
    # `unwritten_story` names its tool for one line on the cover.
    story: ToolEntry | None = None
    unwritten_story: Tool | None = None
    # Every stage of the toolkit in order, read with the progress, for the collaboration's
    # menu around the report.
    toolkit_stages: list[Stage] = field(default_factory=list)
    progress_chart: BarChart | None = None
    partners_chart: BarChart | None = None
    support: SupportSummary | None = None
    health: HealthResults | None = None
    health_chart: BarChart | None = None

    @property
    def whole(self) -> bool:
        return not self.choices.stage

    @property
    def tools(self) -> list[ToolEntry]:
        """Every tool the report includes, in toolkit order."""
        entries = [entry for stage in self.stages for entry in stage.tools]
        if self.story is not None:
            entries.append(self.story)
        return sorted(entries, key=lambda entry: entry.tool.number)

    @property
    def unfinished(self) -> list[ToolEntry]:
        return [entry for entry in self.tools if not entry.complete]

    @property
    def is_draft(self) -> bool:
        """A report is a draft while any worksheet it includes is not complete."""
        return bool(self.unfinished)

    @property
    def partners_by_sector(self) -> list[SectorGroup]:
        groups: dict[str, list[Partner]] = defaultdict(list)
        for partner in self.partners:
            groups[partner.sector].append(partner)
        return [
            SectorGroup(value, str(label), groups[value])
            for value, label in Sector.choices
            if groups[value]
        ]

    @property
    def sign_off_positions(self) -> list[tuple[str, str]]:
        return SignOff.Position.choices

    @property
    def signed_tools(self) -> list[ToolEntry]:
        """The included tools that ask partners to sign off, once started."""
        return [entry for entry in self.tools if entry.definition.sign_off and entry.started]

    @property
    def concerns(self) -> list[tuple[ToolEntry, SignOff]]:
        return [(entry, s) for entry in self.signed_tools for s in entry.concerns]

    @property
    def show_health(self) -> bool:
        return self.health is not None and not self.health.is_empty

    @property
    def show_support(self) -> bool:
        return self.support is not None and bool(
            self.support.total_activities or self.support.open_leads or self.support.open_barriers
        )


def _entry(
    tool: Tool,
    worksheet: Worksheet,
    partners: list[Partner],
    sign_offs: list[SignOff],
    measurements: dict[tuple[str, str], Measured],
) -> ToolEntry:
    definition = definition_for(tool.slug)
    entry = ToolEntry(tool, worksheet, definition)
    if not entry.started:
        return entry
    answers = worksheet.answers or {}
    currency = worksheet.collaboration.currency
    entry.shown = present(definition, answers, partners, currency)
    entry.totals = [
        (table, lines)
        for table in definition.tables
        if table.totals
        and (lines := totals(table, answers.get(table.name) or [], partners, currency))
    ]
    entry.charts = worksheet_charts(definition, answers, partners, measurements, currency)
    entry.indicators = indicators_of(tool, definition.tables, answers, measurements)
    if definition.sign_off:
        entry.sign_offs = sign_offs
        signed = {s.partner_id for s in sign_offs}
        entry.unsigned = [p for p in partners if p.signs_off and p.pk not in signed]
    return entry


def build_report(collaboration: Collaboration, choices: Choices) -> Report:
    """The report on the collaboration, as `choices` asks for it.

    A fixed number of queries, whatever the amount of data (the tools with their stages
    come from `stages.catalog`): worksheets, partners, facilitators, sign-offs, measurements
    and the stage progress, and for the whole report the support log summary and the health
    check results.
    """
    tools = catalog.tools()
    # Without the index of deadlines kept for the portfolio: the report reads the answers.
    worksheets = {
        w.tool_id: w
        for w in Worksheet.objects.filter(collaboration=collaboration)
        .select_related("updated_by")
        .defer("deadlines", "earliest_deadline")
        # By tool, above: the model's ordering would join the collaboration and the tools.
        .order_by()
    }
    partners = list(collaboration.partners.order_by("name"))
    facilitators = [
        m.user
        for m in collaboration.memberships.filter(role=Role.FACILITATOR)
        .select_related("user")
        .order_by("user__last_name", "user__first_name", "user__email")
    ]
    # Each sign-off's partner is one of `partners`, already read, and each person who
    # recorded one is read once: not one more copy of either a row.
    by_id = {p.pk: p for p in partners}
    records = list(SignOff.objects.filter(collaboration=collaboration).order_by("partner__name"))
    people = get_user_model().objects.in_bulk({r.user_id for r in records if r.user_id})
    sign_offs: dict[int, list[SignOff]] = defaultdict(list)
    for sign_off in records:
        if sign_off.partner_id in by_id:
            sign_off.partner = by_id[sign_off.partner_id]
        sign_off.user = people.get(sign_off.user_id)
        sign_offs[sign_off.tool_id].append(sign_off)
    measurements = defaultdict(
        dict, measured_by_indicator(Measurement.objects.filter(collaboration=collaboration))
    )
    progress = {p.stage.pk: p for p in stage_progress([collaboration.pk])[collaboration.pk]}

    entries: dict[int, ToolEntry] = {}
    for tool in tools:
        if choices.stage and tool.stage.slug != choices.stage:
            continue
        worksheet = worksheets.get(tool.pk) or Worksheet(collaboration=collaboration, tool=tool)
        worksheet.tool = tool
        worksheet.collaboration = collaboration
        entry = _entry(tool, worksheet, partners, sign_offs[tool.pk], measurements[tool.pk])
        if entry.started or not choices.skip_empty:
            entries[tool.pk] = entry

    story = unwritten_story = None
    if not choices.stage:
        story = next(
            (e for e in entries.values() if definition_for(e.tool.slug).opens_report), None
        )
        if story is None or not story.written:
            story = None
            unwritten_story = next((t for t in tools if definition_for(t.slug).opens_report), None)
    stages: list[StageEntry] = []
    for stage_id, stage_progress_ in progress.items():
        stage = stage_progress_.stage
        if choices.stage and stage.slug != choices.stage:
            continue
        in_stage = [e for e in entries.values() if e.tool.stage_id == stage_id and e is not story]
        stages.append(StageEntry(stage, stage_progress_, in_stage))

    report = Report(
        collaboration=collaboration,
        choices=choices,
        on=timezone.localdate(),
        facilitators=facilitators,
        partners=partners,
        stages=stages,
        story=story,
        unwritten_story=unwritten_story,
        toolkit_stages=[p.stage for p in progress.values()],
    )
    if report.whole:
        report.progress_chart = stage_progress_chart(list(progress.values()))
        report.partners_chart = partners_by_sector_chart(partners)
        report.support = summary(collaboration)
        report.health = results(collaboration, tools)
        report.health_chart = factors_chart(report.health)
    return report
