"""Accounts meet invitations. A person who opens an invitation link before signing in is
remembered in their session; when they then sign up (their invited address filled in) or
sign in, they land in the collaboration as a member, with no second "Join" click. The
invitation's rules still hold: a used or expired invitation, or one sent to another
address, leads back to its page, which says so and what to do.

allauth calls `AccountAdapter` (settings.ACCOUNT_ADAPTER) after every sign-in, a sign-up's
included."""

from __future__ import annotations

from allauth.account.adapter import DefaultAccountAdapter
from django.contrib import messages
from django.contrib.auth.models import AbstractBaseUser
from django.http import HttpRequest, HttpResponse
from django.utils.translation import gettext as _

from collaborations import services, signals
from collaborations.models import Invitation, Membership

PENDING_INVITATION = "pending_invitation"


def invitation_remember(request: HttpRequest, invitation: Invitation) -> None:
    """Keep the invitation an anonymous visitor opened, for when they have signed in."""
    request.session[PENDING_INVITATION] = invitation.token


def invitation_joined(invitation: Invitation, user: AbstractBaseUser) -> bool:
    """Whether `user` accepted this invitation and is a member: a second "Join" is no error."""
    return Invitation.objects.filter(pk=invitation.pk, accepted_by=user).exists() and (
        Membership.objects.filter(collaboration=invitation.collaboration, user=user).exists()
    )


def invitation_join(request: HttpRequest, invitation: Invitation, user: AbstractBaseUser) -> str:
    """Accept the invitation for `user` and say so; the collaboration's URL. Raises
    `ActionRefused` when it cannot be accepted (used, expired, another address)."""
    try:
        services.invitation_accept(invitation=invitation, user=user)
    except services.ActionRefused:
        if not invitation_joined(invitation, user):
            raise
        messages.info(
            request,
            _("You are a member of %(name)s already.") % {"name": invitation.collaboration},
        )
        return invitation.collaboration.get_absolute_url()
    signals.invitation_accepted.send(Invitation, invitation=invitation, user=user)
    messages.success(request, _("Welcome to %(name)s.") % {"name": invitation.collaboration})
    return invitation.collaboration.get_absolute_url()


class AccountAdapter(DefaultAccountAdapter):
    def post_login(self, request: HttpRequest, user: AbstractBaseUser, **kwargs) -> HttpResponse:
        token = request.session.pop(PENDING_INVITATION, None)
        invitation = (
            Invitation.objects.select_related("collaboration").filter(token=token).first()
            if token
            else None
        )
        if invitation is not None:
            try:
                kwargs["redirect_url"] = invitation_join(request, invitation, user)
            except services.ActionRefused:
                # Its page says why it cannot be accepted, and what to do.
                kwargs["redirect_url"] = invitation.get_absolute_url()
        return super().post_login(request, user, **kwargs)
