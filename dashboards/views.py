"""Where a collaboration stands: my collaborations, a collaboration's dashboard, a stage's
progress, and the facilitator's portfolio across collaborations (page and CSV)."""

from __future__ import annotations

import csv
from collections.abc import Callable
from dataclasses import replace
from itertools import chain

from django.contrib.auth.decorators import login_required
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from collaborations import access
from collaborations.models import Membership
from dashboards.counts import counts
from dashboards.first_steps import first_steps
from dashboards.listing import Filters, paginate
from dashboards.overview import overview, stage_overview
from dashboards.portfolio import FLAGS, SORTS, filter_rows, sort_rows
from dashboards.portfolio import portfolio as portfolio_rows
from dashboards.progress import current_stage, stage_progress
from health.results import results as health_results
from health.results import trend_chart
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


# Orders of my collaborations: the query-string name and the key that sorts by it.
LIST_SORTS: dict[str, Callable] = {
    "name": lambda card: card[0].collaboration.name.casefold(),
    "stage": lambda card: _stage_number(card[1]),
    "complete": lambda card: sum(p.complete for p in card[1]),
}


@login_required
@require_GET
def collaboration_list(request: HttpRequest) -> HttpResponse:
    """My collaborations, 25 active ones a page, searchable by name or community and
    filtered by current stage; archived ones listed apart."""
    filters = Filters.of(request)
    memberships = Membership.objects.filter(user=request.user).select_related(
        "collaboration", "partner"
    )
    if filters.q:
        memberships = memberships.filter(
            Q(collaboration__name__icontains=filters.q)
            | Q(collaboration__community__icontains=filters.q)
        )
    memberships = list(memberships.order_by("collaboration__name"))
    progress = stage_progress(m.collaboration_id for m in memberships)
    cards = [(m, progress[m.collaboration_id]) for m in memberships]
    if filters.stage:
        cards = [c for c in cards if (stage := current_stage(c[1])) and stage.slug == filters.stage]
    column = filters.sort.removeprefix("-")
    if column in LIST_SORTS:
        cards.sort(key=LIST_SORTS[column], reverse=filters.sort.startswith("-"))
    active = [c for c in cards if not c[0].collaboration.is_archived]
    pager = paginate(request, active, filters)
    return render(
        request,
        "dashboards/collaboration_list.html",
        {
            "active": list(pager.page),
            "archived": [c for c in cards if c[0].collaboration.is_archived],
            "pager": pager,
            "filters": filters,
            "stages": Stage.objects.all(),
            "sorts": [
                (filters.query(sort=name), label, filters.sort == name)
                for name, label in (
                    ("name", _("Name")),
                    ("-stage", _("Furthest stage first")),
                    ("-complete", _("Most complete first")),
                )
            ],
            "anything": bool(memberships) or filters.active,
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


def _portfolio_rows(request: HttpRequest, filters: Filters) -> tuple[list, list, str]:
    """Every collaboration the user facilitates, and those the filters keep, sorted."""
    every = portfolio_rows(request.user)
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
    columns = [
        (
            label,
            filters.query(sort=f"-{name}" if current and not sort.startswith("-") else name),
            current,
            sort.startswith("-"),
        )
        for name, (label, _key) in SORTS.items()
        for current in [sort.removeprefix("-") == name]
    ]
    return render(
        request,
        "dashboards/portfolio.html",
        {
            "rows": list(pager.page),
            "pager": pager,
            "filters": filters,
            "everything": len(every),
            "found": len(rows),
            "sort": sort,
            "columns": columns,
            "attention": sum(1 for r in rows if r.flags),
            "strategies": Strategy,
            "stages": Stage.objects.all(),
            "flags": [(value, label) for value, (label, _test) in FLAGS.items()],
        },
    )


def _csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


class _Echo:
    """A file that hands back what is written, so csv.writer can feed a stream."""

    def write(self, value: str) -> str:
        return value


@login_required
@require_GET
def portfolio_csv(request: HttpRequest) -> StreamingHttpResponse:
    """The portfolio as a spreadsheet: every collaboration the filters keep (all of them
    without filters), in the order the page shows them, streamed row by row."""
    _every, rows, _sort = _portfolio_rows(request, Filters.of(request))
    writer = csv.writer(_Echo())
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
        *(f"{_('Support')}: {label}" for label in Strategy.labels),
        _("Archived"),
    ]
    lines = (
        [
            _csv_cell(row.collaboration.name),
            _csv_cell(row.collaboration.community),
            row.current_stage.name if row.current_stage else _("All stages complete"),
            row.percent_complete,
            row.reviews_waiting,
            row.last_activity.date().isoformat() if row.last_activity else "",
            _("yes") if row.stalled else _("no"),
            row.late,
            _csv_cell("; ".join(row.not_signed_off)),
            *(row.support[value] for value in Strategy.values),
            _("yes") if row.collaboration.is_archived else _("no"),
        ]
        for row in rows
    )
    response = StreamingHttpResponse(
        (writer.writerow(line) for line in chain([header], lines)),
        content_type="text/csv; charset=utf-8",
    )
    response["Content-Disposition"] = 'attachment; filename="portfolio.csv"'
    return response


@access.collaboration_view(get="view")
def stage_detail(request: HttpRequest, membership: Membership, stage_slug: str) -> HttpResponse:
    stage = get_object_or_404(Stage, slug=stage_slug)
    progress, tools = stage_overview(membership.collaboration, stage)
    return render(
        request,
        "dashboards/stage_detail.html",
        dict(stage=stage, stage_progress=progress, tools=tools),
    )
