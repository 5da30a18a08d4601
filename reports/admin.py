from django.contrib import admin

from reports.models import ReportFile


@admin.register(ReportFile)
class ReportFileAdmin(admin.ModelAdmin):
    list_display = ["collaboration", "options", "status", "size", "requested_at", "last_used_at"]
    list_filter = ["status"]
    search_fields = ["collaboration__name", "options"]
    list_select_related = ["collaboration"]
    readonly_fields = [
        "collaboration",
        "options",
        "fingerprint",
        "file",
        "size",
        "error",
        "requested_by",
        "requested_at",
        "started_at",
        "finished_at",
        "last_used_at",
    ]
