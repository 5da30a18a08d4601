from django.urls import path

from transfer import views

app_name = "transfer"

urlpatterns = [
    path("collaborations/<int:collaboration_id>/export.json", views.export, name="export"),
]
