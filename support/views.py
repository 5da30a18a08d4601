"""The support log page, and the add, edit and delete pages of its three kinds of entry.

Every member may read the log; only a facilitator keeps it (`keep_support_log`). The three
kinds of entry share one form view and one delete view: what differs between them (model,
form, the words on the pages) is declared once in `KINDS`.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib import messages
from django.db import models
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from collaborations import access
from collaborations.models import Membership
from support.forms import ActivityForm, BarrierForm, CollaborationEntryForm, ResourceLeadForm
from support.models import Activity, Barrier, ResourceLead, Strategy
from support.summary import strategy_counts


@dataclass(frozen=True)
class EntryKind:
    """One kind of support log entry and the words its pages use."""

    slug: str  # the url names' prefix: "activity-new", "lead-edit"…
    model: type[models.Model]
    form: type[CollaborationEntryForm]
    section: str  # the id of its section on the log page
    add_title: Promise
    edit_title: Promise
    save_label: Promise
    saved: Promise
    delete_title: Promise
    delete_button: Promise
    deleted: Promise
    explain_strategies: bool = False


KINDS = {
    kind.slug: kind
    for kind in [
        EntryKind(
            slug="activity",
            model=Activity,
            form=ActivityForm,
            section="activities",
            add_title=_("Record a support activity"),
            edit_title=_("Edit a support activity"),
            save_label=_("Save activity"),
            saved=_("Support activity saved: %(entry)s."),
            delete_title=_("Delete this support activity?"),
            delete_button=_("Delete activity"),
            deleted=_("Support activity deleted: %(entry)s."),
            explain_strategies=True,
        ),
        EntryKind(
            slug="lead",
            model=ResourceLead,
            form=ResourceLeadForm,
            section="leads",
            add_title=_("Add a resource lead"),
            edit_title=_("Edit a resource lead"),
            save_label=_("Save lead"),
            saved=_("Resource lead saved: %(entry)s."),
            delete_title=_("Delete this resource lead?"),
            delete_button=_("Delete lead"),
            deleted=_("Resource lead deleted: %(entry)s."),
        ),
        EntryKind(
            slug="barrier",
            model=Barrier,
            form=BarrierForm,
            section="barriers",
            add_title=_("Add a barrier"),
            edit_title=_("Edit a barrier"),
            save_label=_("Save barrier"),
            saved=_("Barrier saved: %(entry)s."),
            delete_title=_("Delete this barrier?"),
            delete_button=_("Delete barrier"),
            deleted=_("Barrier deleted: %(entry)s."),
        ),
    ]
}


def _log_url(collaboration_id: int, kind: EntryKind) -> str:
    return f"{reverse('support:log', args=[collaboration_id])}#{kind.section}"


@access.collaboration_view(get="view")
def support_log(request: HttpRequest, membership: Membership) -> HttpResponse:
    collaboration = membership.collaboration
    asked = request.GET.get("strategy", "")
    strategy = Strategy(asked) if asked in Strategy.values else None
    activities = collaboration.support_activities.select_related("recorded_by")
    if strategy is not None:
        activities = activities.filter(strategy=strategy)
    counts = strategy_counts(collaboration)
    context = dict(
        activities=activities,
        strategy=strategy,
        unknown_strategy=asked if asked and strategy is None else "",
        strategies=Strategy,
        by_strategy=counts,
        total_activities=sum(row.count for row in counts),
        leads=collaboration.resource_leads.all(),
        barriers=collaboration.support_barriers.all(),
    )
    return render(request, "support/log.html", context)


@access.collaboration_view(get="keep_support_log", post="keep_support_log")
def entry_form(
    request: HttpRequest, membership: Membership, kind: str, entry_id: int | None = None
) -> HttpResponse:
    """Add an entry of the given kind, or edit one when `entry_id` is given."""
    collaboration = membership.collaboration
    entry_kind = KINDS[kind]
    entry = None
    if entry_id is not None:
        entry = get_object_or_404(entry_kind.model, pk=entry_id, collaboration=collaboration)
    form = entry_kind.form(
        request.POST or None, instance=entry, collaboration=collaboration, user=request.user
    )
    if request.method == "POST" and form.is_valid():
        saved = form.save()
        messages.success(request, entry_kind.saved % {"entry": saved})
        return redirect(_log_url(collaboration.pk, entry_kind))
    context = dict(
        form=form,
        kind=entry_kind,
        entry=entry,
        title=entry_kind.edit_title if entry else entry_kind.add_title,
        strategies=Strategy if entry_kind.explain_strategies else None,
    )
    return render(request, "support/entry_form.html", context)


@access.collaboration_view(get="keep_support_log", post="keep_support_log")
def entry_delete(
    request: HttpRequest, membership: Membership, kind: str, entry_id: int
) -> HttpResponse:
    entry_kind = KINDS[kind]
    entry = get_object_or_404(entry_kind.model, pk=entry_id, collaboration=membership.collaboration)
    if request.method == "POST":
        entry.delete()
        messages.success(request, entry_kind.deleted % {"entry": entry})
        return redirect(_log_url(membership.collaboration_id, entry_kind))
    return render(
        request,
        "support/entry_confirm_delete.html",
        dict(kind=entry_kind, entry=entry),
    )
