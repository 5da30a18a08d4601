"""Every kind of page in Spanish, with no English left in the templates: each page is rendered
for a person who reads Spanish (or a visitor whose browser asks for it) and its visible text
searched for phrases of the English interface."""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

import pytest
from django.test import Client

from collaborations.models import Profile, Role
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
from tests.page_types import PAGE_TYPES, make_site, render
from tests.support.factories import make_activity, make_barrier, make_lead
from tests.test_html_validity import check

pytestmark = pytest.mark.django_db

# Phrases of the English interface, from the templates, the forms and allauth: none may show
# on a Spanish page. Each is looked for where the interface puts it: as a whole piece of text
# (a button, a link, a heading, a label) or at its start ("Save and mark ready…"), so a word
# inside what people typed or inside the toolkit's own text is not taken for the interface.
ENGLISH = [
    "Sign out",
    "Sign in",
    "Sign up",
    "My collaborations",
    "Start a collaboration",
    "Portfolio",
    "Notifications",
    "Dashboard",
    "Members",
    "Support log",
    "Health check",
    "Report",
    "Save",
    "Cancel",
    "Delete",
    "Edit",
    "Ready for review",
    "In progress",
    "Not started",
    "Complete",
    "Download",
    "Skip to main content",
    "Needs attention",
    "Recent activity",
    "Invite someone",
    "What each role may do",
    "Record a support activity",
    "Resource leads",
    "Barriers",
    "Rate our collaboration",
    "Contents",
    "Comments",
    "Worksheet status",
    "Why it matters",
    "Password",
    "Remember me",
    "Email address",
    "Page not found",
    "Your PDF",
    "Unsubscribe",
    "Please correct",
    "This field is required",
    # The toolkit's own words, from its Spanish data and catalog (stages/locale).
    "Worksheet",
    "Partners",
    "Partner",
    "Status",
    "History",
    "Definition",
    "Example",
    "Add a row",
    "Diagnosis",
    "Design",
    "Implementation",
    "Assessment",
    "Engage Potential Partners",
    "Account for Resources",
    "Tell the Story",
    "Stakeholder map",
    "Resource ledger",
    "Commitment tracker",
]


class VisibleText(HTMLParser):
    """The text a person reads or hears: text outside scripts and styles, and the labels,
    titles, placeholders and alternatives in attributes."""

    ATTRIBUTES = {"aria-label", "title", "placeholder", "alt", "data-copied-label"}

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self.hidden = 0

    def handle_starttag(self, tag, attrs):
        if tag in {"script", "style"}:
            self.hidden += 1
        for name, value in attrs:
            if value and (name in self.ATTRIBUTES or name.startswith("data-msg-")):
                self.parts.append(value)
            if name == "value" and tag == "input" and ("type", "submit") in attrs:
                self.parts.append(value or "")

    def handle_endtag(self, tag):
        if tag in {"script", "style"}:
            self.hidden -= 1

    def handle_data(self, data):
        if not self.hidden:
            self.parts.append(data)


def english_in(html: str) -> list[str]:
    parser = VisibleText()
    parser.feed(html)
    found = set()
    for part in parser.parts:
        text = " ".join(part.split())
        found.update(p for p in ENGLISH if text == p or text.startswith(p + " "))
    return sorted(found)


@dataclass
class Site:
    clients: dict[str, Client]
    ids: dict


def _client(user=None, language: str = "es") -> Client:
    client = Client(HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9" if language == "es" else "en-US")
    if user is not None:
        Profile.objects.update_or_create(user=user, defaults={"language": language})
        client.force_login(user)
    return client


@pytest.fixture
def site() -> Site:
    """One collaboration with something on every page: partners, members, an open invitation,
    health check results, the support log, a review waiting, a report file."""
    collaboration = make_collaboration(name="Riverside Youth Jobs", community="Springfield")
    partner = make_partner(collaboration, name="Workforce Alliance", contact_name="Sam Lee")
    facilitator = make_user("fac@example.org", first_name="Fatima", last_name="Khan")
    viewer = make_user("view@example.org", first_name="Vera")
    make_member(collaboration, Role.FACILITATOR, facilitator)
    make_member(collaboration, Role.VIEWER, viewer)
    invitation = make_invitation(collaboration, partner=partner, invited_by=facilitator)
    seed_results(collaboration)
    make_activity(collaboration, recorded_by=facilitator, local_participants="Sam Lee")
    make_lead(collaboration, amount=5000)
    make_barrier(collaboration)
    waiting, ready = (
        ReportFile.objects.create(
            collaboration=collaboration, options=options, fingerprint="f", status=status, size=9
        )
        for options, status in (
            ("stage=;skip_empty=0;paper=a4;lang=es", "queued"),
            ("stage=design;skip_empty=1;paper=letter;lang=es", "ready"),
        )
    )
    notify(
        [facilitator.pk],
        collaboration=collaboration,
        kind=Kind.REVIEW_REQUESTED,
        actor=viewer,
        title="Vera",
        url=f"/collaborations/{collaboration.pk}/",
    )
    ids = {
        "c": collaboration.pk,
        "p": partner.pk,
        "token": invitation.token,
        "waiting": waiting.pk,
        "ready": ready.pk,
        "unsubscribe": unsubscribe_token(viewer.pk, "daily"),
    }
    clients = {
        "anonymous": _client(),
        "facilitator": _client(facilitator),
        "viewer": _client(viewer),
        "facilitator-en": _client(facilitator, "en"),
    }
    return Site(clients=clients, ids=ids)


# Pages beside the kinds of page every check goes through (tests/page_types.py).
EXTRA_PAGES = [
    ("anonymous", "/invitations/not-a-token/"),
    ("anonymous", "/no-such-page/"),
    ("viewer", "/collaborations/{c}/edit/"),  # 403: the role does not allow it
    ("viewer", "/collaborations/{c}/report/?stage=nowhere&paper=legal&language=xx"),
]


def test_every_kind_of_page_is_in_spanish_and_valid_html(tmp_path):
    """Each kind of page, as the person who sees it (errors, conflicts and all), for people
    whose language is Spanish and a visitor whose browser asks for it; and, in Spanish too,
    valid HTML by the Nu checker."""
    site = make_site()
    for person in (site.facilitator, site.viewer, site.invitee):
        Profile.objects.update_or_create(user=person, defaults={"language": "es"})
    site.clients.clear()  # each signs in again, and so reads their language
    site.clients["anonymous"] = Client(HTTP_ACCEPT_LANGUAGE="es-US,es;q=0.9")
    english, pages = {}, {}
    for page in PAGE_TYPES:
        pages[page.name] = html = render(site, page)
        assert '<html lang="es"' in html, page.name
        if found := english_in(html):
            english[page.name] = found
    assert english == {}
    invalid = check(pages, tmp_path)
    assert not invalid, "\n".join(f"{name}: {m}" for name, ms in invalid.items() for m in ms)


@pytest.mark.parametrize(("who", "path"), EXTRA_PAGES, ids=[p for _w, p in EXTRA_PAGES])
def test_the_page_is_in_spanish(site: Site, who: str, path: str):
    response = site.clients[who].get(path.format(**site.ids))
    assert response.status_code in (200, 403, 404, 410)
    html = response.content.decode()
    assert '<html lang="es"' in html
    assert english_in(html) == []


POSTS = [
    ("facilitator", "/collaborations/new/", {"name": ""}),
    ("facilitator", "/collaborations/{c}/support/activities/new/", {"date": "someday"}),
    ("facilitator", "/collaborations/{c}/health/take/", {}),
    ("facilitator", "/notifications/preferences/", {"time_zone": "Mars/Olympus"}),
    ("anonymous", "/accounts/login/", {"login": "nobody@example.org", "password": "wrong"}),
    ("anonymous", "/accounts/signup/", {"email": "not an address"}),
]


@pytest.mark.parametrize(("who", "path", "data"), POSTS, ids=[p for _w, p, _d in POSTS])
def test_error_messages_are_in_spanish(site: Site, who: str, path: str, data: dict):
    response = site.clients[who].post(path.format(**site.ids), data)
    assert response.status_code in (200, 400, 422)
    html = response.content.decode()
    assert re.search(r"(Corrija|obligatorio|no es|no son|válid|Califique)", html), html[-3000:]
    assert english_in(html) == []


def test_the_check_finds_english_on_an_english_page(site: Site):
    """The same search on the dashboard in English finds the interface's phrases: a search
    that found nothing there would prove nothing about the Spanish pages."""
    response = site.clients["facilitator-en"].get(f"/collaborations/{site.ids['c']}/")
    found = english_in(response.content.decode())
    assert {"Sign out", "Dashboard", "Members", "Needs attention"} <= set(found)
