"""A collaboration with people in every position an event cares about."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.core import mail

from collaborations.models import Collaboration, Membership, Role
from tests.factories import make_collaboration, make_member, make_partner, make_user


@dataclass
class Team:
    collaboration: Collaboration
    facilitator: Membership  # Fatima
    cofacilitator: Membership  # Carlos
    partner: Membership  # Pat, for the Workforce Alliance
    colleague: Membership  # Paula, also for the Workforce Alliance
    other: Membership  # Omar, for City Hall
    viewer: Membership  # Vera
    outsider: object  # Olga, member of another collaboration only

    def user(self, who: str):
        return self.outsider if who == "outsider" else getattr(self, who).user


@pytest.fixture
def team(db) -> Team:
    collaboration = make_collaboration(name="Riverside Youth Jobs")
    alliance = make_partner(collaboration, name="Workforce Alliance")
    city = make_partner(collaboration, name="City Hall", sector="government")
    people = {
        "facilitator": ("fatima@example.org", "Fatima", "Khan", Role.FACILITATOR, None),
        "cofacilitator": ("carlos@example.org", "Carlos", "Ruiz", Role.FACILITATOR, None),
        "partner": ("pat@example.org", "Pat", "Lee", Role.PARTNER, alliance),
        "colleague": ("paula@example.org", "Paula", "Diaz", Role.PARTNER, alliance),
        "other": ("omar@example.org", "Omar", "Said", Role.PARTNER, city),
        "viewer": ("vera@example.org", "Vera", "Stone", Role.VIEWER, None),
    }
    members = {
        key: make_member(
            collaboration,
            role,
            make_user(email, first_name=first, last_name=last),
            partner=partner,
        )
        for key, (email, first, last, role, partner) in people.items()
    }
    outsider = make_user("olga@example.org", first_name="Olga", last_name="Berg")
    make_member(make_collaboration(name="Elsewhere"), Role.FACILITATOR, outsider)
    mail.outbox.clear()
    return Team(collaboration=collaboration, outsider=outsider, **members)


@pytest.fixture
def committed(django_capture_on_commit_callbacks):
    """Run a step and the mail tasks it queues when its transaction commits."""

    def run(step, *args, **kwargs):
        with django_capture_on_commit_callbacks(execute=True):
            return step(*args, **kwargs)

    return run
