"""A new collaboration's dashboard lists its first steps until they are done, ticked off from
the collaboration's data, each for those who may take it, within the dashboard's fixed
number of queries."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from collaborations.models import Role
from stages.models import Tool, Worksheet
from tests.factories import (
    make_collaboration,
    make_invitation,
    make_member,
    make_partner,
    make_user,
)

pytestmark = pytest.mark.django_db

STEPS = ["Add the partner organizations", "Invite the people who will take part", "Start tool 1"]
# The dashboard's queries, whatever its data: the guide reads nothing of its own.
DASHBOARD_QUERIES = 10


@pytest.fixture
def new(db):
    collaboration = make_collaboration()
    facilitator = make_member(collaboration, Role.FACILITATOR)
    return collaboration, facilitator.user


def _page(collaboration, user) -> str:
    client = Client()
    client.force_login(user)
    response = client.get(reverse("collaboration", args=[collaboration.pk]))
    assert response.status_code == 200
    return response.content.decode()


def _guide(page: str) -> str:
    return (
        page.split('class="first-steps', 1)[1].split("</section>", 1)[0]
        if "first-steps" in page
        else ""
    )


def _done(guide: str) -> int:
    return guide.count("first-step first-step--done")


def _start_tool_one(collaboration) -> None:
    Worksheet.objects.create(
        collaboration=collaboration,
        tool=Tool.objects.get(number=1),
        status=Worksheet.Status.IN_PROGRESS,
        updated_at=timezone.now(),
    )


def test_a_new_collaboration_lists_its_first_steps_with_their_links(new):
    collaboration, user = new
    guide = _guide(_page(collaboration, user))
    for step in STEPS:
        assert step in guide
    assert f'href="/collaborations/{collaboration.pk}/partners/new/"' in guide
    assert f'href="/collaborations/{collaboration.pk}/members/#invite-heading"' in guide
    assert f'href="/collaborations/{collaboration.pk}/tools/engage-potential-partners/"' in guide
    assert _done(guide) == 0


def test_steps_are_ticked_off_from_the_data_and_the_guide_goes_when_all_are_done(new):
    collaboration, user = new
    make_partner(collaboration)
    guide = _guide(_page(collaboration, user))
    assert _done(guide) == 1 and "Add the partner organizations <span" in guide
    make_invitation(collaboration)
    assert _done(_guide(_page(collaboration, user))) == 2
    _start_tool_one(collaboration)
    assert _guide(_page(collaboration, user)) == ""


def test_a_second_member_without_an_invitation_counts_as_invited(new):
    collaboration, user = new
    make_member(collaboration, Role.VIEWER)
    assert _done(_guide(_page(collaboration, user))) == 1


def test_partners_see_the_step_they_can_take_and_viewers_none(new):
    collaboration, _facilitator = new
    partner = make_member(collaboration, Role.PARTNER).user
    guide = _guide(_page(collaboration, partner))
    assert "Start tool 1" in guide
    assert "Add the partner organizations" not in guide and "Invite the people" not in guide
    assert _guide(_page(collaboration, make_member(collaboration, Role.VIEWER).user)) == ""
    _start_tool_one(collaboration)
    assert _guide(_page(collaboration, partner)) == ""


def test_an_archived_collaboration_shows_no_steps(new):
    collaboration, user = new
    collaboration.archived_at = timezone.now()
    collaboration.save()
    assert _guide(_page(collaboration, user)) == ""


def _queries(collaboration, user) -> int:
    client = Client()
    client.force_login(user)
    with CaptureQueriesContext(connection) as captured:
        assert client.get(reverse("collaboration", args=[collaboration.pk])).status_code == 200
    return len(captured)


def test_the_guide_costs_no_queries(new):
    collaboration, user = new
    assert _queries(collaboration, user) == DASHBOARD_QUERIES  # all three steps to do
    for _ in range(3):
        make_partner(collaboration)
        make_invitation(collaboration)
        make_member(collaboration, Role.PARTNER, make_user())
    assert _queries(collaboration, user) == DASHBOARD_QUERIES  # two done
    _start_tool_one(collaboration)
    assert _queries(collaboration, user) == DASHBOARD_QUERIES  # all done, no guide
