"""Loading the toolkit's stages and tools from fixtures/toolkit.json, and their translations
from fixtures/toolkit.<language>.json (keyed by model, slug and field).

Used by the data migrations (with historical models) and by tests that need the content back
after a database flush. Idempotent: rows are matched by slug and brought up to date. The
English is the source and stays exactly as the fixture has it, in the field itself and in
its `<field>_en` column; each translation goes into its `<field>_<language>` column, where the
model has one (stages/translation.py lists the translated fields).
"""

from __future__ import annotations

import json
from pathlib import Path

from django.conf import settings
from django.utils import translation

FIXTURES = Path(settings.BASE_DIR) / "fixtures"
TOOLKIT_FIXTURE = FIXTURES / "toolkit.json"
TRANSLATED_LANGUAGES = ("es",)


def toolkit_entries() -> list[dict]:
    return json.loads(TOOLKIT_FIXTURE.read_text(encoding="utf-8"))


def toolkit_translations(language: str) -> dict[str, dict[str, dict[str, str]]]:
    """{model label: {slug: {field: text}}} for one language."""
    path = FIXTURES / f"toolkit.{language}.json"
    return json.loads(path.read_text(encoding="utf-8"))


def _with_translations(model, label: str, slug: str, fields: dict, translations: dict) -> dict:
    """The fixture's fields plus every `<field>_<language>` column the model has."""
    columns = {f.name for f in model._meta.get_fields()}
    values = dict(fields)
    for name, english in fields.items():
        if f"{name}_en" in columns:
            values[f"{name}_en"] = english
        for language, texts in translations.items():
            if f"{name}_{language}" in columns:
                values[f"{name}_{language}"] = texts[label][slug].get(name, "")
    return values


def load_toolkit(stage_model, tool_model) -> None:
    entries = toolkit_entries()
    translations = {language: toolkit_translations(language) for language in TRANSLATED_LANGUAGES}
    stages = {}
    # Assigning a translated field through the model writes the active language's column:
    # load in English so the source text lands in the English columns.
    with translation.override(settings.LANGUAGE_CODE):
        for entry in entries:
            if entry["model"] == "stages.stage":
                fields = dict(entry["fields"])
                slug = fields.pop("slug")
                values = _with_translations(stage_model, entry["model"], slug, fields, translations)
                stages[slug], _ = stage_model.objects.update_or_create(slug=slug, defaults=values)
        for entry in entries:
            if entry["model"] == "stages.tool":
                fields = dict(entry["fields"])
                slug = fields.pop("slug")
                values = _with_translations(tool_model, entry["model"], slug, fields, translations)
                values["stage"] = stages[fields["stage"]]
                tool_model.objects.update_or_create(slug=slug, defaults=values)
