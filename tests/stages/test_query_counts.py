"""Pages must not issue more queries as data grows."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from collaborations.models import Role
from stages.models import Comment, Measurement, SignOff, Tool, Worksheet, WorksheetRevision
from stages.worksheets.declarations import DEFINITIONS
from stages.worksheets.schema import Kind
from tests.factories import make_collaboration, make_member, make_partner, make_user

pytestmark = pytest.mark.django_db


def _queries(client, url: str) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_collaboration_list_queries_do_not_grow(client):
    user = make_user()
    client.force_login(user)
    make_member(make_collaboration(), Role.FACILITATOR, user)
    few = _queries(client, reverse("collaboration-list"))
    tools = list(Tool.objects.all())
    for _ in range(6):
        collaboration = make_collaboration()
        make_member(collaboration, Role.PARTNER, user)
        for tool in tools[:5]:
            Worksheet.objects.create(collaboration=collaboration, tool=tool, status="complete")
    assert _queries(client, reverse("collaboration-list")) == few


def _fill(collaboration, partners: int, rows: int, user) -> None:
    """Partners, every worksheet with `rows` rows in each of its tables, measurements of each
    indicator, sign-offs, revisions and comments."""
    made = [make_partner(collaboration) for _ in range(partners)]
    for tool in Tool.objects.all():
        definition = DEFINITIONS[tool.slug]
        answers = {
            table.name: [
                {
                    "id": f"r{n}",
                    **{c.name: str(n) for c in table.columns if c.kind == Kind.TEXT},
                    "partner": made[n % len(made)].pk,
                    "due": "2020-01-01",
                    "status": "on_track",
                    "influence": 1 + n % 5,
                    "interest": 1 + n % 4,
                    "value": 100,
                    "kind": "funding",
                    "baseline": 0,
                    "target": 10,
                }
                for n in range(rows)
            ]
            for table in definition.tables
        }
        sheet = Worksheet.objects.create(
            collaboration=collaboration,
            tool=tool,
            status=Worksheet.Status.READY_FOR_REVIEW,
            answers=answers,
            updated_by=user,
            updated_at=timezone.now(),
        )
        WorksheetRevision.objects.create(worksheet=sheet, version=1, status=sheet.status, user=user)
        Comment.objects.create(collaboration=collaboration, tool=tool, author=user, body="Hm")
        for partner in made:
            if definition.sign_off:
                SignOff.objects.create(
                    collaboration=collaboration,
                    tool=tool,
                    partner=partner,
                    position="agrees",
                    user=user,
                    on_behalf=True,
                )
        for table in definition.tables:
            if table.measured:
                Measurement.objects.bulk_create(
                    Measurement(
                        collaboration=collaboration,
                        tool=tool,
                        table=table.name,
                        row_id=f"r{n}",
                        date="2026-01-01",
                        value=n,
                    )
                    for n in range(rows)
                )


COLLABORATION_PAGES = [
    ("collaboration", {}),
    ("dashboards:stage", {"stage_slug": "design"}),
    ("dashboards:stage", {"stage_slug": "implementation"}),
    ("collaborations:partners", {}),
    ("stages:worksheet", {"tool_slug": "share-a-vision-of-success"}),
    (
        "stages:indicator",
        {"tool_slug": "agree-on-measures-of-success", "table": "indicators", "row_id": "r0"},
    ),
]


@pytest.mark.parametrize(("page", "kwargs"), COLLABORATION_PAGES)
def test_collaboration_pages_queries_do_not_grow(page, kwargs):
    """The same number of queries for 3 partners and little data as for 40 partners and
    every worksheet full."""
    counts = []
    for partners, rows in ((3, 1), (40, 12)):
        collaboration = make_collaboration()
        user = make_user()
        make_member(collaboration, Role.FACILITATOR, user)
        _fill(collaboration, partners, rows, user)
        client = Client()
        client.force_login(user)
        counts.append(
            _queries(client, reverse(page, kwargs={"collaboration_id": collaboration.pk, **kwargs}))
        )
    assert counts[0] == counts[1]


@pytest.mark.parametrize("page", ["portfolio", "portfolio-csv"])
def test_portfolio_queries_do_not_grow(page):
    """A portfolio of 2 collaborations and one of 50 take the same number of queries."""
    counts = []
    for size in (2, 50):
        user = make_user()
        for _ in range(size):
            collaboration = make_collaboration()
            make_member(collaboration, Role.FACILITATOR, user)
            _fill(collaboration, partners=2, rows=2, user=user)
        client = Client()
        client.force_login(user)
        counts.append(_queries(client, reverse(page)))
    assert counts[0] == counts[1]


def test_members_page_queries_do_not_grow(cast):
    client = cast.client("facilitator")
    url = reverse("collaborations:members", args=[cast.collaboration.pk])
    few = _queries(client, url)
    for _ in range(15):
        make_member(cast.collaboration, Role.PARTNER, partner=make_partner(cast.collaboration))
    assert _queries(client, url) == few
