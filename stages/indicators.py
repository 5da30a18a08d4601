"""An indicator's standing: its baseline, target and latest measurement, and how far it has
come. `indicator_standing` is the one place this is worked out; the dashboard, the indicator
page, the charts and the report all show what it returns, so they cannot disagree.

"Latest" is the measurement with the latest date (the order measurements were typed in does
not matter). Progress is the share of the way from the baseline to the target, whichever way
the target lies: an indicator to reduce (target below baseline) progresses as its value falls.
"""

from __future__ import annotations

import datetime
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation
from functools import cached_property

from django.db import connections
from django.db.models import QuerySet
from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

from collaborations.money import format_number
from stages.models import Measurement, Tool
from stages.worksheets.schema import Table


def _decimal(value: object) -> Decimal | None:
    if value in (None, ""):
        return None
    try:
        return Decimal(str(value))
    except InvalidOperation:
        return None


def latest(measurements: list[Measurement]) -> Measurement | None:
    """The measurement with the latest date; of two on one date, the one recorded last."""
    if not measurements:
        return None
    epoch = datetime.datetime.min.replace(tzinfo=datetime.UTC)
    return max(measurements, key=lambda m: (m.date, m.created_at or epoch, m.pk or 0))


# A standing's words, translated where they are shown: a page of fifty standings translates
# each once (`functools.cache(gettext)`), not once per standing.
HOLD_AT = gettext_noop("hold at")
REDUCE_TO = gettext_noop("reduce to")
RAISE_TO = gettext_noop("raise to")
NOT_MEASURED = gettext_noop("No measurement yet")
NOTHING_TO_COMPARE = gettext_noop("Measured; no baseline and target to compare with")
SHARE_OF_THE_WAY = gettext_noop("%(percent)s%% of the way from baseline to target")


@dataclass
class IndicatorStanding:
    name: str
    unit: str
    baseline: Decimal | None
    target: Decimal | None
    latest: Measurement | None
    measured: int  # how many measurements there are

    @property
    def reduces(self) -> bool:
        """The target is below the baseline: the indicator should go down."""
        return self.baseline is not None and self.target is not None and self.target < self.baseline

    @property
    def direction(self) -> str:
        return self.direction_in(_)

    def direction_in(self, words: Callable[[str], str]) -> str:
        """Which way the target lies, in `words` (`gettext`, or a table's cache of it)."""
        if self.baseline is None or self.target is None:
            return ""
        if self.target == self.baseline:
            return words(HOLD_AT)
        return words(REDUCE_TO) if self.reduces else words(RAISE_TO)

    @cached_property
    def percent(self) -> int | None:
        """Share of the way from baseline to target reached by the latest value, 0 to 100
        (worked out once: the table, the charts and the summary in words all show it)."""
        if self.latest is None or self.baseline is None or self.target is None:
            return None
        value = Decimal(self.latest.value)
        span = self.target - self.baseline
        if span == 0:
            return 100 if value == self.target else 0
        done = (value - self.baseline) / span
        return max(0, min(100, round(done * 100)))

    @property
    def summary(self) -> str:
        """The standing in words, the same on every page."""
        return self.summary_in(_)

    def summary_in(self, words: Callable[[str], str]) -> str:
        """The summary in `words` (`gettext`, or a table's cache of it)."""
        if self.latest is None:
            return words(NOT_MEASURED)
        if self.percent is None:
            return words(NOTHING_TO_COMPARE)
        return words(SHARE_OF_THE_WAY) % {"percent": self.percent}

    @property
    def latest_value(self) -> str:
        return format_number(self.latest.value) if self.latest else ""

    @property
    def baseline_value(self) -> str:
        return format_number(self.baseline)

    @property
    def target_value(self) -> str:
        return format_number(self.target)


@dataclass(frozen=True)
class Measured:
    """What a standing needs of an indicator's measurements: the latest, and how many."""

    latest: Measurement | None = None
    count: int = 0

    @classmethod
    def of(cls, measurements: list[Measurement]) -> Measured:
        """From every measurement of one indicator, in any order."""
        return cls(latest(measurements), len(measurements))


INDICATOR = ("tool_id", "table", "row_id")  # the columns that name an indicator


def measured_by_indicator(
    measurements: QuerySet[Measurement],
) -> dict[int, dict[tuple[str, str], Measured]]:
    """Tool id → (table, row id) → `Measured`, for pages with many indicators: the database
    counts each indicator's measurements and sends only those of its latest date, however
    many measurements there are; of several on that date, the one recorded last is the
    latest, as `latest` decides.

    The database groups the measurements by indicator (their latest date and how many) and
    looks each group's measurements of that date up in the indicators' index: a pass over
    the measurements and a lookup per indicator, where a window over every measurement costs
    it a sort of them all. The ORM has no join to a grouped subquery, so this is the
    queryset's own SQL, grouped and joined to itself; the join is written as a CROSS JOIN,
    which SQLite takes as the order to visit them in (the groups first), and PostgreSQL
    plans as any join."""
    quote = connections[measurements.db].ops.quote_name
    indicator = ", ".join(f"e.{quote(column)}" for column in INDICATOR)
    same = " AND ".join(f"m.{quote(column)} = g.{quote(column)}" for column in INDICATOR)
    each, params = measurements.order_by().query.get_compiler(measurements.db).as_sql()
    last, measured = quote("last"), quote("measured")
    groups = (
        f"SELECT {indicator}, MAX(e.{quote('date')}) AS {last}, COUNT(*) AS {measured} "
        f"FROM ({each}) e GROUP BY {indicator}"
    )
    on_latest_date = Measurement.objects.db_manager(measurements.db).raw(
        f"SELECT m.*, g.{measured} FROM ({groups}) g CROSS JOIN ({each}) m "
        f"WHERE {same} AND m.{quote('date')} = g.{last}",
        (*params, *params),
    )
    found: dict[int, dict[tuple[str, str], Measured]] = defaultdict(dict)
    for m in on_latest_date:
        of_tool = found[m.tool_id]
        known = of_tool.get((m.table, m.row_id))
        if known is None or latest([known.latest, m]) is m:
            of_tool[m.table, m.row_id] = Measured(m, m.measured)
    return found


def indicator_standing(table: Table, row: dict, measured: Measured) -> IndicatorStanding:
    """Where the indicator in `row` of the measured `table` stands, given its measurements."""
    name, unit, baseline, target = table.measured
    return IndicatorStanding(
        name=row.get(name) or "",
        unit=row.get(unit) or "",
        baseline=_decimal(row.get(baseline)),
        target=_decimal(row.get(target)),
        latest=measured.latest,
        measured=measured.count,
    )


@dataclass
class Indicator:
    """An indicator where it is declared: its tool, table and row, and its standing."""

    tool: Tool
    table: Table
    row_id: str
    standing: IndicatorStanding


def indicators_of(
    tool: Tool, tables: list[Table], answers: dict, measured: dict[tuple[str, str], Measured]
) -> list[Indicator]:
    """The indicators of one worksheet's measured tables, in row order; `measured` holds the
    tool's measurements by (table, row id), as `measured_by_indicator` gives them."""
    return [
        Indicator(
            tool,
            table,
            row.get("id"),
            indicator_standing(table, row, measured.get((table.name, row.get("id")), Measured())),
        )
        for table in tables
        if table.measured
        for row in answers.get(table.name) or []
        if row.get(table.measured[0])
    ]
