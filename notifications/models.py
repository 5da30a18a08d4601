"""Notifications: what happened that a member should know, in the app and by email.

A `Notification` is one event for one recipient (never the person who acted, never someone
outside the collaboration). `Preferences` say per kind of event whether mail goes out at once,
in a daily or weekly digest, or not at all, and the person's time zone for digests. An
`EmailDelivery` is one mail with a unique key (a notification, or a digest of one person for
one day or week): the task that sends it claims it first, so a retried task never sends twice.
"""

from __future__ import annotations

import zoneinfo

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from collaborations.models import Collaboration


class Kind(models.TextChoices):
    REVIEW_REQUESTED = "review_requested", _("Ready for review")
    SENT_BACK = "sent_back", _("Sent back")
    COMPLETED = "completed", _("Completed")
    REOPENED = "reopened", _("Reopened")
    COMMENT = "comment", _("Comment")
    MENTION = "mention", _("Mention")
    INVITATION_ACCEPTED = "invitation_accepted", _("Invitation accepted")
    DUE_SOON = "due_soon", _("Due soon")
    LATE = "late", _("Late")
    SIGN_OFF_REQUESTED = "sign_off_requested", _("Sign-off asked for")
    HEALTH_CHECK_REMINDER = "health_check_reminder", _("Health check reminder")


class Frequency(models.TextChoices):
    IMMEDIATELY = "immediately", _("At once")
    DAILY = "daily", _("In a daily digest")
    WEEKLY = "weekly", _("In a weekly digest")
    NEVER = "never", _("Not by email")


# The preference (a field of `Preferences`) that decides the mail for each kind of event.
CATEGORY = {
    Kind.REVIEW_REQUESTED: "review",
    Kind.SENT_BACK: "workflow",
    Kind.COMPLETED: "workflow",
    Kind.REOPENED: "workflow",
    Kind.COMMENT: "comments",
    Kind.MENTION: "mentions",
    Kind.INVITATION_ACCEPTED: "members",
    Kind.DUE_SOON: "deadlines",
    Kind.LATE: "deadlines",
    Kind.SIGN_OFF_REQUESTED: "requests",
    Kind.HEALTH_CHECK_REMINDER: "requests",
}
CATEGORIES = ("review", "workflow", "comments", "mentions", "deadlines", "requests", "members")

# Digests go out at this hour of the reader's morning; weekly ones on Mondays.
DIGEST_HOUR = 8


def _frequency(label, default: str) -> models.CharField:
    return models.CharField(label, max_length=20, choices=Frequency.choices, default=default)


class Preferences(models.Model):
    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notification_preferences"
    )
    review = _frequency(_("A worksheet waits for my review"), Frequency.IMMEDIATELY)
    workflow = _frequency(
        _("A worksheet I worked on is sent back, completed or reopened"), Frequency.IMMEDIATELY
    )
    comments = _frequency(_("New comments in a thread I took part in"), Frequency.DAILY)
    mentions = _frequency(_("Someone mentions me in a comment"), Frequency.IMMEDIATELY)
    deadlines = _frequency(
        _("Commitments and milestones due within a week, or late"), Frequency.DAILY
    )
    requests = _frequency(
        _("A facilitator asks for my organization's sign-off or my health check ratings"),
        Frequency.IMMEDIATELY,
    )
    members = _frequency(_("Someone accepts my invitation"), Frequency.IMMEDIATELY)
    time_zone = models.CharField(
        _("time zone"),
        max_length=60,
        default=settings.TIME_ZONE,
        help_text=_("Digests arrive at 8:00 in this time zone."),
    )

    class Meta:
        verbose_name = _("notification preferences")
        verbose_name_plural = _("notification preferences")

    def __str__(self) -> str:
        return str(self.user)

    @classmethod
    def for_user(cls, user) -> Preferences:
        """The person's preferences, or the defaults (unsaved) when they never chose."""
        return cls.objects.filter(user=user).first() or cls(user=user)

    def frequency(self, kind: str) -> str:
        return getattr(self, CATEGORY[kind])

    @property
    def zone(self) -> zoneinfo.ZoneInfo:
        try:
            return zoneinfo.ZoneInfo(self.time_zone)
        except (zoneinfo.ZoneInfoNotFoundError, ValueError):
            return zoneinfo.ZoneInfo(settings.TIME_ZONE)


class Notification(models.Model):
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="notifications"
    )
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="notifications"
    )
    kind = models.CharField(_("kind"), max_length=30, choices=Kind.choices)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, blank=True, related_name="+"
    )
    title = models.CharField(_("what happened"), max_length=300)
    body = models.TextField(_("details"), blank=True)
    url = models.CharField(_("link"), max_length=300)
    # Reminders carry a key (what they remind of, and when it is due) so they go out once.
    key = models.CharField(max_length=200, blank=True)
    # How the recipient wanted mail for this kind of event when it happened.
    email = models.CharField(max_length=20, choices=Frequency.choices)
    emailed_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)
    read_at = models.DateTimeField(_("read at"), null=True, blank=True)

    class Meta:
        ordering = ["-created_at", "-pk"]
        verbose_name = _("notification")
        verbose_name_plural = _("notifications")
        indexes = [models.Index(fields=["recipient", "read_at"], name="notification_unread")]
        constraints = [
            models.UniqueConstraint(
                fields=["recipient", "key"],
                condition=~models.Q(key=""),
                name="one_reminder_per_key",
            ),
        ]

    def __str__(self) -> str:
        return self.title


class EmailDelivery(models.Model):
    class Status(models.TextChoices):
        PENDING = "pending", _("Waiting")
        SENDING = "sending", _("Sending")
        SENT = "sent", _("Sent")
        FAILED = "failed", pgettext_lazy("an email", "Failed")
        SKIPPED = "skipped", _("Nothing left to send")

    key = models.CharField(max_length=200, unique=True)
    recipient = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="+"
    )
    # "immediately", "daily" or "weekly"; a digest lists several notifications.
    frequency = models.CharField(max_length=20, choices=Frequency.choices)
    notifications = models.ManyToManyField(Notification, related_name="deliveries")
    status = models.CharField(max_length=20, choices=Status.choices, default=Status.PENDING)
    attempts = models.PositiveSmallIntegerField(default=0)
    error = models.TextField(blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    sent_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("email delivery")
        verbose_name_plural = _("email deliveries")

    def __str__(self) -> str:
        return self.key
