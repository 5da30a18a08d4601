"""`manage.py import_collaboration FILE.json`: a collaboration from an export, created anew."""

from __future__ import annotations

import json
from pathlib import Path

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser

from transfer.exchange import TransferError, import_collaboration


class Command(BaseCommand):
    help = (
        "Create a collaboration from a file written by export_collaboration, beside whatever "
        "is here: new ids, nothing existing changed, people matched by email address."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file")
        parser.add_argument(
            "--facilitator",
            metavar="EMAIL",
            help="Also make this person (an account here) a facilitator of the imported one.",
        )

    def handle(self, *args, file: str, facilitator: str | None, **options) -> None:
        try:
            data = json.loads(Path(file).read_text(encoding="utf-8"))
        except OSError as problem:
            raise CommandError(f"Cannot read {file}: {problem.strerror}.") from None
        except (json.JSONDecodeError, UnicodeDecodeError):
            raise CommandError(f"{file} is not a JSON file.") from None
        user = None
        if facilitator:
            user = get_user_model().objects.filter(email__iexact=facilitator).first()
            if user is None:
                raise CommandError(f"There is no account with the address {facilitator}.")
        try:
            result = import_collaboration(data, facilitator=user)
        except TransferError as problem:
            raise CommandError(str(problem)) from None
        collaboration = result.collaboration
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported “{collaboration.name}” as collaboration {collaboration.pk}."
            )
        )
        if result.unknown_people:
            self.stdout.write("People in the file without an account here:")
            for email, what in sorted(result.unknown_people.items()):
                self.stdout.write(f"  {email}: {what}")
        if result.skipped_health_checks:
            self.stdout.write(
                f"{result.skipped_health_checks} health checks by people without an account "
                "here were left out."
            )
        if not collaboration.memberships.filter(role="facilitator").exists():
            self.stdout.write(
                self.style.WARNING(
                    "Nobody here facilitates it yet: run again with --facilitator EMAIL, or "
                    "add a facilitator in the admin."
                )
            )
