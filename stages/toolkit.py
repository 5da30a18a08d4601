"""Loading the toolkit's stages and tools from fixtures/toolkit.json.

Used by the data migration (with historical models) and by tests that need the content back
after a database flush. Idempotent: rows are matched by slug and brought up to date.
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings

TOOLKIT_FIXTURE = Path(settings.BASE_DIR) / "fixtures" / "toolkit.json"


def toolkit_entries() -> list[dict]:
    return json.loads(TOOLKIT_FIXTURE.read_text(encoding="utf-8"))


def load_toolkit(stage_model, tool_model) -> None:
    entries = toolkit_entries()
    stages = {}
    for entry in entries:
        if entry["model"] == "stages.stage":
            fields = dict(entry["fields"])
            slug = fields.pop("slug")
            stages[slug], _ = stage_model.objects.update_or_create(slug=slug, defaults=fields)
    for entry in entries:
        if entry["model"] == "stages.tool":
            fields = dict(entry["fields"])
            slug = fields.pop("slug")
            fields["stage"] = stages[fields["stage"]]
            tool_model.objects.update_or_create(slug=slug, defaults=fields)
