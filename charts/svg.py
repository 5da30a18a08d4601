"""Charts drawn on the server as SVG, so the browser and the printed report show the same picture.

A chart is data plus geometry: `BarChart` (horizontal bars, stacked when there are several
series, with an optional marker such as a target) and `ScatterChart` (points on a 1-5 by 1-5
grid). Each carries a title, a one-sentence description and the numbers as a table, which
`charts.markup` draws beside the picture for screen readers and for anyone who wants the
figures. Colours are SVG attributes, never inline styles (the CSP forbids them).

The builders at the end turn collaboration data into charts; other apps build their own charts
from `BarChart` and `Series`.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from functools import lru_cache
from itertools import batched

from django.utils import numberformat
from django.utils.formats import get_format
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from collaborations.models import Partner, Sector
from stages.indicators import Indicator, IndicatorStanding, Measured, indicator_standing
from stages.worksheets.display import status_sums
from stages.worksheets.kinds import display
from stages.worksheets.schema import Definition, Kind, Table

# Geometry of a bar chart, in SVG user units (the picture scales to its container).
WIDTH = 640
LABEL_WIDTH = 210
VALUE_WIDTH = 70
ROW_HEIGHT = 30
BAR_HEIGHT = 18
TOP = 10
AXIS = 28
PLOT = WIDTH - LABEL_WIDTH - VALUE_WIDTH

# A long list of indicators is drawn as several charts of at most this many bars.
INDICATORS_PER_CHART = 20

# Colour-blind-safe fills, dark enough to stand out from white (3:1 or more), in series order.
PALETTE = ("#1f5f99", "#c26100", "#2a7d4f", "#8b3a8f", "#a23b3b", "#4d5a66", "#7a6a00")
MUTED = "#d5dae0"
# A gap (what is still needed): dark enough to read as a bar, unlike any series colour.
MUTED_GAP = "#6b6b6b"


def _short(text: str, limit: int = 27) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


@lru_cache(maxsize=32)
def _number_style(language: str | None) -> tuple[str, int, str]:
    """A language's decimal mark, grouping and group separator, looked up once: a chart's
    numbers table formats hundreds of numbers."""
    return (
        get_format("DECIMAL_SEPARATOR", language, use_l10n=True),
        get_format("NUMBER_GROUPING", language, use_l10n=True),
        get_format("THOUSAND_SEPARATOR", language, use_l10n=True),
    )


def _number(value: float | Decimal | int, decimals: int = 0) -> str:
    """The value rounded half up to `decimals` places, in the reader's number format."""
    return _formatted(value, decimals, get_language())


# Charts repeat their numbers (every target at 100%, many zeros): each is formatted once.
@lru_cache(maxsize=1024)
def _formatted(value: float | Decimal | int, decimals: int, language: str | None) -> str:
    rounded = Decimal(str(value)).quantize(Decimal(1).scaleb(-decimals), rounding=ROUND_HALF_UP)
    mark, grouping, separator = _number_style(language)
    return numberformat.format(
        rounded,
        mark,
        decimal_pos=decimals,
        grouping=grouping,
        thousand_sep=separator,
        force_grouping=True,
        use_l10n=True,
    )


def _round_up(value: float, whole: bool = False) -> float:
    """The smallest round number at or above `value` whose quarters are round too (a quarter
    of it is 1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5 or 8 times a power of ten), so the gridlines read
    well. With `whole`, the quarters are whole numbers (for counts)."""
    if value <= 0:
        return 0
    for exponent in range(-3, 16):
        for mantissa in (1, 1.5, 2, 2.5, 3, 4, 5, 6, 7.5, 8):
            step = mantissa * 10**exponent
            if whole and step != int(step):
                continue
            if 4 * step >= value:
                return 4 * step
    return value


@dataclass
class Series:
    label: str
    colour: str


@dataclass
class Bar:
    label: str
    values: list[float]  # one per series
    marker: float | None = None  # a target, drawn as a tick across the bar
    text: str = ""  # the value printed at the end of the bar
    href: str = ""
    # The values as the table of numbers shows them, where a bare number would mislead
    # (an indicator without a measurement is "—", not 0).
    shown: list[str] | None = None


@dataclass
class Segment:
    x: float
    width: float
    colour: str
    label: str


@dataclass
class PlacedBar:
    bar: Bar
    y: float
    label: str
    segments: list[Segment]
    end: float
    marker_x: float | None


@dataclass
class BarChart:
    key: str  # unique on a page: used for element ids
    title: str
    description: str
    series: list[Series]
    bars: list[Bar]
    # The value the full width stands for; the largest bar total when not given.
    maximum: float | None = None
    # Table: a header for the label column and one per series, and for the marker.
    label_heading: str = ""
    marker_label: str = ""
    value_format: int = 0  # decimal places in the table and labels
    empty: str = ""  # said instead of a picture when there is nothing to draw
    # Whether there is anything to show, where a bar of zero is a value (not "no data").
    has_data: bool | None = None
    kind: str = field(default="bar", init=False)

    @property
    def top(self) -> float:
        """The value the full width stands for: `maximum`, or a round number just above the
        largest bar, so the four gridlines fall on round values."""
        if self.maximum is not None:
            return self.maximum
        totals = [sum(b.values) for b in self.bars] + [b.marker or 0 for b in self.bars]
        return _round_up(float(max(totals, default=0)), whole=self.value_format == 0)

    @property
    def scale(self) -> float:
        return PLOT / self.top if self.top else 0

    @property
    def placed(self) -> list[PlacedBar]:
        scale = self.scale
        placed = []
        for index, bar in enumerate(self.bars):
            x = float(LABEL_WIDTH)
            segments = []
            for series, value in zip(self.series, bar.values, strict=True):
                width = float(value) * scale
                if width > 0:
                    segments.append(Segment(x, width, series.colour, series.label))
                x += width
            marker = LABEL_WIDTH + float(bar.marker) * scale if bar.marker is not None else None
            placed.append(
                PlacedBar(bar, TOP + index * ROW_HEIGHT, _short(bar.label), segments, x, marker)
            )
        return placed

    @property
    def height(self) -> int:
        return TOP + len(self.bars) * ROW_HEIGHT + AXIS

    @property
    def axis_y(self) -> int:
        return TOP + len(self.bars) * ROW_HEIGHT

    @property
    def ticks(self) -> list[tuple[float, str]]:
        """Five gridlines from zero to the full width, labelled with their values."""
        if not self.top:
            return []
        step = self.top / 4
        decimals = self.value_format if step == int(step) else max(self.value_format, 1)
        return [(LABEL_WIDTH + PLOT * i / 4, _number(step * i, decimals)) for i in range(5)]

    @property
    def headings(self) -> list[str]:
        headings = [self.label_heading, *(s.label for s in self.series)]
        return [*headings, self.marker_label] if self.marker_label else headings

    @property
    def rows(self) -> list[list[str]]:
        rows = []
        decimals, language = self.value_format, get_language()
        for bar in self.bars:
            values = bar.shown or [_formatted(v, decimals, language) for v in bar.values]
            cells = [bar.label, *values]
            if self.marker_label:
                cells.append(
                    _formatted(bar.marker, decimals, language) if bar.marker is not None else "—"
                )
            rows.append(cells)
        return rows

    @property
    def is_empty(self) -> bool:
        if self.has_data is not None:
            return not self.has_data
        return not any(sum(b.values) for b in self.bars)


# A scatter chart's grid: five steps each way.
GRID_LEFT = 70
GRID_TOP = 20
GRID_SIZE = 360
STEP = GRID_SIZE / 5


@dataclass
class Point:
    number: int
    label: str
    x: int  # 1 to 5
    y: int  # 1 to 5
    detail: str = ""


@dataclass
class PlacedPoint:
    point: Point
    cx: float
    cy: float


@dataclass
class ScatterChart:
    key: str
    title: str
    description: str
    x_label: str
    y_label: str
    points: list[Point]
    # Names of the four quadrants: low x/high y, high x/high y, low x/low y, high x/low y.
    quadrants: tuple[str, str, str, str] = ("", "", "", "")
    label_heading: str = ""
    detail_heading: str = ""
    empty: str = ""
    kind: str = field(default="scatter", init=False)
    width: int = GRID_LEFT + GRID_SIZE + 30
    height: int = GRID_TOP + GRID_SIZE + 50

    @property
    def placed(self) -> list[PlacedPoint]:
        """Points at their cell's centre; several in one cell are spread around it."""
        by_cell: dict[tuple[int, int], list[Point]] = defaultdict(list)
        for point in self.points:
            by_cell[point.x, point.y].append(point)
        placed = []
        for (x, y), points in by_cell.items():
            centre_x = GRID_LEFT + (x - 0.5) * STEP
            centre_y = GRID_TOP + (5 - y + 0.5) * STEP
            columns = 1 if len(points) == 1 else 2 if len(points) <= 4 else 3
            for index, point in enumerate(points):
                row, column = divmod(index, columns)
                rows = (len(points) + columns - 1) // columns
                placed.append(
                    PlacedPoint(
                        point,
                        centre_x + (column - (columns - 1) / 2) * 22,
                        centre_y + (row - (rows - 1) / 2) * 22,
                    )
                )
        return sorted(placed, key=lambda p: p.point.number)

    @property
    def grid(self) -> list[float]:
        return [GRID_LEFT + i * STEP for i in range(6)]

    @property
    def grid_y(self) -> list[float]:
        return [GRID_TOP + i * STEP for i in range(6)]

    @property
    def tick_labels(self) -> list[tuple[int, float, float]]:
        """Scale values 1 to 5 with their x position (along the bottom) and y position (left)."""
        return [
            (n, GRID_LEFT + (n - 0.5) * STEP, GRID_TOP + (5 - n + 0.5) * STEP) for n in range(1, 6)
        ]

    @property
    def quadrant_labels(self) -> list[tuple[str, float, float]]:
        half = GRID_SIZE / 2
        corners = [(0, 0), (half, 0), (0, half), (half, half)]
        return [
            (text, GRID_LEFT + dx + half / 2, GRID_TOP + dy + 14)
            for text, (dx, dy) in zip(self.quadrants, corners, strict=True)
            if text
        ]

    @property
    def headings(self) -> list[str]:
        headings = ["#", self.label_heading, self.x_label, self.y_label]
        return [*headings, self.detail_heading] if self.detail_heading else headings

    @property
    def rows(self) -> list[list[str]]:
        rows = []
        for p in self.points:
            cells = [str(p.number), p.label, str(p.x), str(p.y)]
            rows.append([*cells, p.detail] if self.detail_heading else cells)
        return rows

    @property
    def is_empty(self) -> bool:
        return not self.points

    @property
    def centre(self) -> float:
        return GRID_LEFT + GRID_SIZE / 2

    @property
    def bottom(self) -> float:
        return GRID_TOP + GRID_SIZE


# Builders: collaboration data → charts.


def worksheet_charts(
    definition: Definition,
    answers: dict,
    partners: list[Partner],
    measurements: dict[tuple[str, str], Measured],
    currency: str = "",
    indicators: list[Indicator] | None = None,
) -> list[BarChart | ScatterChart]:
    """The pictures a worksheet's tables call for: stakeholders that can become partners on
    the influence-by-interest grid, a ledger with totals by sector and kind, indicators
    against their targets. A page that has worked out the worksheet's `indicators`
    (`stages.indicators.indicators_of`) passes them, and their standings are drawn."""
    charts: list[BarChart | ScatterChart] = []
    for table in definition.tables:
        rows = answers.get(table.name) or []
        key = f"{definition.tool}-{table.name}"
        if table.grid:
            charts.append(influence_interest_chart(table, rows, key=key))
        if table.totals:
            charts.append(resources_chart(table, rows, partners, key=key, currency=currency))
        if table.measured:
            if indicators is not None:
                progress = [i.standing for i in indicators if i.table.name == table.name]
            else:
                progress = [
                    indicator_standing(
                        table, row, measurements.get((table.name, row.get("id")), Measured())
                    )
                    for row in rows
                    if row.get(table.measured[0])
                ]
            charts.extend(_indicator_charts(progress, key))
    return charts


def _indicator_charts(progress: list[IndicatorStanding], key: str) -> list[BarChart]:
    if len(progress) <= INDICATORS_PER_CHART:
        return [indicators_chart(progress, key=key)]
    charts = []
    for number, chunk in enumerate(batched(progress, INDICATORS_PER_CHART, strict=False)):
        chart = indicators_chart(list(chunk), key=f"{key}-{number + 1}")
        first = number * INDICATORS_PER_CHART + 1
        chart.title = _("%(title)s: %(first)s to %(last)s of %(count)s") % {
            "title": chart.title,
            "first": first,
            "last": first + len(chunk) - 1,
            "count": len(progress),
        }
        charts.append(chart)
    return charts


def partners_by_sector_chart(partners: Iterable[Partner], key: str = "partners-by-sector"):
    counts = Counter(p.sector for p in partners)
    return BarChart(
        key=key,
        title=_("Partner organizations by sector"),
        description=_(
            "How many partner organizations come from each of the six sectors; "
            "a missing sector shows as zero."
        ),
        series=[Series(_("Partner organizations"), PALETTE[0])],
        bars=[
            Bar(str(label), [counts.get(value, 0)], text=str(counts.get(value, 0)))
            for value, label in Sector.choices
        ],
        label_heading=_("Sector"),
        empty=_("No partner organizations yet."),
    )


def influence_interest_chart(
    table: Table, rows: list[dict], key: str = "influence-interest"
) -> ScatterChart:
    """A table's rows placed on its declared influence-by-interest grid; rows without both
    ratings are left out."""
    grid = table.grid
    detail = table.column(grid.detail) if grid.detail else None
    points = []
    for row in rows:
        across, up = row.get(grid.x), row.get(grid.y)
        if not across or not up:
            continue
        points.append(
            Point(
                number=len(points) + 1,
                label=row.get(grid.label) or "?",
                x=int(across),
                y=int(up),
                detail=display(detail, row.get(detail.name), {}) if detail else "",
            )
        )
    return ScatterChart(
        key=key,
        title=_("Stakeholders by influence and interest"),
        description=_(
            "Each numbered point is a stakeholder from the stakeholder map, placed by its "
            "interest in the issue (across) and its influence (up), both rated 1 to 5."
        ),
        x_label=_("Interest"),
        y_label=_("Influence"),
        points=points,
        quadrants=(_("Keep satisfied"), _("Engage closely"), _("Monitor"), _("Keep informed")),
        label_heading=_("Stakeholder"),
        detail_heading=_("Engagement"),
        empty=_("No stakeholder has been rated for influence and interest yet."),
    )


def resources_chart(
    table: Table,
    rows: list[dict],
    partners: list[Partner],
    key: str = "resources",
    currency: str = "",
) -> BarChart:
    """A ledger with declared totals (the resource ledger): the value column summed by the
    sector of each row's partner, split by status (committed, pledged, potential). What is
    still needed is a gap: it has a bar of its own and is never stacked onto what partners
    bring."""
    columns = {c.name: c for c in table.columns}
    by = [columns[name] for name in table.totals.by]
    partner_column = next((c.name for c in by if c.kind == Kind.PARTNER), None)
    statuses = status_sums(table, rows)
    gaps = {s.status for s in statuses if s.gap}
    sectors = {p.pk: p.sector for p in partners}
    sums: dict[str, dict[str, float]] = defaultdict(lambda: defaultdict(float))
    missing: dict[str, float] = defaultdict(float)
    known = {s.status for s in statuses}
    for row in rows:
        status = (row.get(table.totals.status) or "") if table.totals.status else ""
        status = status if status in known else ""
        value = float(row.get(table.totals.value) or 0)
        if status in gaps:
            missing[status] += value
            continue
        sector = sectors.get(row.get(partner_column), "") if partner_column else ""
        sums[sector][status] += value
    sector_labels = [*Sector.choices, ("", _("No partner named"))]
    bars = [
        Bar(
            str(label),
            [0.0 if s.gap else sums[sector][s.status] for s in statuses],
            text=_number(sum(sums[sector].values())),
        )
        for sector, label in sector_labels
        if sector or sums.get("")
    ]
    if any(missing.values()):
        bars.append(
            Bar(
                _("Still needed (a gap, not counted above)"),
                [missing[s.status] if s.gap else 0.0 for s in statuses],
                text=_number(sum(missing.values())),
            )
        )
    colours = iter(PALETTE)
    title = _("%(table)s by sector and status") % {"table": table.label}
    return BarChart(
        key=key,
        title=f"{title} ({currency})" if currency else title,
        description=_(
            "The estimated value of what partners bring, by the sector of the partner, split "
            "by status; what is still needed is a separate bar, never added to the others."
        ),
        series=[Series(s.label, MUTED_GAP if s.gap else next(colours)) for s in statuses],
        bars=bars,
        label_heading=_("Sector"),
        empty=_("Nothing in the ledger has an estimated value yet."),
    )


def indicators_chart(indicators: list[IndicatorStanding], key: str = "indicators") -> BarChart:
    """How far each indicator has come from its baseline to its target (0 to 100%)."""
    return BarChart(
        key=key,
        title=_("Indicators against their targets"),
        description=_(
            "For each indicator, the share of the way from its baseline to its target that the "
            "latest measurement has reached; the tick marks the target."
        ),
        series=[Series(_("Share of the way to the target (%)"), PALETTE[0])],
        bars=[
            Bar(
                indicator.name,
                [indicator.percent or 0],
                marker=100,
                text=f"{indicator.percent}%"
                if indicator.percent is not None
                else (_("no target") if indicator.latest else _("no data")),
                shown=None if indicator.percent is not None else ["—"],
            )
            for indicator in indicators
        ],
        maximum=100,
        label_heading=_("Indicator"),
        marker_label=_("Target (%)"),
        empty=_("No indicator has a measurement yet."),
        # A measurement still at the baseline (0%) is a measurement: draw the chart.
        has_data=any(indicator.latest is not None for indicator in indicators),
    )
