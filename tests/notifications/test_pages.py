"""The bell, the notifications page (without JavaScript, in fixed queries), the preferences
page and unsubscribing from a mail's link."""

from __future__ import annotations

import pytest
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from collaborations.models import Role
from notifications.events import notify
from notifications.mail import unsubscribe_token
from notifications.models import Frequency, Kind, Notification, Preferences
from tests.factories import make_collaboration, make_member

pytestmark = pytest.mark.django_db

LIST = reverse("notifications:list")


def client(user) -> Client:
    c = Client()
    c.force_login(user)
    return c


def some(team, count: int, who: str = "partner") -> list[Notification]:
    made = []
    for number in range(count):
        made += notify(
            [team.user(who).pk],
            collaboration=team.collaboration,
            kind=Kind.COMMENT,
            actor=team.facilitator.user,
            title=f"Comment number {number}",
            body="Body text",
            url=f"/collaborations/{team.collaboration.pk}/",
        )
    return made


def test_the_bell_shows_the_unread_count(team):
    some(team, 3)
    page = client(team.partner.user).get(reverse("collaboration-list")).content.decode()
    assert '3<span class="visually-hidden"> unread</span>' in page
    quiet = client(team.other.user).get(reverse("collaboration-list")).content.decode()
    assert "unread</span>" not in quiet
    assert 'href="/notifications/"' in quiet


def test_the_list_shows_newest_first_and_marks_read_without_javascript(team):
    first, second = some(team, 2)
    c = client(team.partner.user)
    page = c.get(LIST).content.decode()
    assert page.index("Comment number 1") < page.index("Comment number 0")
    response = c.post(reverse("notifications:read", args=[first.pk]), {"next": LIST})
    assert response.status_code == 302 and response["Location"] == LIST
    first.refresh_from_db()
    assert first.read_at is not None
    # Opening one marks it read and leads to the thing.
    opened = c.get(reverse("notifications:open", args=[second.pk]))
    assert opened["Location"] == second.url
    second.refresh_from_db()
    assert second.read_at is not None
    some(team, 2)
    c.post(reverse("notifications:read-all"))
    assert not Notification.objects.filter(recipient=team.partner.user, read_at=None).exists()


def test_mark_all_as_read_is_offered_only_when_something_is_unread(team):
    """With nothing unread, the page has no "Mark all as read" button: pressing it would do
    nothing. It comes back with the next unread notification, and goes once they are read."""
    c = client(team.partner.user)
    assert "Mark all as read" not in c.get(LIST).content.decode()
    (notification,) = some(team, 1)
    page = c.get(LIST).content.decode()
    assert "Mark all as read" in page
    assert f'action="{reverse("notifications:read-all")}"' in page
    c.post(reverse("notifications:read-all"))
    assert "Mark all as read" not in c.get(LIST).content.decode()
    notification.refresh_from_db()
    assert notification.read_at is not None


def test_a_next_address_elsewhere_is_ignored(team):
    (notification,) = some(team, 1)
    response = client(team.partner.user).post(
        reverse("notifications:read", args=[notification.pk]), {"next": "https://evil.example/"}
    )
    assert response["Location"] == LIST


def test_nobody_sees_or_marks_anothers_notifications(team):
    (notification,) = some(team, 1)
    for url in (
        reverse("notifications:open", args=[notification.pk]),
        reverse("notifications:read", args=[notification.pk]),
    ):
        for who in ("colleague", "outsider"):
            c = client(team.user(who))
            response = c.post(url) if url.endswith("/read/") else c.get(url)
            assert response.status_code == 404
    assert "Comment number 0" not in client(team.colleague.user).get(LIST).content.decode()
    client(team.colleague.user).post(reverse("notifications:read-all"))
    notification.refresh_from_db()
    assert notification.read_at is None
    for url in (LIST, reverse("notifications:preferences")):
        response = Client().get(url)
        assert response.status_code == 302
        assert response["Location"].startswith(reverse("account_login"))


def test_notifications_of_a_collaboration_left_are_hidden(team):
    some(team, 2)
    team.partner.delete()
    page = client(team.partner.user).get(LIST).content.decode()
    assert "Comment number" not in page


def _queries(c: Client) -> int:
    with CaptureQueriesContext(connection) as captured:
        assert c.get(LIST).status_code == 200
    return len(captured)


def test_the_list_takes_the_same_queries_for_few_or_many(team):
    some(team, 2)
    c = client(team.partner.user)
    few = _queries(c)
    other = make_collaboration(name="Second")
    make_member(other, Role.PARTNER, team.partner.user)
    for number in range(40):
        notify(
            [team.partner.user.pk],
            collaboration=other if number % 2 else team.collaboration,
            kind=Kind.MENTION,
            actor=team.other.user if number % 3 else team.colleague.user,
            title=f"Mention {number}",
            url="/",
        )
    assert _queries(c) == few


def test_preferences_are_saved_and_bad_input_is_explained(team):
    c = client(team.partner.user)
    url = reverse("notifications:preferences")
    page = c.get(url).content.decode()
    assert "A worksheet waits for my review" in page
    data = {
        "review": "immediately",
        "workflow": "weekly",
        "comments": "never",
        "mentions": "immediately",
        "deadlines": "daily",
        "requests": "weekly",
        "members": "daily",
        "time_zone": "Mars/Olympus",
    }
    bad = c.post(url, data)
    assert bad.status_code == 422
    text = bad.content.decode()
    assert "is not a time zone we know" in text
    assert 'value="Mars/Olympus"' in text
    assert not Preferences.objects.exists()
    data["time_zone"] = "America/Chicago"
    assert c.post(url, data).status_code == 302
    chosen = Preferences.objects.get(user=team.partner.user)
    assert (chosen.workflow, chosen.comments, chosen.time_zone) == (
        "weekly",
        "never",
        "America/Chicago",
    )


def test_unsubscribe_from_a_mails_link_without_signing_in(team):
    token = unsubscribe_token(team.partner.user.pk, "review")
    url = reverse("notifications:unsubscribe", args=[token])
    page = Client().get(url)
    assert page.status_code == 200
    assert "Stop email for “A worksheet waits for my review”?" in page.content.decode()
    assert not Preferences.objects.exists()  # a mail scanner's GET changes nothing
    # The one-click POST a mail program sends (RFC 8058), without a CSRF token.
    done = Client(enforce_csrf_checks=True).post(url, {"List-Unsubscribe": "One-Click"})
    assert done.status_code == 200
    assert Preferences.objects.get(user=team.partner.user).review == Frequency.NEVER


def test_unsubscribe_from_the_daily_digest(team):
    Preferences.objects.create(
        user=team.partner.user, comments=Frequency.DAILY, deadlines=Frequency.DAILY
    )
    token = unsubscribe_token(team.partner.user.pk, "daily")
    Client().post(reverse("notifications:unsubscribe", args=[token]))
    chosen = Preferences.objects.get(user=team.partner.user)
    assert (chosen.comments, chosen.deadlines, chosen.review) == ("never", "never", "immediately")


@pytest.mark.parametrize(
    "mangle",
    [
        lambda t: t[:-2] + ("AA" if not t.endswith("AA") else "BB"),
        lambda t: t.replace(t.split(":")[0], t.split(":")[0][::-1]),
        lambda t: "not-a-token",
    ],
    ids=["signature", "payload", "garbage"],
)
def test_a_tampered_unsubscribe_link_is_refused(team, mangle):
    token = mangle(unsubscribe_token(team.partner.user.pk, "review"))
    url = reverse("notifications:unsubscribe", args=[token])
    for response in (Client().get(url), Client().post(url)):
        assert response.status_code == 400
        assert "This unsubscribe link does not work" in response.content.decode()
    assert not Preferences.objects.exists()


def test_how_long_ago_reads_just_now_not_zero_minutes(team):
    """A notification from seconds ago says "just now"; older ones say how long ago."""
    from datetime import timedelta

    from django.utils import timezone

    _fresh, old = some(team, 2)
    Notification.objects.filter(pk=old.pk).update(created_at=timezone.now() - timedelta(minutes=5))
    page = client(team.partner.user).get(LIST).content.decode()
    assert "0 minutes" not in page
    assert "just now</time>" in page
    assert "5\xa0minutes ago</time>" in page
