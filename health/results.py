"""A collaboration's health check results, for the health page, the dashboard and the report.

`results(collaboration)` reads everything in two queries, whatever the number of members
and checks, and works the rest out in Python:

- the current results use each current member's latest check: per factor, the average and the
  averages by sector (the sector the member's organization had when they rated), with a flag
  where the highest and lowest sector averages differ by `SECTORS_DIFFER_BY` or more, and the
  toolkit tools that address it; a factor averaging below `WEAK_BELOW` is weak;
- the trend uses every check ever taken: for each calendar month, the average of all ratings in
  each person's latest check of that month.

`factors_chart` and `trend_chart` turn results into `charts.svg.BarChart`s without querying.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import ROUND_HALF_UP, Decimal
from statistics import fmean

from django.db.models import Exists, OuterRef
from django.utils import timezone
from django.utils.formats import date_format, number_format
from django.utils.translation import gettext as _

from charts.svg import LABEL_WIDTH, PALETTE, Bar, BarChart, Series
from collaborations.models import Collaboration, Membership, Sector
from health.factors import HIGHEST, THEMES, TOOL_SLUGS, Factor, Theme
from health.models import HealthCheck
from stages.models import Tool

WEAK_BELOW = 3.0  # a factor whose average (to one decimal) is below this is weak
SECTORS_DIFFER_BY = 1.5  # flag a factor when sector averages are at least this far apart


def _rounded(value: float | None) -> float | None:
    """An average to one decimal, rounded half up like the `floatformat` filter that shows it:
    thresholds and gaps work on what members see."""
    if value is None:
        return None
    return float(Decimal(repr(value)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP))


@dataclass(frozen=True)
class SectorAverage:
    sector: str  # a `Sector` value
    label: str
    average: float | None  # None when nobody from this sector rated the factor
    count: int  # members from this sector who rated it


@dataclass
class FactorResult:
    factor: Factor
    theme: Theme
    average: float | None  # None when nobody rated it (all "don't know")
    count: int  # members who rated it
    by_sector: list[SectorAverage]  # one per `HealthResults.sectors`, in the same order
    tools: list[Tool]  # the toolkit tools that address it, most direct first

    @property
    def rated_sectors(self) -> list[SectorAverage]:
        return [s for s in self.by_sector if s.average is not None]

    @property
    def highest_sector(self) -> SectorAverage | None:
        rated = self.rated_sectors
        return max(rated, key=lambda s: s.average) if len(rated) > 1 else None

    @property
    def lowest_sector(self) -> SectorAverage | None:
        rated = self.rated_sectors
        return min(rated, key=lambda s: s.average) if len(rated) > 1 else None

    @property
    def spread(self) -> float | None:
        """The gap between the highest and the lowest sector average, each to one decimal as
        shown; None with fewer than two sectors rating the factor."""
        high, low = self.highest_sector, self.lowest_sector
        if high is None or low is None:
            return None
        gap = Decimal(str(_rounded(high.average))) - Decimal(str(_rounded(low.average)))
        return float(gap)

    @property
    def sectors_differ(self) -> bool:
        return self.spread is not None and self.spread >= SECTORS_DIFFER_BY

    @property
    def is_weak(self) -> bool:
        return self.average is not None and _rounded(self.average) < WEAK_BELOW


@dataclass(frozen=True)
class ThemeResult:
    theme: Theme
    factors: list[FactorResult]


@dataclass(frozen=True)
class TrendPoint:
    month: date  # the first day of the month
    average: float | None  # of all ratings in each person's latest check of the month
    respondents: int  # people who took the check that month


@dataclass(frozen=True)
class MemberCheck:
    """A member's latest check, as the results use it."""

    taken_at: datetime
    sector: str
    scores: dict[str, int]  # factor slug → 1 to 5; factors not known are absent


@dataclass
class HealthResults:
    respondents: int  # current members who have rated at least once
    without_sector: int  # of them, those who represented no partner organization
    overall: float | None  # average of every rating in the members' latest checks
    sectors: list[tuple[str, str]]  # (value, label) of the sectors that rated, in `Sector` order
    themes: list[ThemeResult]
    trend: list[TrendPoint]  # oldest month first
    latest: dict[int, MemberCheck] = field(default_factory=dict)  # by user id

    @property
    def is_empty(self) -> bool:
        return self.respondents == 0

    @property
    def factors(self) -> list[FactorResult]:
        """Every factor, in theme order."""
        return [f for theme in self.themes for f in theme.factors]

    @property
    def weak_factors(self) -> list[FactorResult]:
        """Factors averaging below `WEAK_BELOW`, weakest first."""
        return sorted((f for f in self.factors if f.is_weak), key=lambda f: f.average)

    @property
    def differing_factors(self) -> list[FactorResult]:
        """Factors where sectors differ by `SECTORS_DIFFER_BY` points or more."""
        return [f for f in self.factors if f.sectors_differ]

    def latest_of(self, user_id: int) -> MemberCheck | None:
        """A member's latest check, for prefilling a retake."""
        return self.latest.get(user_id)


def _average(scores: list[int]) -> float | None:
    return fmean(scores) if scores else None


def _month(moment: datetime) -> date:
    return timezone.localtime(moment).date().replace(day=1)


def _trend(checks: list[tuple], scores: dict[int, dict[str, int]]) -> list[TrendPoint]:
    # Each person's latest check of each month: checks arrive oldest first.
    by_month: dict[date, dict[int, int]] = defaultdict(dict)
    for check_id, user_id, _sector, taken_at, _member in checks:
        by_month[_month(taken_at)][user_id] = check_id
    return [
        TrendPoint(
            month=month,
            average=_average([s for c in latest.values() for s in scores[c].values()]),
            respondents=len(latest),
        )
        for month, latest in sorted(by_month.items())
    ]


def results(collaboration: Collaboration, tools: Iterable[Tool] | None = None) -> HealthResults:
    """The collaboration's health check results (see the module docstring), in two queries,
    or one given the toolkit's `tools` (a page that has them already)."""
    is_member = Membership.objects.filter(
        collaboration=OuterRef("collaboration"), user=OuterRef("user")
    )
    # Each check with its ratings, a row per rating (one row, without rating, for a check
    # that has none).
    rated = (
        HealthCheck.objects.filter(collaboration=collaboration)
        .annotate(is_member=Exists(is_member))
        .order_by("taken_at", "pk", "ratings__pk")
        .values_list(
            "pk", "user_id", "sector", "taken_at", "is_member", "ratings__factor", "ratings__score"
        )
    )
    checks: list[tuple] = []
    scores: dict[int, dict[str, int]] = defaultdict(dict)
    for *check, factor, score in rated:
        if not checks or checks[-1][0] != check[0]:
            checks.append(tuple(check))
        if factor is not None:
            scores[check[0]][factor] = score
    by_slug = (
        {tool.slug: tool for tool in tools if tool.slug in TOOL_SLUGS}
        if tools is not None
        else Tool.objects.in_bulk(list(TOOL_SLUGS), field_name="slug")
    )

    latest: dict[int, MemberCheck] = {}
    for check_id, user_id, sector, taken_at, member in checks:
        if member:
            latest[user_id] = MemberCheck(taken_at, sector, scores[check_id])
    sector_values = {check.sector for check in latest.values() if check.sector}
    sectors = [(value, str(label)) for value, label in Sector.choices if value in sector_values]

    def factor_result(factor: Factor, theme: Theme) -> FactorResult:
        rated = [c for c in latest.values() if factor.slug in c.scores]
        by_sector = []
        for value, label in sectors:
            in_sector = [c.scores[factor.slug] for c in rated if c.sector == value]
            by_sector.append(SectorAverage(value, label, _average(in_sector), len(in_sector)))
        return FactorResult(
            factor=factor,
            theme=theme,
            average=_average([c.scores[factor.slug] for c in rated]),
            count=len(rated),
            by_sector=by_sector,
            tools=[by_slug[slug] for slug in factor.tools if slug in by_slug],
        )

    return HealthResults(
        respondents=len(latest),
        without_sector=sum(1 for c in latest.values() if not c.sector),
        overall=_average([s for c in latest.values() for s in c.scores.values()]),
        sectors=sectors,
        themes=[
            ThemeResult(theme, [factor_result(f, theme) for f in theme.factors]) for theme in THEMES
        ],
        trend=_trend(checks, scores),
        latest=latest,
    )


def _one_decimal(value: float) -> str:
    return number_format(_rounded(value), decimal_pos=1, use_l10n=True)


@dataclass
class RatingChart(BarChart):
    """A bar chart of averages on the rating scale: a gridline at every whole rating."""

    maximum: float | None = HIGHEST
    value_format: int = 1

    @property
    def ticks(self) -> list[tuple[float, str]]:
        scale = self.scale
        return [(LABEL_WIDTH + n * scale, str(n)) for n in range(HIGHEST + 1)] if scale else []


def factors_chart(results: HealthResults, key: str = "health-factors") -> RatingChart:
    """Each rated factor's average on the 1 to 5 scale, in theme order."""
    rated = [f for f in results.factors if f.average is not None]
    return RatingChart(
        key=key,
        title=_("Average rating of each success factor"),
        description=_(
            "How strongly members agree, on average, that each success factor holds for the "
            "collaboration, from 1 (strongly disagree) to 5 (strongly agree). Below 3 is weak; "
            "factors nobody has rated are left out."
        ),
        series=[Series(_("Average rating (1 to 5)"), PALETTE[0])],
        bars=[
            Bar(str(f.factor.name), [_rounded(f.average)], text=_one_decimal(f.average))
            for f in rated
        ],
        label_heading=_("Success factor"),
        empty=_("No member has rated the collaboration yet."),
    )


def trend_chart(results: HealthResults, key: str = "health-trend") -> RatingChart:
    """The overall average rating per month in which members took the health check."""
    points = [p for p in results.trend if p.average is not None]
    return RatingChart(
        key=key,
        title=_("Overall health over time"),
        description=_(
            "For each month in which members took the health check, the average of all their "
            "ratings that month, from 1 (strongly disagree) to 5 (strongly agree)."
        ),
        series=[Series(_("Average rating (1 to 5)"), PALETTE[2])],
        bars=[
            Bar(
                date_format(p.month, "YEAR_MONTH_FORMAT"),
                [_rounded(p.average)],
                text=_one_decimal(p.average),
            )
            for p in points
        ],
        label_heading=_("Month"),
        empty=_("No member has rated the collaboration yet."),
    )
