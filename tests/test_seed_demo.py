"""The demo data command."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from collaborations.models import Collaboration, Membership, Role
from stages.management.commands.seed_demo import DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def _seed(**options) -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def test_seed_demo_creates_a_realistic_collaboration_and_prints_sign_ins(settings):
    settings.DEBUG = True
    output = _seed()
    collaboration = Collaboration.objects.get()
    partners = collaboration.partners.all()
    assert partners.count() >= 6
    assert len({p.sector for p in partners}) >= 4
    roles = dict(
        Membership.objects.filter(collaboration=collaboration).values_list("user__email", "role")
    )
    assert roles == {
        "facilitator@example.org": Role.FACILITATOR,
        "partner@example.org": Role.PARTNER,
        "viewer@example.org": Role.VIEWER,
    }
    for email in roles:
        assert email in output
    assert DEMO_PASSWORD in output


def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = True
    _seed()
    _seed()
    assert Collaboration.objects.count() == 1
    assert Membership.objects.count() == 3


def test_demo_accounts_can_sign_in(settings, client):
    settings.DEBUG = True
    _seed()
    response = client.post(
        "/accounts/login/", {"login": "partner@example.org", "password": DEMO_PASSWORD}
    )
    assert response.status_code == 302


def test_seed_demo_refuses_without_debug_unless_forced(settings):
    settings.DEBUG = False
    with pytest.raises(CommandError, match="DEBUG"):
        _seed()
    assert not Collaboration.objects.exists()
    _seed(force=True)
    assert Collaboration.objects.count() == 1
