"""The health check page: results for every member and the form to rate the collaboration."""

from __future__ import annotations

from django.contrib import messages
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from collaborations import access
from collaborations.models import Membership
from health import services, signals
from health.forms import HealthCheckForm
from health.models import HealthCheck
from health.results import SECTORS_DIFFER_BY, WEAK_BELOW, factors_chart, results


def _page(
    request: HttpRequest,
    membership: Membership,
    form: HealthCheckForm | None = None,
    status: int = 200,
) -> HttpResponse:
    health = results(membership.collaboration)
    mine = health.latest_of(request.user.pk)
    if form is None:
        form = HealthCheckForm.for_retake(mine.scores if mine else {})
    context = dict(
        health=health,
        mine=mine,
        form=form,
        chart=factors_chart(health),
        weak_below=WEAK_BELOW,
        sectors_differ_by=SECTORS_DIFFER_BY,
    )
    return render(request, "health/check.html", context, status=status)


@access.collaboration_view(get="view")
def check(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _page(request, membership)


@access.collaboration_view(post="take_health_check")
def take(request: HttpRequest, membership: Membership) -> HttpResponse:
    """Record a new check; the member's earlier checks stay for the trend."""
    form = HealthCheckForm(request.POST)
    if not form.is_valid():
        return _page(request, membership, form=form, status=422)
    services.health_check_take(membership=membership, ratings=form.ratings())
    messages.success(request, _("Thank you. Your ratings are saved and included below."))
    return redirect("health:check", membership.collaboration_id)


@access.collaboration_view(post="remind_members")
def remind(request: HttpRequest, membership: Membership) -> HttpResponse:
    """A facilitator's "Remind those who haven't": members who have not rated this quarter."""
    responses = signals.ratings_requested.send(
        HealthCheck, collaboration=membership.collaboration, actor=request.user
    )
    reminded = sum(count for _receiver, count in responses)
    if reminded:
        messages.success(
            request,
            ngettext(
                "Reminded %(count)d member who has not rated this quarter.",
                "Reminded %(count)d members who have not rated this quarter.",
                reminded,
            )
            % {"count": reminded},
        )
    else:
        messages.info(
            request,
            _("Everyone has rated this quarter, or was reminded in the last three days."),
        )
    return redirect("health:check", membership.collaboration_id)
