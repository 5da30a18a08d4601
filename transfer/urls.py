from django.urls import path

from transfer import views

app_name = "transfer"

# Inside `collaborations/<id>/` (see toolkit_site/urls.py).
urlpatterns = [
    path("export.json", views.export, name="export"),
]
