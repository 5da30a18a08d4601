"""Each event reaches the right people, in the app and (when they chose "at once") by mail:
never the person who acted, never anyone outside the collaboration or who left it."""

from __future__ import annotations

import pytest
from django.core import mail
from django.test import Client
from django.urls import reverse

from collaborations.models import Role
from notifications.models import Frequency, Kind, Notification, Preferences
from stages.models import Worksheet
from stages.worksheets.declarations import definition_for
from tests.factories import make_invitation, make_user
from tests.stages.worksheet_data import form_post

pytestmark = pytest.mark.django_db

SLUG = "tell-the-story"


def client(team, who: str) -> Client:
    c = Client()
    c.force_login(team.user(who))
    return c


def worksheet_url(team) -> str:
    return reverse("stages:worksheet", args=[team.collaboration.pk, SLUG])


def review_url(team) -> str:
    return reverse("stages:worksheet-review", args=[team.collaboration.pk, SLUG])


def _current_version(team) -> int:
    """The version a person who just loaded the worksheet would post (0 before any save):
    a save that changes nothing makes no new version, so counting saves would drift."""
    sheet = Worksheet.objects.filter(collaboration=team.collaboration, tool__slug=SLUG).first()
    return sheet.version if sheet else 0


def save(team, committed, who: str, version: int, action: str = "save"):
    data, _ = form_post(
        definition_for(SLUG),
        [team.partner.partner_id, team.other.partner_id],
        version=min(version, _current_version(team)),
        action=action,
        text=f"{who}, step {version}",  # every save changes something
    )
    response = committed(client(team, who).post, worksheet_url(team), data)
    assert response.status_code == 302, response.content[:500]


def review(team, committed, decision: str, version: int, note: str = "", who="facilitator"):
    data = {"decision": decision, "version": min(version, _current_version(team)), "note": note}
    response = committed(client(team, who).post, review_url(team), data)
    assert response.status_code == 302


def recipients(kind: str) -> set[str]:
    return set(Notification.objects.filter(kind=kind).values_list("recipient__email", flat=True))


def mailed() -> list[str]:
    return sorted(address for message in mail.outbox for address in message.to)


def test_ready_for_review_reaches_the_facilitators_in_the_app_and_by_mail(team, committed):
    save(team, committed, "partner", 0, action="ready")
    assert recipients(Kind.REVIEW_REQUESTED) == {"fatima@example.org", "carlos@example.org"}
    assert mailed() == ["carlos@example.org", "fatima@example.org"]
    message = mail.outbox[0]
    assert (
        message.subject == "Pat Lee marked “Tell the Story” ready for review · Riverside Youth Jobs"
    )
    assert f"http://127.0.0.1:8000{worksheet_url(team)}" in message.body
    assert message.alternatives[0].mimetype == "text/html"
    # Saving again while it waits for review is not a new request.
    save(team, committed, "colleague", 1, action="ready")
    assert Notification.objects.filter(kind=Kind.REVIEW_REQUESTED).count() == 2


def test_a_facilitator_who_asks_for_review_is_not_told_of_it(team, committed):
    save(team, committed, "facilitator", 0, action="ready")
    assert recipients(Kind.REVIEW_REQUESTED) == {"carlos@example.org"}


def test_sent_back_completed_and_reopened_reach_those_who_edited_since_last_complete(
    team, committed
):
    save(team, committed, "partner", 0)
    save(team, committed, "colleague", 1, action="ready")
    review(team, committed, "return", 2, note="Add the outcomes numbers.")
    assert recipients(Kind.SENT_BACK) == {"pat@example.org", "paula@example.org"}
    sent_back = Notification.objects.get(kind=Kind.SENT_BACK, recipient=team.partner.user)
    assert sent_back.body == "Add the outcomes numbers."
    assert sent_back.title == "Fatima Khan sent “Tell the Story” back"

    save(team, committed, "partner", 3, action="ready")
    review(team, committed, "complete", 4, who="cofacilitator")
    # Everyone who edited since it was last complete (never): Pat, Paula and Fatima (her
    # send-back was a change too); not Carlos, who completed it.
    assert recipients(Kind.COMPLETED) == {
        "pat@example.org",
        "paula@example.org",
        "fatima@example.org",
    }

    mail.outbox.clear()
    review(team, committed, "return", 5, note="The numbers changed.")
    # The round that ended with that completion; Carlos completed it, he did not edit it.
    assert recipients(Kind.REOPENED) == {"pat@example.org", "paula@example.org"}
    assert "fatima@example.org" not in mailed()

    # The next round: only Omar edits (besides Fatima, who reopened and now completes it).
    before = Notification.objects.filter(kind=Kind.COMPLETED).count()
    save(team, committed, "other", 6, action="ready")
    review(team, committed, "complete", 7)
    latest = Notification.objects.filter(kind=Kind.COMPLETED).order_by("pk")[before:]
    assert [n.recipient.email for n in latest] == ["omar@example.org"]


def test_comments_reach_the_thread_and_mentions_the_member_named(team, committed):
    url = reverse("stages:worksheet-comment", args=[team.collaboration.pk, SLUG])

    def comment(who: str, body: str) -> None:
        response = committed(client(team, who).post, url, {"comment-body": body})
        assert response.status_code == 302

    comment("facilitator", "Could the story name the employers?")
    assert not Notification.objects.exists()  # nobody else in the thread yet
    comment("partner", "Yes. @Omar Said, can City Hall add the permit story?")
    assert recipients(Kind.COMMENT) == {"fatima@example.org"}
    assert recipients(Kind.MENTION) == {"omar@example.org"}
    mention = Notification.objects.get(kind=Kind.MENTION)
    assert mention.title == "Pat Lee mentioned you on “Tell the Story”"
    assert "permit story" in mention.body
    # Mentions go out at once by default; comments wait for the daily digest.
    assert mailed() == ["omar@example.org"]

    comment("other", "Done, and @olga@example.org @vera@example.org please read it.")
    # The outsider named is not a member; Vera the viewer is.
    assert recipients(Kind.MENTION) == {"omar@example.org", "vera@example.org"}
    assert Notification.objects.filter(kind=Kind.COMMENT).count() == 3  # Fatima, Pat (+1 before)
    assert "olga@example.org" not in mailed()


def test_an_accepted_invitation_reaches_the_facilitator_who_invited(team, committed):
    invitation = make_invitation(
        team.collaboration, email="sam@example.org", invited_by=team.cofacilitator.user
    )
    sam = make_user("sam@example.org", first_name="Sam", last_name="Green")
    c = Client()
    c.force_login(sam)
    url = reverse("invitation-accept", args=[invitation.token])
    assert committed(c.post, url).status_code == 302
    assert recipients(Kind.INVITATION_ACCEPTED) == {"carlos@example.org"}
    assert Notification.objects.get().title == (
        "Sam Green accepted your invitation to Riverside Youth Jobs"
    )
    assert mailed() == ["carlos@example.org"]


def test_people_who_left_hear_nothing_more(team, committed):
    save(team, committed, "partner", 0, action="ready")
    save(team, committed, "colleague", 1)
    team.colleague.delete()
    team.cofacilitator.delete()
    save(team, committed, "partner", 2, action="ready")
    review(team, committed, "return", 3, note="More, please.")
    assert recipients(Kind.SENT_BACK) == {"pat@example.org"}
    assert Notification.objects.filter(kind=Kind.REVIEW_REQUESTED).count() == 3


def test_mail_follows_each_persons_choice(team, committed):
    Preferences.objects.create(user=team.facilitator.user, review=Frequency.NEVER)
    Preferences.objects.create(user=team.cofacilitator.user, review=Frequency.WEEKLY)
    save(team, committed, "partner", 0, action="ready")
    assert recipients(Kind.REVIEW_REQUESTED) == {"fatima@example.org", "carlos@example.org"}
    assert mail.outbox == []
    assert set(Notification.objects.values_list("email", flat=True)) == {"never", "weekly"}


def test_roles_do_not_matter_for_the_thread(team, committed):
    team.viewer.role = Role.PARTNER
    team.viewer.save()
    url = reverse("stages:worksheet-comment", args=[team.collaboration.pk, SLUG])
    committed(client(team, "viewer").post, url, {"comment-body": "First."})
    committed(client(team, "facilitator").post, url, {"comment-body": "Second."})
    assert recipients(Kind.COMMENT) == {"vera@example.org"}
    assert Worksheet.objects.count() == 0
