"""`manage.py export_collaboration ID --output FILE.json`: one collaboration, everything in it."""

from __future__ import annotations

import json
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError, CommandParser

from collaborations.models import Collaboration
from transfer.exchange import export_collaboration


class Command(BaseCommand):
    help = (
        "Write one collaboration, with everything in it, to a JSON file for import_collaboration."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("collaboration_id", type=int)
        parser.add_argument("--output", "-o", required=True, help="File to write ('-': stdout).")

    def handle(self, *args, collaboration_id: int, output: str, **options) -> None:
        collaboration = Collaboration.objects.filter(pk=collaboration_id).first()
        if collaboration is None:
            raise CommandError(f"There is no collaboration {collaboration_id}.")
        text = json.dumps(export_collaboration(collaboration), indent=2, ensure_ascii=False)
        if output == "-":
            self.stdout.write(text)
            return
        Path(output).write_text(text + "\n", encoding="utf-8")
        self.stderr.write(f"Exported “{collaboration.name}” to {output}.")
