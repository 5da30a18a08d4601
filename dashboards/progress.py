"""Where collaborations stand in the four stages, computed in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import chain

from django.db import connection
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from charts.svg import MUTED, PALETTE, Bar, BarChart, Series
from stages import catalog
from stages.models import Stage, Worksheet

# How a stage's bar is read out and summed up; translated where shown (lists of many bars
# translate them once, see `dashboards/collaboration_cards.py`).
LABEL = gettext_noop("%(stage)s: %(complete)s of %(tools)s tools complete, %(started)s in progress")
SUMMARY = gettext_noop("%(complete)s of %(tools)s complete, %(started)s in progress")

# The statuses a stage's progress counts; its not started tools are the rest.
_COUNTED = (
    Worksheet.Status.IN_PROGRESS,
    Worksheet.Status.READY_FOR_REVIEW,
    Worksheet.Status.COMPLETE,
)


@dataclass
class StageProgress:
    stage: Stage
    tools: int
    counts: dict[str, int] = field(default_factory=dict)

    @property
    def complete(self) -> int:
        return self.counts.get(Worksheet.Status.COMPLETE, 0)

    @property
    def in_progress(self) -> int:
        return self.counts.get(Worksheet.Status.IN_PROGRESS, 0) + self.counts.get(
            Worksheet.Status.READY_FOR_REVIEW, 0
        )

    @property
    def not_started(self) -> int:
        return self.tools - self.complete - self.in_progress

    @property
    def percent_complete(self) -> int:
        return round(100 * self.complete / self.tools) if self.tools else 0

    @property
    def counts_shown(self) -> dict[str, int]:
        """The numbers `LABEL` and `SUMMARY` read out (the label also names the stage)."""
        return {"complete": self.complete, "tools": self.tools, "started": self.in_progress}

    @property
    def label(self) -> str:
        """The bar's text for screen readers."""
        return _(LABEL) % {"stage": self.stage.name, **self.counts_shown}

    @property
    def summary(self) -> str:
        return _(SUMMARY) % self.counts_shown

    @property
    def percent_started(self) -> int:
        """Complete and in progress together, as a share of the stage's tools."""
        return round(100 * (self.complete + self.in_progress) / self.tools) if self.tools else 0


def tally(
    stages: Iterable[tuple[Stage, int]], statuses: Iterable[tuple[int, str, int]]
) -> list[StageProgress]:
    """Stage progress, in stage order, from each stage with its number of tools and the
    worksheets counted by (stage id, status, how many), for worksheets already loaded or
    counted that way; `stage_progress` reads the database's counts stage by stage instead."""
    counts: dict[int, dict[str, int]] = defaultdict(dict)
    for stage_id, status, n in statuses:
        counts[stage_id][status] = counts[stage_id].get(status, 0) + n
    ordered = sorted(stages, key=lambda pair: pair[0].number)
    return [StageProgress(stage, tools, counts.get(stage.pk, {})) for stage, tools in ordered]


def percent_complete(progress: Iterable[StageProgress]) -> int:
    """Complete worksheets as a share of all the toolkit's tools, across stages."""
    progress = list(progress)
    tools = sum(p.tools for p in progress)
    return round(100 * sum(p.complete for p in progress) / tools) if tools else 0


def current_stage(progress: list[StageProgress]) -> Stage | None:
    """The stage a collaboration is in: the earliest stage with a tool not yet complete, or
    None once every stage is complete ("All stages complete"). Work begun further on does
    not move it: a collaboration is in diagnosis until diagnosis is done."""
    return next((p.stage for p in progress if p.complete < p.tools), None)


def stage_progress(collaboration_ids: Iterable[int]) -> dict[int, list[StageProgress]]:
    """For each collaboration, its progress in every stage, in stage order.

    The database counts each collaboration's worksheets in one row, a column per stage and
    status (those progress reads; not started is what is left of a stage's tools): a short
    row per collaboration rather than one per stage and status, read without the ORM's
    per-row work, for lists of hundreds of collaborations."""
    ids = list(collaboration_ids)
    counts = catalog.tool_counts()
    stages = [(s, counts[s.pk]) for s in catalog.stages()]
    if not ids:
        return {}
    columns = [(stage.pk, status) for stage, _tools in stages for status in _COUNTED]
    counted_sql = ", ".join(
        ["COUNT(CASE WHEN t.stage_id = %s AND w.status = %s THEN 1 END)"] * len(columns)
    )
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT w.collaboration_id, {counted_sql} FROM stages_worksheet w "
            "JOIN stages_tool t ON t.id = w.tool_id "
            f"WHERE w.collaboration_id IN ({', '.join(['%s'] * len(ids))}) "
            "GROUP BY w.collaboration_id",
            [*chain.from_iterable(columns), *ids],
        )
        counted = cursor.fetchall()
    width = len(_COUNTED)
    progress = {
        collaboration_id: [
            StageProgress(
                stage,
                tools,
                {
                    s: n
                    for s, n in zip(_COUNTED, counts[i * width : (i + 1) * width], strict=True)
                    if n
                },
            )
            for i, (stage, tools) in enumerate(stages)
        ]
        for collaboration_id, *counts in counted
    }
    # A collaboration without worksheets has started nothing.
    return {cid: progress.get(cid) or tally(stages, ()) for cid in ids}


def stage_progress_chart(progress: list[StageProgress], key: str = "stage-progress") -> BarChart:
    return BarChart(
        key=key,
        title=_("Progress through the four stages"),
        description=_(
            "For each stage, how many of its tools are complete, in progress and not started."
        ),
        series=[
            Series(_("Complete"), PALETTE[2]),
            Series(_("In progress"), PALETTE[1]),
            Series(_("Not started"), MUTED),
        ],
        bars=[
            Bar(
                f"{p.stage.number}. {p.stage.name}",
                [p.complete, p.in_progress, p.not_started],
                text=_("%(done)s of %(tools)s") % {"done": p.complete, "tools": p.tools},
            )
            for p in progress
        ],
        label_heading=_("Stage"),
    )
