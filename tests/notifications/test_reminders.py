"""`send_reminders`: deadlines due within 7 days or late reach the responsible partner's
members and the facilitators; digests go out in each person's morning, grouped by
collaboration; running it again sends nothing twice."""

from __future__ import annotations

import datetime
import io
import zoneinfo

import pytest
from django.core import mail
from django.core.management import call_command
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from django.utils.formats import date_format

from notifications import reminders
from notifications.events import notify
from notifications.mail import unsubscribe_token
from notifications.models import EmailDelivery, Frequency, Kind, Notification, Preferences
from stages.models import Tool, Worksheet
from tests.factories import make_collaboration, make_member

pytestmark = pytest.mark.django_db

# A Friday, 9:00 UTC.
NOW = datetime.datetime(2026, 11, 27, 9, 0, tzinfo=datetime.UTC)
TODAY = NOW.date()


def day(offset: int) -> str:
    return (TODAY + datetime.timedelta(days=offset)).isoformat()


def shown(offset: int) -> str:
    """The date as a reminder writes it, in the reader's language ("Dec. 3, 2026")."""
    return date_format(TODAY + datetime.timedelta(days=offset), "DATE_FORMAT")


@pytest.fixture
def promises(team):
    commitments = [
        {
            "id": "c1",
            "commitment": "Host 20 interns",
            "partner": team.partner.partner_id,
            "due": day(5),
            "status": "on_track",
        },
        {
            "id": "c2",
            "commitment": "Open the permit desk",
            "partner": team.other.partner_id,
            "due": day(-2),
            "status": "on_track",
        },
        {
            "id": "c3",
            "commitment": "Fund the bus passes",
            "partner": team.other.partner_id,
            "due": day(20),
            "status": "on_track",
        },
        {
            "id": "c4",
            "commitment": "Train mentors",
            "partner": team.partner.partner_id,
            "due": day(3),
            "status": "done",
        },
    ]
    milestones = [
        {"id": "m1", "milestone": "First cohort starts", "due": day(6), "status": "planned"},
        {"id": "m2", "milestone": "Launch event", "due": day(1), "status": "reached"},
    ]
    for slug, table, rows in (
        ("demonstrate-competency", "commitments", commitments),
        ("manage-expectations", "milestones", milestones),
    ):
        Worksheet.objects.create(
            collaboration=team.collaboration,
            tool=Tool.objects.get(slug=slug),
            status=Worksheet.Status.IN_PROGRESS,
            answers={table: rows},
            version=1,
        )
    return team


def made_at(when: datetime.datetime) -> None:
    """The notifications so far were made at `when` (the night before a morning's digest)."""
    Notification.objects.update(created_at=when)


def comment_for_partner(team, collaboration=None, title: str = "A comment") -> None:
    """The facilitator comments; the partner member is told."""
    notify(
        [team.partner.user.pk],
        collaboration=collaboration or team.collaboration,
        kind=Kind.COMMENT,
        actor=team.facilitator.user,
        title=title,
        url="/",
    )


def reminded() -> dict[str, set[str]]:
    found: dict[str, set[str]] = {}
    for title, email in Notification.objects.values_list("title", "recipient__email"):
        found.setdefault(title, set()).add(email)
    return found


def test_due_soon_and_late_reach_the_responsible_partner_and_the_facilitators(
    promises, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        reminders.run(NOW)
    facilitators = {"fatima@example.org", "carlos@example.org"}
    assert reminded() == {
        f"Due soon: “Host 20 interns” on {shown(5)}": facilitators
        | {"pat@example.org", "paula@example.org"},
        f"Late: “Open the permit desk” was due {shown(-2)}": facilitators | {"omar@example.org"},
        f"Due soon: “First cohort starts” on {shown(6)}": facilitators,
    }
    assert set(Notification.objects.values_list("kind", flat=True)) == {Kind.DUE_SOON, Kind.LATE}


def test_running_again_reminds_nobody_twice_and_a_due_soon_that_turns_late_is_new(
    promises, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        first = reminders.run(NOW)
        again = reminders.run(NOW + datetime.timedelta(minutes=15))
    assert first["reminders"] == 9
    assert again == {"reminders": 0, "digests": 0, "retried": 0}
    later = NOW + datetime.timedelta(days=6)
    with django_capture_on_commit_callbacks(execute=True):
        reminders.deadline_reminders(later.date())
    assert (
        Notification.objects.filter(kind=Kind.LATE, title__contains="Host 20 interns").count() == 4
    )


def test_a_commitment_due_in_5_days_is_in_the_partners_daily_digest(
    promises, django_capture_on_commit_callbacks
):
    reminders.deadline_reminders(TODAY)
    made_at(NOW - datetime.timedelta(hours=9))
    with django_capture_on_commit_callbacks(execute=True):
        counts = reminders.run(NOW)
    # Deadlines go to the daily digest by default: one digest for each of the six people.
    assert counts["digests"] == 5
    pats = [m for m in mail.outbox if m.to == ["pat@example.org"]]
    (digest,) = pats
    assert digest.subject == "Your daily digest: 1 thing waits for you"
    assert "Riverside Youth Jobs" in digest.body
    assert f"Due soon: “Host 20 interns” on {shown(5)}" in digest.body
    assert "unsubscribe" in digest.extra_headers["List-Unsubscribe"]
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.run(NOW + datetime.timedelta(hours=3))["digests"] == 0
    assert len([m for m in mail.outbox if m.to == ["pat@example.org"]]) == 1


def test_digests_wait_for_the_readers_morning_and_group_by_collaboration(
    team, django_capture_on_commit_callbacks
):
    Preferences.objects.create(
        user=team.partner.user, comments=Frequency.DAILY, time_zone="America/Chicago"
    )
    second = make_collaboration(name="Harbor Health")
    make_member(second, user=team.partner.user)
    for collaboration in (team.collaboration, second, team.collaboration):
        comment_for_partner(team, collaboration, f"A comment in {collaboration.name}")
    chicago = zoneinfo.ZoneInfo("America/Chicago")
    at_seven = datetime.datetime(2026, 11, 27, 7, 0, tzinfo=chicago)
    made_at(at_seven - datetime.timedelta(hours=1))
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.digests(at_seven) == 0
        assert reminders.digests(at_seven + datetime.timedelta(hours=1)) == 1
    (digest,) = mail.outbox
    assert digest.subject == "Your daily digest: 3 things wait for you"
    body = digest.body
    assert body.index("Harbor Health") < body.index("Riverside Youth Jobs")
    assert body.count("A comment in Riverside Youth Jobs") == 2
    assert EmailDelivery.objects.get().key == f"digest:daily:{team.partner.user.pk}:2026-11-27"
    # Read or mailed notifications are not mailed again the next day.
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.digests(at_seven + datetime.timedelta(days=1, hours=2)) == 0


def test_weekly_digests_go_out_on_monday_mornings(team, django_capture_on_commit_callbacks):
    Preferences.objects.create(user=team.partner.user, comments=Frequency.WEEKLY)
    comment_for_partner(team)
    made_at(NOW)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.digests(NOW) == 0  # a Friday
        monday = NOW + datetime.timedelta(days=3)
        assert reminders.digests(monday) == 1
        assert reminders.digests(monday + datetime.timedelta(hours=4)) == 0
    assert mail.outbox[0].subject == "Your weekly digest: 1 thing waits for you"


def test_archived_collaborations_send_no_reminders(promises):
    promises.collaboration.archived_at = timezone.now()
    promises.collaboration.save()
    assert reminders.deadline_reminders(TODAY) == 0


def test_the_command_says_what_it_did(promises, django_capture_on_commit_callbacks):
    output = io.StringIO()
    with django_capture_on_commit_callbacks(execute=True):
        call_command("send_reminders", stdout=output)
    assert "reminders" in output.getvalue() and "digests queued" in output.getvalue()


DATABASE = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend"}}


def test_the_worker_runs_the_rounds_on_a_schedule_with_one_round_waiting(team, settings):
    from django_tasks_db.models import DBTaskResult

    from notifications import tasks

    settings.TASKS = DATABASE
    for _ in range(3):
        call_command("send_reminders", "--schedule", stdout=io.StringIO())
    (waiting,) = DBTaskResult.objects.all()
    assert waiting.task_path == "notifications.tasks.reminders_round"
    assert waiting.run_after > timezone.now() + datetime.timedelta(minutes=14)
    # The round itself, once running, queues the next one.
    waiting.delete()
    tasks.reminders_round.call()
    assert DBTaskResult.objects.get().task_path == "notifications.tasks.reminders_round"


def test_after_unsubscribing_from_the_daily_digest_none_comes_the_next_morning(
    team, django_capture_on_commit_callbacks
):
    """Pat gets comments in a daily digest. A comment arrives in the evening; Pat then presses
    "Unsubscribe" in yesterday's digest. The next morning brings no digest: what waited is
    still on the notifications page, not in the mailbox."""
    comment_for_partner(team)
    made_at(NOW - datetime.timedelta(hours=12))
    token = unsubscribe_token(team.partner.user.pk, Frequency.DAILY)
    Client().post(reverse("notifications:unsubscribe", args=[token]))
    assert Preferences.objects.get(user=team.partner.user).comments == Frequency.NEVER
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.digests(NOW) == 0
    assert mail.outbox == []
    assert Notification.objects.filter(recipient=team.partner.user, read_at=None).count() == 1


def test_a_daily_digest_comes_in_the_morning_even_when_nothing_waited_at_eight(
    team, django_capture_on_commit_callbacks
):
    """Nothing waited for Pat at 8:00. A comment arrives at 14:00: it comes in the next
    morning's digest, not in a second "daily" digest that afternoon."""
    Preferences.objects.create(user=team.partner.user, comments=Frequency.DAILY)
    morning = datetime.datetime(2026, 11, 27, 8, 0, tzinfo=datetime.UTC)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.digests(morning) == 0
    (comment,) = notify(
        [team.partner.user.pk],
        collaboration=team.collaboration,
        kind=Kind.COMMENT,
        actor=team.facilitator.user,
        title="A comment",
        url="/",
    )
    afternoon = morning + datetime.timedelta(hours=6)
    Notification.objects.filter(pk=comment.pk).update(created_at=afternoon)
    with django_capture_on_commit_callbacks(execute=True):
        assert reminders.digests(afternoon + datetime.timedelta(minutes=15)) == 0
        assert reminders.digests(morning + datetime.timedelta(days=1)) == 1
    (digest,) = mail.outbox
    assert "A comment" in digest.body
