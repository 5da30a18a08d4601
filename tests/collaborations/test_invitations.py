"""Accepting an invitation: new people sign up, existing ones sign in, problems are explained."""

from __future__ import annotations

import re
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
    assert f"{reverse('account_signup')}?email=newcomer%40example.org&amp;next=" in page
    assert f"{reverse('account_login')}?next=" in page


def _signup_link(page: str) -> str:
    return re.search(r'href="(/accounts/signup/[^"]+)"', page).group(1).replace("&amp;", "&")


def test_the_sign_up_page_has_the_invited_address_filled_in(cast, client):
    invitation = make_invitation(cast.collaboration, email="newcomer@example.org")
    page = client.get(invitation.get_absolute_url()).content.decode()
    signup = client.get(_signup_link(page)).content.decode()
    assert re.search(r'<input[^>]*name="email"[^>]*value="newcomer@example.org"', signup)


def _sign_up(client, url: str, email: str = "newcomer@example.org"):
    return client.post(
        url,
        {
            "first_name": "Nia",
            "last_name": "Okafor",
            "email": email,
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )


def test_new_person_signs_up_and_lands_in_the_collaboration_without_joining_again(cast, client):
    invitation = make_invitation(
        cast.collaboration,
        email="newcomer@example.org",
        role=Role.PARTNER,
        partner=cast.partner.partner,
    )
    page = client.get(invitation.get_absolute_url()).content.decode()
    signup = _sign_up(client, _signup_link(page))
    assert signup.status_code == 302
    assert signup["Location"] == reverse("collaboration", args=[cast.collaboration.pk])
    membership = Membership.objects.get(user__email="newcomer@example.org")
    assert membership.role == Role.PARTNER
    assert membership.partner == cast.partner.partner
    assert membership.user.get_full_name() == "Nia Okafor"
    invitation.refresh_from_db()
    assert invitation.is_used and invitation.accepted_by == membership.user
    dashboard = client.get(signup["Location"]).content.decode()
    assert "Welcome to Riverside Youth Jobs." in dashboard
    # Greeted by name, never by the user name made up at sign-up.
    assert "Successfully signed in as Nia Okafor." in dashboard
    assert f"as {membership.user.username}" not in dashboard
    # A later visit to the link is no error.
    again = client.get(invitation.get_absolute_url())
    assert again["Location"] == reverse("collaboration", args=[cast.collaboration.pk])


def test_existing_person_signs_in_and_lands_in_the_collaboration(cast, client):
    make_user("known@example.org", first_name="Kofi", last_name="Mensah")
    invitation = make_invitation(cast.collaboration, email="known@example.org", role=Role.VIEWER)
    client.get(invitation.get_absolute_url())
    login = client.post(
        f"{reverse('account_login')}?next={invitation.get_absolute_url()}",
        {"login": "known@example.org", "password": PASSWORD},
    )
    assert login["Location"] == reverse("collaboration", args=[cast.collaboration.pk])
    assert Membership.objects.get(user__email="known@example.org").role == Role.VIEWER
    assert (
        "Successfully signed in as Kofi Mensah." in client.get(login["Location"]).content.decode()
    )


def test_signing_in_without_opening_an_invitation_joins_nothing(cast, client):
    make_user("known@example.org")
    make_invitation(cast.collaboration, email="known@example.org")
    login = client.post(
        reverse("account_login"), {"login": "known@example.org", "password": PASSWORD}
    )
    assert login["Location"] == reverse("collaboration-list")
    assert not Membership.objects.filter(user__email="known@example.org").exists()


def test_signing_up_with_another_address_leads_back_to_the_explained_invitation(cast, client):
    invitation = make_invitation(cast.collaboration, email="newcomer@example.org")
    page = client.get(invitation.get_absolute_url()).content.decode()
    signup = _sign_up(client, _signup_link(page), email="other@example.org")
    assert signup["Location"] == invitation.get_absolute_url()
    explained = client.get(signup["Location"])
    assert explained.status_code == 403
    assert "This invitation was sent to newcomer@example.org" in explained.content.decode()
    assert not Membership.objects.filter(user__email="other@example.org").exists()


def test_an_invitation_that_expired_before_sign_in_is_explained(cast, client):
    make_user("known@example.org")
    invitation = make_invitation(cast.collaboration, email="known@example.org")
    client.get(invitation.get_absolute_url())
    invitation.expires_at = timezone.now() - timedelta(minutes=1)
    invitation.save()
    login = client.post(
        reverse("account_login"), {"login": "known@example.org", "password": PASSWORD}
    )
    assert login["Location"] == invitation.get_absolute_url()
    assert "This invitation has expired." in client.get(login["Location"]).content.decode()
    assert not Membership.objects.filter(user__email="known@example.org").exists()


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
