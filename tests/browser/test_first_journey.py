"""A first visit, end to end: a facilitator signs up, starts a collaboration, adds a partner
organization and invites someone; the invited person signs up through the link, lands in the
collaboration and reads a worksheet."""

from __future__ import annotations

import re

from playwright.sync_api import Browser, Locator, Page, expect

PASSWORD = "a-long-and-unusual-passphrase"


def field(scope: Page | Locator, label: str) -> Locator:
    """The form control labelled exactly `label` (crispy adds a "*" to required ones)."""
    return scope.get_by_label(re.compile(rf"^\s*{re.escape(label)}\W*$"))


def sign_up(page: Page, *, first_name: str, email: str) -> None:
    expect(page.get_by_role("heading", level=1)).to_have_text("Sign Up")
    field(page, "First name").fill(first_name)
    field(page, "Email").fill(email)
    field(page, "Password").fill(PASSWORD)
    field(page, "Password (again)").fill(PASSWORD)
    page.get_by_role("button", name="Sign Up").click()


def test_facilitator_starts_a_collaboration_and_a_partner_joins(
    live_server, page: Page, browser: Browser
):
    # A newcomer finds the site and creates an account.
    page.goto(live_server.url)
    expect(page.get_by_role("heading", level=1)).to_contain_text("The Intersector Toolkit")
    page.get_by_role("main").get_by_role("link", name="Create an account").click()
    sign_up(page, first_name="Fatima", email="fatima@example.org")

    expect(page.get_by_role("heading", level=1)).to_have_text("My collaborations")
    expect(page.get_by_text("You are not part of a collaboration yet")).to_be_visible()
    expect(page.get_by_role("navigation", name="Site")).to_contain_text("Fatima")

    # She starts a collaboration and becomes its facilitator.
    page.get_by_role("main").get_by_role("link", name="Start a collaboration").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Start a collaboration")
    field(page, "Name").fill("Riverside Youth Jobs")
    field(page, "Issue it tackles").fill("Youth unemployment")
    field(page, "Community or geography").fill("Riverside County")
    field(page, "Start date").fill("2025-03-01")
    field(page, "Short description").fill("Summer jobs for teenagers.")
    page.get_by_role("button", name="Start the collaboration").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Riverside Youth Jobs")
    expect(page.get_by_role("status")).to_contain_text("You are its facilitator")
    expect(page.get_by_text("you are a Facilitator")).to_be_visible()
    expect(page.get_by_role("heading", name="Stages")).to_be_visible()
    dashboard_url = page.url
    # The dashboard lists her first steps, none done yet.
    steps = page.get_by_role("region", name="Getting started")
    expect(steps.get_by_role("heading", level=3)).to_have_text(
        [
            "Add the partner organizations",
            "Invite the people who will take part",
            "Start tool 1: Engage Potential Partners",
        ]
    )

    # She adds the first partner organization.
    collaboration_nav = page.get_by_role("navigation", name="Collaboration")
    collaboration_nav.get_by_role("link", name="Partners").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Partner organizations")
    expect(page.get_by_text("No partner organizations yet.")).to_be_visible()
    page.get_by_role("link", name="Add a partner").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Add a partner organization")
    field(page, "Organization").fill("Workforce Alliance")
    field(page, "Sector").select_option(label="Nonprofit")
    field(page, "Contact person").fill("Sam Lee")
    field(page, "Contact email").fill("sam@workforce.example.org")
    page.get_by_role("button", name="Save partner").click()

    expect(page.get_by_role("heading", level=1)).to_have_text("Partner organizations")
    expect(page.get_by_role("status")).to_contain_text("Partner “Workforce Alliance” saved.")
    partners = page.get_by_role("table", name="Partner organizations by sector")
    expect(partners.get_by_role("rowheader")).to_have_text(["Workforce Alliance"])
    expect(partners).to_contain_text("Nonprofit")

    # She invites someone from that organization as a partner.
    collaboration_nav.get_by_role("link", name="Members").click()
    expect(page.get_by_role("heading", level=1)).to_have_text("Members")
    expect(page.get_by_text("No open invitations.")).to_be_visible()
    invite = page.get_by_role("region", name="Invite someone")
    field(invite, "Email address").fill("sam@workforce.example.org")
    field(invite, "Role").select_option(label="Partner")
    field(invite, "Represents").select_option(label="Workforce Alliance")
    invite.get_by_role("button", name="Send invitation").click()

    expect(page.get_by_role("status")).to_contain_text(
        "Invitation sent to sam@workforce.example.org."
    )
    open_invitations = page.get_by_role("region", name="Open invitations")
    expect(open_invitations).to_contain_text(
        "sam@workforce.example.org · Partner · Workforce Alliance"
    )
    link_field = open_invitations.locator(".invite-link")
    expect(link_field).to_have_value(re.compile(rf"^{re.escape(live_server.url)}/invitations/"))
    invitation_url = link_field.input_value()

    # The invited person opens the link in their own browser.
    context = browser.new_context()
    try:
        guest = context.new_page()
        guest.goto(invitation_url)
        expect(guest.get_by_role("heading", level=1)).to_have_text(
            "Invitation to Riverside Youth Jobs"
        )
        expect(guest.get_by_text("Fatima invites you to take part as a Partner.")).to_be_visible()
        expect(guest.get_by_role("main")).to_contain_text("Workforce Alliance")
        guest.get_by_role("main").get_by_role("link", name="Create an account").click()
        expect(field(guest, "Email")).to_have_value("sam@workforce.example.org")
        sign_up(guest, first_name="Sam", email="sam@workforce.example.org")

        # Signed up, they are in the collaboration: no second "Join".
        expect(guest).to_have_url(dashboard_url)
        expect(guest.get_by_role("heading", level=1)).to_have_text("Riverside Youth Jobs")
        expect(guest.get_by_role("status")).to_contain_text("Welcome to Riverside Youth Jobs.")
        expect(guest.get_by_role("status")).to_contain_text("Successfully signed in as Sam.")
        expect(guest.get_by_text("you are a Partner")).to_be_visible()
        expect(guest.get_by_role("link", name="2 members")).to_be_visible()
        # Of the first steps, a partner sees the one they can take.
        expect(
            guest.get_by_role("region", name="Getting started").get_by_role("heading", level=3)
        ).to_have_text(["Start tool 1: Engage Potential Partners"])

        # They open the first tool's worksheet and read why it matters.
        guest.get_by_role("link", name="Engage Potential Partners").click()
        expect(guest.get_by_role("heading", level=1)).to_have_text("Engage Potential Partners")
        expect(guest.get_by_text("Diagnosis · tool 1 of 17")).to_be_visible()
        about = guest.get_by_role("complementary", name="About this tool")
        expect(about.get_by_role("heading", name="Why it matters")).to_be_visible()
        expect(about).to_contain_text(
            "Stakeholder mapping and engagement allows would-be collaborators"
        )
    finally:
        context.close()
