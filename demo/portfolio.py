"""Demo data that makes the dashboards tell a story: measurements of the demo indicators,
partners' sign-offs, and two more collaborations for the demo facilitator's portfolio (one
active, one stalled). Each function is idempotent: it adds only what is missing."""

from __future__ import annotations

import datetime
from decimal import Decimal

from django.utils import timezone

from collaborations.models import Collaboration, Membership, Partner, Role, Sector
from stages import services
from stages.models import Measurement, SignOff, Tool, Worksheet, WorksheetRevision
from stages.worksheets.declarations import DEFINITIONS

# Indicator row id → (date, value) measurements, oldest first.
MEASUREMENTS = {
    "demo-indicators-1": [("2026-05-31", "38"), ("2026-06-30", "81"), ("2026-07-31", "104")],
    "demo-indicators-2": [("2026-08-31", "22"), ("2026-09-30", "57")],
    "demo-indicators-3": [("2026-05-31", "5"), ("2026-07-31", "9"), ("2026-09-30", "11")],
    "demo-indicators-4": [("2026-10-31", "52")],
}

# Who has not yet signed off what, and who signed with reservations, by partner name.
RESERVATIONS = {
    ("share-discretion", "Harbor Logistics Group"): (
        "We accept the matrix, but employers should lead on internship pay rates too."
    ),
}
NOT_YET = {("commit-to-information-sharing", "Riverside Regional Hospital")}


def seed_measurements(collaboration: Collaboration, user) -> int:
    """Measurements for the demo indicators that have none; returns how many were added."""
    tool = Tool.objects.get(slug="agree-on-measures-of-success")
    table = next(t for t in DEFINITIONS[tool.slug].tables if t.measured)
    measured = set(
        Measurement.objects.filter(collaboration=collaboration, tool=tool).values_list(
            "row_id", flat=True
        )
    )
    added = [
        Measurement(
            collaboration=collaboration,
            tool=tool,
            table=table.name,
            row_id=row_id,
            date=datetime.date.fromisoformat(day),
            value=Decimal(value),
            user=user,
        )
        for row_id, values in MEASUREMENTS.items()
        if row_id not in measured
        for day, value in values
    ]
    Measurement.objects.bulk_create(added)
    return len(added)


def seed_sign_offs(collaboration: Collaboration, facilitator) -> int:
    """Sign-offs of every active partner on each consensus worksheet that is ready for review
    or complete, except the few the demo leaves open; returns how many were added. Each
    organization signs through a member who represents it; for an organization with no
    member, the facilitator records its position on its behalf, and the record says so."""
    representatives = {
        m.partner_id: m.user
        # Partners after facilitators, so a partner-role member is the one who signs.
        for m in collaboration.memberships.filter(
            partner__isnull=False, role__in=[Role.FACILITATOR, Role.PARTNER]
        )
        .select_related("user")
        .order_by("role", "pk")
    }
    consensus = [slug for slug, d in DEFINITIONS.items() if d.sign_off]
    sheets = Worksheet.objects.filter(
        collaboration=collaboration,
        tool__slug__in=consensus,
        status__in=[Worksheet.Status.READY_FOR_REVIEW, Worksheet.Status.COMPLETE],
    ).select_related("tool")
    partners = list(collaboration.partners.filter(status=Partner.Status.ACTIVE))
    added = 0
    for sheet in sheets:
        for partner in partners:
            key = (sheet.tool.slug, partner.name)
            if key in NOT_YET:
                continue
            note = RESERVATIONS.get(key, "")
            _, created = SignOff.objects.get_or_create(
                collaboration=collaboration,
                tool=sheet.tool,
                partner=partner,
                defaults={
                    "position": SignOff.Position.RESERVATIONS if note else SignOff.Position.AGREES,
                    "note": note,
                    "user": representatives.get(partner.pk, facilitator),
                    "on_behalf": partner.pk not in representatives,
                },
            )
            added += created
    return added


# name, issue, community, partners (name, sector), worksheets (slug, status), days since the
# last change to any worksheet
OTHER_COLLABORATIONS = [
    (
        "Northgate Healthy Homes Coalition",
        "Children in Northgate's older rental housing are exposed to lead and mould.",
        "Northgate",
        [
            ("City of Northgate Housing Department", Sector.GOVERNMENT),
            ("Northgate Tenants Union", Sector.COMMUNITY),
            ("Children's Health Clinic", Sector.NONPROFIT),
        ],
        [
            ("engage-potential-partners", Worksheet.Status.COMPLETE),
            ("share-a-vision-of-success", Worksheet.Status.IN_PROGRESS),
            ("assess-the-history", Worksheet.Status.IN_PROGRESS),
        ],
        47,
    ),
    (
        "Lakeside Food Access Network",
        "Families on Lakeside's south shore live more than a mile from fresh food.",
        "Lakeside",
        [
            ("Lakeside County Health Department", Sector.GOVERNMENT),
            ("FreshWay Grocers", Sector.BUSINESS),
            ("South Shore Food Bank", Sector.NONPROFIT),
            ("Lakeside Family Foundation", Sector.PHILANTHROPY),
        ],
        [
            ("engage-potential-partners", Worksheet.Status.COMPLETE),
            ("share-a-vision-of-success", Worksheet.Status.COMPLETE),
            ("assess-the-history", Worksheet.Status.READY_FOR_REVIEW),
            ("account-for-resources", Worksheet.Status.IN_PROGRESS),
        ],
        2,
    ),
]


def seed_portfolio(facilitator) -> list[Collaboration]:
    """Two more collaborations the demo facilitator supports, with a little work in each;
    the first has gone quiet for weeks. Returns the collaborations created."""
    created_now = []
    tools = Tool.objects.in_bulk(field_name="slug")
    for name, issue, community, partners, sheets, quiet_days in OTHER_COLLABORATIONS:
        collaboration, created = Collaboration.objects.get_or_create(
            name=name, defaults={"issue": issue, "community": community}
        )
        if not created:
            continue
        created_now.append(collaboration)
        Membership.objects.create(
            collaboration=collaboration, user=facilitator, role=Role.FACILITATOR
        )
        for partner_name, sector in partners:
            Partner.objects.create(
                collaboration=collaboration,
                name=partner_name,
                sector=sector,
                status=Partner.Status.ACTIVE,
            )
        for slug, status in sheets:
            field = _first_field(slug)
            sheet = services.worksheet_save(
                worksheet=Worksheet(collaboration=collaboration, tool=tools[slug]),
                answers={field: f"Draft notes from the {community} partners' first meeting."},
                user=facilitator,
                version=0,
                status=Worksheet.Status.IN_PROGRESS,
            ).worksheet
            if status != Worksheet.Status.IN_PROGRESS:
                services.worksheet_set_status(
                    worksheet=sheet, status=status, user=facilitator, version=sheet.version
                )
        when = timezone.now() - datetime.timedelta(days=quiet_days)
        Worksheet.objects.filter(collaboration=collaboration).update(updated_at=when)
        WorksheetRevision.objects.filter(worksheet__collaboration=collaboration).update(
            created_at=when
        )
        Collaboration.objects.filter(pk=collaboration.pk).update(
            created_at=when - datetime.timedelta(days=20)
        )
    return created_now


def _first_field(slug: str) -> str:
    """The first single answer of a tool's worksheet (where the demo writes its notes)."""
    return DEFINITIONS[slug].fields[0].name
