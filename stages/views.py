"""The toolkit as a collaboration walks it: the list of my collaborations, a collaboration's
dashboard, a stage, and a tool's worksheet."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render

from collaborations import access
from collaborations.models import Collaboration, Membership
from stages.models import Stage, Tool, Worksheet
from stages.progress import stage_progress


def _context(membership: Membership, **extra) -> dict:
    return {
        "collaboration": membership.collaboration,
        "membership": membership,
        "can": access.abilities(membership),
        **extra,
    }


def _tools_with_worksheets(collaboration: Collaboration, tools) -> list[tuple[Tool, Worksheet]]:
    """Each tool beside the collaboration's worksheet for it (unsaved if not started)."""
    saved = {
        w.tool_id: w
        for w in Worksheet.objects.filter(collaboration=collaboration).select_related("updated_by")
    }
    return [
        (tool, saved.get(tool.pk) or Worksheet(collaboration=collaboration, tool=tool))
        for tool in tools
    ]


def home(request: HttpRequest) -> HttpResponse:
    if request.user.is_authenticated:
        return redirect("stages:collaboration-list")
    stages = Stage.objects.prefetch_related("tools")
    return render(request, "home.html", {"stages": stages})


@login_required
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
        "stages/collaboration_list.html",
        {
            "active": [c for c in cards if not c[0].collaboration.is_archived],
            "archived": [c for c in cards if c[0].collaboration.is_archived],
        },
    )


@login_required
def dashboard(request: HttpRequest, collaboration_id: int) -> HttpResponse:
    membership = access.member_or_404(request.user, collaboration_id)
    collaboration = membership.collaboration
    tools = Tool.objects.select_related("stage").order_by("number")
    return render(
        request,
        "stages/dashboard.html",
        _context(
            membership,
            progress=stage_progress([collaboration.pk])[collaboration.pk],
            tools=_tools_with_worksheets(collaboration, tools),
            partner_count=collaboration.partners.count(),
            member_count=collaboration.memberships.count(),
        ),
    )


@login_required
def stage_detail(request: HttpRequest, collaboration_id: int, stage_slug: str) -> HttpResponse:
    membership = access.member_or_404(request.user, collaboration_id)
    stage = get_object_or_404(Stage, slug=stage_slug)
    collaboration = membership.collaboration
    progress = stage_progress([collaboration.pk])[collaboration.pk]
    return render(
        request,
        "stages/stage_detail.html",
        _context(
            membership,
            stage=stage,
            stage_progress=next(p for p in progress if p.stage.pk == stage.pk),
            tools=_tools_with_worksheets(collaboration, stage.tools.order_by("number")),
        ),
    )


@login_required
def worksheet(request: HttpRequest, collaboration_id: int, tool_slug: str) -> HttpResponse:
    membership = access.member_or_404(request.user, collaboration_id)
    tool = get_object_or_404(Tool.objects.select_related("stage"), slug=tool_slug)
    sheet = Worksheet.for_tool(membership.collaboration, tool)
    siblings = list(Tool.objects.order_by("number").only("slug", "name", "number"))
    index = next(i for i, t in enumerate(siblings) if t.pk == tool.pk)
    return render(
        request,
        "stages/worksheet.html",
        _context(
            membership,
            stage=tool.stage,
            tool=tool,
            worksheet=sheet,
            previous_tool=siblings[index - 1] if index > 0 else None,
            next_tool=siblings[index + 1] if index + 1 < len(siblings) else None,
        ),
    )
