from django.contrib import admin

from notifications.models import EmailDelivery, Notification, Preferences


@admin.register(Notification)
class NotificationAdmin(admin.ModelAdmin):
    list_display = ["title", "recipient", "collaboration", "kind", "created_at", "read_at"]
    list_filter = ["kind"]
    search_fields = ["title", "recipient__email", "collaboration__name"]
    list_select_related = ["recipient", "collaboration"]
    raw_id_fields = ["recipient", "actor", "collaboration"]


@admin.register(EmailDelivery)
class EmailDeliveryAdmin(admin.ModelAdmin):
    list_display = ["key", "recipient", "status", "attempts", "created_at", "sent_at"]
    list_filter = ["status", "frequency"]
    search_fields = ["key", "recipient__email"]
    list_select_related = ["recipient"]
    raw_id_fields = ["recipient", "notifications"]


@admin.register(Preferences)
class PreferencesAdmin(admin.ModelAdmin):
    list_display = ["user", "review", "workflow", "comments", "mentions", "deadlines", "members"]
    search_fields = ["user__email"]
    raw_id_fields = ["user"]
