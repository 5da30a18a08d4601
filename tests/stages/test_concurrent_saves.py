"""Many people saving one worksheet at once, from the same page load, against a live server:
different answers all survive; the same answer keeps exactly one value and asks everyone
else to choose, for that answer alone."""

from __future__ import annotations

import re

import pytest

from collaborations.models import Role
from stages import services
from stages.models import Tool, Worksheet
from stages.worksheets.declarations import definition_for
from tests.factories import make_member
from tests.live_http import Session, all_at_once
from tests.stages.worksheet_data import answers_post

pytestmark = pytest.mark.django_db(transaction=True)

SLUG = "engage-potential-partners"
ROWS = 20


def _base(cast) -> dict:
    """Version 1: two answers and twenty stakeholders."""
    rows = [
        {
            "id": f"new-row{index:02d}",
            "organization": f"Organization {index}",
            "sector": "business",
            "stake": "",
            "influence": None,
            "interest": None,
            "closeness": "",
            "status": "",
        }
        for index in range(ROWS)
    ]
    answers = {"networks": "", "alignment": "", "stakeholders": rows}
    sheet = Worksheet(collaboration=cast.collaboration, tool=Tool.objects.get(slug=SLUG))
    saved = services.worksheet_save(
        worksheet=sheet, answers=answers, user=cast.facilitator.user, version=0
    )
    assert saved.worksheet.version == 1
    return saved.worksheet.answers


def _path(cast) -> str:
    return f"/collaborations/{cast.collaboration.pk}/tools/{SLUG}/"


def _people(cast, live_server, count: int) -> list[Session]:
    members = [make_member(cast.collaboration, Role.PARTNER) for _ in range(count)]
    return [Session(live_server, m.user) for m in members]


def _all_at_once(cast, people: list[Session], posts: list[dict]) -> list[tuple[int, str]]:
    path = _path(cast)
    pairs = zip(people, posts, strict=True)
    return all_at_once([lambda s=s, p=p: s.post(path, p) for s, p in pairs])


def test_twenty_people_saving_different_answers_at_once_all_keep_their_work(cast, live_server):
    base = _base(cast)
    definition = definition_for(SLUG)
    browsers = _people(cast, live_server, ROWS)
    posts = []
    for index in range(ROWS):
        answers = {**base, "stakeholders": [dict(r) for r in base["stakeholders"]]}
        answers["stakeholders"][index]["stake"] = f"Stake written by person {index}"
        posts.append(answers_post(definition, answers, version=1))

    results = _all_at_once(cast, browsers, posts)

    assert [status for status, _page in results] == [302] * ROWS
    sheet = Worksheet.objects.get(tool__slug=SLUG)
    assert sheet.version == 1 + ROWS
    stakes = [row["stake"] for row in sheet.answers["stakeholders"]]
    assert stakes == [f"Stake written by person {i}" for i in range(ROWS)]
    assert [r["id"] for r in sheet.answers["stakeholders"]] == [
        r["id"] for r in base["stakeholders"]
    ]


def test_people_saving_the_same_answers_at_once_get_one_value_and_a_choice(cast, live_server):
    base = _base(cast)
    definition = definition_for(SLUG)
    count = 12
    browsers = _people(cast, live_server, count)
    posts = []
    for index in range(count):
        contested = "networks" if index % 2 == 0 else "alignment"
        answers = {**base, "stakeholders": [dict(r) for r in base["stakeholders"]]}
        answers[contested] = f"{contested} by person {index}"
        answers["stakeholders"][index]["stake"] = f"Stake written by person {index}"
        posts.append(answers_post(definition, answers, version=1))

    results = _all_at_once(cast, browsers, posts)

    statuses = [status for status, _page in results]
    assert set(statuses) <= {302, 409}, statuses
    sheet = Worksheet.objects.get(tool__slug=SLUG)
    for contested in ("networks", "alignment"):
        submitted = [posts[i][f"answers-{contested}"] for i in range(count)]
        assert sheet.answers[contested] in submitted
    # Everything not contested is kept, the losers' included.
    stakes = [row["stake"] for row in sheet.answers["stakeholders"][:count]]
    assert stakes == [f"Stake written by person {i}" for i in range(count)]
    for index, (status, page) in enumerate(results):
        contested = "networks" if index % 2 == 0 else "alignment"
        won = sheet.answers[contested] == posts[index][f"answers-{contested}"]
        assert status == (302 if won else 409), (index, status)
        if not won:
            assert set(re.findall(r'name="resolve:([^"]+)"', page)) == {contested}
    assert statuses.count(302) == 2
