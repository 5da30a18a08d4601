from django.urls import path

from health import views

app_name = "health"

urlpatterns = [
    path("collaborations/<int:collaboration_id>/health/", views.check, name="check"),
    path("collaborations/<int:collaboration_id>/health/take/", views.take, name="take"),
]
