"""Writes that touch more than one model: starting a collaboration, inviting and admitting
members, removing them."""

from __future__ import annotations

import logging
import smtplib

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.core.mail import send_mail
from django.db import transaction
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from collaborations.forms import MembershipForm
from collaborations.language import language_of
from collaborations.models import Collaboration, Invitation, Membership, Role

logger = logging.getLogger(__name__)
User = get_user_model()


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


def invitation_language(invitation: Invitation) -> str:
    """Someone with an account reads the invitation in their own language; anyone else in the
    language the facilitator chose for it."""
    user = User.objects.filter(email__iexact=invitation.email).first()
    return language_of(user) if user else invitation.language


def invitation_send(*, invitation: Invitation, request: HttpRequest) -> bool:
    """Mail the invitation link; False if the mail server could not take it (the invitation
    stays, and its link is shown on the members page to copy)."""
    context = {
        "invitation": invitation,
        "accept_url": request.build_absolute_uri(invitation.get_absolute_url()),
        "inviter": invitation.invited_by,
    }
    try:
        with translation.override(invitation_language(invitation)):
            subject = _("You are invited to join %(name)s") % {
                "name": invitation.collaboration.name
            }
            message = render_to_string("collaborations/email/invitation.txt", context)
        send_mail(
            subject=subject, message=message, from_email=None, recipient_list=[invitation.email]
        )
    except (OSError, smtplib.SMTPException):  # refused, timed out, unreachable, rejected
        logger.warning("Invitation %s: mail not sent", invitation.pk, exc_info=True)
        return False
    return True


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


def _locked_memberships(collaboration_id: int) -> list[Membership]:
    """The collaboration's memberships, held until the transaction ends. Every write that could
    leave a collaboration without a facilitator takes them first, so two such writes at once
    run one after the other and the second sees the first's result (PostgreSQL waits on the
    row locks; SQLite's IMMEDIATE transactions already run one at a time)."""
    return list(
        Membership.objects.select_for_update()
        .filter(collaboration_id=collaboration_id)
        .order_by("pk")
    )


def _refuse_losing_the_last_facilitator(
    members: list[Membership], member: Membership, reason: str
) -> None:
    if not any(m.role == Role.FACILITATOR and m.pk != member.pk for m in members):
        raise ActionRefused(reason)


@transaction.atomic
def member_remove(*, membership: Membership) -> bool:
    """Remove a member; False if they were gone already (a second click)."""
    members = _locked_memberships(membership.collaboration_id)
    current = next((m for m in members if m.pk == membership.pk), None)
    if current is None:
        return False
    if current.role == Role.FACILITATOR:
        _refuse_losing_the_last_facilitator(
            members,
            current,
            _("The last facilitator cannot be removed. Make someone else a facilitator first."),
        )
    current.delete()
    return True


@transaction.atomic
def member_update(*, form: MembershipForm) -> Membership:
    """Save a member's role and organization from a valid form, keeping a facilitator."""
    members = _locked_memberships(form.instance.collaboration_id)
    current = next((m for m in members if m.pk == form.instance.pk), None)
    if current is None:
        raise ActionRefused(_("This person is no longer a member."), status=404)
    if current.role == Role.FACILITATOR and form.cleaned_data["role"] != Role.FACILITATOR:
        _refuse_losing_the_last_facilitator(
            members,
            current,
            _("A collaboration needs at least one facilitator. Make someone else one first."),
        )
    return form.save()
