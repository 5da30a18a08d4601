"""The toolkit (stages and tools, loaded from fixtures/toolkit.json) and each collaboration's
worksheets, one per tool.

Stages and tools are content, not user data: a data migration loads them so every database
has them, and their slugs are part of the public URL contract.
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from collaborations.models import Collaboration
from stages.deadlines import deadline_days


class Stage(models.Model):
    slug = models.SlugField(unique=True)
    number = models.PositiveSmallIntegerField(unique=True)
    name = models.CharField(max_length=100)
    question = models.CharField(_("guiding question"), max_length=300)
    summary = models.TextField()

    class Meta:
        ordering = ["number"]
        verbose_name = _("stage")
        verbose_name_plural = _("stages")

    def __str__(self) -> str:
        return self.name


class Tool(models.Model):
    slug = models.SlugField(unique=True)
    number = models.PositiveSmallIntegerField(
        unique=True, help_text=_("Position in the toolkit, 1 to 17.")
    )
    stage = models.ForeignKey(Stage, on_delete=models.PROTECT, related_name="tools")
    name = models.CharField(max_length=200)
    definition = models.TextField()
    why_it_matters = models.TextField(_("why it matters"))

    class Meta:
        ordering = ["number"]
        verbose_name = _("tool")
        verbose_name_plural = _("tools")

    def __str__(self) -> str:
        return self.name


class WorksheetStatus(models.TextChoices):
    NOT_STARTED = "not_started", _("Not started")
    IN_PROGRESS = "in_progress", _("In progress")
    READY_FOR_REVIEW = "ready_for_review", _("Ready for review")
    COMPLETE = "complete", _("Complete")


class Worksheet(models.Model):
    """A collaboration's work on one tool.

    Rows appear on first save; until then a tool's worksheet is "not started" (see
    `for_tool`). `version` goes up by one with every save, so a save based on an older
    version can be recognised and refused instead of silently overwriting someone's work.
    """

    Status = WorksheetStatus

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="worksheets"
    )
    tool = models.ForeignKey(Tool, on_delete=models.PROTECT, related_name="worksheets")
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NOT_STARTED
    )
    answers = models.JSONField(_("answers"), default=dict, blank=True)
    version = models.PositiveIntegerField(default=0)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("last changed by"),
    )
    updated_at = models.DateTimeField(_("last changed at"), null=True, blank=True)
    # What lists of many collaborations ask of the answers, kept with them on every save
    # (`keep_deadlines`): the days after which each promise of its deadline tables is late,
    # earliest first, as ISO text (see `stages.deadlines.deadline_days`), and the first.
    deadlines = models.JSONField(default=list, blank=True, editable=False)
    earliest_deadline = models.DateField(null=True, blank=True, editable=False)

    class Meta:
        ordering = ["collaboration", "tool__number"]
        verbose_name = _("worksheet")
        verbose_name_plural = _("worksheets")
        # Lists of many collaborations read only these columns: the index answers them
        # without touching the rows, whose answers can run to hundreds of kilobytes.
        indexes = [
            models.Index(
                fields=["collaboration", "tool", "status", "updated_at"],
                name="worksheet_summary",
            ),
            # Which collaborations have a late promise on a day, from the index alone.
            models.Index(
                fields=["collaboration", "earliest_deadline"], name="worksheet_earliest_deadline"
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "tool"], name="one_worksheet_per_tool"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=WorksheetStatus.values), name="worksheet_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.tool} — {self.collaboration}"

    def save(self, *args, **kwargs) -> None:
        update_fields = kwargs.get("update_fields")
        if update_fields is None or "answers" in update_fields:
            self.keep_deadlines()
            if update_fields is not None:
                kwargs["update_fields"] = {*update_fields, "deadlines", "earliest_deadline"}
        super().save(*args, **kwargs)

    def get_absolute_url(self) -> str:
        return reverse("stages:worksheet", args=[self.collaboration_id, self.tool.slug])

    def keep_deadlines(self) -> Worksheet:
        """Bring `deadlines` and `earliest_deadline` in line with the answers: `save` does,
        and whatever writes answers without it (an update, a bulk insert) must."""
        days = deadline_days(self.tool.slug, self.answers)
        self.deadlines = [day.isoformat() for day in days]
        self.earliest_deadline = days[0] if days else None
        return self

    @classmethod
    def for_tool(cls, collaboration: Collaboration, tool: Tool) -> Worksheet:
        """The saved worksheet, or a fresh unsaved one ("not started")."""
        worksheet = (
            cls.objects.select_related("updated_by")
            .filter(collaboration=collaboration, tool=tool)
            # One per collaboration and tool: no ordering (the model's joins two tables).
            .order_by()
            .first()
        )
        if worksheet is None:
            return cls(collaboration=collaboration, tool=tool)
        # The objects the caller holds, with what they have loaded (the tool's stage).
        worksheet.collaboration, worksheet.tool = collaboration, tool
        return worksheet


class RevisionKind(models.TextChoices):
    SAVED = "saved", _("saved")
    MERGED = "merged", _("merged")
    MARKED_READY = "marked_ready", _("marked ready for review")
    COMPLETED = "completed", _("completed")
    SENT_BACK = "sent_back", _("sent back")
    RESTORED = "restored", _("restored")
    REOPENED = "reopened", _("reopened")


class WorksheetRevision(models.Model):
    """One saved version of a worksheet: who changed it, when, how, and what it then said.

    Every version keeps its row, since a later save names it as the base of a merge. One
    person's autosaves in a row (see `stages.services.FOLD_WINDOW`) read as one revision:
    each new one marks the one before `folded`, and History shows only unfolded ones."""

    Kind = RevisionKind

    worksheet = models.ForeignKey(Worksheet, on_delete=models.CASCADE, related_name="revisions")
    version = models.PositiveIntegerField()
    status = models.CharField(max_length=20, choices=WorksheetStatus.choices)
    answers = models.JSONField(default=dict, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    note = models.TextField(_("note"), max_length=2000, blank=True)
    kind = models.CharField(
        _("kind"), max_length=20, choices=RevisionKind.choices, default=RevisionKind.SAVED
    )
    # People whose changes, saved since the version this one started from, it merged with.
    merged_with = models.ManyToManyField(
        settings.AUTH_USER_MODEL, blank=True, related_name="+", verbose_name=_("merged with")
    )
    folded = models.BooleanField(default=False)
    # The first of the autosaves folded into this revision; `created_at` is the last.
    started_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-version"]
        verbose_name = _("worksheet revision")
        verbose_name_plural = _("worksheet revisions")
        constraints = [
            models.UniqueConstraint(
                fields=["worksheet", "version"], name="one_revision_per_version"
            ),
            models.CheckConstraint(
                condition=models.Q(kind__in=RevisionKind.values), name="revision_kind_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.worksheet} v{self.version}"


class WorksheetPresence(models.Model):
    """Who has a worksheet page open: the page renews `seen_at` while it stays open. The row
    is kept, so it also says that the person has visited this worksheet before."""

    collaboration = models.ForeignKey(Collaboration, on_delete=models.CASCADE, related_name="+")
    tool = models.ForeignKey(Tool, on_delete=models.CASCADE, related_name="+")
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+")
    seen_at = models.DateTimeField()

    class Meta:
        verbose_name = _("worksheet presence")
        verbose_name_plural = _("worksheet presences")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "tool", "user"], name="one_presence_per_person_and_page"
            ),
        ]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.email
        return f"{name} on {self.tool} ({self.seen_at:%H:%M:%S})"


class SignOff(models.Model):
    """Where a partner organization stands on a worksheet where consensus matters.

    Triggers on this table keep each partner's number of sign-offs in the database (see
    `stages/migrations/0013_partner_sign_off_count.py`); a migration that rebuilds this table
    or the partners' on SQLite must create them again (`tests/stages/test_sign_off_count.py`
    fails otherwise)."""

    class Position(models.TextChoices):
        AGREES = "agrees", _("Agrees")
        RESERVATIONS = "reservations", _("Agrees with reservations")
        DISAGREES = "disagrees", _("Does not agree")

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="sign_offs"
    )
    tool = models.ForeignKey(Tool, on_delete=models.PROTECT, related_name="+")
    partner = models.ForeignKey(
        "collaborations.Partner", on_delete=models.CASCADE, related_name="sign_offs"
    )
    position = models.CharField(_("position"), max_length=20, choices=Position.choices)
    note = models.TextField(_("note"), max_length=2000, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    # The person who recorded it does not represent the organization: a facilitator wrote
    # down the organization's position on its behalf, and said so.
    on_behalf = models.BooleanField(_("recorded on the organization's behalf"), default=False)
    updated_at = models.DateTimeField(auto_now=True)

    NEEDS_NOTE = ("reservations", "disagrees")

    class Meta:
        verbose_name = _("sign-off")
        verbose_name_plural = _("sign-offs")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "tool", "partner"], name="one_sign_off_per_partner"
            ),
            models.CheckConstraint(
                condition=models.Q(position__in=["agrees", "reservations", "disagrees"]),
                name="sign_off_position_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.partner}: {self.get_position_display()} ({self.tool})"


class Comment(models.Model):
    """A remark on a worksheet: facilitators' technical assistance and partners' replies."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="comments"
    )
    tool = models.ForeignKey(Tool, on_delete=models.PROTECT, related_name="+")
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    body = models.TextField(_("comment"), max_length=4000)
    created_at = models.DateTimeField(auto_now_add=True)
    resolved_at = models.DateTimeField(null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )

    class Meta:
        ordering = ["created_at"]
        verbose_name = _("comment")
        verbose_name_plural = _("comments")

    def __str__(self) -> str:
        return self.body[:60]


class Measurement(models.Model):
    """A value of an indicator (a row of a measured worksheet table) at a date."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="measurements"
    )
    tool = models.ForeignKey(Tool, on_delete=models.PROTECT, related_name="+")
    table = models.CharField(max_length=60)
    row_id = models.CharField(max_length=40)
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    note = models.CharField(_("note"), max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["date", "created_at"]
        verbose_name = _("measurement")
        verbose_name_plural = _("measurements")
        # An indicator's measurements by date: the dashboard and the report find each
        # indicator's latest date, and its measurements of that date, in the index alone.
        indexes = [
            models.Index(
                fields=["collaboration", "tool", "table", "row_id", "date"],
                name="measurement_by_date",
            )
        ]

    def __str__(self) -> str:
        return f"{self.row_id} {self.date}: {self.value}"


class MeasurementChange(models.Model):
    """One entry of an indicator's history: a measurement recorded, corrected or removed, by
    whom and when, with what it then said. Kept when the measurement itself is removed."""

    class Action(models.TextChoices):
        RECORDED = "recorded", _("Recorded")
        CHANGED = "changed", _("Corrected")
        REMOVED = "removed", _("Removed")

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="measurement_changes"
    )
    tool = models.ForeignKey(Tool, on_delete=models.PROTECT, related_name="+")
    table = models.CharField(max_length=60)
    row_id = models.CharField(max_length=40)
    measurement = models.ForeignKey(
        Measurement, on_delete=models.SET_NULL, null=True, blank=True, related_name="changes"
    )
    action = models.CharField(_("what happened"), max_length=10, choices=Action.choices)
    date = models.DateField(_("date"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    note = models.CharField(_("note"), max_length=300, blank=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+"
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("measurement change")
        verbose_name_plural = _("measurement changes")
        indexes = [models.Index(fields=["collaboration", "tool", "table", "row_id"])]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(action__in=["recorded", "changed", "removed"]),
                name="measurement_change_action_valid",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_action_display()} {self.row_id} {self.date}: {self.value}"
