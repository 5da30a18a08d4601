from django.urls import path

from stages import views

app_name = "stages"

urlpatterns = [
    path("", views.home, name="home"),
    path("collaborations/", views.collaboration_list, name="collaboration-list"),
    path("portfolio/", views.portfolio, name="portfolio"),
    path("portfolio/export.csv", views.portfolio_csv, name="portfolio-csv"),
    path("collaborations/<int:collaboration_id>/", views.dashboard, name="dashboard"),
    path(
        "collaborations/<int:collaboration_id>/stages/<slug:stage_slug>/",
        views.stage_detail,
        name="stage",
    ),
    path(
        "collaborations/<int:collaboration_id>/tools/<slug:tool_slug>/",
        views.worksheet,
        name="worksheet",
    ),
    path(
        "collaborations/<int:collaboration_id>/tools/<slug:tool_slug>/review/",
        views.worksheet_review,
        name="worksheet-review",
    ),
    path(
        "collaborations/<int:collaboration_id>/tools/<slug:tool_slug>/history/<int:version>/restore/",
        views.worksheet_restore,
        name="worksheet-restore",
    ),
    path(
        "collaborations/<int:collaboration_id>/tools/<slug:tool_slug>/sign-off/",
        views.worksheet_sign_off,
        name="worksheet-sign-off",
    ),
    path(
        "collaborations/<int:collaboration_id>/tools/<slug:tool_slug>/comments/",
        views.worksheet_comment,
        name="worksheet-comment",
    ),
    path(
        "collaborations/<int:collaboration_id>/tools/<slug:tool_slug>/comments/<int:comment_id>/resolve/",
        views.worksheet_comment_resolve,
        name="worksheet-comment-resolve",
    ),
    path(
        "collaborations/<int:collaboration_id>/tools/<slug:tool_slug>/tables/<slug:table>/rows/<slug:row_id>/to-partner/",
        views.worksheet_row_to_partner,
        name="worksheet-row-to-partner",
    ),
    path(
        "collaborations/<int:collaboration_id>/tools/<slug:tool_slug>/tables/<slug:table>/rows/<slug:row_id>/",
        views.indicator,
        name="indicator",
    ),
    path(
        "collaborations/<int:collaboration_id>/tools/<slug:tool_slug>/tables/<slug:table>/rows/<slug:row_id>/measurements/<int:measurement_id>/",
        views.measurement_edit,
        name="measurement-edit",
    ),
    path(
        "collaborations/<int:collaboration_id>/tools/<slug:tool_slug>/tables/<slug:table>/rows/<slug:row_id>/measurements/<int:measurement_id>/remove/",
        views.measurement_remove,
        name="measurement-remove",
    ),
]
