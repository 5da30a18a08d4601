"""Sending notification mail on the task worker, with retries and backoff.

Each mail is an `EmailDelivery` with a unique key; the task claims it (pending → sending)
before it sends, so a task run twice sends once. A mail server that is down puts the delivery
back to pending and the task tries again later (1, 2, 4, 8, 16 minutes); after that it is
marked failed and `send_reminders` queues it again, so mail is delayed, never lost.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.db.models import Exists, F, OuterRef
from django.tasks import task
from django.utils import timezone

from collaborations.models import Membership
from notifications import mail
from notifications.models import EmailDelivery

logger = logging.getLogger(__name__)

ATTEMPTS = 5


def backoff(attempt: int) -> timedelta:
    return timedelta(minutes=2 ** (attempt - 1))


@task()
def send_email(delivery_id: int) -> str:
    claimed = EmailDelivery.objects.filter(
        pk=delivery_id, status=EmailDelivery.Status.PENDING
    ).update(status=EmailDelivery.Status.SENDING, attempts=F("attempts") + 1)
    if not claimed:
        return "not pending"
    delivery = EmailDelivery.objects.select_related("recipient").get(pk=delivery_id)
    # Only what the recipient may still see: someone who left a collaboration hears nothing
    # more of it.
    member = Membership.objects.filter(
        collaboration=OuterRef("collaboration"), user=delivery.recipient
    )
    notifications = list(
        delivery.notifications.filter(Exists(member))
        .select_related("collaboration", "actor")
        .order_by("created_at", "pk")
    )
    if not notifications or not delivery.recipient.is_active:
        EmailDelivery.objects.filter(pk=delivery_id).update(status=EmailDelivery.Status.SKIPPED)
        return "skipped"
    try:
        mail.build(delivery, notifications).send()
    except Exception as error:
        logger.warning("Mail %s not sent (attempt %d): %s", delivery.key, delivery.attempts, error)
        retry = delivery.attempts < ATTEMPTS
        EmailDelivery.objects.filter(pk=delivery_id).update(
            status=EmailDelivery.Status.PENDING if retry else EmailDelivery.Status.FAILED,
            error=f"{type(error).__name__}: {error}"[:2000],
        )
        if retry:
            later = send_email
            if send_email.get_backend().supports_defer:
                later = send_email.using(run_after=timezone.now() + backoff(delivery.attempts))
            later.enqueue(delivery_id)
        return "retry" if retry else "failed"
    now = timezone.now()
    EmailDelivery.objects.filter(pk=delivery_id).update(
        status=EmailDelivery.Status.SENT, sent_at=now, error=""
    )
    delivery.notifications.filter(emailed_at=None).update(emailed_at=now)
    return "sent"


# How often the worker makes deadline reminders and digests (see `schedule_next`).
ROUND = timedelta(minutes=15)


@task()
def reminders_round() -> dict:
    """Deadline reminders, digests and failed mail, then the next round in `ROUND`."""
    from notifications import reminders

    counts = reminders.run()
    schedule_next()
    return counts


def schedule_next(delay: timedelta = ROUND) -> bool:
    """Queue the next round of reminders on the database worker, unless one already waits.
    A backend that cannot run tasks later (tests, immediate mode) has no schedule: use cron."""
    if not reminders_round.get_backend().supports_defer:
        return False
    from django.tasks import TaskResultStatus
    from django_tasks_db.models import DBTaskResult

    waiting = DBTaskResult.objects.filter(
        task_path=reminders_round.module_path, status=TaskResultStatus.READY
    )
    if waiting.exists():
        return False
    reminders_round.using(run_after=timezone.now() + delay).enqueue()
    return True
