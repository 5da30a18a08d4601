from django.urls import path

from stages import views

app_name = "stages"

urlpatterns = [
    path(
        "tools/<slug:tool_slug>/",
        views.worksheet,
        name="worksheet",
    ),
    path(
        "tools/<slug:tool_slug>/presence/",
        views.worksheet_presence,
        name="worksheet-presence",
    ),
    path(
        "tools/<slug:tool_slug>/review/",
        views.worksheet_review,
        name="worksheet-review",
    ),
    path(
        "tools/<slug:tool_slug>/history/<int:version>/restore/",
        views.worksheet_restore,
        name="worksheet-restore",
    ),
    path(
        "tools/<slug:tool_slug>/sign-off/",
        views.worksheet_sign_off,
        name="worksheet-sign-off",
    ),
    path(
        "tools/<slug:tool_slug>/ask-sign-off/",
        views.worksheet_ask_sign_off,
        name="worksheet-ask-sign-off",
    ),
    path(
        "tools/<slug:tool_slug>/comments/",
        views.worksheet_comment,
        name="worksheet-comment",
    ),
    path(
        "tools/<slug:tool_slug>/comments/<int:comment_id>/resolve/",
        views.worksheet_comment_resolve,
        name="worksheet-comment-resolve",
    ),
    path(
        "tools/<slug:tool_slug>/tables/<slug:table>/rows/<slug:row_id>/to-partner/",
        views.worksheet_row_to_partner,
        name="worksheet-row-to-partner",
    ),
    path(
        "tools/<slug:tool_slug>/tables/<slug:table>/rows/<slug:row_id>/",
        views.indicator,
        name="indicator",
    ),
    path(
        "tools/<slug:tool_slug>/tables/<slug:table>/rows/<slug:row_id>/measurements/<int:measurement_id>/",
        views.measurement_edit,
        name="measurement-edit",
    ),
    path(
        "tools/<slug:tool_slug>/tables/<slug:table>/rows/<slug:row_id>/measurements/<int:measurement_id>/remove/",
        views.measurement_remove,
        name="measurement-remove",
    ),
]
