"""Report PDFs as kept files: which file answers a request, queueing its rendering, rendering
it (in the task worker), and cleaning up old ones.

No web request renders a PDF. Asking for one finds or creates the `ReportFile` for the
collaboration, the reader's choices and the collaboration's current content; a new one is
queued on the task worker's `reports` queue and the reader follows it on a status page. While
nothing in the collaboration changes, the same day, the finished file is served again at once.
"""

from __future__ import annotations

import hashlib
import logging
from datetime import timedelta

from django.contrib.auth.models import AbstractBaseUser
from django.core.files.base import ContentFile
from django.db import IntegrityError, models, transaction
from django.template.loader import render_to_string
from django.utils import timezone, translation
from django.utils.text import slugify
from django.utils.translation import pgettext

from collaborations.models import Collaboration, Role
from health.models import HealthCheck
from reports.content import Choices, build_report
from reports.models import ReportFile
from reports.pdf import render_pdf
from stages.models import Measurement, SignOff, Worksheet
from support.models import Activity, Barrier, ResourceLead

logger = logging.getLogger(__name__)

# Raised when the report's layout changes, so files printed with the old layout are not reused.
LAYOUT = "1"

# A render that has not finished after this long is taken for lost (a worker that stopped).
STALE_AFTER = timedelta(minutes=15)


def options_key(choices: Choices, language: str) -> str:
    """The reader's choices as a stable text key, e.g. `stage=;skip_empty=0;paper=a4;lang=en`."""
    return (
        f"stage={choices.stage};skip_empty={int(choices.skip_empty)};"
        f"paper={choices.paper};lang={language}"
    )


def parse_options(key: str) -> tuple[Choices, str]:
    """The choices and language a key was made from (see `options_key`)."""
    values = dict(part.split("=", 1) for part in key.split(";"))
    choices = Choices(
        stage=values["stage"], skip_empty=values["skip_empty"] == "1", paper=values["paper"]
    )
    return choices, values["lang"]


def _stamp(*values) -> str:
    return "|".join("" if v is None else str(v) for v in values)


def content_fingerprint(collaboration: Collaboration) -> str:
    """A hash of everything the report shows changing: the day, the collaboration's details,
    partners and facilitators (small, hashed as they are), and for the larger tables their
    counts with the sum of worksheet versions or the latest change time. Nine small queries,
    whatever the amount of data."""
    count, latest = models.Count("pk"), models.Max
    parts = [
        LAYOUT,
        # The day: a report is dated, and judges what is late, by the day it is read.
        _stamp(timezone.localdate()),
        _stamp(collaboration.pk, collaboration.updated_at, collaboration.archived_at),
        _stamp(
            *collaboration.partners.order_by("pk").values_list("pk", "name", "sector", "status")
        ),
        _stamp(
            *collaboration.memberships.filter(role=Role.FACILITATOR)
            .order_by("pk")
            .values_list("user_id", "user__first_name", "user__last_name", "user__email")
        ),
        _stamp(
            *Worksheet.objects.filter(collaboration=collaboration)
            .aggregate(count, models.Sum("version"), latest("updated_at"))
            .values()
        ),
        _stamp(
            *SignOff.objects.filter(collaboration=collaboration)
            .aggregate(count, latest("updated_at"))
            .values()
        ),
        _stamp(
            *Measurement.objects.filter(collaboration=collaboration)
            .aggregate(count, latest("pk"))
            .values()
        ),
        _stamp(
            *HealthCheck.objects.filter(collaboration=collaboration)
            .aggregate(count, latest("pk"), latest("taken_at"))
            .values()
        ),
    ]
    for model in (Activity, ResourceLead, Barrier):
        parts.append(
            _stamp(
                *model.objects.filter(collaboration=collaboration)
                .aggregate(count, latest("updated_at"))
                .values()
            )
        )
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()


def request_report_file(
    collaboration: Collaboration,
    choices: Choices,
    user: AbstractBaseUser,
    language: str | None = None,
) -> ReportFile:
    """The kept PDF for these choices, language (by default the active one) and the
    collaboration's current content, queued for rendering when there is none yet (or the last
    attempt failed or was lost)."""
    key = options_key(choices, language or translation.get_language() or "en")
    fingerprint = content_fingerprint(collaboration)
    lookup = {"collaboration": collaboration, "options": key, "fingerprint": fingerprint}
    report_file = ReportFile.objects.filter(**lookup).first()
    if report_file is None:
        try:
            with transaction.atomic():
                report_file = ReportFile.objects.create(**lookup, requested_by=user)
        except IntegrityError:
            # Someone asked for the same PDF at the same moment: share their render.
            return ReportFile.objects.get(**lookup)
        queue_render(report_file)
    elif report_file.status == ReportFile.Status.READY and not _file_exists(report_file):
        retry(report_file)
    return report_file


def _file_exists(report_file: ReportFile) -> bool:
    return bool(report_file.file) and report_file.file.storage.exists(report_file.file.name)


def is_stale(report_file: ReportFile) -> bool:
    """Queued or being made for longer than a render ever takes: its worker was lost."""
    since = report_file.started_at or report_file.requested_at
    return report_file.pending and since < timezone.now() - STALE_AFTER


def retry(report_file: ReportFile) -> bool:
    """Queue a failed, lost or vanished render again; False when someone already did."""
    queued = (
        ReportFile.objects.filter(pk=report_file.pk, status=report_file.status)
        .filter(started_at=report_file.started_at)
        .update(status=ReportFile.Status.QUEUED, error="", started_at=None, finished_at=None)
    )
    if queued:
        queue_render(report_file)
    return bool(queued)


def queue_render(report_file: ReportFile) -> None:
    from reports.tasks import render_report_file

    render_report_file.enqueue(report_file.pk)


def download_name(report_file: ReportFile) -> str:
    """`riverside-design-report.pdf`, in the report's language (`…-informe.pdf`)."""
    choices, language = parse_options(report_file.options)
    with translation.override(language):
        word = slugify(pgettext("the PDF's file name", "report")) or "report"
    name = slugify(report_file.collaboration.name) or "collaboration"
    scope = f"-{choices.stage}" if choices.stage else ""
    return f"{name}{scope}-{word}.pdf"


def render(report_file: ReportFile) -> bytes:
    """The PDF for a report file's collaboration, choices and language (slow: the worker's
    job)."""
    choices, language = parse_options(report_file.options)
    with translation.override(language):
        report = build_report(report_file.collaboration, choices)
        html = render_to_string("reports/pdf.html", {"report": report})
        generated = {"draft-mark.svg": draft_mark().encode()} if report.is_draft else {}
    return render_pdf(html, generated=generated)


def draft_mark() -> str:
    """The draft mark painted behind every page of a draft, in the current language."""
    return render_to_string("reports/draft_mark.svg")


def make(report_file_id: int) -> str:
    """Render one queued report file and keep it; what the task worker runs.

    Claims the row first (queued → rendering). The partial unique constraint refuses a second
    render of the same collaboration and choices while one runs: that one answers "busy" and
    the task tries again shortly. Returns what happened, for the task's result."""
    now = timezone.now()
    try:
        with transaction.atomic():
            claimed = ReportFile.objects.filter(
                pk=report_file_id, status=ReportFile.Status.QUEUED
            ).update(status=ReportFile.Status.RENDERING, started_at=now)
    except IntegrityError:
        return "busy"
    if not claimed:
        return "not queued"
    report_file = ReportFile.objects.select_related("collaboration").get(pk=report_file_id)
    try:
        pdf = render(report_file)
        report_file.file.save(download_name(report_file), ContentFile(pdf), save=False)
    except Exception as error:
        logger.exception("Report file %s could not be made", report_file_id)
        ReportFile.objects.filter(pk=report_file_id).update(
            status=ReportFile.Status.FAILED,
            error=f"{type(error).__name__}: {error}"[:2000],
            finished_at=timezone.now(),
        )
        raise
    ReportFile.objects.filter(pk=report_file_id).update(
        status=ReportFile.Status.READY,
        file=report_file.file.name,
        size=len(pdf),
        finished_at=timezone.now(),
    )
    return "ready"


def clean(keep_days: int, now=None) -> dict[str, int]:
    """Housekeeping: delete kept PDFs nobody downloaded for `keep_days` days, PDFs of content
    that has changed since (a newer one of the same choices is ready) after a day, failed
    renders after a day, and mark renders lost by a stopped worker as failed. Returns counts."""
    now = now or timezone.now()
    counts = {"lost": 0, "unused": 0, "superseded": 0, "failed": 0}
    pending = ReportFile.objects.filter(
        status__in=[ReportFile.Status.QUEUED, ReportFile.Status.RENDERING]
    )
    counts["lost"] = pending.filter(
        models.Q(started_at__lt=now - STALE_AFTER)
        | models.Q(started_at=None, requested_at__lt=now - STALE_AFTER)
    ).update(status=ReportFile.Status.FAILED, error="The render was lost.", finished_at=now)

    day_ago = now - timedelta(days=1)
    unused = ReportFile.objects.filter(status=ReportFile.Status.READY).filter(
        models.Q(last_used_at__lt=now - timedelta(days=keep_days))
        | models.Q(last_used_at=None, finished_at__lt=now - timedelta(days=keep_days))
    )
    newer = ReportFile.objects.filter(
        collaboration=models.OuterRef("collaboration"),
        options=models.OuterRef("options"),
        status=ReportFile.Status.READY,
        finished_at__gt=models.OuterRef("finished_at"),
    )
    superseded = ReportFile.objects.filter(
        status=ReportFile.Status.READY, finished_at__lt=day_ago
    ).filter(models.Exists(newer))
    failed = ReportFile.objects.filter(status=ReportFile.Status.FAILED, finished_at__lt=day_ago)
    for label, queryset in (("unused", unused), ("superseded", superseded), ("failed", failed)):
        for report_file in queryset:
            if report_file.file:
                report_file.file.delete(save=False)
            report_file.delete()
            counts[label] += 1
    return counts
