"""Site staff see health checks and their ratings in the Django admin."""

from __future__ import annotations

import datetime

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


def test_admin_dates_a_check_on_the_day_the_health_check_page_does(cast, client, settings):
    """In the site's time zone: a check at 03:00 UTC was taken the evening before in
    Chicago, the day the member's page says they last rated."""
    settings.TIME_ZONE = "America/Chicago"
    taken = datetime.datetime(2026, 3, 10, 3, 0, tzinfo=datetime.UTC)
    check = rate(cast.partner, taken_at=taken, pace=2)
    page = cast.client("partner").get(reverse("health:check", args=[cast.collaboration.pk]))
    assert "You last rated on March 9, 2026." in page.content.decode()
    client.force_login(make_user(is_staff=True, is_superuser=True))
    admin = client.get(reverse("admin:health_healthcheck_change", args=[check.pk]))
    text = admin.content.decode()
    assert "(2026-03-09)" in text
    assert "2026-03-10" not in text
