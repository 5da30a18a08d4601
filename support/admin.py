from django.contrib import admin

from support.models import Activity, Barrier, ResourceLead


@admin.register(Activity)
class ActivityAdmin(admin.ModelAdmin):
    list_display = ["date", "strategy", "mode", "collaboration", "recorded_by"]
    list_filter = ["strategy", "mode"]
    search_fields = ["collaboration__name", "description", "follow_ups"]
    list_select_related = ["collaboration", "recorded_by"]
    date_hierarchy = "date"
    readonly_fields = ["created_at", "updated_at"]


@admin.register(ResourceLead)
class ResourceLeadAdmin(admin.ModelAdmin):
    list_display = ["source", "kind", "amount", "deadline", "status", "collaboration"]
    list_filter = ["kind", "status"]
    search_fields = ["source", "notes", "collaboration__name"]
    list_select_related = ["collaboration"]
    readonly_fields = ["created_at", "updated_at"]


@admin.register(Barrier)
class BarrierAdmin(admin.ModelAdmin):
    list_display = ["what", "who_can_unblock", "status", "collaboration"]
    list_filter = ["status"]
    search_fields = ["what", "who_can_unblock", "notes", "collaboration__name"]
    list_select_related = ["collaboration"]
    readonly_fields = ["created_at", "updated_at"]
