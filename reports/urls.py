from django.urls import path

from reports import views

app_name = "reports"

urlpatterns = [
    path("report/", views.report, name="report"),
    path("report.pdf", views.report_pdf, name="pdf"),
    path("report/pdf/<int:file_id>/", views.pdf_status, name="pdf-status"),
    path("report/pdf/<int:file_id>/download", views.pdf_download, name="pdf-download"),
]
