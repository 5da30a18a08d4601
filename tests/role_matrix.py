"""The role matrix, derived from the URL configuration: every URL inside
`collaborations/<id>/` is tried by every member of the cast, an outsider and anonymous.

`matrix_problems` walks the URL patterns, fills each one's arguments from a small world of
objects (one of everything a collaboration URL can name), and says what broke the rules:
anonymous → sign-in; outsider → 404 for every method; a member → 200 for a page their role may
read, 403 for a method their role may not use, saying which right it lacks (not a 403 for any other
reason), with nothing changed in any table; a method the
view does not declare → 405.
A new collaboration page is covered without editing this file; a URL argument it cannot fill
is itself reported.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from django.apps import apps
from django.contrib.sessions.models import Session
from django.core.files.base import ContentFile
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.utils.html import escape

from collaborations import access
from collaborations.models import Role
from reports.models import ReportFile
from stages.models import Comment, Measurement, Tool, Worksheet, WorksheetRevision
from support.models import Activity
from tests.factories import make_invitation

PREFIX = "collaborations/<int:collaboration_id>/"


@dataclass(frozen=True)
class Page:
    name: str  # namespaced URL name
    kwargs: tuple[str, ...]  # the URL's arguments other than collaboration_id
    defaults: dict  # arguments the URL configuration fixes (e.g. the kind of support entry)
    view: object


def collaboration_pages(urlconf: str | None = None) -> Iterator[Page]:
    """Every URL pattern under the collaboration include, with its full name."""

    def walk(patterns, namespace: str, inside: bool):
        for entry in patterns:
            if isinstance(entry, URLResolver):
                route = str(entry.pattern)
                now_inside = inside or route == PREFIX
                space = f"{namespace}{entry.namespace}:" if entry.namespace else namespace
                yield from walk(entry.url_patterns, space, now_inside)
            elif isinstance(entry, URLPattern) and inside and entry.name:
                kwargs = tuple(k for k in entry.pattern.converters if k not in entry.default_args)
                yield Page(f"{namespace}{entry.name}", kwargs, entry.default_args, entry.callback)

    yield from walk(get_resolver(urlconf).url_patterns, "", False)


def world(cast) -> dict[str, object]:
    """One of everything a collaboration URL can name, keyed by URL argument."""
    collaboration = cast.collaboration
    measures = Tool.objects.get(slug="agree-on-measures-of-success")
    Worksheet.objects.create(
        collaboration=collaboration,
        tool=measures,
        version=1,
        answers={"indicators": [{"id": "r1", "name": "Jobs", "baseline": 0, "target": 10}]},
    )
    sheet = Worksheet.objects.get(collaboration=collaboration, tool=measures)
    WorksheetRevision.objects.create(worksheet=sheet, version=1, status=sheet.status, answers={})
    comment = Comment.objects.create(
        collaboration=collaboration, tool=measures, author=cast.partner.user, body="Hello"
    )
    activity = Activity.objects.create(
        collaboration=collaboration,
        date="2026-01-05",
        strategy="convening",
        description="Kick-off",
    )
    invitation = make_invitation(collaboration, email="pending@example.org")
    report_file = ReportFile(
        collaboration=collaboration,
        options="stage=;skip_empty=0;paper=a4;lang=en",
        fingerprint="older content",
        status=ReportFile.Status.READY,
    )
    report_file.file.save("report.pdf", ContentFile(b"%PDF-1.7"), save=True)
    measurement = Measurement.objects.create(
        collaboration=collaboration, tool=measures, table="indicators", row_id="r1",
        date="2026-01-05", value=3,
    )  # fmt: skip
    return {
        "stage_slug": "design",
        "tool_slug": measures.slug,
        "version": 1,
        "comment_id": comment.pk,
        "table": "indicators",
        "row_id": "r1",
        "partner_id": cast.partner.partner_id,
        "member_id": cast.viewer.pk,
        "invitation_id": invitation.pk,
        "entry_id": activity.pk,
        "file_id": report_file.pk,
        "measurement_id": measurement.pk,
    }


def everything() -> list:
    """Every row of every table but sessions: what a refused write must leave alone."""
    return [
        (model._meta.label, list(model.objects.order_by("pk").values()))
        for model in apps.get_models()
        if model is not Session
    ]


def _url(page: Page, cast, objects: dict) -> str:
    kwargs = {"collaboration_id": cast.collaboration.pk}
    kwargs |= {name: objects[name] for name in page.kwargs}
    return reverse(page.name, kwargs=kwargs)


def _send(client, method: str, url: str):
    return client.get(url) if method == "GET" else client.post(url, {})


def matrix_problems(
    cast, urlconf: str | None = None, only: set[str] | None = None
) -> tuple[list[str], list[str]]:
    """(the pages tried, what broke the rules) for every collaboration page, or for the pages
    named in `only`."""
    objects = world(cast)
    tried, problems = [], []
    clients = {who: cast.client(who) for who in ["facilitator", "partner", "viewer"]}
    clients |= {"outsider": cast.client("outsider"), "anonymous": cast.client("anonymous")}
    for page in collaboration_pages(urlconf):
        if only is not None and page.name not in only:
            continue
        tried.append(page.name)
        permissions = getattr(page.view, "permissions", None)
        if permissions is None:
            problems.append(f"{page.name}: the view does not wear access.collaboration_view")
            continue
        missing = [name for name in page.kwargs if name not in objects]
        if missing:
            problems.append(f"{page.name}: the matrix cannot fill {missing}; add to world()")
            continue
        url = _url(page, cast, objects)
        for method, code in permissions.items():
            response = _send(clients["anonymous"], method, url)
            if response.status_code != 302 or "/accounts/login/" not in response["Location"]:
                problems.append(f"{page.name} {method} anonymous: {response.status_code}")
            if (status := _send(clients["outsider"], method, url).status_code) != 404:
                problems.append(f"{page.name} {method} outsider: {status}, not 404")
            for role, who in [(Role.PARTNER, "partner"), (Role.VIEWER, "viewer")]:
                if role in access.PERMISSIONS_BY_CODE[code].roles:
                    if (
                        method == "GET"
                        and (status := _send(clients[who], method, url).status_code) != 200
                    ):
                        problems.append(f"{page.name} GET {who}: {status}, not 200")
                    continue
                before = everything() if method == "POST" else None
                response = _send(clients[who], method, url)
                reason = escape(str(access.PERMISSIONS_BY_CODE[code].label))
                if response.status_code != 403:
                    problems.append(f"{page.name} {method} {who}: {response.status_code}, not 403")
                elif reason not in response.content.decode():
                    problems.append(f"{page.name} {method} {who}: 403 without saying why")
                if before is not None and everything() != before:
                    problems.append(f"{page.name} {method} {who}: refused, yet changed data")
        response = clients["facilitator"].put(url)
        if response.status_code != 405:
            problems.append(f"{page.name} PUT: {response.status_code}, not 405")
    return tried, problems
