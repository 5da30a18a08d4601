"""Who hears of what. Every function takes the event as it happened and notifies the right
members: never the person who acted, never anyone who is not (or no longer) a member.

Called by the views after the change is saved. Mail for "at once" readers is queued on the
task worker when the transaction commits (see `notifications.tasks`).
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable
from datetime import date, timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.db import IntegrityError, transaction
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from collaborations.language import languages_of
from collaborations.models import Collaboration, Invitation, Membership, Partner, Role
from health.models import HealthCheck
from notifications.models import EmailDelivery, Frequency, Kind, Notification, Preferences
from stages.models import Comment, SignOff, Worksheet, WorksheetRevision

# A notification's text is written once per recipient, in their language: a `Text` is a string,
# or a function that writes it in the active language (see `phrase`).
Text = str | Callable[[], str]


def read(text: Text) -> str:
    return text() if callable(text) else str(text)


def phrase(message: str, **values: Text) -> Callable[[], str]:
    """`message` (a lazy translation) with `values` put in, written when it is read: in each
    recipient's language, tool names included."""
    return lambda: str(message) % {name: read(value) for name, value in values.items()}


def _name(user: AbstractBaseUser | None) -> Text:
    if user is None:
        return _("Someone")
    return user.get_full_name() or user.email


def notify(
    user_ids: Iterable[int],
    *,
    collaboration: Collaboration,
    kind: str,
    title: Text,
    url: str,
    actor: AbstractBaseUser | None = None,
    body: Text = "",
    key: str = "",
) -> list[Notification]:
    """One notification for each of `user_ids` who is a member of the collaboration and did
    not act, written in their language; with a `key`, nobody is notified twice of the same
    thing."""
    members = set(
        Membership.objects.filter(collaboration=collaboration, user_id__in=set(user_ids))
        .exclude(user=actor)
        .values_list("user_id", flat=True)
    )
    chosen = {p.user_id: p for p in Preferences.objects.filter(user_id__in=members)}
    languages = languages_of(members) if members else {}
    made = []
    for user_id in sorted(members):
        preferences = chosen.get(user_id) or Preferences(user_id=user_id)
        with translation.override(languages[user_id]):
            written_title, written_body = read(title)[:300], read(body)
        notification = Notification(
            recipient_id=user_id,
            collaboration=collaboration,
            kind=kind,
            actor=actor,
            title=written_title,
            body=written_body,
            url=url,
            key=key,
            email=preferences.frequency(kind),
        )
        try:
            with transaction.atomic():
                notification.save()
        except IntegrityError:
            continue  # already reminded of this
        made.append(notification)
        if notification.email == Frequency.IMMEDIATELY:
            _mail_now(notification)
    return made


def _mail_now(notification: Notification) -> None:
    from notifications.tasks import send_email

    delivery = EmailDelivery.objects.create(
        key=f"notification:{notification.pk}",
        recipient_id=notification.recipient_id,
        frequency=Frequency.IMMEDIATELY,
    )
    delivery.notifications.add(notification)
    transaction.on_commit(lambda: send_email.enqueue(delivery.pk))


def _facilitators(collaboration: Collaboration) -> list[int]:
    return list(
        collaboration.memberships.filter(role=Role.FACILITATOR).values_list("user_id", flat=True)
    )


def review_requested(worksheet: Worksheet, actor: AbstractBaseUser) -> None:
    """A worksheet was marked ready for review: its collaboration's facilitators."""
    notify(
        _facilitators(worksheet.collaboration),
        collaboration=worksheet.collaboration,
        kind=Kind.REVIEW_REQUESTED,
        actor=actor,
        title=phrase(
            _("%(person)s marked “%(tool)s” ready for review"),
            person=_name(actor),
            tool=lambda: worksheet.tool.name,
        ),
        url=worksheet.get_absolute_url(),
    )


def editors_since_complete(worksheet: Worksheet) -> set[int]:
    """Who edited the worksheet since it was last complete, leaving out the latest revision
    (the review decision itself). For a worksheet that was complete until now (reopened), the
    round that ended with that completion."""
    revisions = list(
        WorksheetRevision.objects.filter(worksheet=worksheet)
        .order_by("version")
        .values_list("status", "user_id")
    )[:-1]
    complete = Worksheet.Status.COMPLETE
    while revisions and revisions[-1][0] == complete:
        revisions.pop()
    since = len(revisions)
    while since and revisions[since - 1][0] != complete:
        since -= 1
    return {user for _status, user in revisions[since:] if user is not None}


def reviewed(worksheet: Worksheet, before: str, actor: AbstractBaseUser, note: str = "") -> None:
    """A facilitator completed a worksheet, sent it back or reopened it: the people who
    edited it since it was last complete."""
    if worksheet.status == Worksheet.Status.COMPLETE:
        kind, message = Kind.COMPLETED, _("%(person)s marked “%(tool)s” complete")
    elif before == Worksheet.Status.COMPLETE:
        kind, message = Kind.REOPENED, _("%(person)s reopened “%(tool)s”")
    else:
        kind, message = Kind.SENT_BACK, _("%(person)s sent “%(tool)s” back")
    notify(
        editors_since_complete(worksheet),
        collaboration=worksheet.collaboration,
        kind=kind,
        actor=actor,
        title=phrase(message, person=_name(actor), tool=lambda: worksheet.tool.name),
        body=note,
        url=worksheet.get_absolute_url(),
    )


def mentioned(body: str, members: Iterable[Membership]) -> set[int]:
    """Members named after an @ in the text (`@Dana Whitfield`, `@dana@example.org`)."""
    text = body.casefold()
    found = set()
    for membership in members:
        user = membership.user
        names = {user.get_full_name().casefold(), user.email.casefold()} - {""}
        for name in names:
            if re.search(r"@" + re.escape(name) + r"(?![\w.@-])", text):
                found.add(user.pk)
    return found


def commented(comment: Comment, actor: AbstractBaseUser) -> None:
    """A new comment: the people it mentions, and the thread's earlier participants."""
    collaboration = comment.collaboration
    url = f"{Worksheet(collaboration=collaboration, tool=comment.tool).get_absolute_url()}#comments"
    members = collaboration.memberships.select_related("user")
    named = mentioned(comment.body, members)
    values = {"person": _name(actor), "tool": lambda: comment.tool.name}
    excerpt = Truncator(comment.body).chars(500)
    notify(
        named,
        collaboration=collaboration,
        kind=Kind.MENTION,
        actor=actor,
        title=phrase(_("%(person)s mentioned you on “%(tool)s”"), **values),
        body=excerpt,
        url=url,
    )
    participants = set(
        Comment.objects.filter(collaboration=collaboration, tool=comment.tool)
        .exclude(pk=comment.pk)
        .exclude(author=None)
        .values_list("author_id", flat=True)
    )
    notify(
        participants - named,
        collaboration=collaboration,
        kind=Kind.COMMENT,
        actor=actor,
        title=phrase(_("%(person)s commented on “%(tool)s”"), **values),
        body=excerpt,
        url=url,
    )


def invitation_accepted(invitation: Invitation, user: AbstractBaseUser) -> None:
    """The facilitator who invited hears that the invitation was accepted."""
    if invitation.invited_by_id is None:
        return
    collaboration = invitation.collaboration
    notify(
        [invitation.invited_by_id],
        collaboration=collaboration,
        kind=Kind.INVITATION_ACCEPTED,
        actor=user,
        title=phrase(
            _("%(person)s accepted your invitation to %(name)s"),
            person=_name(user),
            name=collaboration.name,
        ),
        url=reverse("collaborations:members", args=[collaboration.pk]),
    )


# A person is reminded of the same thing at most this often.
REMIND_AGAIN_AFTER = timedelta(days=3)


def _not_reminded_lately(user_ids: set[int], kind: str, url: str) -> set[int]:
    recent = Notification.objects.filter(
        kind=kind, url=url, created_at__gte=timezone.now() - REMIND_AGAIN_AFTER
    ).values_list("recipient_id", flat=True)
    return user_ids - set(recent)


def ask_for_sign_off(
    worksheet: Worksheet, actor: AbstractBaseUser
) -> tuple[list[Notification], list[str]]:
    """A facilitator asks the partner organizations that have not signed off (of those the
    worksheet waits for, `Partner.SIGNING`): their members, unless asked in the last three
    days. Returns the notifications made and the names of the organizations still to sign."""
    collaboration = worksheet.collaboration
    signed = SignOff.objects.filter(collaboration=collaboration, tool=worksheet.tool).values(
        "partner_id"
    )
    waiting = (
        collaboration.partners.filter(status__in=Partner.SIGNING)
        .exclude(pk__in=signed)
        .order_by("name")
    )
    members = set(
        collaboration.memberships.filter(partner__in=waiting)
        .exclude(role=Role.VIEWER)
        .values_list("user_id", flat=True)
    )
    url = f"{worksheet.get_absolute_url()}#sign-off"
    made = notify(
        _not_reminded_lately(members, Kind.SIGN_OFF_REQUESTED, url),
        collaboration=collaboration,
        kind=Kind.SIGN_OFF_REQUESTED,
        actor=actor,
        title=phrase(
            _("%(person)s asks your organization to sign off “%(tool)s”"),
            person=_name(actor),
            tool=lambda: worksheet.tool.name,
        ),
        url=url,
    )
    return made, [p.name for p in waiting]


def quarter_start(today) -> date:
    return date(today.year, 3 * ((today.month - 1) // 3) + 1, 1)


def remind_health_check(
    collaboration: Collaboration, actor: AbstractBaseUser
) -> list[Notification]:
    """Members who have not rated the collaboration this quarter, unless reminded in the last
    three days."""
    start = quarter_start(timezone.localdate())
    rated = HealthCheck.objects.filter(
        collaboration=collaboration, taken_at__date__gte=start
    ).values_list("user_id", flat=True)
    members = set(collaboration.memberships.values_list("user_id", flat=True)) - set(rated)
    url = reverse("health:check", args=[collaboration.pk]) + "#rate"
    return notify(
        _not_reminded_lately(members, Kind.HEALTH_CHECK_REMINDER, url),
        collaboration=collaboration,
        kind=Kind.HEALTH_CHECK_REMINDER,
        actor=actor,
        title=phrase(
            _("%(person)s asks you to rate %(name)s's health this quarter"),
            person=_name(actor),
            name=collaboration.name,
        ),
        url=url,
    )
