"""A facilitator's "Ask for sign-off" and "Remind those who haven't" on the health check:
only those who have not acted, at most once every three days each."""

from __future__ import annotations

import datetime

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse
from django.utils import timezone

from collaborations.models import Partner
from health.models import HealthCheck
from notifications.events import quarter_start
from notifications.models import Kind, Notification
from stages.models import SignOff, Tool

pytestmark = pytest.mark.django_db

SLUG = "share-a-vision-of-success"  # a worksheet where consensus matters


def client(team, who: str) -> Client:
    c = Client()
    c.force_login(team.user(who))
    return c


def ask_url(team, slug: str = SLUG) -> str:
    return reverse("stages:worksheet-ask-sign-off", args=[team.collaboration.pk, slug])


def remind_url(team) -> str:
    return reverse("health:remind", args=[team.collaboration.pk])


def asked(kind: str) -> list[str]:
    return sorted(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


def test_ask_for_sign_off_reaches_only_organizations_that_have_not_signed(team, committed):
    SignOff.objects.create(
        collaboration=team.collaboration,
        tool=Tool.objects.get(slug=SLUG),
        partner=team.other.partner,
        position=SignOff.Position.AGREES,
        user=team.other.user,
    )
    response = committed(client(team, "facilitator").post, ask_url(team), follow=True)
    assert "Asked 2 people at Workforce Alliance." in response.content.decode()
    assert asked(Kind.SIGN_OFF_REQUESTED) == ["pat@example.org", "paula@example.org"]
    assert sorted(m.to[0] for m in mail.outbox) == ["pat@example.org", "paula@example.org"]
    assert mail.outbox[0].subject.startswith(
        "Fatima Khan asks your organization to sign off “Share a Vision of Success”"
    )


def test_nobody_is_asked_twice_within_three_days(team, committed):
    c = client(team, "facilitator")
    committed(c.post, ask_url(team))
    again = committed(client(team, "cofacilitator").post, ask_url(team), follow=True)
    assert "was asked in the last three days" in again.content.decode()
    assert len(asked(Kind.SIGN_OFF_REQUESTED)) == 3  # Pat, Paula and Omar
    Notification.objects.update(created_at=timezone.now() - datetime.timedelta(days=3, hours=1))
    committed(c.post, ask_url(team))
    assert len(asked(Kind.SIGN_OFF_REQUESTED)) == 6


def test_when_everyone_signed_nobody_is_asked(team, committed):
    tool = Tool.objects.get(slug=SLUG)
    for member in (team.partner, team.other):
        SignOff.objects.create(
            collaboration=team.collaboration,
            tool=tool,
            partner=member.partner,
            position=SignOff.Position.AGREES,
            user=member.user,
        )
    response = committed(client(team, "facilitator").post, ask_url(team), follow=True)
    assert "Every partner organization has recorded its position." in response.content.decode()
    assert not Notification.objects.exists()


def test_organizations_no_longer_taking_part_are_not_asked(team, committed):
    """City Hall has left the collaboration: its position is not waited for, so it is
    neither named as still to sign nor are its members asked."""
    Partner.objects.filter(pk=team.other.partner_id).update(status=Partner.Status.FORMER)
    response = committed(client(team, "facilitator").post, ask_url(team), follow=True)
    assert "Asked 2 people at Workforce Alliance." in response.content.decode()
    assert asked(Kind.SIGN_OFF_REQUESTED) == ["pat@example.org", "paula@example.org"]


def test_only_worksheets_that_ask_for_sign_off_have_the_button(team):
    c = client(team, "facilitator")
    assert c.post(ask_url(team, "assess-the-history")).status_code == 404
    assert c.post(ask_url(team, "no-such-tool")).status_code == 404
    page = c.get(reverse("stages:worksheet", args=[team.collaboration.pk, SLUG]))
    assert ask_url(team) in page.content.decode()
    partner_page = client(team, "partner").get(
        reverse("stages:worksheet", args=[team.collaboration.pk, SLUG])
    )
    assert ask_url(team) not in partner_page.content.decode()


def test_remind_those_who_have_not_rated_this_quarter(team, committed):
    today = timezone.localdate()
    HealthCheck.objects.create(collaboration=team.collaboration, user=team.partner.user)
    HealthCheck.objects.create(
        collaboration=team.collaboration,
        user=team.other.user,
        taken_at=timezone.now() - datetime.timedelta(days=(today - quarter_start(today)).days + 1),
    )
    response = committed(client(team, "facilitator").post, remind_url(team), follow=True)
    assert "Reminded 4 members who have not rated this quarter." in response.content.decode()
    assert asked(Kind.HEALTH_CHECK_REMINDER) == [
        "carlos@example.org",
        "omar@example.org",
        "paula@example.org",
        "vera@example.org",
    ]
    again = committed(client(team, "facilitator").post, remind_url(team), follow=True)
    assert "or was reminded in the last three days" in again.content.decode()
    assert len(asked(Kind.HEALTH_CHECK_REMINDER)) == 4


def test_quarters_start_in_january_april_july_and_october():
    assert [quarter_start(datetime.date(2026, m, 15)).month for m in (1, 3, 4, 8, 12)] == [
        1,
        1,
        4,
        7,
        10,
    ]


@pytest.mark.parametrize("who", ["cofacilitator", "partner", "viewer", "outsider", "anonymous"])
def test_only_facilitators_may_remind(team, who):
    c = Client() if who == "anonymous" else client(team, who)
    for url in (ask_url(team), remind_url(team)):
        response = c.post(url)
        expected = {"cofacilitator": 302, "outsider": 404, "anonymous": 302}.get(who, 403)
        assert response.status_code == expected
        if who == "anonymous":
            assert response["Location"].startswith(reverse("account_login"))
        assert c.get(url).status_code == {"anonymous": 302, "outsider": 404}.get(who, 405)
    if who not in ("cofacilitator",):
        assert not Notification.objects.exists()
