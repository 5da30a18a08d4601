from django.contrib import admin

from collaborations.models import Collaboration, Invitation, Membership, Partner, Profile


class PartnerInline(admin.TabularInline):
    model = Partner
    extra = 0
    fields = ["name", "sector", "status", "contact_name", "contact_email"]


class MembershipInline(admin.TabularInline):
    model = Membership
    extra = 0
    autocomplete_fields = ["user"]
    fields = ["user", "role", "partner"]


@admin.register(Collaboration)
class CollaborationAdmin(admin.ModelAdmin):
    list_display = ["name", "community", "issue", "start_date", "archived_at", "created_at"]
    list_filter = ["archived_at", "start_date"]
    search_fields = ["name", "community", "issue", "description"]
    date_hierarchy = "created_at"
    inlines = [PartnerInline, MembershipInline]


@admin.register(Partner)
class PartnerAdmin(admin.ModelAdmin):
    list_display = ["name", "collaboration", "sector", "status", "contact_name", "contact_email"]
    list_filter = ["sector", "status"]
    search_fields = ["name", "contact_name", "contact_email", "collaboration__name"]
    list_select_related = ["collaboration"]


@admin.register(Membership)
class MembershipAdmin(admin.ModelAdmin):
    list_display = ["user", "collaboration", "role", "partner", "created_at"]
    list_filter = ["role"]
    search_fields = ["user__email", "user__first_name", "user__last_name", "collaboration__name"]
    list_select_related = ["user", "collaboration", "partner"]
    autocomplete_fields = ["user"]


@admin.register(Invitation)
class InvitationAdmin(admin.ModelAdmin):
    list_display = [
        "email",
        "collaboration",
        "role",
        "invited_by",
        "created_at",
        "expires_at",
        "accepted_at",
    ]
    list_filter = ["role", "accepted_at"]
    search_fields = ["email", "collaboration__name"]
    list_select_related = ["collaboration", "invited_by"]
    readonly_fields = ["token", "created_at"]


@admin.register(Profile)
class ProfileAdmin(admin.ModelAdmin):
    list_display = ["user", "language"]
    list_filter = ["language"]
    search_fields = ["user__email", "user__first_name", "user__last_name"]
    list_select_related = ["user"]
    autocomplete_fields = ["user"]
