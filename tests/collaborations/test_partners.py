"""Partner organizations: listing, adding, editing, removing."""

from __future__ import annotations

import pytest
from django.urls import reverse

from collaborations.models import Partner
from tests.factories import make_partner

pytestmark = pytest.mark.django_db


def test_members_see_partners_with_sector_and_status(cast):
    make_partner(cast.collaboration, name="City Hall", sector="government", status="potential")
    response = cast.client("viewer").get(
        reverse("collaborations:partners", args=[cast.collaboration.pk])
    )
    page = response.content.decode()
    assert "City Hall" in page
    assert "Government" in page
    assert "Potential" in page
    assert reverse("collaborations:partner-new", args=[cast.collaboration.pk]) not in page


def test_facilitator_sees_partner_actions(cast):
    response = cast.client("facilitator").get(
        reverse("collaborations:partners", args=[cast.collaboration.pk])
    )
    assert reverse("collaborations:partner-new", args=[cast.collaboration.pk]) in (
        response.content.decode()
    )


def test_facilitator_adds_a_partner(cast):
    response = cast.client("facilitator").post(
        reverse("collaborations:partner-new", args=[cast.collaboration.pk]),
        {
            "name": "Harbor Logistics",
            "sector": "business",
            "status": "active",
            "contact_name": "Tom Becker",
            "contact_email": "tom@harbor.example",
        },
    )
    assert response.status_code == 302
    partner = Partner.objects.get(name="Harbor Logistics")
    assert partner.collaboration == cast.collaboration
    assert partner.sector == "business"
    assert partner.contact_email == "tom@harbor.example"


def test_duplicate_name_and_bad_values_are_refused_at_the_field(cast):
    response = cast.client("facilitator").post(
        reverse("collaborations:partner-new", args=[cast.collaboration.pk]),
        {
            "name": "workforce alliance",
            "sector": "aliens",
            "status": "active",
            "contact_email": "not-an-email",
            "contact_name": "Kept Contact",
        },
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    assert "already has a partner by that name" in str(errors["name"])
    assert "sector" in errors
    assert "contact_email" in errors
    assert "Kept Contact" in response.content.decode()
    assert Partner.objects.filter(collaboration=cast.collaboration).count() == 1


def test_same_name_is_fine_in_another_collaboration(cast):
    from tests.factories import make_collaboration

    other = make_collaboration()
    make_partner(other, name="Harbor Logistics")
    response = cast.client("facilitator").post(
        reverse("collaborations:partner-new", args=[cast.collaboration.pk]),
        {"name": "Harbor Logistics", "sector": "business", "status": "active"},
    )
    assert response.status_code == 302


def test_facilitator_edits_a_partner(cast):
    partner = cast.partner.partner
    response = cast.client("facilitator").post(
        reverse("collaborations:partner-edit", args=[cast.collaboration.pk, partner.pk]),
        {"name": partner.name, "sector": "community", "status": "former"},
    )
    assert response.status_code == 302
    partner.refresh_from_db()
    assert (partner.sector, partner.status) == ("community", "former")


def test_removing_a_partner_keeps_its_members(cast):
    partner = cast.partner.partner
    client = cast.client("facilitator")
    url = reverse("collaborations:partner-delete", args=[cast.collaboration.pk, partner.pk])
    confirm = client.get(url)
    assert "Remove Workforce Alliance?" in confirm.content.decode()
    client.post(url)
    assert not Partner.objects.filter(pk=partner.pk).exists()
    cast.partner.refresh_from_db()
    assert cast.partner.partner is None
