"""Who else has a worksheet open, and what was saved since a page was loaded.

An open worksheet page renews its person's `WorksheetPresence` with a light heartbeat (htmx,
every 20 seconds); someone whose page has been silent for a minute is gone. Without
JavaScript the page shows who was there when it loaded.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.utils import timezone

from collaborations.models import Collaboration
from stages.models import Tool, Worksheet, WorksheetPresence
from stages.services import answers_at
from stages.worksheets.declarations import definition_for
from stages.worksheets.merge import merge

GONE_AFTER = timedelta(seconds=60)


def presence_mark(*, collaboration: Collaboration, tool: Tool, user: AbstractBaseUser) -> bool:
    """`user` has the page open now. True on the person's first visit to this worksheet: their
    presence row is kept once made, on any device, so it also remembers that they have been
    here (the page shows its examples open on a first visit only)."""
    now = timezone.now()
    mine = WorksheetPresence.objects.filter(collaboration=collaboration, tool=tool, user=user)
    if mine.update(seen_at=now):
        return False
    try:
        with transaction.atomic():
            WorksheetPresence.objects.create(
                collaboration=collaboration, tool=tool, user=user, seen_at=now
            )
    except IntegrityError:  # the same person's other tab got there first
        mine.update(seen_at=now)
        return False
    return True


def present_others(
    *, collaboration: Collaboration, tool: Tool, user: AbstractBaseUser, people: dict | None = None
) -> list:
    """The other people whose page is open, by name; `people` (users by id, such as the
    collaboration's members the page has read) names them without reading them again."""
    seen = WorksheetPresence.objects.filter(
        collaboration=collaboration, tool=tool, seen_at__gte=timezone.now() - GONE_AFTER
    ).values_list("user_id", flat=True)
    others = [pk for pk in seen if pk != user.pk]
    people = people or {}
    if missing := [pk for pk in others if pk not in people]:
        people = {**people, **get_user_model().objects.in_bulk(missing)}
    return sorted(
        (people[pk] for pk in others if pk in people),
        key=lambda u: (u.get_full_name() or u.email).lower(),
    )


@dataclass
class SavedSince:
    """The newest save by someone else after the version a page shows."""

    user: AbstractBaseUser | None
    at: datetime
    changed: list[str]

    @property
    def just_now(self) -> bool:
        return timezone.now() - self.at < timedelta(minutes=1)


def saved_since(*, worksheet: Worksheet, version: int, user: AbstractBaseUser) -> SavedSince | None:
    if worksheet.pk is None or worksheet.version <= version:
        return None
    latest = (
        worksheet.revisions.filter(version__gt=version)
        .exclude(user=user)
        .select_related("user")
        .only("created_at", "user")
        .order_by("-version")
        .first()
    )
    if latest is None:
        return None
    base, _status = answers_at(worksheet, version)
    changed = merge(definition_for(worksheet.tool.slug), base, worksheet.answers, base).taken
    return SavedSince(user=latest.user, at=latest.created_at, changed=changed)
