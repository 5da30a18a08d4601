"""The demo collaboration comes with a support log."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import call_command

from collaborations.models import Collaboration
from demo.management.commands.seed_demo import COLLABORATION
from support.models import Activity, Barrier, ResourceLead

pytestmark = pytest.mark.django_db


def _seed() -> None:
    call_command("seed_demo", stdout=StringIO())


def test_seed_demo_adds_a_support_log(settings):
    settings.DEBUG = True
    _seed()
    collaboration = Collaboration.objects.get(name=COLLABORATION["name"])
    activities = Activity.objects.filter(collaboration=collaboration)
    assert activities.count() >= 5
    assert activities.values("strategy").distinct().count() >= 5
    assert {a.mode for a in activities} == {"face_to_face", "remote"}
    assert all(a.recorded_by.email == "facilitator@example.org" for a in activities)
    assert ResourceLead.objects.filter(collaboration=collaboration).count() == 2
    assert Barrier.objects.filter(collaboration=collaboration).count() == 1


def test_seeding_twice_adds_no_second_support_log(settings):
    settings.DEBUG = True
    _seed()
    counts = (Activity.objects.count(), ResourceLead.objects.count(), Barrier.objects.count())
    assert counts[0] > 0
    _seed()
    assert (
        Activity.objects.count(),
        ResourceLead.objects.count(),
        Barrier.objects.count(),
    ) == counts


def test_demo_support_log_page_shows_the_entries(settings, client):
    settings.DEBUG = True
    _seed()
    collaboration = Collaboration.objects.get(name=COLLABORATION["name"])
    client.login(username="facilitator@example.org", password="intersector-demo")
    page = client.get(f"/collaborations/{collaboration.pk}/support/").content.decode()
    assert "Kick-off convening" in page
    assert "youth apprenticeship readiness grant" in page
    assert "work-permit process" in page
