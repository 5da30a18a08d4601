from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("collaborations/<int:collaboration_id>/report/", views.report, name="report"),
    path("collaborations/<int:collaboration_id>/report.pdf", views.report_pdf, name="pdf"),
    path(
        "collaborations/<int:collaboration_id>/report/pdf/<int:file_id>/",
        views.pdf_status,
        name="pdf-status",
    ),
    path(
        "collaborations/<int:collaboration_id>/report/pdf/<int:file_id>/download",
        views.pdf_download,
        name="pdf-download",
    ),
]
