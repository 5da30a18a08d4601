"""The site's URLs. Pages of the site as a whole are named here without a namespace
(`home`, `collaboration-list`, `portfolio`, `collaboration` for a collaboration's dashboard);
every page inside one collaboration sits in the one `collaborations/<id>/` include below, under
its app's namespace (`stages:worksheet`, `support:log`), so access checks and the role-matrix
test find them all in one place."""

from django.contrib import admin
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from collaborations import views as collaboration_views
from dashboards import views as dashboard_views
from toolkit_site import probes

handler500 = "toolkit_site.errors.server_error"

admin.site.site_header = _("Intersector administration")
admin.site.site_title = _("Intersector admin")

collaboration_pages = [
    path("", dashboard_views.dashboard, name="collaboration"),
    path("", include("collaborations.urls")),
    path("", include("dashboards.urls")),
    path("", include("stages.urls")),
    path("support/", include("support.urls")),
    path("", include("health.urls")),
    path("", include("reports.urls")),
    path("", include("transfer.urls")),
]

urlpatterns = [
    path("healthz", probes.healthz, name="healthz"),
    path("readyz", probes.readyz, name="readyz"),
    path("", dashboard_views.home, name="home"),
    path("collaborations/", dashboard_views.collaboration_list, name="collaboration-list"),
    path(
        "collaborations/new/",
        collaboration_views.collaboration_create,
        name="collaboration-new",
    ),
    path("collaborations/<int:collaboration_id>/", include(collaboration_pages)),
    path(
        "invitations/<str:token>/",
        collaboration_views.invitation_accept,
        name="invitation-accept",
    ),
    path("language/", collaboration_views.language_choose, name="language"),
    path("portfolio/", dashboard_views.portfolio, name="portfolio"),
    path("portfolio/export.csv", dashboard_views.portfolio_csv, name="portfolio-csv"),
    path("", include("notifications.urls")),
    path("admin/", admin.site.urls),
    path("accounts/", include("allauth.urls")),
]
