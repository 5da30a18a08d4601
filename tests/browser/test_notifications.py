"""Notifications in a browser: a mention picked from the comment box's suggestions reaches
the member, whose bell then counts it; the list marks it read."""

from __future__ import annotations

from playwright.sync_api import Browser, expect

from collaborations.models import Role
from notifications.models import Kind, Notification
from tests.factories import make_collaboration, make_member, make_partner, make_user


def test_a_mention_picked_from_the_suggestions_reaches_the_member(
    live_server, browser: Browser, sign_in
):
    collaboration = make_collaboration(name="Riverside Youth Jobs")
    alliance = make_partner(collaboration, name="Workforce Alliance")
    fatima = make_user("fatima@example.org", first_name="Fatima", last_name="Khan")
    pat = make_user("pat@example.org", first_name="Pat", last_name="Lee")
    make_member(collaboration, Role.FACILITATOR, fatima)
    make_member(collaboration, Role.PARTNER, pat, partner=alliance)

    context = browser.new_context()
    sign_in(context, pat)
    page = context.new_page()
    page.goto(f"{live_server.url}/collaborations/{collaboration.pk}/tools/tell-the-story/")
    box = page.get_by_role("textbox", name="Comment")
    box.click()
    box.press_sequentially("Could @fa")
    picker = page.get_by_role("group", name="Mention a member")
    expect(picker.get_by_role("button", name="@Fatima Khan")).to_be_visible()
    expect(picker.get_by_role("button", name="@Pat Lee")).to_be_hidden()
    picker.get_by_role("button", name="@Fatima Khan").click()
    box.press_sequentially("look at the employers?")
    expect(box).to_have_value("Could @Fatima Khan look at the employers?")
    page.get_by_role("button", name="Add comment").click()
    expect(page.get_by_text("Comment added.")).to_be_visible()
    context.close()

    mention = Notification.objects.get()
    assert (mention.kind, mention.recipient) == (Kind.MENTION, fatima)

    context = browser.new_context()
    sign_in(context, fatima)
    page = context.new_page()
    page.goto(f"{live_server.url}/collaborations/")
    bell = page.get_by_role("link", name="Notifications 1 unread")
    expect(bell).to_be_visible()
    bell.click()
    page.get_by_role("button", name="Mark as read").click()
    expect(page.get_by_role("link", name="Notifications 1 unread")).to_have_count(0)
    context.close()
