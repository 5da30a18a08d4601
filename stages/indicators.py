"""An indicator's standing: its baseline, target and measurements, and how far it has come."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal

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
