"""The dashboard reads the answers of the worksheets whose tables it shows (charts, ledgers,
indicators, deadlines), exactly as saved, and leaves the others' unread; the stage page reads
none."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from dashboards.overview import READ_BY_DASHBOARD, overview, stage_overview
from stages.models import Stage, Tool, Worksheet
from stages.worksheets.declarations import DEFINITIONS

pytestmark = pytest.mark.django_db

RESOURCES = {
    "resources": [
        {
            "id": "r1",
            "kind": "facility",
            "description": "Meeting space",
            "value": "1200.50",
            "status": "committed",
        },
    ]
}
FACTS = {"facts": [{"id": "f1", "statement": "Three in ten <b>adults</b> walk to work"}]}


def _save(collaboration, slug: str, answers: dict) -> Worksheet:
    return Worksheet.objects.create(
        collaboration=collaboration,
        tool=Tool.objects.get(slug=slug),
        status=Worksheet.Status.IN_PROGRESS,
        answers=answers,
        updated_at=timezone.now(),
    )


def test_the_tools_read_are_those_with_tables_the_dashboard_shows():
    assert "account-for-resources" in READ_BY_DASHBOARD  # a ledger with status totals
    assert "agree-on-measures-of-success" in READ_BY_DASHBOARD  # indicators
    assert "demonstrate-competency" in READ_BY_DASHBOARD  # deadlines
    assert "build-a-common-fact-base" not in READ_BY_DASHBOARD
    assert READ_BY_DASHBOARD.issubset(DEFINITIONS)


def test_answers_read_are_the_saved_ones_and_the_others_are_left_unread(cast):
    _save(cast.collaboration, "account-for-resources", RESOURCES)
    _save(cast.collaboration, "build-a-common-fact-base", FACTS)
    seen = overview(cast.collaboration)
    sheets = {tool.slug: sheet for tool, sheet in seen.tools}
    ledger, facts = sheets["account-for-resources"], sheets["build-a-common-fact-base"]
    assert "answers" not in ledger.get_deferred_fields()
    assert "answers" in facts.get_deferred_fields()
    with CaptureQueriesContext(connection) as queries:
        # Decoded as the worksheet's own field decodes them, on every database.
        assert ledger.answers == RESOURCES
        assert [tool.slug for tool, _table, _sums in seen.resources] == ["account-for-resources"]
    assert not queries
    # Unread is not lost: asked for, the answers are read then.
    with CaptureQueriesContext(connection) as queries:
        assert facts.answers == FACTS
    assert len(queries) == 1


def test_the_stage_page_reads_no_answers(cast):
    _save(cast.collaboration, "account-for-resources", RESOURCES)
    stage = Stage.objects.get(tools__slug="account-for-resources")
    _progress, tools = stage_overview(cast.collaboration, stage)
    sheet = next(sheet for tool, sheet in tools if tool.slug == "account-for-resources")
    assert sheet.pk and "answers" in sheet.get_deferred_fields()


@pytest.mark.parametrize("shown", ["dashboard", "stage page"])
def test_the_pages_as_shown_read_no_unread_answers(cast, shown):
    """Saving a worksheet whose answers the page does not show costs the page no query: the
    page as rendered (charts, indicators, ledgers, rows, templates) leaves them unread."""
    _save(cast.collaboration, "account-for-resources", RESOURCES)
    stage = Stage.objects.get(tools__slug="build-a-common-fact-base")
    url = (
        reverse("collaboration", args=[cast.collaboration.pk])
        if shown == "dashboard"
        else reverse("dashboards:stage", args=[cast.collaboration.pk, stage.slug])
    )
    client = cast.client("facilitator")
    counts = []
    for slug in ("build-a-common-fact-base", "commit-to-information-sharing"):
        with CaptureQueriesContext(connection) as queries:
            assert client.get(url).status_code == 200
        counts.append(len(queries))
        _save(cast.collaboration, slug, FACTS)
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    assert counts == [len(queries)] * 2
