"""The report in the browser, as a reader sees its contents: each entry numbered once, by its
own text ("1. Engage Potential Partners"), with no list number in front of it."""

from __future__ import annotations

from django.contrib.auth import get_user_model
from django.core.management import call_command
from playwright.sync_api import Browser

from collaborations.models import Collaboration

# What a list item shows before its text: "" when nothing, else the marker's text.
MARKER = """li => {
  const style = getComputedStyle(li);
  return style.listStyleType === "none" ? "" : getComputedStyle(li, "::marker").content;
}"""


def test_contents_entries_are_numbered_once(live_server, browser: Browser, sign_in):
    call_command("seed_demo", force=True, stdout=None)
    riverside = Collaboration.objects.get(name="Riverside Youth Jobs Partnership")
    viewer = get_user_model().objects.get(email="viewer@example.org")
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        sign_in(context, viewer)
        page = context.new_page()
        response = page.goto(f"{live_server.url}/collaborations/{riverside.pk}/report/")
        assert response is not None and response.ok
        entries = page.locator("#contents li")
        assert entries.count() > 20
        tool = page.locator("#contents .contents__tools li").first
        assert tool.inner_text().startswith("1. Engage Potential Partners")
        markers = [entry.evaluate(MARKER) for entry in entries.all()]
        assert markers == [""] * len(markers)
        # The check sees a list number when there is one.
        tool.evaluate(
            "li => li.parentElement.style.setProperty('list-style', 'decimal', 'important')"
        )
        assert tool.evaluate(MARKER) != ""
    finally:
        context.close()
