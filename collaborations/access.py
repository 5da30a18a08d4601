"""Who may do what in a collaboration: the one place that decides.

Every view of a collaboration wears `@collaboration_view(get=..., post=...)`: it names the HTTP
methods the view answers and the permission each needs, signs the person in, finds their
membership (404 for anyone who is not a member, never 403, so a collaboration's existence does
not leak), checks the permission (403, and nothing changes) and gives every template the page's
context (the collaboration, the membership, what they may do) through `page` below.

`PERMISSIONS` is also what the members page shows as the role matrix, so the page and the
checks cannot drift apart.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import wraps

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import PermissionDenied
from django.db.models import QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseNotAllowed
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
    Permission(
        "remind_members",
        _("Ask partners for sign-off and remind members to rate the health check"),
        _FACILITATORS,
    ),
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
    Permission(
        "export_collaboration",
        _("Download everything in the collaboration as a file"),
        _FACILITATORS,
        True,
    ),
)
PERMISSIONS_BY_CODE = {permission.code: permission for permission in PERMISSIONS}


def allowed(membership: Membership, code: str) -> bool:
    permission = PERMISSIONS_BY_CODE[code]
    if membership.collaboration.is_archived and not permission.when_archived:
        return False
    return membership.role in permission.roles


def abilities(membership: Membership) -> dict[str, bool]:
    """What this member may do, by permission code: for templates to show or hide actions."""
    return {code: allowed(membership, code) for code in PERMISSIONS_BY_CODE}


def page_context(membership: Membership) -> dict:
    """What every collaboration page's template needs: the collaboration, the viewer's
    membership and what they may do."""
    return {
        "collaboration": membership.collaboration,
        "membership": membership,
        "can": abilities(membership),
    }


def page(request: HttpRequest) -> dict:
    """Context processor: the page context of the collaboration a view was entered through."""
    membership = getattr(request, "membership", None)
    return page_context(membership) if membership else {}


def role_matrix() -> list[tuple[Permission, list[bool]]]:
    """Rows of the role matrix: each permission with a yes/no per role, in `Role` order."""
    return [(p, [role in p.roles for role in Role.values]) for p in PERMISSIONS]


def memberships_with(user: AbstractBaseUser | AnonymousUser, code: str) -> QuerySet[Membership]:
    """The user's memberships that hold the permission `code`, collaborations loaded: for
    pages that span collaborations, such as the facilitator's portfolio."""
    if not user.is_authenticated:
        return Membership.objects.none()
    permission = PERMISSIONS_BY_CODE[code]
    memberships = Membership.objects.filter(user=user, role__in=permission.roles)
    if not permission.when_archived:
        memberships = memberships.filter(collaboration__archived_at__isnull=True)
    return memberships.select_related("collaboration", "partner")


# The largest id the database holds: a larger one in an address names nothing (and SQLite
# refuses to compare it with a stored id).
LARGEST_ID = 2**63 - 1


def member_or_404(user: AbstractBaseUser | AnonymousUser, collaboration_id: int) -> Membership:
    """The user's membership of the collaboration, with the collaboration loaded, or 404."""
    if not user.is_authenticated or collaboration_id > LARGEST_ID:
        raise Http404
    # One membership per person and collaboration: no ordering (the model's joins the users).
    membership = (
        Membership.objects.select_related("collaboration", "partner")
        .filter(collaboration_id=collaboration_id, user=user)
        .order_by()
        .first()
    )
    if membership is None:
        raise Http404
    membership.user = user  # the person asking is the member: no query to load them again
    return membership


CollaborationView = Callable[..., HttpResponse]


def collaboration_view(
    *, get: str | None = None, post: str | None = None
) -> Callable[[CollaborationView], CollaborationView]:
    """Decorate a view of one collaboration: `get` and `post` name the permission each method
    needs; a method not named answers 405. The view is called as `view(request, membership,
    **the URL's other arguments)`; its templates get the page context on their own."""
    permissions = {
        method: code for method, code in (("GET", get), ("POST", post)) if code is not None
    }
    for code in permissions.values():
        PERMISSIONS_BY_CODE[
            code
        ]  # an unknown permission fails when the module loads, not on a request

    def decorate(view: CollaborationView) -> CollaborationView:
        @wraps(view)
        def wrapped(request: HttpRequest, collaboration_id: int, **kwargs) -> HttpResponse:
            if not request.user.is_authenticated:
                return redirect_to_login(request.get_full_path())
            membership = member_or_404(request.user, collaboration_id)
            method = "GET" if request.method == "HEAD" else request.method
            if method not in permissions:
                return HttpResponseNotAllowed(list(permissions))
            request.membership = membership
            if not allowed(membership, permissions[method]):
                # The reason reaches the 403 page, which says which right is missing.
                raise PermissionDenied(PERMISSIONS_BY_CODE[permissions[method]].label)
            return view(request, membership, **kwargs)

        wrapped.permissions = permissions
        return wrapped

    return decorate
