"""Small factories for support log entries."""

from __future__ import annotations

from datetime import date

from collaborations.models import Collaboration
from support.models import Activity, Barrier, ResourceLead, Strategy


def make_activity(collaboration: Collaboration, **fields) -> Activity:
    defaults = {
        "date": date(2026, 5, 1),
        "strategy": Strategy.TRAINING,
        "description": "Technical-assistance call on the stakeholder map",
    }
    return Activity.objects.create(collaboration=collaboration, **{**defaults, **fields})


def make_lead(collaboration: Collaboration, **fields) -> ResourceLead:
    defaults = {"source": "Community foundation small grants", "kind": ResourceLead.Kind.FUNDING}
    return ResourceLead.objects.create(collaboration=collaboration, **{**defaults, **fields})


def make_barrier(collaboration: Collaboration, **fields) -> Barrier:
    defaults = {"what": "Work permits take six weeks", "who_can_unblock": "School district"}
    return Barrier.objects.create(collaboration=collaboration, **{**defaults, **fields})
