"""The collaboration report: a page in the browser and a PDF made from the same templates."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils.text import slugify

from collaborations import access
from collaborations.models import Membership
from reports.content import Report, build_report
from reports.forms import ReportChoicesForm
from reports.pdf import render_pdf


def _report(
    request: HttpRequest, collaboration_id: int
) -> tuple[Report, ReportChoicesForm, Membership]:
    membership = access.member_with(request.user, collaboration_id, "download_report")
    form = ReportChoicesForm(request.GET, request.headers.get("Accept-Language", ""))
    return build_report(membership, form.choices()), form, membership


@login_required
def report(request: HttpRequest, collaboration_id: int) -> HttpResponse:
    report, form, membership = _report(request, collaboration_id)
    context = access.page_context(membership, report=report, form=form)
    return render(request, "reports/report.html", context)


@login_required
def report_pdf(request: HttpRequest, collaboration_id: int) -> HttpResponse:
    report, _form, _membership = _report(request, collaboration_id)
    html = render_to_string("reports/pdf.html", {"report": report})
    response = HttpResponse(render_pdf(html), content_type="application/pdf")
    name = slugify(report.collaboration.name) or "collaboration"
    scope = f"-{report.choices.stage}" if report.choices.stage else ""
    response["Content-Disposition"] = f'attachment; filename="{name}{scope}-report.pdf"'
    return response
