"""The facilitator's support log: what intermediaries (foundations, agencies, conveners) do to
help a collaboration, the resources they chase for it and the barriers they help remove.

The seven strategies come from "Facilitating Local Cross-Sector Collaboration: Strategies for
Intermediaries" (Mathematica for ASPE, 2021); their values are part of the page's URL contract
(`?strategy=<value>`).
"""

from __future__ import annotations

from decimal import Decimal

from django.conf import settings
from django.core.validators import MinValueValidator
from django.db import models
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from collaborations.models import Collaboration


class Strategy(models.TextChoices):
    TRAINING = "training", _("Training and technical assistance")
    CONVENING = "convening", _("Convening stakeholders")
    ATTENTION = "attention", _("Drawing attention to local efforts")
    REGULATORY = "regulatory", _("Addressing bureaucratic and regulatory challenges")
    RESOURCES = "resources", _("Identifying funding and non-financial resources")
    RESEARCH = "research", _("Research and evaluation")
    STAFF = "staff", _("Staff support")

    @property
    def explanation(self) -> str:
        """What the strategy means, in a line of plain language."""
        return STRATEGY_EXPLANATIONS[self]


STRATEGY_EXPLANATIONS = {
    Strategy.TRAINING: _(
        "Teach skills and give expert advice, so local partners can do the work themselves."
    ),
    Strategy.CONVENING: _(
        "Bring local and national people together, early and face to face where possible, "
        "to settle the design and move into implementation."
    ),
    Strategy.ATTENTION: _(
        "Put the local work in the spotlight, which can attract new partners and resources."
    ),
    Strategy.REGULATORY: _(
        "Help clear the rules, paperwork and approvals that stand in the collaboration's way."
    ),
    Strategy.RESOURCES: _(
        "Find money and in-kind help, and use it strategically to encourage working together."
    ),
    Strategy.RESEARCH: _(
        "Gather evidence and evaluate the work, so partners learn what helps and can show it."
    ),
    Strategy.STAFF: _(
        "Provide staff, even a little of their time, who follow progress toward the "
        "collaboration's objectives and answer for it."
    ),
}


class Mode(models.TextChoices):
    FACE_TO_FACE = "face_to_face", _("Face to face")
    REMOTE = "remote", _("Remote")


class Activity(models.Model):
    """One thing an intermediary did to support the collaboration."""

    Strategy = Strategy
    Mode = Mode

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="support_activities"
    )
    date = models.DateField(_("date"))
    strategy = models.CharField(_("strategy"), max_length=20, choices=Strategy.choices)
    description = models.TextField(
        _("what happened"),
        max_length=4000,
        help_text=_("What was done, with whom, and what came of it."),
    )
    mode = models.CharField(
        _("face to face or remote"), max_length=20, choices=Mode.choices, default=Mode.REMOTE
    )
    local_participants = models.TextField(
        _("local participants"),
        max_length=2000,
        blank=True,
        help_text=_("People and organizations from the community who took part."),
    )
    national_participants = models.TextField(
        _("national participants"),
        max_length=2000,
        blank=True,
        help_text=_("People from national, federal or foundation staff who took part."),
    )
    follow_ups = models.TextField(
        _("follow-ups"),
        max_length=2000,
        blank=True,
        help_text=_("What was agreed to happen next, and who will do it."),
    )
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
        verbose_name=_("recorded by"),
    )
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["-date", "-pk"]
        verbose_name = _("support activity")
        verbose_name_plural = _("support activities")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(strategy__in=Strategy.values),
                name="support_activity_strategy_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(mode__in=Mode.values), name="support_activity_mode_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.get_strategy_display()}, {date_format(self.date)}"


class LeadKind(models.TextChoices):
    FUNDING = "funding", _("Funding")
    NON_FINANCIAL = "non_financial", _("Non-financial")


class LeadStatus(models.TextChoices):
    TO_EXPLORE = "to_explore", _("To explore")
    REQUESTED = "requested", _("Applied or requested")
    SECURED = "secured", _("Secured")
    DECLINED = "declined", _("Declined")


class ResourceLead(models.Model):
    """A possible source of money or in-kind help the intermediary is pursuing."""

    Kind = LeadKind
    Status = LeadStatus
    OPEN = (LeadStatus.TO_EXPLORE, LeadStatus.REQUESTED)

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="resource_leads"
    )
    source = models.CharField(
        _("source"),
        max_length=200,
        help_text=_("Who could provide it: a funder, an agency, a company, a programme."),
    )
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices, default=Kind.FUNDING)
    amount = models.DecimalField(
        _("amount"),
        max_digits=12,
        decimal_places=2,
        null=True,
        blank=True,
        validators=[MinValueValidator(Decimal(0), message=_("Enter an amount of zero or more."))],
        help_text=_("How much, if known. Leave it empty for non-financial help."),
    )
    deadline = models.DateField(_("deadline"), null=True, blank=True)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.TO_EXPLORE
    )
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = [models.F("deadline").asc(nulls_last=True), "source"]
        verbose_name = _("resource lead")
        verbose_name_plural = _("resource leads")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(kind__in=LeadKind.values), name="resource_lead_kind_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=LeadStatus.values),
                name="resource_lead_status_valid",
            ),
            models.CheckConstraint(
                condition=models.Q(amount__isnull=True) | models.Q(amount__gte=0),
                name="resource_lead_amount_not_negative",
            ),
        ]

    def __str__(self) -> str:
        return self.source

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN


class BarrierStatus(models.TextChoices):
    OPEN = "open", _("Open")
    IN_PROGRESS = "in_progress", _("Being worked on")
    RESOLVED = "resolved", _("Resolved")


class Barrier(models.Model):
    """A bureaucratic or regulatory obstacle in the collaboration's way."""

    Status = BarrierStatus
    OPEN = (BarrierStatus.OPEN, BarrierStatus.IN_PROGRESS)

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="support_barriers"
    )
    what = models.CharField(
        _("barrier"),
        max_length=300,
        help_text=_("The bureaucratic or regulatory challenge, in a sentence."),
    )
    who_can_unblock = models.CharField(
        _("who can unblock it"),
        max_length=300,
        blank=True,
        help_text=_("The office, agency or person with the power to remove it."),
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.OPEN
    )
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["created_at", "pk"]
        verbose_name = _("barrier")
        verbose_name_plural = _("barriers")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(status__in=BarrierStatus.values),
                name="barrier_status_valid",
            ),
        ]

    def __str__(self) -> str:
        return self.what

    @property
    def is_open(self) -> bool:
        return self.status in self.OPEN
