"""The toolkit's text in each language: the English is the source (fixtures/toolkit.json), the
translations sit beside it (fixtures/toolkit.<language>.json).

django-modeltranslation gives each field below a column per language (`name_en`, `name_es`)
and makes `stage.name`, `tool.definition`… answer in the active language, falling back to the
English, so every page, mail and report shows them through the same attribute."""

from __future__ import annotations

from modeltranslation.translator import TranslationOptions, register

from stages.models import Stage, Tool


@register(Stage)
class StageTranslation(TranslationOptions):
    fields = ("name", "question", "summary")


@register(Tool)
class ToolTranslation(TranslationOptions):
    fields = ("name", "definition", "why_it_matters")
