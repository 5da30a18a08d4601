"""Writing health checks: a take is one check and its ratings, saved together."""

from __future__ import annotations

from datetime import datetime

from django.db import transaction
from django.utils import timezone

from collaborations.models import Membership
from health.factors import FACTORS_BY_SLUG
from health.models import HealthCheck, Rating


@transaction.atomic
def health_check_take(
    *, membership: Membership, ratings: dict[str, int], taken_at: datetime | None = None
) -> HealthCheck:
    """Record a member's ratings (factor slug → 1 to 5; factors left out are "don't know") as a
    new check. Earlier checks are kept for the trend. The member's sector is read from the
    organization they represent now and kept with the check."""
    unknown = set(ratings) - set(FACTORS_BY_SLUG)
    if unknown:
        raise ValueError(f"Unknown success factors: {sorted(unknown)}")
    check = HealthCheck.objects.create(
        collaboration=membership.collaboration,
        user_id=membership.user_id,
        sector=membership.partner.sector if membership.partner else "",
        taken_at=taken_at or timezone.now(),
    )
    Rating.objects.bulk_create(
        Rating(health_check=check, factor=slug, score=score) for slug, score in ratings.items()
    )
    return check
