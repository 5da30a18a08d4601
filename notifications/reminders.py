"""Deadline reminders and digests, made by `manage.py send_reminders` (cron or the worker's
schedule). Running it twice, or every few minutes, sends nothing twice: every reminder carries
a key (the promise and its due date) and every digest one (the person and the day or week).
"""

from __future__ import annotations

import datetime
from collections import defaultdict

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from collaborations.models import Collaboration, Role
from notifications.events import notify, phrase
from notifications.models import (
    DIGEST_HOUR,
    EmailDelivery,
    Frequency,
    Kind,
    Notification,
    Preferences,
)
from stages.models import Worksheet
from stages.worksheets.declarations import DEFINITIONS

SOON_DAYS = 7
# Mail that failed every retry is queued again after this long.
RETRY_FAILED_AFTER = datetime.timedelta(hours=1)


def deadline_reminders(today: datetime.date) -> int:
    """Remind of commitments and milestones due within a week, and of those that became late:
    the members who represent the responsible partner, and the facilitators. Returns how many
    notifications were made."""
    made = 0
    sheets = (
        Worksheet.objects.filter(
            collaboration__archived_at=None,
            tool__slug__in=[
                slug for slug, d in DEFINITIONS.items() if any(t.deadlines for t in d.tables)
            ],
        )
        .select_related("collaboration", "tool")
        .order_by("collaboration_id", "tool__number")
    )
    members: dict[int, tuple[list[int], dict[str, list[int]]]] = {}
    for sheet in sheets:
        collaboration = sheet.collaboration
        if collaboration.pk not in members:
            members[collaboration.pk] = _members(collaboration)
        facilitators, by_partner = members[collaboration.pk]
        for table in DEFINITIONS[sheet.tool.slug].tables:
            rule = table.deadlines
            if rule is None:
                continue
            for row in sheet.answers.get(table.name) or []:
                status = row.get(rule.status) or ""
                due = parse_date(row.get(rule.due) or "")
                if status in rule.closed or (due is None and status not in rule.late):
                    continue
                late = status in rule.late or (due is not None and due < today)
                if not late and due > today + datetime.timedelta(days=SOON_DAYS):
                    continue
                what = row.get(rule.what) or _("(untitled)")
                partner = str(row.get(rule.partner) or "") if rule.partner else ""
                recipients = set(facilitators) | set(by_partner.get(partner, []))
                key = f"{'late' if late else 'soon'}:{sheet.pk}:{table.name}:{row.get('id')}:{due}"
                message = (
                    _("Late: “%(what)s” was due %(due)s")
                    if late
                    else _("Due soon: “%(what)s” on %(due)s")
                )
                title = phrase(message, what=what, due=_due_date(due))
                made += len(
                    notify(
                        recipients,
                        collaboration=collaboration,
                        kind=Kind.LATE if late else Kind.DUE_SOON,
                        title=title,
                        body=_tool_name(sheet),
                        url=sheet.get_absolute_url(),
                        key=key,
                    )
                )
    return made


def _due_date(due: datetime.date | None):
    """The due date, written in the reader's language when the reminder is made for them."""
    return (lambda: date_format(due, "DATE_FORMAT")) if due else ""


def _tool_name(sheet: Worksheet):
    return lambda: sheet.tool.name


def _members(collaboration: Collaboration) -> tuple[list[int], dict[str, list[int]]]:
    facilitators: list[int] = []
    by_partner: dict[str, list[int]] = defaultdict(list)
    for user_id, role, partner_id in collaboration.memberships.values_list(
        "user_id", "role", "partner_id"
    ):
        if role == Role.FACILITATOR:
            facilitators.append(user_id)
        if partner_id is not None:
            by_partner[str(partner_id)].append(user_id)
    return facilitators, by_partner


def digests(now: datetime.datetime) -> int:
    """Queue each person's daily digest once their local morning has come (weekly ones on
    Mondays) with what came before that morning and they have not yet read nor been mailed,
    unless they have since stopped that mail. Returns how many."""
    from notifications.tasks import send_email

    pending = list(
        Notification.objects.filter(
            emailed_at=None, read_at=None, email__in=[Frequency.DAILY, Frequency.WEEKLY]
        ).values_list("pk", "recipient_id", "email", "kind", "created_at")
    )
    chosen = {
        p.user_id: p
        for p in Preferences.objects.filter(user_id__in={user_id for _, user_id, *_ in pending})
    }
    waiting: dict[int, dict[str, list[tuple[int, datetime.datetime]]]] = defaultdict(
        lambda: defaultdict(list)
    )
    for pk, user_id, frequency, kind, created_at in pending:
        # The person's choice now: someone who stopped this mail since gets none of it.
        now_chosen = chosen[user_id].frequency(kind) if user_id in chosen else frequency
        if now_chosen == Frequency.NEVER:
            continue
        waiting[user_id][frequency].append((pk, created_at))
    zones = {user_id: p.zone for user_id, p in chosen.items()}
    queued = 0
    for user_id, by_frequency in waiting.items():
        local = now.astimezone(zones.get(user_id) or Preferences().zone)
        if local.hour < DIGEST_HOUR:
            continue
        # A digest holds what came before this morning's 8:00; what comes later waits for
        # the next one, so no second digest goes out later in the day.
        morning = datetime.datetime.combine(
            local.date(), datetime.time(DIGEST_HOUR), tzinfo=local.tzinfo
        )
        for frequency, waiting_since in by_frequency.items():
            ids = [pk for pk, created_at in waiting_since if created_at < morning]
            if not ids:
                continue
            if frequency == Frequency.DAILY:
                key = f"digest:daily:{user_id}:{local.date().isoformat()}"
            elif local.weekday() == 0:
                year, week, _day = local.isocalendar()
                key = f"digest:weekly:{user_id}:{year}-W{week:02d}"
            else:
                continue
            try:
                with transaction.atomic():
                    delivery = EmailDelivery.objects.create(
                        key=key, recipient_id=user_id, frequency=frequency
                    )
                    delivery.notifications.set(ids)
            except IntegrityError:
                continue  # already made today (this week)
            transaction.on_commit(lambda pk=delivery.pk: send_email.enqueue(pk))
            queued += 1
    return queued


def retry_failed(now: datetime.datetime) -> int:
    """Queue again mail that failed every retry (a mail server down for a while)."""
    from notifications.tasks import send_email

    failed = list(
        EmailDelivery.objects.filter(
            status=EmailDelivery.Status.FAILED, created_at__lt=now - RETRY_FAILED_AFTER
        ).values_list("pk", flat=True)
    )
    EmailDelivery.objects.filter(pk__in=failed).update(
        status=EmailDelivery.Status.PENDING, attempts=0
    )
    for pk in failed:
        send_email.enqueue(pk)
    return len(failed)


def run(now: datetime.datetime | None = None) -> dict[str, int]:
    now = now or timezone.now()
    return {
        "reminders": deadline_reminders(timezone.localdate(now)),
        "digests": digests(now),
        "retried": retry_failed(now),
    }
