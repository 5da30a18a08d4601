"""Site staff manage every model in the Django admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from stages.models import Tool, Worksheet
from tests.factories import make_invitation, make_user

pytestmark = pytest.mark.django_db

MODELS = [
    ("collaborations", "collaboration"),
    ("collaborations", "partner"),
    ("collaborations", "membership"),
    ("collaborations", "invitation"),
    ("collaborations", "profile"),
    ("stages", "stage"),
    ("stages", "tool"),
    ("stages", "worksheet"),
    ("stages", "worksheetrevision"),
    ("stages", "signoff"),
    ("stages", "comment"),
    ("stages", "measurement"),
    ("reports", "reportfile"),
    ("notifications", "notification"),
    ("notifications", "emaildelivery"),
    ("notifications", "preferences"),
    ("stages", "measurementchange"),
]


@pytest.mark.parametrize(("app", "model"), MODELS)
def test_admin_lists_and_searches_every_model(cast, client, app, model):
    make_invitation(cast.collaboration)
    Worksheet.objects.create(collaboration=cast.collaboration, tool=Tool.objects.first())
    client.force_login(make_user(is_staff=True, is_superuser=True))
    url = reverse(f"admin:{app}_{model}_changelist")
    assert client.get(url).status_code == 200
    assert client.get(url, {"q": "Riverside"}).status_code == 200


def test_admin_is_closed_to_members(cast):
    response = cast.client("facilitator").get(reverse("admin:index"))
    assert response.status_code == 302
