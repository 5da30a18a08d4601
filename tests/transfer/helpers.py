"""A collaboration with something in every table an export carries."""

from __future__ import annotations

from datetime import date, timedelta
from decimal import Decimal

from django.utils import timezone

from collaborations.models import Role, Sector
from demo.filled import filled_answers
from health.models import HealthCheck
from stages.models import (
    Comment,
    Measurement,
    MeasurementChange,
    SignOff,
    Tool,
    Worksheet,
    WorksheetRevision,
)
from stages.services import worksheet_save, worksheet_set_status
from support.models import ResourceLead
from tests.factories import make_invitation, make_member, make_partner, make_user
from tests.health.helpers import rate, rate_all
from tests.support.factories import make_activity, make_barrier, make_lead


def fill_everything(cast) -> None:
    collaboration = cast.collaboration
    facilitator, partner_user = cast.facilitator.user, cast.partner.user
    county = make_partner(collaboration, name="County Workforce Board", sector=Sector.GOVERNMENT)
    make_partner(collaboration, name="Former Ally", sector=Sector.BUSINESS, status="former")
    partner_ids = list(collaboration.partners.order_by("pk").values_list("pk", flat=True))

    # Worksheets through the real save path, so there are revisions; one with partner fields
    # in single answers and in table columns, one measured.
    for slug in (
        "engage-potential-partners",
        "account-for-resources",
        "agree-on-measures-of-success",
    ):
        tool = Tool.objects.get(slug=slug)
        sheet = Worksheet.for_tool(collaboration, tool)
        sheet = worksheet_save(
            worksheet=sheet,
            answers=filled_answers(slug, partner_ids, 2, 2),
            user=partner_user,
            version=0,
        ).worksheet
        worksheet_set_status(
            worksheet=sheet,
            status=Worksheet.Status.READY_FOR_REVIEW,
            user=partner_user,
            version=sheet.version,
            note="Please look at the ledger",
        )
    # A revision that merged someone else's changes and folded autosaves into itself.
    revision = WorksheetRevision.objects.filter(worksheet__collaboration=collaboration).first()
    revision.merged_with.add(facilitator)
    revision.folded = True
    revision.started_at = timezone.now() - timedelta(minutes=5)
    revision.save()
    vision = Tool.objects.get(slug="share-a-vision-of-success")
    SignOff.objects.create(
        on_behalf=True,
        collaboration=collaboration,
        tool=vision,
        partner=county,
        position=SignOff.Position.RESERVATIONS,
        note="Timeline too short",
        user=partner_user,
    )
    Comment.objects.create(
        collaboration=collaboration,
        tool=vision,
        author=facilitator,
        body="Can we name the employers?",
        resolved_at=timezone.now(),
        resolved_by=partner_user,
    )
    Comment.objects.create(collaboration=collaboration, tool=vision, author=None, body="Anon")
    Measurement.objects.create(
        collaboration=collaboration,
        tool=Tool.objects.get(slug="agree-on-measures-of-success"),
        table="indicators",
        row_id="row-indicators-1",
        date=date(2026, 3, 31),
        value=Decimal("42.1250"),
        note="Q1",
        user=partner_user,
    )
    measured = Tool.objects.get(slug="agree-on-measures-of-success")
    kept = Measurement.objects.get(collaboration=collaboration)
    for action, measurement in [("recorded", kept), ("changed", kept), ("removed", None)]:
        MeasurementChange.objects.create(
            collaboration=collaboration,
            tool=measured,
            table="indicators",
            row_id="row-indicators-1",
            measurement=measurement,
            action=action,
            date=date(2026, 3, 31),
            value=Decimal("41"),
            user=partner_user,
        )
    make_activity(collaboration, recorded_by=facilitator, local_participants="Mayor's office")
    make_lead(collaboration, amount=Decimal("25000.50"), deadline=date(2026, 9, 1))
    make_lead(collaboration, kind=ResourceLead.Kind.NON_FINANCIAL, amount=None)
    make_barrier(collaboration, status="in_progress", notes="Waiting on the state")
    rate_all(cast.partner, 4, taken_at=timezone.now() - timedelta(days=40))
    rate(cast.viewer, history=2, legitimacy=5)
    make_invitation(
        collaboration, email="new.partner@example.org", partner=county, invited_by=facilitator
    )
    accepted = make_invitation(collaboration, email="old@example.org")
    accepted.accepted_at = timezone.now()
    accepted.save()
    make_member(collaboration, Role.VIEWER, make_user("funder@example.org"))
    assert HealthCheck.objects.filter(collaboration=collaboration).count() == 2
