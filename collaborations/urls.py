from django.urls import path

from collaborations import views

app_name = "collaborations"

urlpatterns = [
    path("collaborations/new/", views.collaboration_create, name="new"),
    path("collaborations/<int:collaboration_id>/edit/", views.collaboration_edit, name="edit"),
    path(
        "collaborations/<int:collaboration_id>/archive/",
        views.collaboration_archive,
        name="archive",
    ),
    path("collaborations/<int:collaboration_id>/partners/", views.partner_list, name="partners"),
    path(
        "collaborations/<int:collaboration_id>/partners/new/",
        views.partner_form,
        name="partner-new",
    ),
    path(
        "collaborations/<int:collaboration_id>/partners/<int:partner_id>/edit/",
        views.partner_form,
        name="partner-edit",
    ),
    path(
        "collaborations/<int:collaboration_id>/partners/<int:partner_id>/delete/",
        views.partner_delete,
        name="partner-delete",
    ),
    path("collaborations/<int:collaboration_id>/members/", views.member_list, name="members"),
    path(
        "collaborations/<int:collaboration_id>/members/<int:member_id>/",
        views.member_update,
        name="member-update",
    ),
    path(
        "collaborations/<int:collaboration_id>/members/<int:member_id>/remove/",
        views.member_remove,
        name="member-remove",
    ),
    path(
        "collaborations/<int:collaboration_id>/invitations/",
        views.invitation_create,
        name="invitation-new",
    ),
    path(
        "collaborations/<int:collaboration_id>/invitations/<int:invitation_id>/revoke/",
        views.invitation_revoke,
        name="invitation-revoke",
    ),
    path("invitations/<str:token>/", views.invitation_accept, name="invitation-accept"),
]
