"""Sending on the task queue: text and HTML parts, unsubscribe headers, retries with backoff
when the mail server is down, and never a mail twice."""

from __future__ import annotations

from datetime import timedelta
from unittest import mock

import pytest
from django.core import mail
from django.core.mail import EmailMultiAlternatives
from django.tasks import default_task_backend
from django.test import override_settings
from django.urls import reverse

from notifications import tasks
from notifications.events import notify
from notifications.mail import read_unsubscribe_token
from notifications.models import EmailDelivery, Kind, Notification

pytestmark = pytest.mark.django_db

DUMMY = {"default": {"BACKEND": "django.tasks.backends.dummy.DummyBackend"}}


def mention(team, committed, who="partner") -> Notification:
    (notification,) = committed(
        notify,
        [team.user(who).pk],
        collaboration=team.collaboration,
        kind=Kind.MENTION,
        actor=team.facilitator.user,
        title="Fatima Khan mentioned you on “Tell the Story”",
        body="<b>Bold</b> request",
        url="/collaborations/1/tools/tell-the-story/#comments",
    )
    return notification


def test_a_mail_has_text_html_and_one_click_unsubscribe(team, committed):
    mention(team, committed)
    (message,) = mail.outbox
    assert message.to == ["pat@example.org"]
    assert "<b>Bold</b> request" in message.body  # the text part is plain text
    html = message.alternatives[0].content
    assert "&lt;b&gt;Bold&lt;/b&gt; request" in html
    unsubscribe = message.extra_headers["List-Unsubscribe"].strip("<>")
    assert message.extra_headers["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    token = unsubscribe.rsplit("/", 2)[-2]
    assert unsubscribe == "http://127.0.0.1:8000" + reverse(
        "notifications:unsubscribe", args=[token]
    )
    assert read_unsubscribe_token(token) == (team.partner.user.pk, "mentions")
    assert unsubscribe in message.body and unsubscribe in html
    # The header stays a URL mail programs can read, however long the address.
    raw = message.message().as_string()
    assert f"List-Unsubscribe: <{unsubscribe}>" in raw


def test_a_task_run_twice_sends_once(team, committed):
    notification = mention(team, committed)
    delivery = EmailDelivery.objects.get()
    assert delivery.status == EmailDelivery.Status.SENT
    assert tasks.send_email.call(delivery.pk) == "not pending"
    assert len(mail.outbox) == 1
    notification.refresh_from_db()
    assert notification.emailed_at is not None


def test_a_mail_server_that_is_down_delays_mail_and_loses_none(team, committed):
    calls = []
    real_send = EmailMultiAlternatives.send

    def flaky(message, fail_silently=False):
        calls.append(message.to)
        if len(calls) < 3:
            raise ConnectionRefusedError("mail server down")
        return real_send(message, fail_silently)

    with mock.patch.object(EmailMultiAlternatives, "send", flaky):
        mention(team, committed)
    delivery = EmailDelivery.objects.get()
    assert len(calls) == 3
    assert delivery.status == EmailDelivery.Status.SENT
    assert delivery.attempts == 3
    assert len(mail.outbox) == 1


@override_settings(TASKS=DUMMY)
def test_retries_wait_longer_each_time_and_then_give_up_until_the_next_round(team, committed):
    mention(team, committed)
    delivery = EmailDelivery.objects.get()
    with mock.patch.object(EmailMultiAlternatives, "send", side_effect=OSError("down")):
        for attempt in range(1, tasks.ATTEMPTS + 1):
            outcome = tasks.send_email.call(delivery.pk)
            delivery.refresh_from_db()
            assert delivery.attempts == attempt
            assert delivery.error == "OSError: down"
            assert outcome == ("retry" if attempt < tasks.ATTEMPTS else "failed")
    assert delivery.status == EmailDelivery.Status.FAILED
    assert [tasks.backoff(n) for n in (1, 2, 5)] == [
        timedelta(minutes=1),
        timedelta(minutes=2),
        timedelta(minutes=16),
    ]
    assert mail.outbox == []


def test_someone_who_left_before_the_mail_went_gets_none(team, committed):
    with override_settings(TASKS=DUMMY):
        mention(team, committed)
    team.partner.delete()
    delivery = EmailDelivery.objects.get()
    assert tasks.send_email.call(delivery.pk) == "skipped"
    assert mail.outbox == []


def test_sending_is_queued_not_done_in_the_request(team, committed):
    with override_settings(TASKS=DUMMY):
        default_task_backend.clear()
        mention(team, committed)
        assert mail.outbox == []
        (result,) = default_task_backend.results
        assert result.task.module_path == "notifications.tasks.send_email"
        assert result.args == [EmailDelivery.objects.get().pk]
