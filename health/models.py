"""Health checks: one member's ratings of the success factors (see `factors.py`) at one time.

Every take is kept; a retake adds a new check. Results use each member's latest check, the
trend uses them all (see `results.py`).
"""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from collaborations.models import Collaboration, Sector
from health.factors import FACTORS_BY_SLUG, HIGHEST, LOWEST


class HealthCheck(models.Model):
    collaboration = models.ForeignKey(
        Collaboration, on_delete=models.CASCADE, related_name="health_checks"
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        on_delete=models.CASCADE,
        related_name="health_checks",
        verbose_name=_("member"),
    )
    # Kept as it was when the member rated: a later change of organization does not move old
    # ratings to another sector.
    sector = models.CharField(
        _("sector of the member's organization"),
        max_length=20,
        choices=Sector.choices,
        blank=True,
        help_text=_("Blank when the member represented no partner organization."),
    )
    taken_at = models.DateTimeField(_("taken at"), default=timezone.now)

    class Meta:
        ordering = ["-taken_at"]
        verbose_name = _("health check")
        verbose_name_plural = _("health checks")
        indexes = [models.Index(fields=["collaboration", "taken_at"], name="health_check_by_time")]
        constraints = [
            models.CheckConstraint(
                condition=models.Q(sector__in=[*Sector.values, ""]),
                name="health_check_sector_valid",
            ),
        ]

    def __str__(self) -> str:
        name = self.user.get_full_name() or self.user.email
        # The day in the site's time zone, as the health check page dates it.
        return f"{name} — {self.collaboration} ({timezone.localtime(self.taken_at):%Y-%m-%d})"


class Rating(models.Model):
    """One factor rated in one check. A factor the member did not know is simply absent."""

    health_check = models.ForeignKey(
        HealthCheck, on_delete=models.CASCADE, related_name="ratings", verbose_name=_("check")
    )
    factor = models.SlugField(_("success factor"), max_length=40)
    score = models.PositiveSmallIntegerField(_("rating"))

    class Meta:
        ordering = ["health_check", "pk"]
        verbose_name = _("rating")
        verbose_name_plural = _("ratings")
        constraints = [
            models.UniqueConstraint(
                fields=["health_check", "factor"], name="one_rating_per_factor_per_check"
            ),
            models.CheckConstraint(
                condition=models.Q(score__gte=LOWEST, score__lte=HIGHEST),
                name="rating_score_1_to_5",
            ),
        ]

    def __str__(self) -> str:
        return f"{self.factor_name}: {self.score}"

    @property
    def factor_name(self) -> str:
        factor = FACTORS_BY_SLUG.get(self.factor)
        return str(factor.name) if factor else self.factor
