from django.urls import path

from support import views

app_name = "support"

BASE = "collaborations/<int:collaboration_id>/support/"

urlpatterns = [path(BASE, views.support_log, name="log")]
# Each kind of entry gets the same three pages, e.g. support:lead-new, support:lead-edit.
for segment, kind in [("activities", "activity"), ("leads", "lead"), ("barriers", "barrier")]:
    urlpatterns += [
        path(f"{BASE}{segment}/new/", views.entry_form, {"kind": kind}, name=f"{kind}-new"),
        path(
            f"{BASE}{segment}/<int:entry_id>/edit/",
            views.entry_form,
            {"kind": kind},
            name=f"{kind}-edit",
        ),
        path(
            f"{BASE}{segment}/<int:entry_id>/delete/",
            views.entry_delete,
            {"kind": kind},
            name=f"{kind}-delete",
        ),
    ]
