"""Housekeeping for kept report PDFs; run daily (cron, or a scheduled task of the worker)."""

from __future__ import annotations

from django.conf import settings
from django.core.management.base import BaseCommand

from reports.files import clean


class Command(BaseCommand):
    help = (
        "Delete report PDFs nobody downloaded for a while, PDFs of content that has since "
        "changed, failed renders, and mark renders lost by a stopped worker as failed."
    )

    def add_arguments(self, parser) -> None:
        parser.add_argument(
            "--days",
            type=int,
            default=settings.REPORT_FILES_KEEP_DAYS,
            help="Keep a PDF this many days after its last download (default: %(default)s).",
        )

    def handle(self, *args, days: int, **options) -> None:
        counts = clean(days)
        self.stdout.write(
            f"Report files: {counts['unused']} unused for {days} days, "
            f"{counts['superseded']} superseded and {counts['failed']} failed deleted; "
            f"{counts['lost']} lost renders marked failed."
        )
