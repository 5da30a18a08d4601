"""Writes that touch more than one model: starting a collaboration, inviting and admitting
members, removing them."""

from __future__ import annotations

from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone
from django.utils.translation import gettext as _

from collaborations.models import Collaboration, Invitation, Membership, Role


class ActionRefused(Exception):
    """A request the rules refuse, with the reason a person can act on."""

    def __init__(self, reason: str, status: int = 403) -> None:
        super().__init__(reason)
        self.reason = reason
        self.status = status


@transaction.atomic
def collaboration_create(*, user: AbstractBaseUser, collaboration: Collaboration) -> Collaboration:
    """Save a new collaboration; whoever starts it becomes its first facilitator."""
    collaboration.save()
    Membership.objects.create(collaboration=collaboration, user=user, role=Role.FACILITATOR)
    return collaboration


def collaboration_set_archived(*, collaboration: Collaboration, archived: bool) -> None:
    collaboration.archived_at = timezone.now() if archived else None
    collaboration.save(update_fields=["archived_at", "updated_at"])


def invitation_send(*, invitation: Invitation, request: HttpRequest) -> None:
    """Mail the invitation link. The link is also shown on the members page to copy."""
    context = {
        "invitation": invitation,
        "accept_url": request.build_absolute_uri(invitation.get_absolute_url()),
        "inviter": invitation.invited_by,
    }
    send_mail(
        subject=_("You are invited to join %(name)s") % {"name": invitation.collaboration.name},
        message=render_to_string("collaborations/email/invitation.txt", context),
        from_email=None,
        recipient_list=[invitation.email],
    )


def invitation_check(*, invitation: Invitation, user: AbstractBaseUser | None) -> None:
    """Raise `ActionRefused` if the invitation cannot be accepted now (by `user`, if known)."""
    if invitation.is_used:
        raise ActionRefused(_("This invitation has already been used."), status=410)
    if invitation.is_expired:
        raise ActionRefused(
            _("This invitation has expired. Ask a facilitator of the collaboration for a new one."),
            status=410,
        )
    if user is not None and user.email.lower() != invitation.email.lower():
        raise ActionRefused(
            _(
                "This invitation was sent to %(invited)s, but you are signed in as %(current)s. "
                "Sign out and sign in (or sign up) with the invited address."
            )
            % {"invited": invitation.email, "current": user.email}
        )


@transaction.atomic
def invitation_accept(*, invitation: Invitation, user: AbstractBaseUser) -> Membership:
    """Turn an open invitation into a membership. An existing member keeps their membership."""
    invitation = Invitation.objects.select_for_update().get(pk=invitation.pk)
    invitation_check(invitation=invitation, user=user)
    membership, _created = Membership.objects.get_or_create(
        collaboration=invitation.collaboration,
        user=user,
        defaults={"role": invitation.role, "partner": invitation.partner},
    )
    invitation.accepted_at = timezone.now()
    invitation.accepted_by = user
    invitation.save(update_fields=["accepted_at", "accepted_by"])
    return membership


def member_remove(*, membership: Membership) -> None:
    if membership.is_last_facilitator():
        raise ActionRefused(
            _("The last facilitator cannot be removed. Make someone else a facilitator first.")
        )
    membership.delete()
