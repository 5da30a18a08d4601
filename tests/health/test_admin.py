"""Site staff see health checks and their ratings in the Django admin."""

from __future__ import annotations

import pytest
from django.urls import reverse

from tests.factories import make_user
from tests.health.helpers import rate

pytestmark = pytest.mark.django_db


def test_admin_lists_searches_and_shows_a_check_with_its_ratings(cast, client):
    check = rate(cast.partner, pace=2, shared_vision=5)
    client.force_login(make_user(is_staff=True, is_superuser=True))
    url = reverse("admin:health_healthcheck_changelist")
    assert "part@example.org" in client.get(url).content.decode()
    assert client.get(url, {"q": "Riverside"}).status_code == 200
    page = client.get(reverse("admin:health_healthcheck_change", args=[check.pk]))
    assert page.status_code == 200
    assert 'value="shared-vision"' in page.content.decode()
