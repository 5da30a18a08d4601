"""An axe audit of every kind of page, each as the person who would see it."""

from __future__ import annotations

from dataclasses import dataclass

import pytest
from axe_playwright_python.sync_playwright import Axe
from playwright.sync_api import Browser, Page, expect

from collaborations.models import Role
from notifications.events import notify
from notifications.mail import unsubscribe_token
from notifications.models import Kind
from reports.models import ReportFile
from tests.factories import (
    make_collaboration,
    make_invitation,
    make_member,
    make_partner,
    make_user,
)
from tests.health.helpers import seed_results
from tests.support.factories import make_activity, make_barrier, make_lead


@dataclass
class Site:
    facilitator: object
    viewer: object
    invitee: object
    ids: dict


@pytest.fixture
def site() -> Site:
    """One collaboration with a partner organization, a facilitator, a viewer and one open
    invitation, for someone who already has an account."""
    collaboration = make_collaboration(
        name="Riverside Youth Jobs", description="Summer jobs for teenagers."
    )
    partner = make_partner(collaboration, name="Workforce Alliance", contact_name="Sam Lee")
    facilitator = make_user("fac@example.org", first_name="Fatima", last_name="Khan")
    viewer = make_user("view@example.org", first_name="Vera")
    make_member(collaboration, Role.FACILITATOR, facilitator)
    make_member(collaboration, Role.VIEWER, viewer)
    invitation = make_invitation(
        collaboration,
        email="sam@workforce.example.org",
        partner=partner,
        invited_by=facilitator,
    )
    invitee = make_user("sam@workforce.example.org", first_name="Sam")
    seed_results(collaboration)
    make_activity(collaboration, recorded_by=facilitator, local_participants="Sam Lee")
    make_lead(collaboration, amount=5000)
    make_barrier(collaboration)
    waiting, ready = (
        ReportFile.objects.create(
            collaboration=collaboration, options=options, fingerprint="f", status=status, size=9
        )
        for options, status in (
            ("stage=;skip_empty=0;paper=a4;lang=en", "queued"),
            ("stage=design;skip_empty=1;paper=letter;lang=en", "ready"),
        )
    )
    ids = {
        "c": collaboration.pk,
        "p": partner.pk,
        "token": invitation.token,
        "waiting": waiting.pk,
        "ready": ready.pk,
        "unsubscribe": unsubscribe_token(viewer.pk, "daily"),
    }
    notify(
        [facilitator.pk],
        collaboration=collaboration,
        kind=Kind.REVIEW_REQUESTED,
        actor=viewer,
        title="Vera marked “Tell the Story” ready for review",
        url=f"/collaborations/{collaboration.pk}/",
    )
    return Site(facilitator=facilitator, viewer=viewer, invitee=invitee, ids=ids)


def submit_empty(page: Page) -> None:
    page.get_by_role("button", name="Start the collaboration").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the")


def submit_bad_activity(page: Page) -> None:
    page.get_by_label("Date").fill("2026-05-14")
    page.get_by_role("button", name="Save activity").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the")


def submit_no_ratings(page: Page) -> None:
    page.get_by_role("button", name="Save my ratings").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the")


def submit_bad_time_zone(page: Page) -> None:
    page.get_by_label("Time zone").fill("Mars/Olympus")
    page.get_by_role("button", name="Save my choices").click()
    expect(page.get_by_role("alert")).to_contain_text("Please correct the")


PAGES = [
    pytest.param("anonymous", "/", None, id="landing"),
    pytest.param("anonymous", "/accounts/login/", None, id="sign-in"),
    pytest.param("anonymous", "/accounts/signup/", None, id="sign-up"),
    pytest.param("anonymous", "/accounts/password/reset/", None, id="password-reset"),
    pytest.param("facilitator", "/collaborations/", None, id="collaboration-list"),
    pytest.param("facilitator", "/collaborations/new/", None, id="collaboration-new"),
    pytest.param(
        "facilitator", "/collaborations/new/", submit_empty, id="collaboration-new-errors"
    ),
    pytest.param("facilitator", "/collaborations/{c}/", None, id="dashboard"),
    pytest.param("facilitator", "/collaborations/{c}/archive/", None, id="archive-confirm"),
    *(
        pytest.param("facilitator", f"/collaborations/{{c}}/stages/{slug}/", None, id=slug)
        for slug in ["diagnosis", "design", "implementation", "assessment"]
    ),
    pytest.param(
        "facilitator", "/collaborations/{c}/tools/engage-potential-partners/", None, id="worksheet"
    ),
    pytest.param("facilitator", "/collaborations/{c}/partners/", None, id="partner-list"),
    pytest.param("facilitator", "/collaborations/{c}/partners/new/", None, id="partner-new"),
    pytest.param(
        "facilitator", "/collaborations/{c}/partners/{p}/delete/", None, id="partner-delete"
    ),
    pytest.param("facilitator", "/collaborations/{c}/members/", None, id="members-facilitator"),
    pytest.param("viewer", "/collaborations/{c}/members/", None, id="members-viewer"),
    pytest.param("facilitator", "/collaborations/{c}/support/", None, id="support-log"),
    pytest.param(
        "facilitator",
        "/collaborations/{c}/support/activities/new/",
        submit_bad_activity,
        id="support-activity-errors",
    ),
    pytest.param("viewer", "/collaborations/{c}/health/", None, id="health"),
    pytest.param(
        "facilitator", "/collaborations/{c}/health/", submit_no_ratings, id="health-errors"
    ),
    pytest.param("viewer", "/collaborations/{c}/report/", None, id="report"),
    pytest.param(
        "viewer", "/collaborations/{c}/report/?stage=nowhere&paper=legal", None, id="report-errors"
    ),
    pytest.param("viewer", "/collaborations/{c}/report/pdf/{waiting}/", None, id="pdf-waiting"),
    pytest.param("viewer", "/collaborations/{c}/report/pdf/{ready}/", None, id="pdf-ready"),
    pytest.param("facilitator", "/notifications/", None, id="notifications"),
    pytest.param("facilitator", "/notifications/preferences/", None, id="notification-choices"),
    pytest.param(
        "facilitator",
        "/notifications/preferences/",
        submit_bad_time_zone,
        id="notification-choices-errors",
    ),
    pytest.param("anonymous", "/notifications/unsubscribe/{unsubscribe}/", None, id="unsubscribe"),
    pytest.param("anonymous", "/invitations/{token}/", None, id="invitation-anonymous"),
    pytest.param("invitee", "/invitations/{token}/", None, id="invitation-invitee"),
    pytest.param("facilitator", "/collaborations/{c}/edit/", None, id="collaboration-edit"),
    pytest.param("facilitator", "/accounts/password/change/", None, id="password-change"),
    pytest.param("facilitator", "/accounts/email/", None, id="email-addresses"),
]


@pytest.mark.parametrize(("who", "path", "action"), PAGES)
def test_page_has_no_axe_violations(
    live_server, browser: Browser, sign_in, site: Site, who, path, action
):
    context = browser.new_context()
    try:
        if who != "anonymous":
            sign_in(context, getattr(site, who))
        page = context.new_page()
        response = page.goto(live_server.url + path.format(**site.ids))
        assert response is not None
        assert response.ok, f"{response.status} for {response.url}"
        if action is not None:
            action(page)
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()


def test_the_audit_flags_a_page_with_known_faults(live_server, browser: Browser, sign_in, site):
    """The same audit, on the dashboard with three faults put in: a control with no name, an
    image with no text alternative and a link with no text. An audit that
    passed this page would prove nothing about the others."""
    context = browser.new_context()
    try:
        sign_in(context, site.facilitator)
        page = context.new_page()
        page.goto(f"{live_server.url}/collaborations/{site.ids['c']}/")
        clean = Axe().run(page)
        assert clean.violations_count == 0, clean.generate_report()
        page.evaluate(
            """() => {
                const main = document.querySelector("main");
                main.insertAdjacentHTML("afterbegin",
                    '<button type="button"></button><img src="/static/favicon.svg">' +
                    '<a href="/"></a>');
            }"""
        )
        results = Axe().run(page)
        flagged = {violation["id"] for violation in results.response["violations"]}
        assert {"button-name", "image-alt", "link-name"} <= flagged
    finally:
        context.close()


ERROR_PAGES = [
    pytest.param("anonymous", "/no-such-page/", 404, id="not-found-anonymous"),
    pytest.param("facilitator", "/collaborations/999999/", 404, id="not-found-member"),
    pytest.param("viewer", "/collaborations/{c}/edit/", 403, id="forbidden"),
    pytest.param("anonymous", "/invitations/not-a-real-token/", 404, id="invitation-unknown"),
    pytest.param("anonymous", "/test/crash/", 500, id="server-error"),
    pytest.param("facilitator", "/test/database-gone/", 503, id="database-unavailable"),
]


@pytest.mark.urls("tests.operations_urls")
@pytest.mark.parametrize(("who", "path", "status"), ERROR_PAGES)
def test_error_page_has_no_axe_violations(
    live_server, browser: Browser, sign_in, site: Site, who, path, status
):
    context = browser.new_context()
    try:
        if who != "anonymous":
            sign_in(context, getattr(site, who))
        page = context.new_page()
        response = page.goto(live_server.url + path.format(**site.ids))
        assert response is not None
        assert response.status == status
        expect(page.get_by_role("link", name="Intersector", exact=True)).to_be_visible()
        results = Axe().run(page)
        assert results.violations_count == 0, results.generate_report()
    finally:
        context.close()
