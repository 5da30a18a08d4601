"""Liveness and readiness probes: fast, no session, plain HTTP allowed behind a balancer."""

from __future__ import annotations

from unittest import mock

import pytest
from django.db import OperationalError
from django.db.migrations.executor import MigrationExecutor
from django.test import override_settings
from django.urls import reverse

from tests.test_settings import PRODUCTION, _run
from toolkit_site import probes

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def _forget_migrations():
    probes._migrations_applied = False
    yield
    probes._migrations_applied = False


def _assert_sessionless(response) -> None:
    assert "sessionid" not in response.cookies
    assert "Cookie" not in response.get("Vary", "")
    assert "no-cache" in response["Cache-Control"]


def test_healthz_answers_without_touching_the_database(client, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.content == b"ok\n"
    _assert_sessionless(response)


def test_readyz_is_ready_when_the_database_answers_and_migrations_are_applied(
    client, django_assert_max_num_queries
):
    with django_assert_max_num_queries(3):
        response = client.get(reverse("readyz"))
    assert response.status_code == 200
    assert response.content == b"ready\n"
    _assert_sessionless(response)
    # Once everything is applied, later probes only ask the database for a sign of life.
    with django_assert_max_num_queries(1):
        assert client.get("/readyz").status_code == 200


def test_readyz_is_not_ready_while_migrations_are_missing(client):
    missing = [(mock.sentinel.migration, False)]
    with mock.patch.object(MigrationExecutor, "migration_plan", return_value=missing):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert b"1 migration not applied" in response.content
    assert client.get("/readyz").status_code == 200


def test_readyz_is_not_ready_while_the_database_is_unreachable(client):
    error = OperationalError("connection refused")
    with mock.patch.object(probes.connection, "ensure_connection", side_effect=error):
        response = client.get("/readyz")
    assert response.status_code == 503
    assert response.content == b"not ready: database unavailable\n"


@pytest.mark.parametrize("path", ["/healthz", "/readyz"])
def test_probes_answer_over_plain_http_when_https_is_enforced(client, path):
    with override_settings(
        SECURE_SSL_REDIRECT=True, SECURE_REDIRECT_EXEMPT=[r"^healthz$", r"^readyz$"]
    ):
        assert client.get(path).status_code == 200
        assert client.get("/").status_code == 301


def test_production_settings_exempt_the_probes_from_the_https_redirect():
    code = (
        "import django; from django.conf import settings; django.setup(); "
        "print(settings.SECURE_SSL_REDIRECT, sorted(settings.SECURE_REDIRECT_EXEMPT))"
    )
    result = _run(["-c", code], PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "True ['^healthz$', '^readyz$']"


def test_probes_only_answer_get(client):
    assert client.post("/healthz").status_code == 405
    assert client.post("/readyz").status_code == 405
