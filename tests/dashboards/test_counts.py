"""The dashboard's counts beside the worksheets, asked in one query."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from collaborations.models import Role
from dashboards.counts import counts
from support.models import Barrier, ResourceLead, Strategy
from support.summary import summary
from tests.factories import make_collaboration, make_invitation, make_member
from tests.support.factories import make_activity, make_barrier, make_lead

pytestmark = pytest.mark.django_db


def test_counts_members_invitations_activities_and_what_is_open_in_one_query():
    collaboration, other = make_collaboration(), make_collaboration()
    for role in (Role.FACILITATOR, Role.PARTNER, Role.VIEWER):
        make_member(collaboration, role)
    make_invitation(collaboration)
    for strategy in (Strategy.TRAINING, Strategy.TRAINING, Strategy.STAFF):
        make_activity(collaboration, strategy=strategy)
    make_lead(collaboration, status=ResourceLead.Status.TO_EXPLORE)
    make_lead(collaboration, status=ResourceLead.Status.REQUESTED)
    make_lead(collaboration, status=ResourceLead.Status.SECURED)
    make_barrier(collaboration, status=Barrier.Status.IN_PROGRESS)
    make_barrier(collaboration, status=Barrier.Status.RESOLVED)
    # Another collaboration's entries count for it alone.
    make_member(other, Role.FACILITATOR)
    make_invitation(other)
    make_activity(other, strategy=Strategy.RESEARCH)
    make_lead(other)
    make_barrier(other)

    with CaptureQueriesContext(connection) as captured:
        found = counts(collaboration)
    assert len(captured) == 1
    assert (found.members, found.invited) == (3, True)
    assert (found.open_leads, found.open_barriers) == (2, 1)
    assert found.total_activities == 3
    # The same strategies, in the same order, as the support log's own summary.
    assert found.by_strategy == summary(collaboration).by_strategy
    assert [(row.strategy, row.count) for row in found.by_strategy if row.count] == [
        (Strategy.TRAINING, 2),
        (Strategy.STAFF, 1),
    ]


def test_counts_of_a_new_collaboration():
    collaboration = make_collaboration()
    make_member(collaboration, Role.FACILITATOR)
    found = counts(collaboration)
    assert (found.members, found.invited, found.open_leads, found.open_barriers) == (1, False, 0, 0)
    assert found.total_activities == 0
    assert [row.strategy for row in found.by_strategy] == list(Strategy)
