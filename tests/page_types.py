"""Every kind of page of the app, each as the person who would see it and with the data that
makes it show all it can (errors included): what the accessibility checks go through (axe in
a browser at two widths, the Nu HTML checker, the id references)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from django.test import Client
from django.utils import timezone

from collaborations.models import Role
from notifications.events import notify
from notifications.mail import unsubscribe_token
from notifications.models import Kind
from reports.models import ReportFile
from stages.models import Comment, Tool
from stages.worksheets.declarations import definition_for
from tests.factories import (
    make_collaboration,
    make_invitation,
    make_member,
    make_partner,
    make_user,
)
from tests.health.helpers import seed_results
from tests.stages.test_toolkit import TOOL_SLUGS
from tests.stages.worksheet_data import answers_post, form_post, refused_post
from tests.support.factories import make_activity, make_barrier, make_lead

TOOLS = TOOL_SLUGS
CONFLICTED = "share-a-vision-of-success"


@dataclass
class Site:
    facilitator: object
    viewer: object
    invitee: object
    ids: dict
    clients: dict = field(default_factory=dict)

    def client(self, who: str) -> Client:
        if who not in self.clients:
            client = Client()
            if who != "anonymous":
                client.force_login(getattr(self, who))
            self.clients[who] = client
        return self.clients[who]


def make_site() -> Site:
    """One collaboration with partner organizations, a facilitator, a viewer, an open
    invitation for someone who already has an account, every worksheet filled in (one row per
    table), a resolved comment, a health check, a support log and a notification."""
    collaboration = make_collaboration(
        name="Riverside Youth Jobs", description="Summer jobs for teenagers."
    )
    partner = make_partner(collaboration, name="Workforce Alliance", contact_name="Sam Lee")
    make_partner(collaboration, name="Riverside Community College")
    facilitator = make_user("fac@example.org", first_name="Fatima", last_name="Khan")
    viewer = make_user("view@example.org", first_name="Vera")
    make_member(collaboration, Role.FACILITATOR, facilitator)
    viewer_membership = make_member(collaboration, Role.VIEWER, viewer)
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
    site = Site(
        facilitator=facilitator,
        viewer=viewer,
        invitee=invitee,
        ids={
            "c": collaboration.pk,
            "p": partner.pk,
            "m": viewer_membership.pk,
            "token": invitation.token,
            "waiting": waiting.pk,
            "ready": ready.pk,
            "unsubscribe": unsubscribe_token(viewer.pk, "daily"),
        },
    )
    client = site.client("facilitator")
    for slug in TOOLS:
        data, _expected = form_post(definition_for(slug), [partner.pk], version=0)
        response = client.post(f"/collaborations/{collaboration.pk}/tools/{slug}/", data)
        assert response.status_code == 302, (slug, response.status_code)
    Comment.objects.create(
        collaboration=collaboration,
        tool=Tool.objects.get(slug=TOOLS[0]),
        author=facilitator,
        body="Done: the college is on the map.",
        resolved_at=timezone.now(),
        resolved_by=facilitator,
    )
    notify(
        [facilitator.pk],
        collaboration=collaboration,
        kind=Kind.REVIEW_REQUESTED,
        actor=viewer,
        title="Vera marked “Tell the Story” ready for review",
        url=f"/collaborations/{collaboration.pk}/",
    )
    return site


def _conflicting_answers(site: Site) -> dict:
    """What a second person posts from a page loaded before the worksheet was filled in: a
    different vision, so the page asks which to keep."""
    definition = definition_for(CONFLICTED)
    answers = {spec.name: f"Another {spec.name}" for spec in definition.fields}
    return answers_post(definition, answers, version=0)


@dataclass(frozen=True)
class PageType:
    name: str
    who: str  # "anonymous", or who on the Site sees it
    path: str  # formatted with Site.ids
    # Posted (to `post_to`, or to `path`) to show the page as a refused or contested save.
    post: Callable[[Site], dict] | None = None
    post_to: str | None = None
    status: int = 200

    def url(self, site: Site) -> str:
        return self.path.format(**site.ids)

    def post_url(self, site: Site) -> str:
        return (self.post_to or self.path).format(**site.ids)


def _worksheet_errors(slug: str) -> PageType:
    return PageType(
        f"worksheet-errors-{slug}",
        "facilitator",
        f"/collaborations/{{c}}/tools/{slug}/",
        post=lambda site: refused_post(definition_for(slug), version=1),
        status=422,
    )


PAGE_TYPES = [
    PageType("landing", "anonymous", "/"),
    PageType("sign-in", "anonymous", "/accounts/login/"),
    PageType("sign-up", "anonymous", "/accounts/signup/"),
    PageType("password-reset", "anonymous", "/accounts/password/reset/"),
    PageType("collaboration-list", "facilitator", "/collaborations/"),
    PageType("collaboration-new", "facilitator", "/collaborations/new/"),
    PageType(
        "collaboration-new-errors", "facilitator", "/collaborations/new/", post=lambda site: {}
    ),
    PageType("collaboration-edit", "facilitator", "/collaborations/{c}/edit/"),
    PageType("dashboard", "facilitator", "/collaborations/{c}/"),
    PageType("archive-confirm", "facilitator", "/collaborations/{c}/archive/"),
    *(
        PageType(f"stage-{slug}", "facilitator", f"/collaborations/{{c}}/stages/{slug}/")
        for slug in ["diagnosis", "design", "implementation", "assessment"]
    ),
    *(_worksheet_errors(slug) for slug in TOOLS),
    PageType("worksheet-read-only", "viewer", "/collaborations/{c}/tools/assess-the-history/"),
    PageType("worksheet-with-history", "facilitator", f"/collaborations/{{c}}/tools/{TOOLS[0]}/"),
    PageType(
        "worksheet-conflict",
        "facilitator",
        f"/collaborations/{{c}}/tools/{CONFLICTED}/",
        post=_conflicting_answers,
        status=409,
    ),
    PageType(
        "indicator",
        "facilitator",
        "/collaborations/{c}/tools/agree-on-measures-of-success/tables/indicators/rows/new-indica/",
    ),
    PageType("partner-list", "facilitator", "/collaborations/{c}/partners/"),
    PageType("partner-new", "facilitator", "/collaborations/{c}/partners/new/"),
    PageType("partner-delete", "facilitator", "/collaborations/{c}/partners/{p}/delete/"),
    PageType("members-facilitator", "facilitator", "/collaborations/{c}/members/"),
    PageType("members-viewer", "viewer", "/collaborations/{c}/members/"),
    PageType("member-remove", "facilitator", "/collaborations/{c}/members/{m}/remove/"),
    PageType("support-log", "facilitator", "/collaborations/{c}/support/"),
    PageType(
        "support-activity-errors",
        "facilitator",
        "/collaborations/{c}/support/activities/new/",
        post=lambda site: {"date": "2026-05-14"},
    ),
    PageType("health", "viewer", "/collaborations/{c}/health/"),
    PageType(
        "health-errors",
        "facilitator",
        "/collaborations/{c}/health/",
        post=lambda site: {},
        post_to="/collaborations/{c}/health/take/",
        status=422,
    ),
    PageType("report", "viewer", "/collaborations/{c}/report/"),
    PageType("report-errors", "viewer", "/collaborations/{c}/report/?stage=nowhere&paper=legal"),
    PageType("pdf-waiting", "viewer", "/collaborations/{c}/report/pdf/{waiting}/"),
    PageType("pdf-ready", "viewer", "/collaborations/{c}/report/pdf/{ready}/"),
    PageType("portfolio", "facilitator", "/portfolio/"),
    PageType("portfolio-empty", "invitee", "/portfolio/"),
    PageType("collaboration-list-empty", "invitee", "/collaborations/"),
    PageType("notifications", "facilitator", "/notifications/"),
    PageType("notification-choices", "facilitator", "/notifications/preferences/"),
    PageType(
        "notification-choices-errors",
        "facilitator",
        "/notifications/preferences/",
        post=lambda site: {"time_zone": "Mars/Olympus"},
        status=422,
    ),
    PageType("unsubscribe", "anonymous", "/notifications/unsubscribe/{unsubscribe}/"),
    PageType("invitation-anonymous", "anonymous", "/invitations/{token}/"),
    PageType("invitation-invitee", "invitee", "/invitations/{token}/"),
    PageType("password-change", "facilitator", "/accounts/password/change/"),
    PageType("email-addresses", "facilitator", "/accounts/email/"),
]


def render(site: Site, page: PageType) -> str:
    """The page's HTML as the test client gets it, after its post if it has one."""
    client = site.client(page.who)
    if page.post is None:
        response = client.get(page.url(site))
    else:
        response = client.post(page.post_url(site), page.post(site))
    assert response.status_code == page.status, (page.name, response.status_code)
    return response.content.decode()
