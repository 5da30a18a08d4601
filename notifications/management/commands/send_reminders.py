"""Deadline reminders, digests and mail to try again; safe to run as often as you like."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from notifications.reminders import run


class Command(BaseCommand):
    help = (
        "Remind members of commitments and milestones due within 7 days or late, queue the "
        "daily and weekly digests whose time has come, and retry mail that failed. Idempotent: "
        "run it every 15 minutes from cron or a systemd timer."
    )

    def handle(self, *args, **options) -> None:
        counts = run()
        self.stdout.write(
            f"{counts['reminders']} reminders, {counts['digests']} digests queued, "
            f"{counts['retried']} failed mails queued again."
        )
