from django.urls import path

from dashboards import views

app_name = "dashboards"

urlpatterns = [
    path("stages/<slug:stage_slug>/", views.stage_detail, name="stage"),
]
