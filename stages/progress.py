"""Where collaborations stand in the four stages, computed in a fixed number of queries."""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from django.db.models import Count

from stages.models import Stage, Worksheet


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
    def percent_started(self) -> int:
        """Complete and in progress together, as a share of the stage's tools."""
        return round(100 * (self.complete + self.in_progress) / self.tools) if self.tools else 0


def current_stage(progress: list[StageProgress]) -> Stage | None:
    """The stage a collaboration is in: the earliest stage with a tool not yet complete, or
    None once every stage is complete ("All stages complete"). Work begun further on does
    not move it: a collaboration is in diagnosis until diagnosis is done."""
    return next((p.stage for p in progress if p.complete < p.tools), None)


def stage_progress(collaboration_ids: Iterable[int]) -> dict[int, list[StageProgress]]:
    """For each collaboration, its progress in every stage, in stage order."""
    ids = list(collaboration_ids)
    stages = list(Stage.objects.annotate(tool_count=Count("tools")).order_by("number"))
    counts: dict[tuple[int, int], dict[str, int]] = defaultdict(dict)
    rows = (
        Worksheet.objects.filter(collaboration_id__in=ids)
        .values("collaboration_id", "tool__stage_id", "status")
        .annotate(n=Count("id"))
    )
    for row in rows:
        counts[row["collaboration_id"], row["tool__stage_id"]][row["status"]] = row["n"]
    return {
        cid: [StageProgress(s, s.tool_count, counts.get((cid, s.pk), {})) for s in stages]
        for cid in ids
    }
