"""Sign-off where consensus matters, and comment threads on worksheets."""

from __future__ import annotations

import re

import pytest
from django.urls import reverse

from collaborations.models import Role
from collaborations.templatetags.people import person
from stages.models import Comment, SignOff, Tool
from tests.factories import make_member
from tests.reports.helpers import fill

pytestmark = pytest.mark.django_db

VISION = "share-a-vision-of-success"


def _url(cast, name: str, slug: str = VISION, *extra) -> str:
    return reverse(name, args=[cast.collaboration.pk, slug, *extra])


def test_partner_records_their_organization_position(cast):
    response = cast.client("partner").post(
        _url(cast, "stages:worksheet-sign-off"),
        {"sign-off-position": "reservations", "sign-off-note": "Need a budget line first."},
    )
    assert response.status_code == 302
    sign_off = SignOff.objects.get()
    assert sign_off.partner == cast.partner.partner
    assert sign_off.user == cast.partner.user
    page = cast.client("viewer").get(_url(cast, "stages:worksheet")).content.decode()
    assert "Agrees with reservations" in page
    assert "Need a budget line first." in page
    # Changing one's mind updates the same record.
    cast.client("partner").post(
        _url(cast, "stages:worksheet-sign-off"), {"sign-off-position": "agrees"}
    )
    assert SignOff.objects.get().position == "agrees"


def test_every_partner_is_listed_with_where_it_stands(cast):
    page = cast.client("facilitator").get(_url(cast, "stages:worksheet")).content.decode()
    assert "Where each partner stands" in page
    assert "Workforce Alliance" in page
    assert "Not yet" in page


def test_sign_off_needs_a_valid_position(cast):
    response = cast.client("partner").post(
        _url(cast, "stages:worksheet-sign-off"),
        {"sign-off-position": "maybe", "sign-off-note": "Kept note"},
    )
    assert response.status_code == 422
    assert "Kept note" in response.content.decode()
    assert not SignOff.objects.exists()


def test_sign_off_needs_an_organization_and_the_right_role(cast):
    lone = make_member(cast.collaboration, Role.PARTNER)
    from django.test import Client

    client = Client()
    client.force_login(lone.user)
    client.post(_url(cast, "stages:worksheet-sign-off"), {"sign-off-position": "agrees"})
    assert not SignOff.objects.exists()
    data = {"sign-off-position": "agrees"}
    assert (
        cast.client("viewer").post(_url(cast, "stages:worksheet-sign-off"), data).status_code == 403
    )
    assert (
        cast.client("outsider").post(_url(cast, "stages:worksheet-sign-off"), data).status_code
        == 404
    )
    assert not SignOff.objects.exists()


def test_tools_without_sign_off_have_none(cast):
    url = _url(cast, "stages:worksheet-sign-off", "tell-the-story")
    assert cast.client("partner").post(url, {"sign-off-position": "agrees"}).status_code == 404
    page = cast.client("partner").get(_url(cast, "stages:worksheet", "tell-the-story"))
    assert "Where each partner stands" not in page.content.decode()


def test_comment_thread_and_resolving(cast):
    cast.client("facilitator").post(
        _url(cast, "stages:worksheet-comment"), {"comment-body": "Try naming three goals."}
    )
    cast.client("partner").post(
        _url(cast, "stages:worksheet-comment"), {"comment-body": "Done, see section one."}
    )
    assert [c.body for c in Comment.objects.all()] == [
        "Try naming three goals.",
        "Done, see section one.",
    ]
    first = Comment.objects.first()
    resolve = _url(cast, "stages:worksheet-comment-resolve", VISION, first.pk)
    assert cast.client("partner").post(resolve).status_code == 403
    assert cast.client("facilitator").post(resolve, {"resolved": "yes"}).status_code == 302
    first.refresh_from_db()
    assert first.resolved_at is not None
    page = cast.client("viewer").get(_url(cast, "stages:worksheet")).content.decode()
    assert "Resolved" in page
    assert "Done, see section one." in page


def test_resolving_a_comment_twice_leaves_it_resolved(cast):
    """A double click on "Mark resolved", or two facilitators resolving the same comment from
    pages loaded before either click, leave it resolved; "Reopen" reopens it, as often as
    it is clicked."""
    comment = Comment.objects.create(
        collaboration=cast.collaboration, tool=Tool.objects.get(slug=VISION), body="Goals?"
    )
    page = cast.client("facilitator").get(_url(cast, "stages:worksheet")).content.decode()
    assert '<input type="hidden" name="resolved" value="yes">' in page
    resolve = _url(cast, "stages:worksheet-comment-resolve", VISION, comment.pk)
    for _click in range(2):
        assert cast.client("facilitator").post(resolve, {"resolved": "yes"}).status_code == 302
        comment.refresh_from_db()
        assert comment.resolved_at is not None
        assert comment.resolved_by == cast.facilitator.user
    page = cast.client("facilitator").get(_url(cast, "stages:worksheet")).content.decode()
    assert '<input type="hidden" name="resolved" value="no">' in page
    for _click in range(2):
        assert cast.client("facilitator").post(resolve, {"resolved": "no"}).status_code == 302
        comment.refresh_from_db()
        assert (comment.resolved_at, comment.resolved_by) == (None, None)
    # A request that does not say which is refused and changes nothing.
    assert cast.client("facilitator").post(resolve).status_code == 400
    comment.refresh_from_db()
    assert comment.resolved_at is None


def test_empty_comment_is_refused_and_viewers_cannot_comment(cast):
    response = cast.client("partner").post(_url(cast, "stages:worksheet-comment"), {})
    assert response.status_code == 422
    assert "This field is required" in response.content.decode()
    url = _url(cast, "stages:worksheet-comment")
    assert cast.client("viewer").post(url, {"comment-body": "Hi"}).status_code == 403
    assert cast.client("outsider").post(url, {"comment-body": "Hi"}).status_code == 404
    assert not Comment.objects.exists()


def test_comment_from_another_tool_cannot_be_resolved_here(cast):
    cast.client("facilitator").post(
        _url(cast, "stages:worksheet-comment", "tell-the-story"), {"comment-body": "Elsewhere"}
    )
    comment = Comment.objects.get()
    url = _url(cast, "stages:worksheet-comment-resolve", VISION, comment.pk)
    assert cast.client("facilitator").post(url, {"resolved": "yes"}).status_code == 404


@pytest.mark.parametrize("position", ["reservations", "disagrees"])
def test_reservations_and_disagreement_need_a_note(cast, position):
    response = cast.client("partner").post(
        _url(cast, "stages:worksheet-sign-off"),
        {"sign-off-position": position, "sign-off-note": "   "},
    )
    assert response.status_code == 422
    assert "Say what the reservations or the disagreement are" in response.content.decode()
    assert not SignOff.objects.exists()


def test_a_partner_signs_only_for_the_organization_they_represent(cast):
    from tests.factories import make_partner

    other = make_partner(cast.collaboration, name="City Hall")
    response = cast.client("partner").post(
        _url(cast, "stages:worksheet-sign-off"),
        {"sign-off-position": "agrees", "sign-off-partner": other.pk, "sign-off-on_behalf": "on"},
    )
    assert response.status_code == 302
    # The choice of organization is not theirs to make: it is recorded for their own.
    sign_off = SignOff.objects.get()
    assert (sign_off.partner, sign_off.on_behalf) == (cast.partner.partner, False)


def test_a_facilitator_records_for_an_organization_only_by_saying_so(cast):
    from stages.models import Tool, Worksheet
    from tests.factories import make_partner

    city = make_partner(cast.collaboration, name="City Hall")
    Worksheet.objects.create(
        collaboration=cast.collaboration,
        tool=Tool.objects.get(slug=VISION),
        status=Worksheet.Status.READY_FOR_REVIEW,
        version=1,
    )
    url = _url(cast, "stages:worksheet-sign-off")
    client = cast.client("facilitator")
    page = client.get(_url(cast, "stages:worksheet")).content.decode()
    assert "on its behalf" in page
    refused = client.post(url, {"sign-off-position": "agrees", "sign-off-partner": city.pk})
    assert refused.status_code == 422
    assert "You do not represent City Hall" in refused.content.decode()
    assert not SignOff.objects.exists()
    response = client.post(
        url,
        {"sign-off-position": "agrees", "sign-off-partner": city.pk, "sign-off-on_behalf": "on"},
    )
    assert response.status_code == 302
    sign_off = SignOff.objects.get()
    assert (sign_off.partner, sign_off.user, sign_off.on_behalf) == (
        city,
        cast.facilitator.user,
        True,
    )
    for url in (
        _url(cast, "stages:worksheet"),
        reverse("reports:report", args=[cast.collaboration.pk]),
    ):
        text = " ".join(cast.client("viewer").get(url).content.decode().split())
        assert "recorded by fac@example.org for City Hall" in text


def test_a_facilitator_who_represents_an_organization_signs_for_it_plainly(cast):
    cast.facilitator.partner = cast.partner.partner
    cast.facilitator.save()
    response = cast.client("facilitator").post(
        _url(cast, "stages:worksheet-sign-off"),
        {"sign-off-position": "agrees", "sign-off-partner": cast.partner.partner_id},
    )
    assert response.status_code == 302
    assert SignOff.objects.get().on_behalf is False


def test_the_table_of_positions_shows_each_organization_escaped(cast):
    """The table's rows are written in Python: names and notes are text, never markup."""
    cast.partner.partner.name = "Ortega & <Sons>"
    cast.partner.partner.save()
    cast.client("partner").post(
        _url(cast, "stages:worksheet-sign-off"),
        {"sign-off-position": "reservations", "sign-off-note": "<script>x</script> & more"},
    )
    page = cast.client("viewer").get(_url(cast, "stages:worksheet")).content.decode()
    table = page.split('aria-label="Positions of the partners"', 1)[1].split("</table>", 1)[0]
    assert '<th scope="row" class="fw-normal">Ortega &amp; &lt;Sons&gt;</th>' in table
    assert '<span class="position position-reservations">Agrees with reservations</span>' in table
    assert "&lt;script&gt;x&lt;/script&gt; &amp; more" in table
    assert "<script>" not in table
    others = cast.collaboration.partners.exclude(pk=cast.partner.partner.pk).count()
    assert table.count("Not yet") == others


def test_comments_and_history_name_people_who_have_since_left(cast):
    """Names come from the members read once; someone who left is still named, not lost."""
    gone = make_member(cast.collaboration, Role.PARTNER)
    gone.user.first_name, gone.user.last_name = "Ines", "Quiroga"
    gone.user.save()
    tool = Tool.objects.get(slug=VISION)
    Comment.objects.create(
        collaboration=cast.collaboration, tool=tool, author=gone.user, body="Before I left"
    )
    gone.delete()
    page = cast.client("facilitator").get(_url(cast, "stages:worksheet")).content.decode()
    comments = page.split('id="comments"', 1)[1]
    assert "Ines Quiroga" in comments.split("Before I left", 1)[0]
    # Whom a comment can mention: the members, not the people who left.
    assert f'data-mention="{person(cast.partner.user)}"' in page
    assert 'data-mention="Ines Quiroga"' not in page


@pytest.mark.parametrize(
    ("who", "name", "data"),
    [
        ("partner", "stages:worksheet-comment", {}),
        ("partner", "stages:worksheet-sign-off", {"sign-off-position": "maybe"}),
        ("facilitator", "stages:worksheet-review", {"decision": "return", "version": 1}),
    ],
)
def test_a_refused_comment_sign_off_or_review_leaves_the_worksheet_form_saving_the_worksheet(
    cast, who, name, data
):
    """A comment, a sign-off or a review sent back to be corrected shows the whole worksheet
    again, at that action's address. The worksheet's own form on that page, its Save button
    and its autosave, still saves the worksheet, not another comment, sign-off or review."""
    fill(cast.collaboration, {VISION: "ready_for_review"})
    response = cast.client(who).post(_url(cast, name), data)
    assert response.status_code == 422
    page = response.content.decode()
    form = re.search(r'<form method="post" action="([^"]*)" id="worksheet-form"', page)
    assert form is not None
    worksheet = _url(cast, "stages:worksheet")
    assert form.group(1) == worksheet
    assert f'data-hx-post="{worksheet}"' in page
