"""The health check page must not issue more queries as members and checks grow."""

from __future__ import annotations

from datetime import UTC, datetime

import pytest

from collaborations.models import Role, Sector
from tests.factories import make_member, make_partner
from tests.health.helpers import page_url, rate_all
from tests.stages.test_query_counts import _queries

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("who", ["facilitator", "viewer"])
def test_health_page_queries_do_not_grow(cast, who):
    client = cast.client(who)
    url = page_url(cast.collaboration)
    rate_all(cast.facilitator, 3)
    rate_all(cast.viewer, 4)
    few = _queries(client, url)
    for index, sector in enumerate([*Sector.values, *Sector.values]):
        partner = make_partner(cast.collaboration, sector=sector)
        member = make_member(cast.collaboration, Role.PARTNER, partner=partner)
        for month in (1, 2, 3):
            rate_all(member, 1 + (index + month) % 5, datetime(2026, month, 5, tzinfo=UTC))
    rate_all(cast.viewer, 2)
    assert _queries(client, url) == few
