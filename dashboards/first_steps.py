"""A new collaboration's first steps, shown on its dashboard until they are done: add the
partner organizations, invite members, start tool 1. Each step is ticked off from what the
collaboration holds, never from clicks, and each person sees the steps they may take."""

from __future__ import annotations

from dataclasses import dataclass

from django.urls import reverse
from django.utils.functional import Promise
from django.utils.translation import gettext as _

from collaborations import access
from collaborations.models import Membership
from stages.models import Tool, Worksheet


@dataclass(frozen=True)
class Step:
    title: str | Promise
    text: str | Promise
    url: str
    link: str | Promise
    done: bool


def first_steps(
    membership: Membership,
    *,
    partners: int,
    members: int,
    invited: bool,
    first_tool: tuple[Tool, Worksheet],
) -> list[Step]:
    """The steps `membership` may take, each with whether it is done; none once all are."""
    collaboration = membership.collaboration
    tool, sheet = first_tool
    offered = [
        (
            "manage_partners",
            Step(
                _("Add the partner organizations"),
                _(
                    "Name each organization working with you and its sector; every worksheet's "
                    "partner fields then offer them."
                ),
                reverse("collaborations:partner-new", args=[collaboration.pk]),
                _("Add a partner organization"),
                partners > 0,
            ),
        ),
        (
            "manage_members",
            Step(
                _("Invite the people who will take part"),
                _(
                    "Invite them by email or with a link you copy, each with a role: partners "
                    "fill in worksheets, viewers read."
                ),
                reverse("collaborations:members", args=[collaboration.pk]) + "#invite-heading",
                _("Invite members"),
                members > 1 or invited,
            ),
        ),
        (
            "edit_worksheets",
            Step(
                _("Start tool %(number)s: %(tool)s") % {"number": tool.number, "tool": tool.name},
                _(
                    "Begin with the first worksheet of the diagnosis stage. Each section shows an "
                    "example answer the first time you open it."
                ),
                reverse("stages:worksheet", args=[collaboration.pk, tool.slug]),
                _("Open tool %(number)s") % {"number": tool.number},
                sheet.status != Worksheet.Status.NOT_STARTED,
            ),
        ),
    ]
    steps = [step for code, step in offered if access.allowed(membership, code)]
    return [] if all(step.done for step in steps) else steps
