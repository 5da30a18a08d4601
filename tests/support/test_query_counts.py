"""The support log page asks the database the same number of times however long it is."""

from __future__ import annotations

import pytest
from django.urls import reverse

from collaborations.models import Role
from support.models import Strategy
from tests.factories import make_member
from tests.stages.test_query_counts import _queries
from tests.support.factories import make_activity, make_barrier, make_lead

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("params", ["", "?strategy=convening", "?strategy=unknown"])
def test_support_log_queries_do_not_grow(cast, params):
    client = cast.client("facilitator")
    url = reverse("support:log", args=[cast.collaboration.pk]) + params
    make_activity(cast.collaboration, recorded_by=cast.facilitator.user)
    make_lead(cast.collaboration)
    make_barrier(cast.collaboration)
    few = _queries(client, url)
    for number, strategy in enumerate(list(Strategy) * 3):
        # Each activity recorded by a different person, so any per-row lookup would show.
        recorder = make_member(cast.collaboration, Role.FACILITATOR).user
        make_activity(cast.collaboration, strategy=strategy, recorded_by=recorder)
        make_lead(cast.collaboration, source=f"Lead {number}")
        make_barrier(cast.collaboration, what=f"Barrier {number}")
    assert _queries(client, url) == few
