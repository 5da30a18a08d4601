"""The collaboration report: a page in the browser and a PDF made from the same templates."""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify

from collaborations import access
from collaborations.models import Membership
from reports.content import Report, build_report
from reports.forms import ReportChoicesForm
from reports.pdf import render_pdf


def _report(request: HttpRequest, membership: Membership) -> tuple[Report, ReportChoicesForm]:
    form = ReportChoicesForm(request.GET, request.headers.get("Accept-Language", ""))
    return build_report(membership, form.choices()), form


@access.collaboration_view(get="download_report")
def report(request: HttpRequest, membership: Membership) -> HttpResponse:
    report, form = _report(request, membership)
    return render(request, "reports/report.html", {"report": report, "form": form})


@access.collaboration_view(get="download_report")
def report_pdf(request: HttpRequest, membership: Membership) -> HttpResponse:
    report, _form = _report(request, membership)
    html = render_to_string("reports/pdf.html", {"report": report})
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    name = slugify(report.collaboration.name) or "collaboration"
    scope = f"-{report.choices.stage}" if report.choices.stage else ""
    response["Content-Disposition"] = f'attachment; filename="{name}{scope}-report.pdf"'
    return response
