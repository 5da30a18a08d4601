"""Accepting an invitation: new people sign up, existing ones sign in, problems are explained."""

from __future__ import annotations

from datetime import timedelta

import pytest
from django.urls import reverse
from django.utils import timezone

from collaborations.models import Membership, Role
from tests.factories import PASSWORD, make_invitation, make_user

pytestmark = pytest.mark.django_db


def test_anonymous_visitor_is_offered_sign_up_and_sign_in(cast, client):
    invitation = make_invitation(cast.collaboration, email="newcomer@example.org")
    response = client.get(invitation.get_absolute_url())
    assert response.status_code == 200
    page = response.content.decode()
    assert "Invitation to Riverside Youth Jobs" in page
    assert f"{reverse('account_signup')}?next=" in page
    assert f"{reverse('account_login')}?next=" in page


def test_new_person_signs_up_and_joins(cast, client):
    invitation = make_invitation(
        cast.collaboration,
        email="newcomer@example.org",
        role=Role.PARTNER,
        partner=cast.partner.partner,
    )
    signup = client.post(
        f"{reverse('account_signup')}?next={invitation.get_absolute_url()}",
        {
            "first_name": "Nia",
            "last_name": "Okafor",
            "email": "newcomer@example.org",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    assert signup.status_code == 302
    assert signup["Location"] == invitation.get_absolute_url()
    page = client.get(invitation.get_absolute_url())
    assert "Join the collaboration" in page.content.decode()
    joined = client.post(invitation.get_absolute_url())
    assert joined["Location"] == reverse("collaboration", args=[cast.collaboration.pk])
    membership = Membership.objects.get(user__email="newcomer@example.org")
    assert membership.role == Role.PARTNER
    assert membership.partner == cast.partner.partner
    assert membership.user.get_full_name() == "Nia Okafor"
    invitation.refresh_from_db()
    assert invitation.is_used


def test_existing_person_signs_in_and_joins(cast, client):
    make_user("known@example.org")
    invitation = make_invitation(cast.collaboration, email="known@example.org", role=Role.VIEWER)
    login = client.post(
        f"{reverse('account_login')}?next={invitation.get_absolute_url()}",
        {"login": "known@example.org", "password": PASSWORD},
    )
    assert login["Location"] == invitation.get_absolute_url()
    client.post(invitation.get_absolute_url())
    assert Membership.objects.get(user__email="known@example.org").role == Role.VIEWER


def test_used_invitation_gets_a_clear_page(cast, client):
    invitation = make_invitation(cast.collaboration, accepted_at=timezone.now())
    response = client.get(invitation.get_absolute_url())
    assert response.status_code == 410
    assert "already been used" in response.content.decode()


def test_expired_invitation_gets_a_clear_page_and_cannot_be_accepted(cast):
    invitation = make_invitation(
        cast.collaboration,
        email="out@example.org",
        expires_at=timezone.now() - timedelta(minutes=1),
    )
    client = cast.client("outsider")
    response = client.post(invitation.get_absolute_url())
    assert response.status_code == 410
    assert "expired" in response.content.decode()
    assert not Membership.objects.filter(user=cast.outsider).exists()


def test_invitation_for_another_address_is_explained(cast):
    invitation = make_invitation(cast.collaboration, email="someone.else@example.org")
    client = cast.client("outsider")
    response = client.post(invitation.get_absolute_url())
    assert response.status_code == 403
    page = response.content.decode()
    assert "someone.else@example.org" in page
    assert "out@example.org" in page
    assert not Membership.objects.filter(user=cast.outsider).exists()


def test_unknown_token_is_404_with_the_invitation_help_page(client):
    response = client.get(reverse("invitation-accept", args=["nope"]))
    assert response.status_code == 404
    page = response.content.decode()
    assert "This invitation link is not recognised" in page
    assert "send a new invitation" in page
    assert reverse("account_login") in page


def test_existing_member_keeps_their_role(cast):
    invitation = make_invitation(
        cast.collaboration, email="view@example.org", role=Role.FACILITATOR
    )
    cast.client("viewer").post(invitation.get_absolute_url())
    cast.viewer.refresh_from_db()
    assert cast.viewer.role == Role.VIEWER
