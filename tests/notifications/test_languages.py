"""Each person hears of events in their own language, whoever acted: the notification, its
mail (subject, both parts, the HTML's `lang`) and the dates in reminders."""

from __future__ import annotations

import datetime

from django.core import mail
from django.utils import translation
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from collaborations.models import Profile
from notifications import events, reminders
from notifications.models import Notification
from stages.models import Tool, Worksheet


def _worksheet(team) -> Worksheet:
    return Worksheet.objects.create(
        collaboration=team.collaboration, tool=Tool.objects.get(slug="tell-the-story")
    )


def test_a_review_request_reaches_each_facilitator_in_their_language(team, committed):
    Profile.objects.create(user=team.cofacilitator.user, language="es")
    Profile.objects.create(user=team.partner.user, language="en")
    worksheet = _worksheet(team)
    committed(events.review_requested, worksheet, team.partner.user)

    titles = dict(Notification.objects.values_list("recipient__email", "title"))
    assert titles["carlos@example.org"].startswith("Pat Lee marcó “")
    assert titles["carlos@example.org"].endswith("” como lista para revisión")
    assert titles["fatima@example.org"].startswith("Pat Lee marked “")

    by_recipient = {message.to[0]: message for message in mail.outbox}
    spanish = by_recipient["carlos@example.org"]
    assert spanish.subject.startswith("Pat Lee marcó")
    assert spanish.extra_headers["Content-Language"] == "es"
    assert "Elija lo que recibe por correo electrónico:" in spanish.body
    html = spanish.alternatives[0].content
    assert '<html lang="es">' in html
    english = by_recipient["fatima@example.org"]
    assert "Choose what you get by email:" in english.body
    assert '<html lang="en">' in english.alternatives[0].content


def test_a_digest_is_written_in_its_readers_language(team, committed):
    Profile.objects.create(user=team.facilitator.user, language="es")
    events.notify(
        [team.facilitator.user.pk],
        collaboration=team.collaboration,
        kind="comment",
        title=events.phrase(
            gettext_lazy("%(person)s commented on “%(tool)s”"), person="Pat Lee", tool="X"
        ),
        url="/",
    )
    notification = Notification.objects.get()
    assert notification.title == "Pat Lee comentó en “X”"


def test_a_deadline_reminder_writes_the_date_in_the_readers_language(team):
    Profile.objects.create(user=team.cofacilitator.user, language="es")
    due = datetime.date(2026, 6, 5)
    worksheet = Worksheet.objects.create(
        collaboration=team.collaboration,
        tool=Tool.objects.get(slug="demonstrate-competency"),
        answers={
            "commitments": [
                {
                    "id": "c1",
                    "commitment": "Host 20 interns",
                    "status": "on_track",
                    "due": "2026-06-05",
                }
            ]
        },
    )
    assert worksheet.pk
    reminders.run(datetime.datetime(2026, 6, 1, 12, tzinfo=datetime.UTC))
    titles = dict(Notification.objects.values_list("recipient__email", "title"))
    assert titles["carlos@example.org"] == "Vence pronto: “Host 20 interns” el 5 de junio de 2026"
    with translation.override("en"):
        english_date = date_format(due, "DATE_FORMAT")
    assert titles["fatima@example.org"] == f"Due soon: “Host 20 interns” on {english_date}"
