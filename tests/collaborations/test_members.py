"""Members and roles: inviting, changing roles, removing, the role matrix."""

from __future__ import annotations

import pytest
from django.core import mail
from django.urls import reverse

from collaborations.models import Invitation, Membership, Role
from tests.factories import make_collaboration, make_invitation, make_member, make_partner

pytestmark = pytest.mark.django_db


def _members_url(cast) -> str:
    return reverse("collaborations:members", args=[cast.collaboration.pk])


def test_members_page_shows_people_roles_and_the_role_matrix(cast):
    response = cast.client("viewer").get(_members_url(cast))
    page = response.content.decode()
    for email in ["fac@example.org", "part@example.org", "view@example.org"]:
        assert email in page
    assert "Workforce Alliance" in page
    assert "What each role may do" in page
    assert "Invite and remove members, change roles" in page
    # A viewer sees no management controls.
    assert reverse("collaborations:invitation-new", args=[cast.collaboration.pk]) not in page


def test_invitation_is_mailed_and_its_link_shown_to_copy(cast):
    response = cast.client("facilitator").post(
        reverse("collaborations:invitation-new", args=[cast.collaboration.pk]),
        {"email": "New.Person@Example.org", "role": "partner", "partner": cast.partner.partner_id},
    )
    assert response.status_code == 302
    invitation = Invitation.objects.get()
    assert invitation.email == "new.person@example.org"
    assert invitation.invited_by == cast.facilitator.user
    assert invitation.partner == cast.partner.partner
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["new.person@example.org"]
    assert invitation.get_absolute_url() in message.body
    assert "Riverside Youth Jobs" in message.subject
    page = cast.client("facilitator").get(_members_url(cast)).content.decode()
    assert f"http://testserver{invitation.get_absolute_url()}" in page


def test_invitation_errors_are_shown_at_the_field(cast):
    foreign = make_partner(make_collaboration())
    response = cast.client("facilitator").post(
        reverse("collaborations:invitation-new", args=[cast.collaboration.pk]),
        {"email": "part@example.org", "role": "owner", "partner": foreign.pk},
    )
    assert response.status_code == 200
    errors = response.context["invite_form"].errors
    assert "already a member" in str(errors["email"])
    assert "role" in errors
    assert "partner" in errors
    assert 'value="part@example.org"' in response.content.decode()
    assert not Invitation.objects.exists()
    assert mail.outbox == []


def test_invitation_can_be_withdrawn(cast):
    invitation = make_invitation(cast.collaboration)
    cast.client("facilitator").post(
        reverse("collaborations:invitation-revoke", args=[cast.collaboration.pk, invitation.pk])
    )
    assert not Invitation.objects.exists()


def test_facilitator_changes_a_role_and_organization(cast):
    other_org = make_partner(cast.collaboration, name="City Hall", sector="government")
    response = cast.client("facilitator").post(
        reverse("collaborations:member-update", args=[cast.collaboration.pk, cast.viewer.pk]),
        {f"m{cast.viewer.pk}-role": "partner", f"m{cast.viewer.pk}-partner": other_org.pk},
    )
    assert response.status_code == 302
    cast.viewer.refresh_from_db()
    assert cast.viewer.role == Role.PARTNER
    assert cast.viewer.partner == other_org


def test_organization_from_another_collaboration_is_refused(cast):
    foreign = make_partner(make_collaboration())
    response = cast.client("facilitator").post(
        reverse("collaborations:member-update", args=[cast.collaboration.pk, cast.viewer.pk]),
        {f"m{cast.viewer.pk}-role": "viewer", f"m{cast.viewer.pk}-partner": foreign.pk},
    )
    assert response.status_code == 200
    assert "Select a valid choice" in response.content.decode()
    cast.viewer.refresh_from_db()
    assert cast.viewer.partner is None


def test_last_facilitator_cannot_step_down(cast):
    response = cast.client("facilitator").post(
        reverse("collaborations:member-update", args=[cast.collaboration.pk, cast.facilitator.pk]),
        {f"m{cast.facilitator.pk}-role": "viewer"},
    )
    assert response.status_code == 200
    assert "at least one facilitator" in response.content.decode()
    cast.facilitator.refresh_from_db()
    assert cast.facilitator.role == Role.FACILITATOR


def test_last_facilitator_cannot_be_removed(cast):
    response = cast.client("facilitator").post(
        reverse("collaborations:member-remove", args=[cast.collaboration.pk, cast.facilitator.pk]),
        follow=True,
    )
    assert "The last facilitator cannot be removed" in response.content.decode()
    assert Membership.objects.filter(pk=cast.facilitator.pk).exists()


def test_a_facilitator_can_leave_when_another_remains(cast):
    make_member(cast.collaboration, Role.FACILITATOR)
    response = cast.client("facilitator").post(
        reverse("collaborations:member-remove", args=[cast.collaboration.pk, cast.facilitator.pk])
    )
    assert response["Location"] == reverse("collaboration-list")
    assert not Membership.objects.filter(pk=cast.facilitator.pk).exists()


def test_removed_member_loses_access(cast):
    client = cast.client("viewer")
    cast.client("facilitator").post(
        reverse("collaborations:member-remove", args=[cast.collaboration.pk, cast.viewer.pk])
    )
    response = client.get(reverse("collaboration", args=[cast.collaboration.pk]))
    assert response.status_code == 404


def test_member_of_another_collaboration_is_404(cast):
    other = make_member(make_collaboration(), Role.VIEWER)
    response = cast.client("facilitator").post(
        reverse("collaborations:member-remove", args=[cast.collaboration.pk, other.pk])
    )
    assert response.status_code == 404
    assert Membership.objects.filter(pk=other.pk).exists()


def test_role_menus_offer_only_roles(cast):
    """A role is required: no empty option to pick, not even on one's own row."""
    page = cast.client("facilitator").get(_members_url(cast)).content.decode()
    own = page.split(f'id="id_m{cast.facilitator.pk}-role"', 1)[1].split("</select>", 1)[0]
    assert 'value=""' not in own and "Select an option" not in own
    assert 'value="facilitator" selected' in own
    assert "Select an option" not in page.split('id="invite-heading"', 1)[0]


def test_role_changes_and_removals_name_the_person(cast):
    cast.viewer.user.first_name, cast.viewer.user.last_name = "Ana", "Silva"
    cast.viewer.user.save()
    client = cast.client("facilitator")
    url = reverse("collaborations:member-update", args=[cast.collaboration.pk, cast.viewer.pk])
    saved = client.post(url, {f"m{cast.viewer.pk}-role": "partner"}, follow=True)
    assert "Saved Ana Silva&#x27;s role." in saved.content.decode()
    url = reverse("collaborations:member-remove", args=[cast.collaboration.pk, cast.viewer.pk])
    assert "Ana Silva was removed." in client.post(url, follow=True).content.decode()


def test_member_controls_are_labelled_with_the_persons_name(cast):
    """Screen readers hear "Role of Ana Silva", as the row reads, not an email address."""
    cast.viewer.user.first_name, cast.viewer.user.last_name = "Ana", "Silva"
    cast.viewer.user.save()
    page = cast.client("facilitator").get(_members_url(cast)).content.decode()
    row = page.split(f'id="member-{cast.viewer.pk}"', 1)[1].split("</tr>", 1)[0]
    assert "Role of Ana Silva" in row
    assert "Organization Ana Silva represents" in row
    assert '<span class="visually-hidden"> Ana Silva</span>' in row
    assert "Role of view@example.org" not in row


def test_removing_a_member_or_leaving_asks_first(cast):
    """The members page links to a page that asks; only its button removes."""
    client = cast.client("facilitator")
    remove_url = reverse(
        "collaborations:member-remove", args=[cast.collaboration.pk, cast.viewer.pk]
    )
    assert f'href="{remove_url}"' in client.get(_members_url(cast)).content.decode()
    page = client.get(remove_url)
    assert page.status_code == 200
    html = page.content.decode()
    from collaborations.templatetags.people import person

    assert f"Remove {person(cast.viewer.user)} from {cast.collaboration.name}?" in html
    assert '<button type="submit" class="btn btn-danger">Remove member</button>' in html
    assert Membership.objects.filter(pk=cast.viewer.pk).exists()
    leave_url = reverse(
        "collaborations:member-remove", args=[cast.collaboration.pk, cast.facilitator.pk]
    )
    leave = client.get(leave_url).content.decode()
    assert f"Leave {cast.collaboration.name}?" in leave
    assert Membership.objects.filter(pk=cast.facilitator.pk).exists()
    client.post(remove_url)
    assert not Membership.objects.filter(pk=cast.viewer.pk).exists()


def test_an_address_with_an_open_invitation_is_not_invited_twice(cast):
    """The members page would list the person twice; an expired or used invitation is no
    obstacle to a new one."""
    from datetime import timedelta

    from django.utils import timezone

    url = reverse("collaborations:invitation-new", args=[cast.collaboration.pk])
    client = cast.client("facilitator")
    assert client.post(url, {"email": "new@example.org", "role": "partner"}).status_code == 302
    again = client.post(url, {"email": "New@Example.org", "role": "viewer"})
    assert again.status_code == 200
    assert "open invitation already" in str(again.context["invite_form"].errors["email"])
    assert Invitation.objects.count() == 1
    Invitation.objects.update(expires_at=timezone.now() - timedelta(days=1))
    assert client.post(url, {"email": "new@example.org", "role": "partner"}).status_code == 302
    assert Invitation.objects.count() == 2
