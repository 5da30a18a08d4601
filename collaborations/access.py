"""Who may do what in a collaboration: the one place that decides.

Every view that touches a collaboration starts with `member_or_404` (read) or `member_with`
(an action). A person who is not a member gets 404, never 403, so a collaboration's existence
does not leak; a member without the right gets 403 and nothing changes.

`PERMISSIONS` is also what the members page shows as the role matrix, so the page and the
checks cannot drift apart.
"""

from __future__ import annotations

from dataclasses import dataclass

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from collaborations.models import Membership, Role


@dataclass(frozen=True)
class Permission:
    code: str
    label: str | Promise
    roles: frozenset[str]
    # Archived collaborations are read-only: only permissions marked here still apply.
    when_archived: bool = False


_ALL = frozenset(Role.values)
_EDITORS = frozenset({Role.FACILITATOR, Role.PARTNER})
_FACILITATORS = frozenset({Role.FACILITATOR})

PERMISSIONS: tuple[Permission, ...] = (
    Permission("view", _("Read everything in the collaboration"), _ALL, when_archived=True),
    Permission("download_report", _("Download the collaboration report"), _ALL, True),
    Permission("edit_worksheets", _("Fill in and edit worksheets"), _EDITORS),
    Permission("comment", _("Comment on worksheets"), _EDITORS),
    Permission("request_review", _("Mark a worksheet ready for review"), _EDITORS),
    Permission("sign_off", _("Record their organization's sign-off"), _EDITORS),
    Permission(
        "sign_off_for_others",
        _("Record another organization's sign-off on its behalf, saying so"),
        _FACILITATORS,
    ),
    Permission("review_worksheets", _("Mark worksheets complete or send them back"), _FACILITATORS),
    Permission("resolve_comments", _("Resolve comments"), _FACILITATORS),
    Permission("manage_partners", _("Add, edit and remove partner organizations"), _FACILITATORS),
    Permission("manage_members", _("Invite and remove members, change roles"), _FACILITATORS),
    Permission("take_health_check", _("Rate the collaboration's health"), _ALL),
    Permission("keep_support_log", _("Keep the support log"), _FACILITATORS),
    Permission(
        "follow_in_portfolio", _("Follow the collaboration in their portfolio"), _FACILITATORS, True
    ),
    Permission("edit_collaboration", _("Edit the collaboration's details"), _FACILITATORS),
    Permission(
        "archive_collaboration", _("Archive or restore the collaboration"), _FACILITATORS, True
    ),
)
_BY_CODE = {permission.code: permission for permission in PERMISSIONS}


def allowed(membership: Membership, code: str) -> bool:
    permission = _BY_CODE[code]
    if membership.collaboration.is_archived and not permission.when_archived:
        return False
    return membership.role in permission.roles


def abilities(membership: Membership) -> dict[str, bool]:
    """What this member may do, by permission code: for templates to show or hide actions."""
    return {code: allowed(membership, code) for code in _BY_CODE}


def page_context(membership: Membership, **extra) -> dict:
    """What every collaboration page's template needs: the collaboration, the viewer's
    membership and what they may do."""
    return {
        "collaboration": membership.collaboration,
        "membership": membership,
        "can": abilities(membership),
        **extra,
    }


def role_matrix() -> list[tuple[Permission, list[bool]]]:
    """Rows of the role matrix: each permission with a yes/no per role, in `Role` order."""
    return [(p, [role in p.roles for role in Role.values]) for p in PERMISSIONS]


def memberships_with(user: AbstractBaseUser | AnonymousUser, code: str) -> QuerySet[Membership]:
    """The user's memberships that hold the permission `code`, collaborations loaded: for
    pages that span collaborations, such as the facilitator's portfolio."""
    if not user.is_authenticated:
        return Membership.objects.none()
    permission = _BY_CODE[code]
    memberships = Membership.objects.filter(user=user, role__in=permission.roles)
    if not permission.when_archived:
        memberships = memberships.filter(collaboration__archived_at__isnull=True)
    return memberships.select_related("collaboration", "partner")


def member_or_404(user: AbstractBaseUser | AnonymousUser, collaboration_id: int) -> Membership:
    """The user's membership of the collaboration, with the collaboration loaded, or 404."""
    if not user.is_authenticated:
        raise Http404
    membership = (
        Membership.objects.select_related("collaboration", "partner")
        .filter(collaboration_id=collaboration_id, user=user)
        .first()
    )
    if membership is None:
        raise Http404
    return membership


def member_with(
    user: AbstractBaseUser | AnonymousUser, collaboration_id: int, code: str
) -> Membership:
    """Like `member_or_404`, and the member must hold the permission `code`, or 403."""
    membership = member_or_404(user, collaboration_id)
    if not allowed(membership, code):
        raise PermissionDenied
    return membership
