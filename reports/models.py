"""Report PDFs made in the background and kept for reuse.

A `ReportFile` is one PDF of one collaboration, for one set of reader's choices (stage,
tools left out, paper, language), of the collaboration's content as it was on a day
(`fingerprint`, see `reports.files.content_fingerprint`). Asking for the same PDF again the
same day while nothing changed finds the same row, so the file is made once and then served
at once. The unique constraint makes sure two people asking at the same moment share one
render; the partial unique constraint on rendering rows makes sure only one render per
collaboration and choices runs at a time, on every database.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from collaborations.models import Collaboration


def report_file_path(instance: ReportFile, filename: str) -> str:
    return f"reports/{instance.collaboration_id}/{instance.fingerprint[:24]}-{filename}"


class ReportFile(models.Model):
    class Status(models.TextChoices):
        QUEUED = "queued", _("Waiting its turn")
        RENDERING = "rendering", _("Being made")
        READY = "ready", _("Ready")
        FAILED = "failed", _("Could not be made")

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="report_files"
    )
    # The reader's choices as a stable key, e.g. "stage=design;skip_empty=1;paper=a4;lang=en".
    options = models.CharField(_("choices"), max_length=200)
    fingerprint = models.CharField(_("content fingerprint"), max_length=64)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.QUEUED
    )
    file = models.FileField(_("file"), upload_to=report_file_path, max_length=300, blank=True)
    size = models.PositiveIntegerField(_("size in bytes"), default=0)
    error = models.TextField(_("what went wrong"), blank=True)
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    requested_at = models.DateTimeField(_("requested at"), auto_now_add=True)
    started_at = models.DateTimeField(_("started at"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished at"), null=True, blank=True)
    last_used_at = models.DateTimeField(_("last downloaded at"), null=True, blank=True)

    class Meta:
        ordering = ["-requested_at"]
        verbose_name = _("report file")
        verbose_name_plural = _("report files")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "options", "fingerprint"],
                name="one_report_file_per_content",
            ),
            models.UniqueConstraint(
                fields=["collaboration", "options"],
                condition=models.Q(status="rendering"),
                name="one_report_render_at_a_time",
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=["queued", "rendering", "ready", "failed"]),
                name="report_file_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.collaboration} [{self.options}] {self.get_status_display()}"

    @property
    def pending(self) -> bool:
        return self.status in (self.Status.QUEUED, self.Status.RENDERING)
