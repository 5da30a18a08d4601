"""Races and double clicks, each tried as people do them: at the same moment against the live
server, or twice in a row. None ends in a server error or breaks a rule."""

from __future__ import annotations

import os
import socket
import subprocess
import sys

import pytest
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse

from collaborations.forms import PartnerForm
from collaborations.models import Collaboration, Invitation, Membership, Partner, Role
from tests.factories import make_collaboration, make_invitation, make_member, make_user
from tests.live_http import Session, all_at_once

ROUNDS = 4


def _two_facilitators() -> tuple[Collaboration, Membership, Membership]:
    collaboration = make_collaboration()
    first = make_member(collaboration, Role.FACILITATOR)
    second = make_member(collaboration, Role.FACILITATOR)
    return collaboration, first, second


@pytest.mark.django_db(transaction=True)
def test_two_facilitators_removing_each_other_at_once_leave_one(live_server):
    for _round in range(ROUNDS):
        collaboration, first, second = _two_facilitators()
        people = [Session(live_server, first.user), Session(live_server, second.user)]
        paths = [
            reverse("collaborations:member-remove", args=[collaboration.pk, other.pk])
            for other in (second, first)
        ]
        results = all_at_once(
            [lambda s=s, p=p: s.post(p, {}) for s, p in zip(people, paths, strict=True)]
        )
        assert collaboration.memberships.filter(role=Role.FACILITATOR).count() == 1
        # The later one is refused: with a message (302), or, if its sender was removed
        # before it was looked at, as for anyone who is not a member (404).
        statuses = [status for status, _body in results]
        assert sorted(statuses) in ([302, 302], [302, 404]), statuses


@pytest.mark.django_db(transaction=True)
def test_two_facilitators_demoting_each_other_at_once_leave_one(live_server):
    for _round in range(ROUNDS):
        collaboration, first, second = _two_facilitators()
        people = [Session(live_server, first.user), Session(live_server, second.user)]
        calls = []
        for session, other in zip(people, (second, first), strict=True):
            path = reverse("collaborations:member-update", args=[collaboration.pk, other.pk])
            data = {f"m{other.pk}-role": Role.VIEWER, f"m{other.pk}-partner": ""}
            calls.append(lambda s=session, p=path, d=data: s.post(p, d))
        results = all_at_once(calls)
        assert collaboration.memberships.filter(role=Role.FACILITATOR).count() == 1
        # The later one is refused: by the access check if its sender is a viewer already
        # (403), by the form if the other was saved before it looked (200, field error),
        # else by the service holding the memberships (302, with a message).
        statuses = [status for status, _body in results]
        assert 302 in statuses and set(statuses) <= {200, 302, 403}, statuses
        for status, body in results:
            if status == 200:
                assert "A collaboration needs at least one facilitator." in body


@pytest.mark.django_db
def test_removing_someone_removed_a_moment_ago_is_no_error(cast):
    member = make_member(cast.collaboration, Role.VIEWER)
    client = cast.client("facilitator")
    url = reverse("collaborations:member-remove", args=[cast.collaboration.pk, member.pk])
    assert client.post(url).status_code == 302
    assert client.post(url).status_code == 404  # gone: the same answer as any unknown id
    assert not Membership.objects.filter(pk=member.pk).exists()


@pytest.mark.django_db
def test_a_second_click_on_join_lands_on_the_collaboration_with_a_message(cast):
    user = make_user("joiner@example.org")
    invitation = make_invitation(cast.collaboration, email=user.email)
    client = Client()
    client.force_login(user)
    first = client.post(invitation.get_absolute_url())
    second = client.post(invitation.get_absolute_url())
    dashboard = reverse("collaboration", args=[cast.collaboration.pk])
    assert (first.status_code, first["Location"]) == (302, dashboard)
    assert (second.status_code, second["Location"]) == (302, dashboard)
    shown = [str(m) for m in get_messages(second.wsgi_request)]
    assert "You are a member of Riverside Youth Jobs already." in shown
    assert Membership.objects.filter(user=user).count() == 1
    # Someone else cannot use the spent link that way.
    stranger = Client()
    stranger.force_login(make_user("stranger@example.org"))
    assert stranger.post(invitation.get_absolute_url()).status_code == 410


@pytest.mark.django_db(transaction=True)
def test_a_double_click_on_join_at_the_same_moment_joins_once(live_server):
    collaboration = make_collaboration()
    make_member(collaboration, Role.FACILITATOR)
    user = make_user()
    invitation = make_invitation(collaboration, email=user.email)
    session = Session(live_server, user)
    path = invitation.get_absolute_url()
    results = all_at_once([lambda: session.post(path, {}), lambda: session.post(path, {})])
    assert [status for status, _body in results] == [302, 302]
    assert Membership.objects.filter(user=user, collaboration=collaboration).count() == 1
    assert Invitation.objects.get(pk=invitation.pk).accepted_by == user


@pytest.mark.django_db
def test_a_partner_saved_twice_at_once_gets_the_field_error(cast, monkeypatch):
    """The second request passed validation before the first one saved: the database's
    unique constraint refuses it, and the person sees why, next to the field."""
    Partner.objects.create(collaboration=cast.collaboration, name="City Hall", sector="government")
    monkeypatch.setattr(PartnerForm, "clean_name", lambda form: form.cleaned_data["name"])
    url = reverse("collaborations:partner-new", args=[cast.collaboration.pk])
    response = cast.client("facilitator").post(
        url, {"name": "city hall", "sector": "government", "status": "active", "notes": "Kept"}
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "This collaboration already has a partner by that name." in page
    assert "Kept" in page
    assert cast.collaboration.partners.filter(name__iexact="city hall").count() == 1


@pytest.mark.django_db
def test_inviting_while_the_mail_server_is_down_keeps_the_invitation_and_its_link(cast, settings):
    with socket.socket() as probe:  # a port nobody listens on
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    settings.MAILERS = {
        "default": {
            "BACKEND": "django.core.mail.backends.smtp.EmailBackend",
            "OPTIONS": {"host": "127.0.0.1", "port": port, "timeout": 2},
        }
    }
    url = reverse("collaborations:invitation-new", args=[cast.collaboration.pk])
    response = cast.client("facilitator").post(
        url, {"email": "newcomer@example.org", "role": Role.PARTNER}, follow=True
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert "the mail could not be sent" in page
    invitation = Invitation.objects.get(email="newcomer@example.org")
    assert invitation.get_absolute_url() in page  # the link to copy


def test_a_hung_mail_server_cannot_hold_a_worker(settings):
    """The SMTP mailer gives up after EMAIL_TIMEOUT seconds (10 unless set)."""
    script = (
        "from django.conf import settings; print(settings.MAILERS['default']['OPTIONS']['timeout'])"
    )
    env = {k: v for k, v in os.environ.items() if k not in {"EMAIL_TIMEOUT"}}
    env |= {"DJANGO_SETTINGS_MODULE": "toolkit_site.settings", "EMAIL_HOST": "mail.example.org"}
    run = [sys.executable, "manage.py", "shell", "-c", script]
    default = subprocess.run(run, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True)
    assert default.stdout.split()[-1] == "10", default.stderr
    env["EMAIL_TIMEOUT"] = "3"
    chosen = subprocess.run(run, cwd=settings.BASE_DIR, env=env, capture_output=True, text=True)
    assert chosen.stdout.split()[-1] == "3", chosen.stderr
