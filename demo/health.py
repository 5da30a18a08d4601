"""Health checks for the demo collaboration (called by `seed_demo`).

The story: in mid-April 2026 the facilitator and four partners rated the collaboration; in
late May three more members rated it for the first time and Luis Ortega, having seen the
governance structure settled, retook it. Overall the partnership looks sound, but three
factors are weak (enough resources, a workable pace, involvement at every level), and two
split the sectors: the county and the employers trust the process far more than the
neighbourhood association does, and the foundation thinks resources are enough while the
nonprofits and the community do not.

Five partner contacts become members who rated; they have no password and cannot sign in.
"""

from __future__ import annotations

from datetime import UTC, datetime

from django.contrib.auth import get_user_model

from collaborations.models import Collaboration, Membership, Role
from health.models import HealthCheck
from health.services import health_check_take

# Demo respondents who are not among the demo sign-ins: email, first, last, partner name.
RESPONDENTS = [
    ("marcus.lee@example.org", "Marcus", "Lee", "Riverside County Office of Economic Development"),
    ("tom.becker@example.org", "Tom", "Becker", "Harbor Logistics Group"),
    ("helen.cho@example.org", "Helen", "Cho", "Riverside Community Foundation"),
    ("samuel.osei@example.org", "Samuel", "Osei", "Riverside Community College"),
    ("rosa.delgado@example.org", "Rosa", "Delgado", "Eastside Neighbours Association"),
]

# Who rated when, in the order of the score columns below.
TAKES = [
    ("facilitator@example.org", datetime(2026, 4, 14, 15, 0, tzinfo=UTC)),
    ("partner@example.org", datetime(2026, 4, 14, 16, 30, tzinfo=UTC)),
    ("marcus.lee@example.org", datetime(2026, 4, 15, 9, 10, tzinfo=UTC)),
    ("tom.becker@example.org", datetime(2026, 4, 16, 11, 45, tzinfo=UTC)),
    ("helen.cho@example.org", datetime(2026, 4, 17, 14, 5, tzinfo=UTC)),
    ("samuel.osei@example.org", datetime(2026, 5, 20, 10, 0, tzinfo=UTC)),
    ("rosa.delgado@example.org", datetime(2026, 5, 21, 18, 20, tzinfo=UTC)),
    ("viewer@example.org", datetime(2026, 5, 22, 8, 40, tzinfo=UTC)),
    ("partner@example.org", datetime(2026, 5, 26, 13, 15, tzinfo=UTC)),  # the retake
]

# One row per factor in `FACTORS` order, one score per take in `TAKES` order.
_ = None  # "don't know"
SCORES = {
    "history": (4, 4, 4, 3, 4, 3, 3, 4, 4),
    "legitimacy": (4, 4, 4, 4, 4, 4, 3, 4, 4),
    "climate": (4, 3, 4, 4, 4, 3, 3, 4, 3),
    "respect-and-trust": (4, 3, 5, 5, 4, 4, 2, 4, 3),
    "cross-section": (4, 3, 4, 4, 4, 4, 3, 4, 3),
    "self-interest": (4, 4, 4, 3, 4, 4, 3, 4, 4),
    "compromise": (4, 3, 4, 3, 4, 4, 3, _, 4),
    "ownership": (4, 3, 4, 3, 4, 3, 3, 3, 3),
    "layers": (3, 2, 3, 3, 3, 3, 2, _, 2),
    "flexibility": (4, 4, 3, 3, 4, 4, 4, 4, 4),
    "clear-roles": (3, 2, 4, 4, 4, 3, 3, 4, 4),
    "adaptability": (4, 3, 3, 3, 4, 4, 3, 4, 4),
    "pace": (2, 2, 3, 3, 3, 3, 2, 3, 2),
    "open-communication": (4, 3, 4, 3, 4, 4, 3, 4, 4),
    "informal-relationships": (4, 3, 3, 3, 4, 3, 3, _, 3),
    "concrete-goals": (4, 3, 4, 4, 4, 4, 3, 4, 4),
    "shared-vision": (5, 4, 4, 4, 5, 4, 4, 4, 4),
    "unique-purpose": (4, 4, 4, 4, 4, 4, 4, 4, 4),
    "resources": (2, 2, 3, 3, 4, 2, 1, 2, 2),
    "leadership": (4, 4, 4, 4, 4, 4, 3, 4, 4),
}


def seed_health_checks(collaboration: Collaboration) -> int:
    """Add the demo respondents as members and their checks, unless the collaboration already
    has health checks. Returns how many checks were added."""
    partners = {p.name: p for p in collaboration.partners.all()}
    user_model = get_user_model()
    for email, first, last, partner_name in RESPONDENTS:
        user, created = user_model.objects.get_or_create(
            email=email, defaults={"username": email, "first_name": first, "last_name": last}
        )
        if created:
            user.set_unusable_password()
            user.save(update_fields=["password"])
        Membership.objects.get_or_create(
            collaboration=collaboration,
            user=user,
            defaults={"role": Role.PARTNER, "partner": partners.get(partner_name)},
        )
    if HealthCheck.objects.filter(collaboration=collaboration).exists():
        return 0
    members = {
        m.user.email: m
        for m in collaboration.memberships.select_related("user", "partner", "collaboration")
    }
    added = 0
    for column, (email, taken_at) in enumerate(TAKES):
        if email not in members:
            continue
        ratings = {slug: row[column] for slug, row in SCORES.items() if row[column] is not None}
        health_check_take(membership=members[email], ratings=ratings, taken_at=taken_at)
        added += 1
    return added
