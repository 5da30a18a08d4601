"""Many people saving one worksheet at once, from the same page load, against a live server:
different answers all survive; the same answer keeps exactly one value and asks everyone
else to choose, for that answer alone."""

from __future__ import annotations

import re
import secrets
import threading
import urllib.error
import urllib.parse
import urllib.request

import pytest
from django.test import Client

from collaborations.models import Role
from stages import services
from stages.models import Tool, Worksheet
from stages.worksheets.declarations import definition_for
from tests.factories import make_member
from tests.stages.worksheet_data import answers_post

pytestmark = pytest.mark.django_db(transaction=True)

SLUG = "engage-potential-partners"
ROWS = 20


class _NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Browser:
    """One person's session against the live server. Django accepts its CSRF cookie's
    secret as the form's token, so one chosen at random serves both."""

    def __init__(self, live_server, user, path: str) -> None:
        client = Client()
        client.force_login(user)
        self.token = secrets.token_hex(16)
        self.url = live_server.url + path
        self.opener = urllib.request.build_opener(_NoRedirect)
        self.opener.addheaders = [
            ("Cookie", f"sessionid={client.cookies['sessionid'].value}; csrftoken={self.token}"),
            ("Referer", self.url),
        ]

    def post(self, data: dict) -> tuple[int, str]:
        body = urllib.parse.urlencode({**data, "csrfmiddlewaretoken": self.token}, doseq=True)
        request = urllib.request.Request(self.url, data=body.encode())
        try:
            response = self.opener.open(request)
            return response.status, response.read().decode()
        except urllib.error.HTTPError as error:  # the redirect after a save lands here too
            return error.code, error.read().decode()


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


def _all_at_once(browsers: list[Browser], posts: list[dict]) -> list[tuple[int, str]]:
    results: list = [None] * len(browsers)
    start = threading.Barrier(len(browsers))

    def run(index: int) -> None:
        start.wait()
        results[index] = browsers[index].post(posts[index])

    threads = [threading.Thread(target=run, args=(i,)) for i in range(len(browsers))]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=120)
    return results


def _people(cast, live_server, count: int) -> list[Browser]:
    path = f"/collaborations/{cast.collaboration.pk}/tools/{SLUG}/"
    members = [make_member(cast.collaboration, Role.PARTNER) for _ in range(count)]
    return [Browser(live_server, m.user, path) for m in members]


def test_twenty_people_saving_different_answers_at_once_all_keep_their_work(cast, live_server):
    base = _base(cast)
    definition = definition_for(SLUG)
    browsers = _people(cast, live_server, ROWS)
    posts = []
    for index in range(ROWS):
        answers = {**base, "stakeholders": [dict(r) for r in base["stakeholders"]]}
        answers["stakeholders"][index]["stake"] = f"Stake written by person {index}"
        posts.append(answers_post(definition, answers, version=1))

    results = _all_at_once(browsers, posts)

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

    results = _all_at_once(browsers, posts)

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
