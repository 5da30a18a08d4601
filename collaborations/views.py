"""Pages for running a collaboration: its details, partner organizations, members and
invitations. Each collaboration page wears `access.collaboration_view`, which decides access."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.db import IntegrityError, transaction
from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django.views.i18n import set_language

from collaborations import access, language, services
from collaborations.accounts import invitation_join, invitation_joined, invitation_remember
from collaborations.forms import CollaborationForm, InvitationForm, MembershipForm, PartnerForm
from collaborations.models import Invitation, Membership, Partner, Role
from collaborations.templatetags.people import person


@login_required
@require_http_methods(["GET", "POST"])
def collaboration_create(request: HttpRequest) -> HttpResponse:
    form = CollaborationForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        collaboration = services.collaboration_create(
            user=request.user, collaboration=form.instance
        )
        messages.success(request, _("Collaboration created. You are its facilitator."))
        return redirect(collaboration)
    return render(request, "collaborations/collaboration_form.html", {"form": form})


@access.collaboration_view(get="edit_collaboration", post="edit_collaboration")
def collaboration_edit(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = CollaborationForm(request.POST or None, instance=membership.collaboration)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Details saved."))
        return redirect(membership.collaboration)
    return render(
        request,
        "collaborations/collaboration_form.html",
        dict(form=form),
    )


@access.collaboration_view(get="archive_collaboration", post="archive_collaboration")
def collaboration_archive(request: HttpRequest, membership: Membership) -> HttpResponse:
    """A page that asks before archiving the collaboration, or restoring an archived one. The
    form says which it asked, so a second click changes nothing."""
    collaboration = membership.collaboration
    if request.method == "GET":
        return render(request, "collaborations/collaboration_confirm_archive.html")
    archive = {"yes": True, "no": False}.get(request.POST.get("archive", ""))
    if archive is None:
        return HttpResponseBadRequest(_("Say whether to archive or restore the collaboration."))
    if archive != collaboration.is_archived:
        services.collaboration_set_archived(collaboration=collaboration, archived=archive)
    if archive:
        messages.success(request, _("Collaboration archived. It is now read-only."))
    else:
        messages.success(request, _("Collaboration restored."))
    return redirect(collaboration)


@access.collaboration_view(get="view")
def partner_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    partners = membership.collaboration.partners.order_by("sector", "name")
    return render(
        request,
        "collaborations/partner_list.html",
        dict(partners=partners),
    )


@access.collaboration_view(get="manage_partners", post="manage_partners")
def partner_form(
    request: HttpRequest, membership: Membership, partner_id: int | None = None
) -> HttpResponse:
    """Add a partner organization, or edit one when `partner_id` is given."""
    collaboration = membership.collaboration
    partner = None
    if partner_id is not None:
        partner = get_object_or_404(Partner, pk=partner_id, collaboration=collaboration)
    form = PartnerForm(request.POST or None, instance=partner, collaboration=collaboration)
    if request.method == "POST" and form.is_valid():
        try:
            with transaction.atomic():
                form.save()
        except IntegrityError:  # the same name saved a moment ago (a double click)
            form.add_error("name", _("This collaboration already has a partner by that name."))
        else:
            messages.success(request, _("Partner “%(name)s” saved.") % {"name": form.instance.name})
            return redirect("collaborations:partners", collaboration.pk)
    return render(
        request,
        "collaborations/partner_form.html",
        dict(form=form, partner=partner),
    )


@access.collaboration_view(get="manage_partners", post="manage_partners")
def partner_delete(request: HttpRequest, membership: Membership, partner_id: int) -> HttpResponse:
    partner = get_object_or_404(Partner, pk=partner_id, collaboration=membership.collaboration)
    if request.method == "POST":
        partner.delete()
        messages.success(request, _("Partner “%(name)s” removed.") % {"name": partner.name})
        return redirect("collaborations:partners", membership.collaboration_id)
    return render(
        request,
        "collaborations/partner_confirm_delete.html",
        dict(partner=partner),
    )


def _members_page(
    request: HttpRequest,
    membership: Membership,
    invite_form: InvitationForm | None = None,
    edited: MembershipForm | None = None,
) -> HttpResponse:
    collaboration = membership.collaboration
    members = collaboration.memberships.select_related("user", "partner", "collaboration")
    can_manage = access.allowed(membership, "manage_members")
    rows = []
    if can_manage:
        partners = list(collaboration.partners.order_by("name"))
        for member in members.order_by("role", "user__email"):
            if edited is not None and edited.instance.pk == member.pk:
                rows.append((member, edited))
            else:
                form = MembershipForm(instance=member, prefix=f"m{member.pk}", partners=partners)
                rows.append((member, form))
    else:
        rows = [(member, None) for member in members.order_by("role", "user__email")]
    invitations = collaboration.invitations.filter(accepted_at__isnull=True).select_related(
        "partner"
    )
    context = dict(
        rows=rows,
        invitations=invitations if can_manage else [],
        invite_form=invite_form or InvitationForm(collaboration=collaboration),
        roles=Role.choices,
        matrix=access.role_matrix(),
    )
    return render(request, "collaborations/member_list.html", context)


@access.collaboration_view(get="view")
def member_list(request: HttpRequest, membership: Membership) -> HttpResponse:
    return _members_page(request, membership)


@access.collaboration_view(post="manage_members")
def invitation_create(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = InvitationForm(request.POST, collaboration=membership.collaboration)
    if not form.is_valid():
        return _members_page(request, membership, invite_form=form)
    form.instance.invited_by = request.user
    invitation = form.save()
    if services.invitation_send(invitation=invitation, request=request):
        messages.success(
            request,
            _("Invitation sent to %(email)s. You can also copy the link below and share it.")
            % {"email": invitation.email},
        )
    else:
        messages.warning(
            request,
            _(
                "The invitation for %(email)s is saved, but the mail could not be sent: the "
                "mail server did not answer. Copy the link below and send it yourself."
            )
            % {"email": invitation.email},
        )
    return redirect("collaborations:members", membership.collaboration_id)


@access.collaboration_view(post="manage_members")
def invitation_revoke(
    request: HttpRequest, membership: Membership, invitation_id: int
) -> HttpResponse:
    invitation = get_object_or_404(
        Invitation, pk=invitation_id, collaboration=membership.collaboration, accepted_at=None
    )
    invitation.delete()
    messages.success(request, _("Invitation to %(email)s withdrawn.") % {"email": invitation.email})
    return redirect("collaborations:members", membership.collaboration_id)


@access.collaboration_view(post="manage_members")
def member_update(request: HttpRequest, membership: Membership, member_id: int) -> HttpResponse:
    member = get_object_or_404(Membership, pk=member_id, collaboration=membership.collaboration)
    form = MembershipForm(request.POST, instance=member, prefix=f"m{member.pk}")
    if not form.is_valid():
        return _members_page(request, membership, edited=form)
    try:
        services.member_update(form=form)
    except services.ActionRefused as refused:
        messages.error(request, refused.reason)
        return redirect("collaborations:members", membership.collaboration_id)
    messages.success(request, _("Saved %(person)s's role.") % {"person": person(member.user)})
    return redirect("collaborations:members", membership.collaboration_id)


@access.collaboration_view(get="manage_members", post="manage_members")
def member_remove(request: HttpRequest, membership: Membership, member_id: int) -> HttpResponse:
    """A page that asks before removing a member (or before leaving, for one's own row); the
    removal itself is the POST."""
    member = get_object_or_404(
        Membership.objects.select_related("user"),
        pk=member_id,
        collaboration=membership.collaboration,
    )
    if request.method == "GET":
        return render(
            request,
            "collaborations/member_confirm_remove.html",
            dict(member=member, leaving=member.pk == membership.pk),
        )
    try:
        services.member_remove(membership=member)  # False: removed a moment ago, same result
    except services.ActionRefused as refused:
        messages.error(request, refused.reason)
        return redirect("collaborations:members", membership.collaboration_id)
    messages.success(request, _("%(person)s was removed.") % {"person": person(member.user)})
    if member.user_id == request.user.pk:
        return redirect("collaboration-list")
    return redirect("collaborations:members", membership.collaboration_id)


@require_http_methods(["GET", "POST"])
def invitation_accept(request: HttpRequest, token: str) -> HttpResponse:
    """The page an invitation link opens: explains the invitation and lets the person join."""
    invitation = (
        Invitation.objects.select_related("collaboration", "invited_by", "partner")
        .filter(token=token)
        .first()
    )
    if invitation is None:
        # A mistyped or cut link: say what an invitation link is and how to get a new one.
        return render(request, "collaborations/invitation_unknown.html", status=404)
    user = request.user if request.user.is_authenticated else None
    try:
        services.invitation_check(invitation=invitation, user=user)
        if user is not None and request.method == "POST":
            return redirect(invitation_join(request, invitation, user))
    except services.ActionRefused as refused:
        if user is not None and invitation_joined(invitation, user):  # a second click on "Join"
            messages.info(
                request,
                _("You are a member of %(name)s already.") % {"name": invitation.collaboration},
            )
            return redirect(invitation.collaboration)
        context = {"invitation": invitation, "problem": refused.reason}
        return render(
            request, "collaborations/invitation_accept.html", context, status=refused.status
        )
    if user is None:
        invitation_remember(request, invitation)
    return render(request, "collaborations/invitation_accept.html", {"invitation": invitation})


@require_POST
def language_choose(request: HttpRequest) -> HttpResponse:
    """The language switcher: Django's `set_language` (the cookie, and back to `next` when it
    is one of our pages), and the choice kept for the visit or, signed in, for good."""
    response = set_language(request)
    chosen = request.POST.get("language", "")
    if language.supported(chosen):
        language.choose(request, chosen)
    return response
