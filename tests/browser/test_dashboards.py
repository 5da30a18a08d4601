"""The dashboards with the demo's data, as a facilitator of several collaborations uses them:
an axe audit of each page with its charts and their tables of numbers opened, and the walk from
the portfolio to a stalled collaboration."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import Browser, expect

from collaborations.models import Collaboration


@pytest.fixture
def demo():
    call_command("seed_demo", force=True, stdout=None)
    riverside = Collaboration.objects.get(name="Riverside Youth Jobs Partnership")
    facilitator = get_user_model().objects.get(email="facilitator@example.org")
    return riverside, facilitator


@pytest.mark.parametrize(
    "path",
    [
        "/portfolio/",
        "/collaborations/{c}/",
        "/collaborations/{c}/stages/diagnosis/",
        "/collaborations/{c}/stages/implementation/",
    ],
)
def test_dashboards_with_charts_have_no_axe_violations(
    live_server, browser: Browser, sign_in, demo, path
):
    riverside, facilitator = demo
    context = browser.new_context()
    try:
        sign_in(context, facilitator)
        page = context.new_page()
        response = page.goto(live_server.url + path.format(c=riverside.pk))
        assert response is not None and response.ok
        for numbers in page.locator("details.chart__numbers").all():
            numbers.locator("summary").click()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def test_facilitator_spots_the_stalled_collaboration(live_server, browser: Browser, sign_in, demo):
    """The portfolio shows the stalled collaboration; its dashboard says where it stands; the
    facilitator logs a technical-assistance call; the health check of the demo collaboration
    points to the tools to revisit."""
    riverside, facilitator = demo
    context = browser.new_context()
    try:
        sign_in(context, facilitator)
        page = context.new_page()
        page.goto(live_server.url + "/collaborations/")
        page.get_by_role("link", name="Portfolio").click()
        stalled = page.get_by_role("row").filter(has_text="Stalled")
        expect(stalled).to_have_count(1)
        expect(stalled).to_contain_text("Northgate Healthy Homes Coalition")
        stalled.get_by_role("link", name="Northgate Healthy Homes Coalition", exact=True).click()
        expect(page.get_by_role("heading", level=1)).to_have_text(
            "Northgate Healthy Homes Coalition"
        )
        expect(page.get_by_text("Started but untouched for 30 days or more")).to_be_visible()
        # The chart of stage progress carries its own title for screen readers.
        expect(page.get_by_role("img", name="Progress through the four stages")).to_be_visible()

        page.get_by_role("navigation", name="Collaboration").get_by_role(
            "link", name="Support log"
        ).click()
        page.get_by_role("link", name="Record an activity").click()
        page.get_by_label("Strategy").select_option(label="Training and technical assistance")
        page.get_by_label("Remote").check()
        page.get_by_label("What happened").fill("Call on restarting the vision worksheet")
        page.get_by_role("button", name="Save activity").click()
        expect(page.get_by_role("table", name="Support activities, newest first")).to_contain_text(
            "Call on restarting the vision worksheet"
        )

        page.goto(f"{live_server.url}/collaborations/{riverside.pk}/health/")
        weak = page.locator("li").filter(has_text="Enough resources")
        weak.get_by_role("link", name="Account for Resources").first.click()
        expect(page.get_by_role("heading", level=1)).to_contain_text("Account for Resources")
    finally:
        context.close()
