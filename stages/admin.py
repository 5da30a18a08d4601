from django.contrib import admin
from modeltranslation.admin import TranslationAdmin, TranslationTabularInline

from stages.models import (
    Comment,
    Measurement,
    MeasurementChange,
    SignOff,
    Stage,
    Tool,
    Worksheet,
    WorksheetRevision,
)


class ToolInline(TranslationTabularInline):
    model = Tool
    extra = 0
    fields = ["number", "slug", "name"]
    show_change_link = True


@admin.register(Stage)
class StageAdmin(TranslationAdmin):
    list_display = ["number", "name", "slug", "question"]
    search_fields = ["name", "question", "summary"]
    inlines = [ToolInline]


@admin.register(Tool)
class ToolAdmin(TranslationAdmin):
    list_display = ["number", "name", "slug", "stage"]
    list_filter = ["stage"]
    search_fields = ["name", "slug", "definition", "why_it_matters"]
    list_select_related = ["stage"]


@admin.register(Worksheet)
class WorksheetAdmin(admin.ModelAdmin):
    list_display = ["tool", "collaboration", "status", "version", "updated_by", "updated_at"]
    list_filter = ["status", "tool__stage", "tool"]
    search_fields = ["collaboration__name", "tool__name"]
    list_select_related = ["tool", "collaboration", "updated_by"]
    readonly_fields = ["version", "updated_at"]


@admin.register(WorksheetRevision)
class WorksheetRevisionAdmin(admin.ModelAdmin):
    list_display = ["worksheet", "version", "status", "user", "created_at"]
    list_filter = ["status"]
    search_fields = ["worksheet__collaboration__name", "worksheet__tool__name", "note"]
    list_select_related = ["worksheet__tool", "worksheet__collaboration", "user"]


@admin.register(SignOff)
class SignOffAdmin(admin.ModelAdmin):
    list_display = [
        "partner",
        "tool",
        "collaboration",
        "position",
        "user",
        "on_behalf",
        "updated_at",
    ]
    list_filter = ["position", "tool"]
    search_fields = ["partner__name", "collaboration__name", "note"]
    list_select_related = ["partner", "tool", "collaboration", "user"]


@admin.register(Comment)
class CommentAdmin(admin.ModelAdmin):
    list_display = ["__str__", "tool", "collaboration", "author", "created_at", "resolved_at"]
    list_filter = ["tool"]
    search_fields = ["body", "collaboration__name"]
    list_select_related = ["tool", "collaboration", "author"]


@admin.register(Measurement)
class MeasurementAdmin(admin.ModelAdmin):
    list_display = ["row_id", "tool", "collaboration", "date", "value", "user"]
    list_filter = ["tool"]
    search_fields = ["collaboration__name", "note", "row_id"]
    list_select_related = ["tool", "collaboration", "user"]


@admin.register(MeasurementChange)
class MeasurementChangeAdmin(admin.ModelAdmin):
    """An indicator's history is a record: it can be read here, not rewritten."""

    list_display = [
        "row_id",
        "action",
        "tool",
        "collaboration",
        "date",
        "value",
        "user",
        "created_at",
    ]
    list_filter = ["action", "tool"]
    search_fields = ["collaboration__name", "note", "row_id"]
    list_select_related = ["tool", "collaboration", "user"]

    def has_add_permission(self, request) -> bool:
        return False

    def has_change_permission(self, request, obj=None) -> bool:
        return False
