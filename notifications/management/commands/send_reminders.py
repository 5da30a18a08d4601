"""Deadline reminders, digests and mail to try again; safe to run as often as you like."""

from __future__ import annotations

from django.core.management.base import BaseCommand

from notifications.reminders import run
from notifications.tasks import ROUND, schedule_next


class Command(BaseCommand):
    help = (
        "Remind members of commitments and milestones due within 7 days or late, queue the "
        "daily and weekly digests whose time has come, and retry mail that failed. Idempotent: "
        "run it from cron every 15 minutes, or once with --schedule and the task worker runs "
        "it every 15 minutes from then on."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--schedule",
            action="store_true",
            help="Also make sure the task worker runs it again every 15 minutes.",
        )

    def handle(self, *args, schedule: bool, **options) -> None:
        counts = run()
        self.stdout.write(
            f"{counts['reminders']} reminders, {counts['digests']} digests queued, "
            f"{counts['retried']} failed mails queued again."
        )
        if schedule:
            if schedule_next():
                minutes = int(ROUND.total_seconds() // 60)
                self.stdout.write(f"The task worker runs it again every {minutes} minutes.")
            else:
                self.stdout.write("The next round was already queued (or tasks run at once).")
