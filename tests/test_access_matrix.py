"""Every collaboration URL, tried by every member of the cast.

Anonymous visitors are sent to sign in; outsiders get 404 (the collaboration's existence does
not leak); members without the right get 403; and a refused write changes nothing.
"""

from __future__ import annotations

import pytest
from django.test import override_settings
from django.urls import reverse

from collaborations.models import Partner
from tests.factories import make_invitation
from tests.role_matrix import everything, matrix_problems

pytestmark = pytest.mark.django_db


def test_every_collaboration_page_keeps_the_role_matrix(cast):
    tried, problems = matrix_problems(cast)
    assert problems == []
    # The walk reaches every app's pages (a broken walk would try nothing and pass).
    namespaces = {name.split(":")[0] for name in tried if ":" in name}
    expected = {
        "collaborations",
        "dashboards",
        "stages",
        "support",
        "health",
        "reports",
        "transfer",
    }
    assert expected <= namespaces
    assert "collaboration" in tried
    assert len(tried) >= 30


NEW_PAGES = {"new-page", "forgotten-page", "odd-page"}


@override_settings(ROOT_URLCONF="tests.throwaway_urls")
def test_a_new_page_is_covered_without_editing_the_matrix(cast):
    """A new page is one decorated view and one URL line: the matrix tries it with no edit and
    it keeps every rule; a page that forgot its decorator, or names an object the matrix cannot
    make, is reported rather than passed over."""
    tried, problems = matrix_problems(cast, "tests.throwaway_urls", only=NEW_PAGES)
    assert tried == ["new-page", "odd-page", "forgotten-page"]
    assert problems == [
        "odd-page: the matrix cannot fill ['thing_id']; add to world()",
        "forgotten-page: the view does not wear access.collaboration_view",
    ]
    url = f"/collaborations/{cast.collaboration.pk}/partners/{cast.partner.partner_id}/new-page/"
    assert cast.client("viewer").get(url).status_code == 200
    assert cast.client("partner").post(url).status_code == 403


def _writes(cast) -> dict[str, tuple[str, dict]]:
    """Every POST endpoint of a collaboration with a valid payload."""
    cid = cast.collaboration.pk
    invitation = make_invitation(cast.collaboration, email="pending@example.org")
    return {
        "collaborations:edit": (
            reverse("collaborations:edit", args=[cid]),
            {"name": "Renamed", "issue": "x", "community": "y"},
        ),
        "collaborations:archive": (
            reverse("collaborations:archive", args=[cid]),
            {"archive": "yes"},
        ),
        "collaborations:partner-new": (
            reverse("collaborations:partner-new", args=[cid]),
            {"name": "New Org", "sector": "business", "status": "active"},
        ),
        "collaborations:partner-edit": (
            reverse("collaborations:partner-edit", args=[cid, cast.partner.partner_id]),
            {"name": "Renamed Org", "sector": "business", "status": "former"},
        ),
        "collaborations:partner-delete": (
            reverse("collaborations:partner-delete", args=[cid, cast.partner.partner_id]),
            {},
        ),
        "collaborations:invitation-new": (
            reverse("collaborations:invitation-new", args=[cid]),
            {"email": "new@example.org", "role": "viewer"},
        ),
        "collaborations:invitation-revoke": (
            reverse("collaborations:invitation-revoke", args=[cid, invitation.pk]),
            {},
        ),
        "collaborations:member-update": (
            reverse("collaborations:member-update", args=[cid, cast.viewer.pk]),
            {f"m{cast.viewer.pk}-role": "partner"},
        ),
        "collaborations:member-remove": (
            reverse("collaborations:member-remove", args=[cid, cast.viewer.pk]),
            {},
        ),
    }


WRITES = [
    "collaborations:edit",
    "collaborations:archive",
    "collaborations:partner-new",
    "collaborations:partner-edit",
    "collaborations:partner-delete",
    "collaborations:invitation-new",
    "collaborations:invitation-revoke",
    "collaborations:member-update",
    "collaborations:member-remove",
]


@pytest.mark.parametrize("name", WRITES)
def test_facilitator_writes_take_effect(cast, name):
    url, data = _writes(cast)[name]
    before = everything()
    response = cast.client("facilitator").post(url, data)
    assert response.status_code == 302
    assert everything() != before


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
        # Ids larger than any the database can hold name nothing either.
        "/collaborations/18446744073709551616/",
        "/collaborations/18446744073709551616/partners/",
        "/collaborations/{cid}/partners/18446744073709551616/edit/",
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
    client.post(reverse("collaborations:archive", args=[cast.collaboration.pk]), {"archive": "no"})
    cast.collaboration.refresh_from_db()
    assert not cast.collaboration.is_archived
