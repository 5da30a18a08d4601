"""Collaborations, the partner organizations in them, and the people who are members.

A collaboration is the unit of access: everything a member sees belongs to one, and a person
who is not a member of it cannot tell that it exists (see `access.py`).
"""

from __future__ import annotations

import secrets
from datetime import timedelta

from django.conf import settings
from django.db import models
from django.db.models.functions import Lower
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy

from collaborations.money import default_currency, validate_currency


class Sector(models.TextChoices):
    GOVERNMENT = "government", _("Government")
    BUSINESS = "business", _("Business")
    NONPROFIT = "nonprofit", _("Nonprofit")
    PHILANTHROPY = "philanthropy", _("Philanthropy")
    ACADEMIA = "academia", _("Academia")
    COMMUNITY = "community", _("Community")


class Role(models.TextChoices):
    FACILITATOR = "facilitator", _("Facilitator")
    # In context: a member's role reads "Socio(a)", a partner organization "Socio".
    PARTNER = "partner", pgettext_lazy("a member's role", "Partner")
    VIEWER = "viewer", _("Viewer")


def language_choices() -> list[tuple[str, str]]:
    return list(settings.LANGUAGES)


class Collaboration(models.Model):
    name = models.CharField(_("name"), max_length=200)
    issue = models.CharField(
        _("issue it tackles"),
        max_length=300,
        help_text=_("The problem the partners want to solve together, in a sentence."),
    )
    community = models.CharField(
        _("community or geography"),
        max_length=200,
        help_text=_("Where the collaboration works: a city, a county, a neighbourhood, a region."),
    )
    start_date = models.DateField(_("start date"), null=True, blank=True)
    description = models.TextField(_("short description"), max_length=2000, blank=True)
    currency = models.CharField(
        _("currency"),
        max_length=3,
        default=default_currency,
        validators=[validate_currency],
        help_text=_("The currency of the amounts in the worksheets, such as USD or EUR."),
    )
    archived_at = models.DateTimeField(_("archived at"), null=True, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated at"), auto_now=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("collaboration")
        verbose_name_plural = _("collaborations")

    def __str__(self) -> str:
        return self.name

    def get_absolute_url(self) -> str:
        return reverse("collaboration", args=[self.pk])

    @property
    def is_archived(self) -> bool:
        return self.archived_at is not None


class PartnerStatus(models.TextChoices):
    POTENTIAL = "potential", _("Potential")
    ACTIVE = "active", _("Active")
    FORMER = "former", _("Former")


class Partner(models.Model):
    """An organization taking part in a collaboration.

    Its table has one more column than these fields, `sign_offs`, the database's count of the
    partner's sign-offs (see `stages.models.SignOff`), read by the portfolio's SQL."""

    Status = PartnerStatus
    # The organizations whose position a consensus worksheet waits for: those taking part (a
    # potential partner has not joined yet, a former one has left). The portfolio's sign-off
    # flag, the worksheet's table of positions, asking for sign-off and the report all count
    # these.
    SIGNING = (PartnerStatus.ACTIVE,)

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="partners"
    )
    name = models.CharField(_("organization"), max_length=200)
    sector = models.CharField(_("sector"), max_length=20, choices=Sector.choices)
    status = models.CharField(
        _("status in the collaboration"),
        max_length=20,
        choices=Status.choices,
        default=Status.ACTIVE,
    )
    contact_name = models.CharField(_("contact person"), max_length=200, blank=True)
    contact_email = models.EmailField(_("contact email"), blank=True)
    contact_phone = models.CharField(_("contact phone"), max_length=50, blank=True)
    notes = models.TextField(_("notes"), max_length=2000, blank=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("partner organization")
        verbose_name_plural = _("partner organizations")
        constraints = [
            models.UniqueConstraint(
                "collaboration",
                Lower("name"),
                name="partner_name_unique_in_collaboration",
                violation_error_message=_("This collaboration already has a partner by that name."),
            ),
            models.CheckConstraint(
                condition=models.Q(sector__in=Sector.values), name="partner_sector_valid"
            ),
            models.CheckConstraint(
                condition=models.Q(status__in=PartnerStatus.values), name="partner_status_valid"
            ),
        ]

    def __str__(self) -> str:
        return self.name

    @property
    def signs_off(self) -> bool:
        """Whether consensus worksheets wait for this organization's position (`SIGNING`)."""
        return self.status in self.SIGNING


class Membership(models.Model):
    """A person's role in one collaboration, optionally on behalf of a partner organization."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="memberships"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="memberships"
    )
    role = models.CharField(_("role"), max_length=20, choices=Role.choices)
    partner = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="members",
        verbose_name=_("represents"),
    )
    created_at = models.DateTimeField(_("joined at"), auto_now_add=True)

    class Meta:
        ordering = ["role", "user__email"]
        verbose_name = _("membership")
        verbose_name_plural = _("memberships")
        constraints = [
            models.UniqueConstraint(
                fields=["collaboration", "user"], name="one_membership_per_person"
            ),
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="membership_role_valid"
            ),
        ]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.email
        return f"{name} ({self.get_role_display()}) in {self.collaboration}"

    def is_last_facilitator(self) -> bool:
        if self.role != Role.FACILITATOR:
            return False
        others = self.collaboration.memberships.filter(role=Role.FACILITATOR).exclude(pk=self.pk)
        return not others.exists()


def new_invitation_token() -> str:
    return secrets.token_urlsafe(32)


def invitation_expiry() -> timezone.datetime:
    return timezone.now() + timedelta(days=settings.INVITATION_VALID_DAYS)


class Invitation(models.Model):
    """An open offer of membership, sent by email or handed over as a link."""

    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="invitations"
    )
    email = models.EmailField(_("email address"))
    role = models.CharField(_("role"), max_length=20, choices=Role.choices, default=Role.PARTNER)
    partner = models.ForeignKey(
        Partner,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations",
        verbose_name=_("represents"),
    )
    # The language the invitation is mailed in; a person who already has an account reads it
    # in their own language.
    language = models.CharField(
        _("language of the invitation"),
        max_length=10,
        choices=language_choices,
        default=settings.LANGUAGE_CODE,
    )
    token = models.CharField(max_length=64, unique=True, default=new_invitation_token)
    invited_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        related_name="invitations_sent",
    )
    created_at = models.DateTimeField(_("sent at"), auto_now_add=True)
    expires_at = models.DateTimeField(_("expires at"), default=invitation_expiry)
    accepted_at = models.DateTimeField(_("accepted at"), null=True, blank=True)
    accepted_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="invitations_accepted",
    )

    class Meta:
        ordering = ["-created_at"]
        verbose_name = _("invitation")
        verbose_name_plural = _("invitations")
        constraints = [
            models.CheckConstraint(
                condition=models.Q(role__in=Role.values), name="invitation_role_valid"
            ),
        ]

    def __str__(self) -> str:
        return f"{self.email} → {self.collaboration}"

    def get_absolute_url(self) -> str:
        return reverse("invitation-accept", args=[self.token])

    @property
    def is_expired(self) -> bool:
        return self.expires_at <= timezone.now()

    @property
    def is_used(self) -> bool:
        return self.accepted_at is not None

    @property
    def is_open(self) -> bool:
        return not self.is_used and not self.is_expired


class Profile(models.Model):
    """What a person chose for themselves across collaborations: the language the site, their
    mail and, by default, their reports are in (see `collaborations.language`)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="profile"
    )
    language = models.CharField(
        _("language"), max_length=10, choices=language_choices, default=settings.LANGUAGE_CODE
    )

    class Meta:
        verbose_name = _("profile")
        verbose_name_plural = _("profiles")

    def __str__(self) -> str:
        return str(self.user)
