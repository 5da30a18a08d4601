"""An indicator's standing: its baseline, target and measurements, and how far it has come."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass
from decimal import Decimal

from django.db.models import F, Window
from django.db.models.functions import RowNumber

from stages.models import Measurement
from stages.worksheets.schema import Table


@dataclass
class IndicatorProgress:
    name: str
    unit: str
    baseline: float | None
    target: float | None
    latest: Measurement | None

    @classmethod
    def of(cls, table: Table, row: dict, measurements: list[Measurement]) -> IndicatorProgress:
        name, unit, baseline, target = table.measured
        return cls(
            name=row.get(name) or "",
            unit=row.get(unit) or "",
            baseline=row.get(baseline),
            target=row.get(target),
            latest=measurements[-1] if measurements else None,
        )

    @property
    def percent(self) -> int | None:
        """Share of the way from baseline to target reached by the latest value, 0 to 100."""
        if self.latest is None or self.baseline is None or self.target is None:
            return None
        span = Decimal(str(self.target)) - Decimal(str(self.baseline))
        if span == 0:
            return 100 if self.latest.value == Decimal(str(self.target)) else 0
        done = (self.latest.value - Decimal(str(self.baseline))) / span
        return max(0, min(100, round(done * 100)))


def latest_measurements(collaboration_id: int) -> dict[int, dict[tuple[str, str], list]]:
    """The latest measurement of every indicator of a collaboration, by tool and then by
    (table, row id), each in a one-element list: picked by the database (a window over each
    indicator's measurements), so an indicator measured monthly for years costs one row."""
    latest = (
        Measurement.objects.filter(collaboration_id=collaboration_id)
        .annotate(
            recency=Window(
                RowNumber(),
                partition_by=[F("tool_id"), F("table"), F("row_id")],
                order_by=[F("date").desc(), F("created_at").desc(), F("pk").desc()],
            )
        )
        .filter(recency=1)
        .only("tool_id", "table", "row_id", "date", "value", "note")
        .order_by()
    )
    found: dict[int, dict[tuple[str, str], list]] = defaultdict(dict)
    for m in latest:
        found[m.tool_id][m.table, m.row_id] = [m]
    return found
