from django.urls import path

from health import views

app_name = "health"

urlpatterns = [
    path("health/", views.check, name="check"),
    path("health/take/", views.take, name="take"),
    path("health/remind/", views.remind, name="remind"),
]
