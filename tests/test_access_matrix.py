"""Every collaboration URL, tried by every member of the cast.

Anonymous visitors are sent to sign in; outsiders get 404 (the collaboration's existence does
not leak); members without the right get 403; and a refused write changes nothing.
"""

from __future__ import annotations

import pytest
from django.urls import reverse

from collaborations.models import Collaboration, Invitation, Membership, Partner
from tests.conftest import EVERYONE
from tests.factories import make_invitation

pytestmark = pytest.mark.django_db

# name, url kwargs builder, method, who may (others among members get 403)
READ_PAGES = [
    ("collaboration", {}),
    ("dashboards:stage", {"stage_slug": "diagnosis"}),
    ("dashboards:stage", {"stage_slug": "assessment"}),
    ("stages:worksheet", {"tool_slug": "engage-potential-partners"}),
    ("stages:worksheet", {"tool_slug": "tell-the-story"}),
    ("collaborations:partners", {}),
    ("collaborations:members", {}),
]

FACILITATOR_PAGES = [
    ("collaborations:edit", {}),
    ("collaborations:partner-new", {}),
    ("collaborations:partner-edit", {"partner_id": "partner"}),
    ("collaborations:partner-delete", {"partner_id": "partner"}),
]


def _url(cast, name: str, kwargs: dict) -> str:
    resolved = {"collaboration_id": cast.collaboration.pk}
    for key, value in kwargs.items():
        resolved[key] = cast.partner.partner_id if value == "partner" else value
    return reverse(name, kwargs=resolved)


def _snapshot(cast) -> tuple:
    """Everything a refused write could have changed."""
    return (
        list(Collaboration.objects.values_list("name", "archived_at")),
        list(Partner.objects.order_by("pk").values_list("name", "sector", "status")),
        list(Membership.objects.order_by("pk").values_list("user_id", "role", "partner_id")),
        list(Invitation.objects.order_by("pk").values_list("email", "accepted_at")),
    )


@pytest.mark.parametrize(("name", "kwargs"), READ_PAGES)
@pytest.mark.parametrize("who", EVERYONE)
def test_read_pages(cast, who, name, kwargs):
    url = _url(cast, name, kwargs)
    response = cast.client(who).get(url)
    if who == "anonymous":
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))
    elif who == "outsider":
        assert response.status_code == 404
        assert cast.collaboration.name not in response.content.decode()
    else:
        assert response.status_code == 200
        assert cast.collaboration.name in response.content.decode()


@pytest.mark.parametrize(("name", "kwargs"), FACILITATOR_PAGES)
@pytest.mark.parametrize("who", EVERYONE)
def test_facilitator_forms(cast, who, name, kwargs):
    url = _url(cast, name, kwargs)
    response = cast.client(who).get(url)
    expected = {"facilitator": 200, "partner": 403, "viewer": 403, "outsider": 404}
    if who == "anonymous":
        assert response.status_code == 302
    else:
        assert response.status_code == expected[who]


def _writes(cast) -> list[tuple[str, dict]]:
    """Every POST endpoint of a collaboration with a valid payload."""
    cid = cast.collaboration.pk
    invitation = make_invitation(cast.collaboration, email="pending@example.org")
    return [
        (
            reverse("collaborations:edit", args=[cid]),
            {"name": "Renamed", "issue": "x", "community": "y"},
        ),
        (reverse("collaborations:archive", args=[cid]), {}),
        (
            reverse("collaborations:partner-new", args=[cid]),
            {"name": "New Org", "sector": "business", "status": "active"},
        ),
        (
            reverse("collaborations:partner-edit", args=[cid, cast.partner.partner_id]),
            {"name": "Renamed Org", "sector": "business", "status": "former"},
        ),
        (reverse("collaborations:partner-delete", args=[cid, cast.partner.partner_id]), {}),
        (
            reverse("collaborations:invitation-new", args=[cid]),
            {"email": "new@example.org", "role": "viewer"},
        ),
        (reverse("collaborations:invitation-revoke", args=[cid, invitation.pk]), {}),
        (
            reverse("collaborations:member-update", args=[cid, cast.viewer.pk]),
            {f"m{cast.viewer.pk}-role": "partner"},
        ),
        (reverse("collaborations:member-remove", args=[cid, cast.viewer.pk]), {}),
    ]


@pytest.mark.parametrize("index", range(9))
@pytest.mark.parametrize("who", ["partner", "viewer", "outsider", "anonymous"])
def test_refused_writes_change_nothing(cast, who, index):
    url, data = _writes(cast)[index]
    before = _snapshot(cast)
    response = cast.client(who).post(url, data)
    expected = {"partner": 403, "viewer": 403, "outsider": 404, "anonymous": 302}
    assert response.status_code == expected[who]
    assert _snapshot(cast) == before


@pytest.mark.parametrize("index", range(9))
def test_facilitator_writes_take_effect(cast, index):
    url, data = _writes(cast)[index]
    before = _snapshot(cast)
    response = cast.client("facilitator").post(url, data)
    assert response.status_code == 302
    assert _snapshot(cast) != before


def test_unknown_collaboration_is_404_for_everyone_signed_in(cast):
    missing = cast.collaboration.pk + 1000
    for who in ["facilitator", "outsider"]:
        client = cast.client(who)
        assert client.get(reverse("collaboration", args=[missing])).status_code == 404
        assert client.get(reverse("collaborations:members", args=[missing])).status_code == 404


@pytest.mark.parametrize(
    "path",
    [
        "/collaborations/{cid}/stages/no-such-stage/",
        "/collaborations/{cid}/tools/no-such-tool/",
        "/collaborations/{cid}/partners/999999/edit/",
        "/collaborations/{cid}/partners/999999/delete/",
        "/collaborations/abc/",
    ],
)
def test_unknown_ids_and_slugs_are_404(cast, path):
    response = cast.client("facilitator").get(path.format(cid=cast.collaboration.pk))
    assert response.status_code == 404


def test_partner_of_another_collaboration_is_404(cast):
    from tests.factories import make_collaboration, make_partner

    foreign = make_partner(make_collaboration())
    url = reverse("collaborations:partner-edit", args=[cast.collaboration.pk, foreign.pk])
    response = cast.client("facilitator").post(url, {"name": "Hijacked", "sector": "business"})
    assert response.status_code == 404
    foreign.refresh_from_db()
    assert foreign.name != "Hijacked"


def test_archived_collaboration_is_read_only(cast):
    cast.collaboration.archived_at = cast.collaboration.created_at
    cast.collaboration.save()
    client = cast.client("facilitator")
    assert client.get(reverse("collaboration", args=[cast.collaboration.pk])).status_code == 200
    response = client.post(
        reverse("collaborations:partner-new", args=[cast.collaboration.pk]),
        {"name": "Late Org", "sector": "business", "status": "active"},
    )
    assert response.status_code == 403
    assert not Partner.objects.filter(name="Late Org").exists()
    # Restoring is still allowed.
    client.post(reverse("collaborations:archive", args=[cast.collaboration.pk]))
    cast.collaboration.refresh_from_db()
    assert not cast.collaboration.is_archived
