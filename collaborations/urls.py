from django.urls import path

from collaborations import views

app_name = "collaborations"

urlpatterns = [
    path("edit/", views.collaboration_edit, name="edit"),
    path(
        "archive/",
        views.collaboration_archive,
        name="archive",
    ),
    path("partners/", views.partner_list, name="partners"),
    path(
        "partners/new/",
        views.partner_form,
        name="partner-new",
    ),
    path(
        "partners/<int:partner_id>/edit/",
        views.partner_form,
        name="partner-edit",
    ),
    path(
        "partners/<int:partner_id>/delete/",
        views.partner_delete,
        name="partner-delete",
    ),
    path("members/", views.member_list, name="members"),
    path(
        "members/<int:member_id>/",
        views.member_update,
        name="member-update",
    ),
    path(
        "members/<int:member_id>/remove/",
        views.member_remove,
        name="member-remove",
    ),
    path(
        "invitations/",
        views.invitation_create,
        name="invitation-new",
    ),
    path(
        "invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
]
