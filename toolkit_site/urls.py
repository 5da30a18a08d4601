from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

admin.site.site_header = _("Intersector administration")
admin.site.site_title = _("Intersector admin")

urlpatterns = [
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
    path("", include("collaborations.urls")),
    path("", include("stages.urls")),
    path("", include("support.urls")),
    path("", include("health.urls")),
    path("", include("reports.urls")),
    path("", include("notifications.urls")),
]
