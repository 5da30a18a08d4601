from django.contrib import admin

from health.models import HealthCheck, Rating


class RatingInline(admin.TabularInline):
    model = Rating
    extra = 0
    fields = ["factor", "score"]


@admin.register(HealthCheck)
class HealthCheckAdmin(admin.ModelAdmin):
    list_display = ["user", "collaboration", "sector", "taken_at"]
    list_filter = ["sector", "taken_at"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "collaboration__name"]
    list_select_related = ["user", "collaboration"]
    date_hierarchy = "taken_at"
    autocomplete_fields = ["user"]
    inlines = [RatingInline]
