"""The demo data command."""

from __future__ import annotations

from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from collaborations.models import Collaboration, Membership, Role
from demo.management.commands.seed_demo import COLLABORATION, DEMO_PASSWORD

pytestmark = pytest.mark.django_db


def _seed(**options) -> str:
    out = StringIO()
    call_command("seed_demo", stdout=out, **options)
    return out.getvalue()


def test_seed_demo_creates_a_realistic_collaboration_and_prints_sign_ins(settings):
    settings.DEBUG = True
    output = _seed()
    collaboration = Collaboration.objects.get(name=COLLABORATION["name"])
    partners = collaboration.partners.all()
    assert partners.count() >= 6
    assert len({p.sector for p in partners}) >= 4
    roles = dict(
        Membership.objects.filter(collaboration=collaboration).values_list("user__email", "role")
    )
    sign_ins = {
        "facilitator@example.org": Role.FACILITATOR,
        "partner@example.org": Role.PARTNER,
        "viewer@example.org": Role.VIEWER,
    }
    # Other members (who took the health check) exist, but only these can sign in.
    assert {email: roles.get(email) for email in sign_ins} == sign_ins
    for email in sign_ins:
        assert email in output
    assert DEMO_PASSWORD in output


def test_seed_demo_is_idempotent(settings):
    settings.DEBUG = True
    _seed()
    memberships = Membership.objects.count()
    _seed()
    # The demo collaboration and the two others in the facilitator's portfolio, once each.
    assert Collaboration.objects.count() == 3
    assert Membership.objects.count() == memberships


def test_the_demo_facilitator_has_a_portfolio_with_a_stalled_collaboration(settings, client):
    settings.DEBUG = True
    _seed()
    client.force_login(
        Membership.objects.get(
            user__email="facilitator@example.org", collaboration__name=COLLABORATION["name"]
        ).user
    )
    rows = client.get("/portfolio/").context["rows"]
    assert len(rows) == 3
    assert [r.collaboration.name for r in rows if r.stalled] == [
        "Northgate Healthy Homes Coalition"
    ]


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
    assert Collaboration.objects.filter(name=COLLABORATION["name"]).exists()


def test_demo_sign_offs_follow_the_rules(settings):
    """Each organization signs through a member who represents it; where none does, the
    facilitator records its position on its behalf, saying so; reservations carry a note."""
    from stages.models import SignOff

    settings.DEBUG = True
    _seed()
    collaboration = Collaboration.objects.get(name=COLLABORATION["name"])
    represents = set(
        Membership.objects.filter(collaboration=collaboration, partner__isnull=False).values_list(
            "user_id", "partner_id"
        )
    )
    roles = dict(
        Membership.objects.filter(collaboration=collaboration).values_list("user_id", "role")
    )
    sign_offs = list(SignOff.objects.filter(collaboration=collaboration))
    assert sign_offs
    signers = {s.user_id for s in sign_offs}
    assert len(signers) > 1
    for s in sign_offs:
        if s.on_behalf:
            assert roles[s.user_id] == Role.FACILITATOR
            assert (s.user_id, s.partner_id) not in represents
        else:
            assert (s.user_id, s.partner_id) in represents
        if s.position in SignOff.NEEDS_NOTE:
            assert s.note.strip()
    assert any(s.on_behalf for s in sign_offs) and any(not s.on_behalf for s in sign_offs)
