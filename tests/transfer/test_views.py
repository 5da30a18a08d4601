"""The export download on the collaboration's page: facilitators only."""

from __future__ import annotations

import json

import pytest
from django.urls import reverse
from django.utils import timezone

from transfer.exchange import FORMAT

pytestmark = pytest.mark.django_db


def _url(cast) -> str:
    return reverse("transfer:export", args=[cast.collaboration.pk])


def test_a_facilitator_downloads_the_export(cast):
    response = cast.client("facilitator").get(_url(cast))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert response["Content-Disposition"].startswith('attachment; filename="riverside-youth-jobs-')
    data = json.loads(response.content)
    assert data["format"] == FORMAT
    assert data["collaboration"]["name"] == "Riverside Youth Jobs"


def test_the_download_is_offered_on_the_dashboard_to_facilitators_only(cast):
    url = _url(cast)
    dashboard = cast.collaboration.get_absolute_url()
    assert url in cast.client("facilitator").get(dashboard).content.decode()
    for who in ("partner", "viewer"):
        assert url not in cast.client(who).get(dashboard).content.decode()


@pytest.mark.parametrize(("who", "status"), [("partner", 403), ("viewer", 403), ("outsider", 404)])
def test_other_roles_cannot_download_it(cast, who, status):
    response = cast.client(who).get(_url(cast))
    assert response.status_code == status
    assert response["Content-Type"].startswith("text/html")
    assert FORMAT.encode() not in response.content
    if who == "outsider":
        assert b"Riverside Youth Jobs" not in response.content


def test_anonymous_visitors_are_sent_to_sign_in(cast):
    response = cast.client("anonymous").get(_url(cast))
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("account_login"))


def test_unknown_collaboration_is_404(cast):
    url = reverse("transfer:export", args=[999999])
    assert cast.client("facilitator").get(url).status_code == 404


def test_an_archived_collaboration_can_still_be_exported(cast):
    cast.collaboration.archived_at = timezone.now()
    cast.collaboration.save()
    assert cast.client("facilitator").get(_url(cast)).status_code == 200


def test_only_get_is_answered(cast):
    assert cast.client("facilitator").post(_url(cast)).status_code == 405
