"""Where a collaboration stands: my collaborations, a collaboration's dashboard, a stage's
progress, and the facilitator's portfolio across collaborations (page and CSV)."""

from __future__ import annotations

import csv

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from collaborations import access
from collaborations.models import Membership
from dashboards.overview import overview, stage_overview
from dashboards.portfolio import SORTS, sort_rows
from dashboards.portfolio import portfolio as portfolio_rows
from dashboards.progress import stage_progress
from health.results import results as health_results
from health.results import trend_chart
from stages.models import Stage
from support.models import Strategy
from support.summary import summary as support_summary


@require_GET
def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("collaboration-list")
    stages = Stage.objects.prefetch_related("tools")
    return render(request, "home.html", {"stages": stages})


@login_required
@require_GET
def collaboration_list(request: HttpRequest) -> HttpResponse:
    memberships = list(
        Membership.objects.filter(user=request.user)
        .select_related("collaboration", "partner")
        .order_by("collaboration__name")
    )
    progress = stage_progress(m.collaboration_id for m in memberships)
    cards = [(m, progress[m.collaboration_id]) for m in memberships]
    return render(
        request,
        "dashboards/collaboration_list.html",
        {
            "active": [c for c in cards if not c[0].collaboration.is_archived],
            "archived": [c for c in cards if c[0].collaboration.is_archived],
        },
    )


@access.collaboration_view(get="view")
def dashboard(request: HttpRequest, membership: Membership) -> HttpResponse:
    collaboration = membership.collaboration
    seen = overview(collaboration)
    health = health_results(collaboration)
    return render(
        request,
        "dashboards/dashboard.html",
        dict(
            overview=seen,
            progress=seen.progress,
            tools=seen.tools,
            charts=[*seen.charts(), *([trend_chart(health)] if len(health.trend) > 1 else [])],
            member_count=collaboration.memberships.count(),
            health=health,
            support=support_summary(collaboration),
        ),
    )


@login_required
@require_GET
def portfolio(request: HttpRequest) -> HttpResponse:
    """Every collaboration the user facilitates, sortable by any column."""
    rows, sort = sort_rows(portfolio_rows(request.user), request.GET.get("sort", ""))
    columns = [
        (name, label, sort.removeprefix("-") == name, sort.startswith("-"))
        for name, (label, _key) in SORTS.items()
    ]
    return render(
        request,
        "dashboards/portfolio.html",
        {
            "rows": rows,
            "sort": sort,
            "columns": columns,
            "attention": sum(1 for r in rows if r.flags),
            "strategies": Strategy,
        },
    )


def _csv_cell(value: object) -> str:
    """A CSV cell a spreadsheet will not run as a formula."""
    text = str(value)
    return "'" + text if text[:1] in ("=", "+", "-", "@", "\t", "\r") else text


@login_required
@require_GET
def portfolio_csv(request: HttpRequest) -> HttpResponse:
    """The portfolio as a spreadsheet, in the order the page shows it."""
    rows, _sort = sort_rows(portfolio_rows(request.user), request.GET.get("sort", ""))
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = 'attachment; filename="portfolio.csv"'
    writer = csv.writer(response)
    writer.writerow(
        [
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
    )
    for row in rows:
        writer.writerow(
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
        )
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
