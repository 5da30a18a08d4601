"""Deployment settings and the security headers every page carries."""

from __future__ import annotations

import json
import logging
import os
import subprocess
import sys

import pytest
from django.conf import settings
from django.core import mail
from django.db import connection

from toolkit_site.mail import LogOnlyEmailBackend

pytestmark = pytest.mark.django_db


PRODUCTION = {
    "DEBUG": "0",
    "SECRET_KEY": "k3Yq-8vZ!pR2wL9mN4tB7xC1dF6gH0jS5aE2uI8oP3rT7yW9zQ4nM6bV1cX8lK0",
    "ALLOWED_HOSTS": "intersector.example.org",
    "CSRF_TRUSTED_ORIGINS": "https://intersector.example.org",
    "DATABASE_URL": "postgres://intersector:secret@db.example.org:5432/intersector",
}
_OWN = {
    "SECRET_KEY",
    "DEBUG",
    "DATABASE_URL",
    "EMAIL_HOST",
    "ALLOWED_HOSTS",
    # The test run's own switch; the deployment checklist rightly refuses it in production.
    "DJANGO_ALLOW_ASYNC_UNSAFE",
}


def _run(args: list[str], env: dict) -> subprocess.CompletedProcess:
    """Runs with the real settings module in a fresh process, with only `env` configured."""
    clean = {k: v for k, v in os.environ.items() if k not in _OWN}
    return subprocess.run(
        [sys.executable, *args],
        cwd=settings.BASE_DIR,
        env={**clean, "DJANGO_SETTINGS_MODULE": "toolkit_site.settings", **env},
        capture_output=True,
        text=True,
        check=False,
    )


def _check(env: dict) -> subprocess.CompletedProcess:
    return _run(["manage.py", "check"], env)


def _database_settings(env: dict) -> dict:
    code = (
        "import json, django; from django.conf import settings; django.setup(); "
        "print(json.dumps(settings.DATABASES['default'], default=str))"
    )
    result = _run(["-c", code], env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout)


def test_secret_key_is_required_when_debug_is_off():
    result = _check({"DEBUG": "0"})
    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_a_compression_level_outside_1_to_9_is_refused_at_start():
    for wrong in ("0", "10", "fast"):
        result = _check({"GZIP_LEVEL": wrong})
        assert result.returncode != 0
        assert "GZIP_LEVEL must be a whole number from 1 to 9" in result.stderr
    assert _check({"GZIP_LEVEL": "6"}).returncode == 0


def test_production_settings_start_with_a_secret_key():
    result = _check({"DEBUG": "0", "SECRET_KEY": "x" * 50, "ALLOWED_HOSTS": "example.org"})
    assert result.returncode == 0, result.stderr


def test_documented_production_settings_pass_the_deployment_checklist_without_smtp():
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], PRODUCTION)
    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_turning_hsts_preload_off_is_a_deliberate_choice_the_checklist_accepts():
    env = {**PRODUCTION, "SECURE_HSTS_PRELOAD": "0"}
    result = _run(["manage.py", "check", "--deploy", "--fail-level", "WARNING"], env)
    assert result.returncode == 0, result.stderr


def test_sqlite_is_set_up_for_concurrent_writes():
    database = _database_settings({"DATABASE_URL": "sqlite:////tmp/intersector-settings.db"})
    assert database["ENGINE"] == "django.db.backends.sqlite3"
    assert database["OPTIONS"]["transaction_mode"] == "IMMEDIATE"
    assert "journal_mode=WAL" in database["OPTIONS"]["init_command"]
    assert database["CONN_MAX_AGE"] == 0


def test_postgresql_keeps_connections_and_checks_them_before_reuse():
    url = "postgres://intersector:secret@db.example.org:5432/intersector"
    database = _database_settings({"DATABASE_URL": url, "DATABASE_CONN_MAX_AGE": "120"})
    assert database["ENGINE"] == "django.db.backends.postgresql"
    assert database["NAME"] == "intersector"
    assert database["CONN_MAX_AGE"] == 120
    assert database["CONN_HEALTH_CHECKS"] is True
    assert "transaction_mode" not in database.get("OPTIONS", {})


def test_the_database_under_test_answers_in_its_own_dialect():
    """The suite runs on SQLite and on PostgreSQL (`make test-postgres`); each speaks its own."""
    dialects = {
        "sqlite": ("SELECT sqlite_version()", lambda v: int(v.split(".")[0]) >= 3),
        "postgresql": ("SHOW server_version_num", lambda v: int(v) >= 150000),
    }
    query, acceptable = dialects[connection.vendor]
    with connection.cursor() as cursor:
        cursor.execute(query)
        (version,) = cursor.fetchone()
    assert acceptable(str(version)), version


def test_without_smtp_production_mail_is_logged_without_its_body(caplog):
    message = mail.EmailMessage(
        "Your invitation", "secret link /invitations/abc/", to=["ana@example.org"]
    )
    with caplog.at_level(logging.WARNING, logger="intersector.mail"):
        sent = LogOnlyEmailBackend().send_messages([message])
    assert sent == 0
    assert "ana@example.org" in caplog.text
    assert "Your invitation" in caplog.text
    assert "secret link" not in caplog.text


def test_pages_carry_security_headers(client):
    response = client.get("/")
    csp = response["Content-Security-Policy"]
    assert "default-src 'self'" in csp
    assert "script-src 'self' 'nonce-" in csp
    assert "frame-ancestors 'none'" in csp
    assert response["X-Frame-Options"] == "DENY"
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Referrer-Policy"] == "same-origin"


def test_htmx_requests_carry_the_csrf_token(client):
    page = client.get("/").content.decode()
    assert 'data-hx-headers=\'{"X-CSRFToken": "' in page
    assert "htmx" in page
