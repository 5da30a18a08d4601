"""Pages must not issue more queries as data grows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from collaborations.models import Role
from stages.models import Tool, Worksheet
from tests.factories import make_collaboration, make_member, make_partner, make_user

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_collaboration_list_queries_do_not_grow(client):
    user = make_user()
    client.force_login(user)
    make_member(make_collaboration(), Role.FACILITATOR, user)
    few = _queries(client, reverse("stages:collaboration-list"))
    tools = list(Tool.objects.all())
    for _ in range(6):
        collaboration = make_collaboration()
        make_member(collaboration, Role.PARTNER, user)
        for tool in tools[:5]:
            Worksheet.objects.create(collaboration=collaboration, tool=tool, status="complete")
    assert _queries(client, reverse("stages:collaboration-list")) == few


@pytest.mark.parametrize("page", ["stages:dashboard", "collaborations:partners"])
def test_collaboration_pages_queries_do_not_grow(cast, page):
    client = cast.client("facilitator")
    url = reverse(page, args=[cast.collaboration.pk])
    few = _queries(client, url)
    for tool in Tool.objects.all():
        Worksheet.objects.create(
            collaboration=cast.collaboration, tool=tool, updated_by=cast.partner.user
        )
    for _ in range(20):
        make_partner(cast.collaboration)
    assert _queries(client, url) == few


def test_members_page_queries_do_not_grow(cast):
    client = cast.client("facilitator")
    url = reverse("collaborations:members", args=[cast.collaboration.pk])
    few = _queries(client, url)
    for _ in range(15):
        make_member(cast.collaboration, Role.PARTNER, partner=make_partner(cast.collaboration))
    assert _queries(client, url) == few
