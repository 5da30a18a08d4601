from django.contrib import admin

from stages.models import Stage, Tool, Worksheet


class ToolInline(admin.TabularInline):
    model = Tool
    extra = 0
    fields = ["number", "slug", "name"]
    show_change_link = True


@admin.register(Stage)
class StageAdmin(admin.ModelAdmin):
    list_display = ["number", "name", "slug", "question"]
    search_fields = ["name", "question", "summary"]
    inlines = [ToolInline]


@admin.register(Tool)
class ToolAdmin(admin.ModelAdmin):
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
