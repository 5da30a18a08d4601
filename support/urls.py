from django.urls import path

from support import views

app_name = "support"


urlpatterns = [path("", views.support_log, name="log")]
# Each kind of entry gets the same three pages, e.g. support:lead-new, support:lead-edit.
for segment, kind in [("activities", "activity"), ("leads", "lead"), ("barriers", "barrier")]:
    urlpatterns += [
        path(f"{segment}/new/", views.entry_form, {"kind": kind}, name=f"{kind}-new"),
        path(
            f"{segment}/<int:entry_id>/edit/",
            views.entry_form,
            {"kind": kind},
            name=f"{kind}-edit",
        ),
        path(
            f"{segment}/<int:entry_id>/delete/",
            views.entry_delete,
            {"kind": kind},
            name=f"{kind}-delete",
        ),
    ]
