"""Small helpers for health check tests."""

from __future__ import annotations

from datetime import datetime

from django.urls import reverse

from collaborations.models import Membership, Role, Sector
from health.factors import FACTORS
from health.models import HealthCheck
from health.services import health_check_take
from tests.factories import make_member, make_partner


def rate(membership: Membership, taken_at: datetime | None = None, **scores: int) -> HealthCheck:
    """A check by `membership`: factor slugs with dashes written as underscores."""
    ratings = {slug.replace("_", "-"): score for slug, score in scores.items()}
    return health_check_take(membership=membership, ratings=ratings, taken_at=taken_at)


def rate_all(membership: Membership, score: int, taken_at: datetime | None = None) -> HealthCheck:
    """A check giving every factor the same score."""
    ratings = {factor.slug: score for factor in FACTORS}
    return health_check_take(membership=membership, ratings=ratings, taken_at=taken_at)


def page_url(collaboration) -> str:
    return reverse("health:check", args=[collaboration.pk])


def take_url(collaboration) -> str:
    return reverse("health:take", args=[collaboration.pk])


def form_data(**scores: int | str) -> dict[str, str]:
    """A posted form: every factor "don't know" except those given (dashes as underscores)."""
    data = {factor.slug: "" for factor in FACTORS}
    data.update({slug.replace("_", "-"): str(score) for slug, score in scores.items()})
    return data


def seed_results(collaboration) -> None:
    """Two members of different sectors who rated: enough for every part of the results
    (weak factors, sectors that differ, the trend) to show."""
    for sector, score in [(Sector.GOVERNMENT, 4), (Sector.COMMUNITY, 2)]:
        partner = make_partner(collaboration, sector=sector)
        rate_all(make_member(collaboration, Role.PARTNER, partner=partner), score)
