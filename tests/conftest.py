"""The fixed cast every view is tested with: a facilitator, a partner, a viewer, an outsider
(signed in, not a member) and anonymous, around one collaboration."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from django.test import Client

from collaborations.models import Collaboration, Membership, Role
from stages import catalog
from stages.models import Stage, Tool
from stages.toolkit import load_toolkit
from tests.factories import make_collaboration, make_member, make_partner, make_user


@dataclass
class Cast:
    collaboration: Collaboration
    facilitator: Membership
    partner: Membership
    viewer: Membership
    outsider: object

    def client(self, who: str) -> Client:
        """A test client signed in as `who` (a role name or "outsider"), or anonymous."""
        client = Client()
        if who == "anonymous":
            return client
        user = self.outsider if who == "outsider" else getattr(self, who).user
        client.force_login(user)
        return client


ROLES = ["facilitator", "partner", "viewer"]
EVERYONE = [*ROLES, "outsider", "anonymous"]


@pytest.fixture(autouse=True)
def toolkit_content(request) -> None:
    """The toolkit's stages and tools, as the data migration leaves them. Tests that run in
    real transactions (the browser tests) end by emptying every table, so put them back.
    Tests that use no database are left alone. What a process keeps of the toolkit
    (`stages.catalog`) is read anew: a test's changes to it are rolled back after it."""
    catalog.forget()
    uses_database = request.node.get_closest_marker("django_db") or {
        "db",
        "transactional_db",
        "live_server",
    } & set(request.fixturenames)
    if not uses_database:
        return
    request.getfixturevalue("django_db_setup")
    with request.getfixturevalue("django_db_blocker").unblock():
        if Tool.objects.count() != 17:
            load_toolkit(Stage, Tool)
        catalog.tools()  # read, as by a process that has served a page before


@pytest.fixture
def cast(db) -> Cast:
    collaboration = make_collaboration(name="Riverside Youth Jobs")
    organization = make_partner(collaboration, name="Workforce Alliance")
    return Cast(
        collaboration=collaboration,
        facilitator=make_member(collaboration, Role.FACILITATOR, make_user("fac@example.org")),
        partner=make_member(
            collaboration, Role.PARTNER, make_user("part@example.org"), partner=organization
        ),
        viewer=make_member(collaboration, Role.VIEWER, make_user("view@example.org")),
        outsider=make_user("out@example.org"),
    )
