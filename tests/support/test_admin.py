"""Site staff see the support log entries in the Django admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import make_user
from tests.support.factories import make_activity, make_barrier, make_lead

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize(
    ("model", "text"),
    [
        ("activity", "Training and technical assistance"),
        ("resourcelead", "Community foundation small grants"),
        ("barrier", "Work permits take six weeks"),
    ],
)
def test_admin_lists_and_searches_support_entries(cast, client, model, text):
    make_activity(cast.collaboration)
    make_lead(cast.collaboration)
    make_barrier(cast.collaboration)
    client.force_login(make_user(is_staff=True, is_superuser=True))
    url = reverse(f"admin:support_{model}_changelist")
    assert text in client.get(url).content.decode()
    assert client.get(url, {"q": "Riverside"}).status_code == 200
