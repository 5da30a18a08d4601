"""Small factories for tests: plain functions, no demo data."""

from __future__ import annotations

from itertools import count

from django.contrib.auth import get_user_model

from collaborations.models import Collaboration, Invitation, Membership, Partner, Role, Sector

PASSWORD = "correct-horse-battery"
_sequence = count(1)


def make_user(email: str | None = None, **fields):
    email = email or f"person{next(_sequence)}@example.org"
    user = get_user_model().objects.create_user(
        username=email, email=email, password=PASSWORD, **fields
    )
    return user


def make_collaboration(**fields) -> Collaboration:
    defaults = {
        "name": f"Collaboration {next(_sequence)}",
        "issue": "Youth unemployment",
        "community": "Springfield",
    }
    return Collaboration.objects.create(**{**defaults, **fields})


def make_partner(collaboration: Collaboration, **fields) -> Partner:
    defaults = {"name": f"Organization {next(_sequence)}", "sector": Sector.NONPROFIT}
    return Partner.objects.create(collaboration=collaboration, **{**defaults, **fields})


def make_member(collaboration: Collaboration, role: str = Role.PARTNER, user=None, **fields):
    return Membership.objects.create(
        collaboration=collaboration, user=user or make_user(), role=role, **fields
    )


def make_invitation(collaboration: Collaboration, **fields) -> Invitation:
    defaults = {"email": f"invitee{next(_sequence)}@example.org", "role": Role.PARTNER}
    return Invitation.objects.create(collaboration=collaboration, **{**defaults, **fields})
