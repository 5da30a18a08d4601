"""The support log in numbers, as the portfolio, dashboard and report use it."""

from __future__ import annotations

from datetime import date

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from support.models import Barrier, ResourceLead, Strategy
from support.summary import by_strategy, summary
from tests.factories import make_collaboration
from tests.support.factories import make_activity, make_barrier, make_lead

pytestmark = pytest.mark.django_db


def test_by_strategy_counts_many_collaborations_in_one_query():
    first, second, quiet = make_collaboration(), make_collaboration(), make_collaboration()
    for _ in range(3):
        make_activity(first, strategy=Strategy.TRAINING)
    make_activity(first, strategy=Strategy.CONVENING)
    make_activity(second, strategy=Strategy.RESEARCH)
    with CaptureQueriesContext(connection) as captured:
        counts = by_strategy([first.pk, second.pk, quiet.pk])
    assert len(captured) == 1
    assert counts[first.pk]["training"] == 3
    assert counts[first.pk]["convening"] == 1
    assert counts[first.pk]["research"] == 0
    assert counts[second.pk] == {**dict.fromkeys(Strategy.values, 0), "research": 1}
    assert counts[quiet.pk] == dict.fromkeys(Strategy.values, 0)
    assert list(counts[quiet.pk]) == Strategy.values


def test_by_strategy_of_nobody_is_empty():
    assert by_strategy([]) == {}


def test_summary_gives_counts_latest_activities_and_what_is_still_open():
    collaboration = make_collaboration()
    other = make_collaboration()
    make_activity(other, strategy=Strategy.STAFF, description="Elsewhere")
    for day in range(1, 8):
        make_activity(
            collaboration,
            date=date(2026, 5, day),
            strategy=Strategy.CONVENING if day % 2 else Strategy.STAFF,
            description=f"Activity of May {day}",
        )
    make_lead(collaboration, source="Later grant", deadline=date(2026, 9, 1))
    make_lead(
        collaboration,
        source="Sooner grant",
        deadline=date(2026, 6, 1),
        status=ResourceLead.Status.REQUESTED,
    )
    make_lead(collaboration, source="Won", status=ResourceLead.Status.SECURED)
    make_lead(collaboration, source="Lost", status=ResourceLead.Status.DECLINED)
    make_barrier(collaboration, what="Permits", status=Barrier.Status.IN_PROGRESS)
    make_barrier(collaboration, what="Zoning", status=Barrier.Status.OPEN)
    make_barrier(collaboration, what="Solved", status=Barrier.Status.RESOLVED)

    with CaptureQueriesContext(connection) as captured:
        result = summary(collaboration)
    assert len(captured) == 4

    assert [(row.strategy, row.count) for row in result.by_strategy] == [
        (Strategy.TRAINING, 0),
        (Strategy.CONVENING, 4),
        (Strategy.ATTENTION, 0),
        (Strategy.REGULATORY, 0),
        (Strategy.RESOURCES, 0),
        (Strategy.RESEARCH, 0),
        (Strategy.STAFF, 3),
    ]
    assert result.total_activities == 7
    assert [a.description for a in result.latest_activities] == [
        f"Activity of May {day}" for day in (7, 6, 5, 4, 3)
    ]
    assert [lead.source for lead in result.open_leads] == ["Sooner grant", "Later grant"]
    assert [barrier.what for barrier in result.open_barriers] == ["Permits", "Zoning"]


def test_summary_of_an_empty_log():
    result = summary(make_collaboration())
    assert result.total_activities == 0
    assert len(result.by_strategy) == 7
    assert (result.latest_activities, result.open_leads, result.open_barriers) == ([], [], [])
