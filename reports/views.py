"""The collaboration report: a page in the browser and a PDF made from the same templates.

The PDF is made by the task worker (see `reports.files`): asking for it either serves the kept
file at once or leads to a page that follows its making and offers the download when ready.
"""

from __future__ import annotations

from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation

from collaborations import access
from collaborations.models import Membership
from reports import files
from reports.content import build_report
from reports.forms import ReportChoicesForm, language_choices
from reports.models import ReportFile
from stages.worksheets.declarations import STAGES


def _choices(request: HttpRequest) -> ReportChoicesForm:
    return ReportChoicesForm(request.GET, request.headers.get("Accept-Language", ""))


@access.collaboration_view(get="download_report")
def report(request: HttpRequest, membership: Membership) -> HttpResponse:
    form = _choices(request)
    language = form.report_language()
    # The document in the language chosen for it; the page around it in the reader's.
    with translation.override(language):
        report = build_report(membership.collaboration, form.choices())
    context = {
        "report": report,
        "form": form,
        "report_language": language,
        "toolkit_stages": report.toolkit_stages,
    }
    return render(request, "reports/report.html", context)


@access.collaboration_view(get="download_report")
def report_pdf(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The kept PDF when it is ready, else the page that follows its making."""
    form = _choices(request)
    report_file = files.request_report_file(
        membership.collaboration, form.choices(), request.user, language=form.report_language()
    )
    report_file.refresh_from_db()
    if report_file.status == ReportFile.Status.READY:
        return _serve(report_file, membership)
    return redirect("reports:pdf-status", membership.collaboration_id, report_file.pk)


def _report_file(membership: Membership, file_id: int) -> ReportFile:
    return get_object_or_404(ReportFile, pk=file_id, collaboration=membership.collaboration)


def _serve(report_file: ReportFile, membership: Membership) -> FileResponse:
    report_file.collaboration = membership.collaboration
    try:
        handle = report_file.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    ReportFile.objects.filter(pk=report_file.pk).update(last_used_at=timezone.now())
    return FileResponse(
        handle,
        as_attachment=True,
        filename=files.download_name(report_file),
        content_type="application/pdf",
    )


@access.collaboration_view(get="download_report", post="download_report")
def pdf_status(request: HttpRequest, membership: Membership, file_id: int) -> HttpResponse:
    """Where a PDF being made stands; htmx asks again every two seconds, a link does without
    JavaScript. POST queues a render again that failed or was lost."""
    report_file = _report_file(membership, file_id)
    stale = files.is_stale(report_file)
    if request.method == "POST":
        if report_file.status == ReportFile.Status.FAILED or stale:
            files.retry(report_file)
        return redirect("reports:pdf-status", membership.collaboration_id, report_file.pk)
    choices, language = files.parse_options(report_file.options)
    query = f"?paper={choices.paper}&language={language}"
    if choices.stage:
        query += f"&stage={choices.stage}"
    if choices.skip_empty:
        query += "&skip_empty=1"
    context = {
        "report_file": report_file,
        "choices": choices,
        "stage_name": dict(STAGES).get(choices.stage, choices.stage),
        "language_name": dict(language_choices()).get(language, language),
        "stale": stale,
        "report_url": reverse("reports:report", args=[membership.collaboration_id]) + query,
    }
    template = "reports/pdf_status.html"
    if request.htmx:
        template += "#status"
    return render(request, template, context)


@access.collaboration_view(get="download_report")
def pdf_download(request: HttpRequest, membership: Membership, file_id: int) -> HttpResponse:
    report_file = _report_file(membership, file_id)
    if report_file.status != ReportFile.Status.READY:
        return redirect("reports:pdf-status", membership.collaboration_id, report_file.pk)
    return _serve(report_file, membership)
