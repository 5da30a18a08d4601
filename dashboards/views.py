"""Where a collaboration stands: my collaborations, a collaboration's dashboard, a stage's
progress, and the facilitator's portfolio across collaborations (page and CSV)."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable, Iterator
from dataclasses import replace
from functools import cache
from itertools import batched, chain

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import redirect, render
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from collaborations import access
from collaborations.models import Membership
from dashboards.collaboration_cards import collaboration_cards
from dashboards.counts import counts
from dashboards.first_steps import first_steps
from dashboards.listing import Filters, paginate
from dashboards.overview import overview, stage_overview
from dashboards.portfolio import FLAGS, SORTS, fill, filter_rows, sort_rows
from dashboards.portfolio import portfolio as portfolio_rows
from dashboards.portfolio_table import table_rows
from dashboards.progress import current_stage, stage_progress
from health.results import results as health_results
from health.results import trend_chart
from stages import catalog
from stages.models import Stage
from support.models import Strategy


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("collaboration-list")
    stages = Stage.objects.prefetch_related("tools")
    return render(request, "home.html", {"stages": stages})


def _stage_number(progress: list) -> int:
    """The current stage's number, past the last stage once every stage is complete."""
    stage = current_stage(progress)
    return stage.number if stage else len(progress) + 1


# Orders of my collaborations: the query-string name, the key that sorts by it (given the
# membership and its collaboration's progress), and whether it needs every one's progress.
LIST_SORTS: dict[str, tuple[Callable, bool]] = {
    "name": (lambda m, progress: m.collaboration.name.casefold(), False),
    "stage": (lambda m, progress: _stage_number(progress), True),
    "complete": (lambda m, progress: sum(p.complete for p in progress), True),
}


@login_required
@require_GET
def collaboration_list(request: HttpRequest) -> HttpResponse:
    """My collaborations, 25 active ones a page, searchable by name or community and
    filtered by current stage; archived ones listed apart. Progress is worked out for the
    cards shown, or for every collaboration when the filter or the order needs it."""
    filters = Filters.of(request)
    memberships = Membership.objects.filter(user=request.user).select_related("collaboration")
    if filters.q:
        memberships = memberships.filter(
            Q(collaboration__name__icontains=filters.q)
            | Q(collaboration__community__icontains=filters.q)
        )
    memberships = list(memberships.order_by("collaboration__name"))
    anything = bool(memberships) or filters.active
    column = filters.sort.removeprefix("-")
    key, by_progress = LIST_SORTS.get(column, (None, False))
    every_progress = bool(filters.stage) or by_progress
    progress = stage_progress(m.collaboration_id for m in memberships) if every_progress else {}
    if filters.stage:
        memberships = [
            m
            for m in memberships
            if (stage := current_stage(progress[m.collaboration_id]))
            and stage.slug == filters.stage
        ]
    if key:
        memberships.sort(
            key=lambda m: key(m, progress.get(m.collaboration_id)),
            reverse=filters.sort.startswith("-"),
        )
    active = [m for m in memberships if not m.collaboration.is_archived]
    archived = [m for m in memberships if m.collaboration.is_archived]
    pager = paginate(request, active, filters)
    shown = list(pager.page)
    if not every_progress:
        progress = stage_progress(m.collaboration_id for m in [*shown, *archived])
    active_cards = [(m, progress[m.collaboration_id]) for m in shown]
    archived_cards = [(m, progress[m.collaboration_id]) for m in archived]
    return render(
        request,
        "dashboards/collaboration_list.html",
        {
            "active": active_cards,
            "archived": archived_cards,
            "active_cards": collaboration_cards(active_cards),
            "archived_cards": collaboration_cards(archived_cards),
            "pager": pager,
            "filters": filters,
            "stages": catalog.stages(),
            "sorts": [
                (filters.query(sort=name), label, filters.sort == name)
                for name, label in (
                    ("name", _("Name")),
                    ("-stage", _("Furthest stage first")),
                    ("-complete", _("Most complete first")),
                )
            ],
            "anything": anything,
        },
    )


@access.collaboration_view(get="view")
def dashboard(request: HttpRequest, membership: Membership) -> HttpResponse:
    collaboration = membership.collaboration
    seen = overview(collaboration)
    health = health_results(collaboration, tools=[tool for tool, _sheet in seen.tools])
    counted = counts(collaboration)
    return render(
        request,
        "dashboards/dashboard.html",
        dict(
            overview=seen,
            progress=seen.progress,
            # The collaboration menu's stages, as the page has them: no query of its own.
            toolkit_stages=seen.stages,
            tools=seen.tools,
            charts=[*seen.charts(), *([trend_chart(health)] if len(health.trend) > 1 else [])],
            counts=counted,
            first_steps=first_steps(
                membership,
                partners=len(seen.partners),
                members=counted.members,
                invited=counted.invited,
                first_tool=seen.tools[0],
            ),
            health=health,
        ),
    )


def _portfolio_rows(
    request: HttpRequest, filters: Filters, *, filled: bool = False
) -> tuple[list, list, str]:
    """Every collaboration the user facilitates, and those the filters keep, sorted."""
    every = portfolio_rows(request.user, filled=filled)
    kept = filter_rows(every, filters.q, filters.stage, filters.flag)
    rows, sort = sort_rows(kept, filters.sort)
    return every, rows, sort


@login_required
@require_GET
def portfolio(request: HttpRequest) -> HttpResponse:
    """Every collaboration the user facilitates, 25 a page, sortable by any column,
    searchable and filtered by stage and flag."""
    filters = Filters.of(request)
    every, rows, sort = _portfolio_rows(request, filters)
    filters = replace(filters, sort=sort)
    pager = paginate(request, rows, filters)
    shown = list(pager.page)
    fill(shown)
    columns = [
        (
            column.label,
            filters.query(sort=f"-{name}" if current and not sort.startswith("-") else name),
            current,
            sort.startswith("-"),
        )
        for name, column in SORTS.items()
        for current in [sort.removeprefix("-") == name]
    ]
    return render(
        request,
        "dashboards/portfolio.html",
        {
            "rows": shown,
            "table_rows": table_rows(shown),
            "pager": pager,
            "filters": filters,
            "everything": len(every),
            "found": len(rows),
            "sort": sort,
            "columns": columns,
            "attention": sum(1 for r in rows if r.flags),
            "strategies": Strategy,
            "stages": catalog.stages(),
            "flags": [(value, label) for value, (label, _test) in FLAGS.items()],
        },
    )


def _csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


# Rows written to the stream at a time: each piece streamed is compressed and flushed on its
# own, so a piece per row would cost the response a gzip flush per collaboration.
CSV_CHUNK = 50


def _csv_chunks(lines: Iterable[list], size: int = CSV_CHUNK) -> Iterator[str]:
    """The CSV text of `lines`, `size` rows to a piece."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    for chunk in batched(lines, size, strict=False):
        writer.writerows(chunk)
        yield buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()


@login_required
@require_GET
def portfolio_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The portfolio as a spreadsheet: every collaboration the filters keep (all of them
    without filters), in the order the page shows them, streamed a few dozen rows at a time."""
    _every, rows, _sort = _portfolio_rows(request, Filters.of(request), filled=True)
    header = [
        _("Collaboration"),
        _("Community"),
        _("Current stage"),
        _("Percent complete"),
        _("Reviews waiting"),
        _("Last activity"),
        _("Stalled"),
        _("Late commitments and milestones"),
        _("Partners not signed off"),
        *(_("Support: %(strategy)s") % {"strategy": label} for label in Strategy.labels),
        _("Archived"),
    ]
    # Words every row shares, in the reader's language, while the request is still on.
    yes_no = {True: _("yes"), False: _("no")}
    strategies = Strategy.values

    @cache
    def stage_name(stage: Stage | None) -> str:
        return stage.name if stage else _("All stages complete")

    lines = (
        [
            _csv_cell(row.collaboration.name),
            _csv_cell(row.collaboration.community),
            stage_name(row.current_stage),
            row.percent_complete,
            row.reviews_waiting,
            # The day in the site's time zone, as the page dates it.
            template_localtime(row.last_activity).date().isoformat() if row.last_activity else "",
            yes_no[row.stalled],
            row.late,
            _csv_cell("; ".join(row.not_signed_off)),
            *(row.support[value] for value in strategies),
            yes_no[row.collaboration.is_archived],
        ]
        for row in rows
    )
    response = StreamingHttpResponse(
        _csv_chunks(chain([header], lines)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="portfolio.csv"'
    return response


@access.collaboration_view(get="view")
def stage_detail(request: HttpRequest, membership: Membership, stage_slug: str) -> HttpResponse:
    stage = catalog.stage(stage_slug)
    progress, tools = stage_overview(membership.collaboration, stage)
    return render(
        request,
        "dashboards/stage_detail.html",
        dict(stage=stage, stage_progress=progress, tools=tools),
    )
