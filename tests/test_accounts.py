"""Accounts: the email address is the sign-in name; sign-in failures are throttled."""

from __future__ import annotations

import pytest
from django.contrib.auth import get_user_model
from django.core import mail
from django.core.cache import cache
from django.test import override_settings
from django.urls import reverse

from collaborations.models import Membership, Role
from tests.factories import PASSWORD, make_collaboration, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _fresh_throttle():
    cache.clear()
    yield
    cache.clear()


def test_sign_up_with_email_and_name(client):
    response = client.post(
        reverse("account_signup"),
        {
            "first_name": "Rosa",
            "last_name": "Delgado",
            "email": "rosa@example.org",
            "password1": "a-long-unusual-passphrase",
            "password2": "a-long-unusual-passphrase",
        },
    )
    assert response.status_code == 302
    user = get_user_model().objects.get(email="rosa@example.org")
    assert user.get_full_name() == "Rosa Delgado"
    assert client.get(reverse("collaboration-list")).status_code == 200


def test_sign_up_errors_keep_what_was_typed(client):
    response = client.post(
        reverse("account_signup"),
        {
            "first_name": "Rosa",
            "email": "not-an-email",
            "password1": "a-long-unusual-passphrase",
            "password2": "different",
        },
    )
    assert response.status_code == 200
    page = response.content.decode()
    assert 'value="Rosa"' in page
    assert 'value="not-an-email"' in page
    assert "Please correct the" in page
    assert not get_user_model().objects.filter(first_name="Rosa").exists()


def test_sign_in_with_email(client):
    make_user("dana@example.org")
    response = client.post(
        reverse("account_login"), {"login": "dana@example.org", "password": PASSWORD}
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("collaboration-list")


def test_wrong_password_gets_a_message(client):
    make_user("dana@example.org")
    response = client.post(
        reverse("account_login"), {"login": "dana@example.org", "password": "wrong"}
    )
    assert response.status_code == 200
    assert "not correct" in response.content.decode()


def test_repeated_failed_sign_ins_are_throttled(client):
    make_user("dana@example.org")
    for _attempt in range(5):
        client.post(reverse("account_login"), {"login": "dana@example.org", "password": "wrong"})
    response = client.post(
        reverse("account_login"), {"login": "dana@example.org", "password": PASSWORD}
    )
    assert response.status_code in (200, 429)
    assert "_auth_user_id" not in client.session
    assert "Too many failed login attempts" in response.content.decode()


def test_sign_out(client):
    client.force_login(make_user())
    client.post(reverse("account_logout"))
    assert client.get(reverse("collaboration-list")).status_code == 302


def test_password_reset_sends_a_link(client):
    make_user("dana@example.org")
    response = client.post(reverse("account_reset_password"), {"email": "dana@example.org"})
    assert response.status_code == 302
    assert len(mail.outbox) == 1
    assert "/accounts/password/reset/key/" in mail.outbox[0].body


def test_password_change(client):
    user = make_user("dana@example.org")
    client.force_login(user)
    response = client.post(
        reverse("account_change_password"),
        {
            "oldpassword": PASSWORD,
            "password1": "another-long-passphrase",
            "password2": "another-long-passphrase",
        },
    )
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password("another-long-passphrase")


def _fail_sign_in(client, email: str, forwarded_for: str):
    return client.post(
        reverse("account_login"),
        {"login": email, "password": "wrong"},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR=forwarded_for,
    )


@override_settings(ALLAUTH_TRUSTED_PROXY_COUNT=1)
def test_behind_a_trusted_proxy_failed_sign_ins_count_per_client_not_per_proxy(client):
    """Ten failures from one client through the balancer do not lock out another client."""
    make_user("dana@example.org")
    for attempt in range(10):
        _fail_sign_in(client, f"nobody{attempt}@example.org", "203.0.113.7")
    blocked = _fail_sign_in(client, "nobody@example.org", "203.0.113.7")
    assert "Too many failed login attempts" in blocked.content.decode()
    response = client.post(
        reverse("account_login"),
        {"login": "dana@example.org", "password": PASSWORD},
        REMOTE_ADDR="10.0.0.2",
        HTTP_X_FORWARDED_FOR="198.51.100.4",
    )
    assert response.status_code == 302


def test_without_a_trusted_proxy_the_forwarded_header_is_ignored(client):
    """A client cannot dodge the limit by sending a header of its own."""
    for attempt in range(10):
        _fail_sign_in(client, f"nobody{attempt}@example.org", f"203.0.113.{attempt}")
    blocked = _fail_sign_in(client, "nobody@example.org", "198.51.100.99")
    assert "Too many failed login attempts" in blocked.content.decode()


def test_people_are_named_by_their_names_never_their_user_names():
    user = make_user("m.lopez@example.org", first_name="Maria", last_name="Lopez")
    user.username = "mlopez7"
    user.save()
    membership = Membership.objects.create(
        collaboration=make_collaboration(name="Eastside"), user=user, role=Role.PARTNER
    )
    assert str(membership) == "Maria Lopez (Partner) in Eastside"
