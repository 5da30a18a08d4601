"""The benchmark's data builder and its autosave post (the figures themselves are measured
by `make bench`, never asserted)."""

from __future__ import annotations

import time

import pytest
from django.http import HttpResponse, StreamingHttpResponse
from django.test import Client

from collaborations.models import Collaboration, Membership, Partner
from demo.bench_data import Sizes, add_collaborations, start
from demo.management.commands.bench import AUTOSAVED, Command, _post_data, read_timed
from stages.models import Measurement, SignOff, Worksheet
from stages.worksheets.declarations import definition_for
from stages.worksheets.forms import WorksheetForms

pytestmark = pytest.mark.django_db


def test_builder_fills_every_worksheet_and_grows_in_steps():
    data = start(Sizes(partners=4, rows=2, indicators=3, measurements=2, revisions=2))
    add_collaborations(data, 3, 2)
    add_collaborations(data, 2, 1)
    assert Collaboration.objects.count() == 5
    assert Membership.objects.filter(user=data.facilitator).count() == 3
    assert Partner.objects.count() == 5 * 4
    assert Worksheet.objects.count() == 5 * 17
    assert SignOff.objects.exists()
    # Only the first collaboration has measurements: 3 indicators, 2 months.
    assert set(Measurement.objects.values_list("collaboration", flat=True)) == {data.measured.pk}
    assert Measurement.objects.count() == 3 * 2


def test_autosave_post_saves_the_page_as_shown_with_one_answer_changed():
    data = start(Sizes(partners=4, rows=2, indicators=3, measurements=1, revisions=1))
    add_collaborations(data, 1, 1)
    sheet = Worksheet.objects.get(collaboration=data.measured, tool__slug=AUTOSAVED)
    partners = list(data.measured.partners.order_by("name"))
    forms = WorksheetForms(definition_for(AUTOSAVED), sheet.answers, partners)
    client = Client()
    client.force_login(data.facilitator)
    url = f"/collaborations/{data.measured.pk}/tools/{AUTOSAVED}/"
    response = client.post(url, _post_data(forms, sheet.version, "Changed"), HTTP_HX_REQUEST="true")
    assert response.status_code == 200
    saved = Worksheet.objects.get(pk=sheet.pk)
    first = definition_for(AUTOSAVED).fields[0].name
    assert saved.answers[first] == "Changed"
    assert saved.version == sheet.version + 1
    for table in definition_for(AUTOSAVED).tables:
        assert saved.answers[table.name] == sheet.answers[table.name]


def test_every_page_kind_is_measured():
    data = start(Sizes(partners=2, rows=1, indicators=1, measurements=1, revisions=1))
    add_collaborations(data, 1, 1)
    names = [name for name, _url in Command()._pages(data)]
    assert names[0] == "layout page"
    for kind in ("my collaborations", "portfolio", "portfolio CSV", "dashboard", "stage"):
        assert kind in names
    assert sum(name.startswith("worksheet: ") for name in names) == 17
    assert {"indicator page", "report page", "autosave POST"} <= set(names)


def test_a_streamed_response_is_timed_until_it_is_read_to_its_end():
    """The portfolio CSV is written while it is read: its figure counts that writing."""
    burnt = 0.03

    def rows():
        yield b"header\n"
        started = time.process_time()
        while time.process_time() - started < burnt:  # the CPU a slow row would take
            pass
        yield b"row\n"

    response = StreamingHttpResponse(rows())
    cpu, body = read_timed(response, time.process_time())
    assert body == b"header\nrow\n"
    assert cpu >= burnt


def test_a_response_is_timed_from_when_it_says_it_started():
    """The autosave post is timed from the post, not from building what it posts."""
    preparing = 0.03
    started = time.process_time()
    while time.process_time() - started < preparing:  # building the post
        pass
    response = HttpResponse(b"saved")
    response.started = time.process_time()
    cpu, body = read_timed(response, started)
    assert body == b"saved"
    assert cpu < preparing
