"""Operations: the request log line, error pages in the site's layout, the database outage
answer and the Permissions-Policy header."""

from __future__ import annotations

import json
import logging
from unittest import mock

import pytest
from django.contrib.auth.models import AnonymousUser
from django.core import mail
from django.db import OperationalError
from django.http import HttpRequest
from django.template.loader import render_to_string
from django.test import Client, override_settings
from django.urls import reverse
from pythonjsonlogger.json import JsonFormatter

from tests.factories import make_user
from tests.test_settings import _run
from toolkit_site import errors, probes
from toolkit_site.requestlog import RequestIdFilter

pytestmark = pytest.mark.django_db


def _request_lines(caplog) -> list[logging.LogRecord]:
    return [r for r in caplog.records if r.name == "intersector.request"]


def test_one_line_per_request_with_id_user_method_path_status_and_duration(cast, caplog):
    client = cast.client("facilitator")
    with caplog.at_level(logging.INFO, logger="intersector.request"):
        response = client.get("/collaborations/", HTTP_X_REQUEST_ID="lb-7f3a")
    (line,) = _request_lines(caplog)
    assert response["X-Request-ID"] == "lb-7f3a"
    assert line.levelname == "INFO"
    assert (line.method, line.path, line.status) == ("GET", "/collaborations/", 200)
    assert line.user_id == cast.facilitator.user.pk
    assert line.duration_ms > 0
    assert line.getMessage().startswith("GET /collaborations/ 200 ")


def test_a_request_without_an_id_gets_one_made_and_echoed(client, caplog):
    with caplog.at_level(logging.INFO, logger="intersector.request"):
        first = client.get("/healthz")
        second = client.get("/healthz")
    assert len(first["X-Request-ID"]) == 32
    assert first["X-Request-ID"] != second["X-Request-ID"]
    assert [line.user_id for line in _request_lines(caplog)] == [None, None]


def test_a_forged_request_id_is_replaced(client):
    response = client.get("/healthz", HTTP_X_REQUEST_ID="x\nFAKE LOG LINE")
    assert "\n" not in response["X-Request-ID"]
    assert len(response["X-Request-ID"]) == 32


@pytest.mark.urls("tests.operations_urls")
def test_lines_logged_during_a_request_carry_its_id(client, caplog):
    with caplog.at_level(logging.INFO):
        client.get("/test/logs-something/", HTTP_X_REQUEST_ID="trace-1")
    (inside,) = [r for r in caplog.records if r.name == "intersector.test"]
    assert inside.request_id == "trace-1"
    record = logging.LogRecord("x", logging.INFO, __file__, 1, "outside", None, None)
    RequestIdFilter().filter(record)
    assert record.request_id == "-"


def test_json_format_has_time_level_and_request_fields():
    formatter = JsonFormatter(
        "%(asctime)s %(levelname)s %(name)s %(request_id)s %(message)s",
        rename_fields={"asctime": "time", "levelname": "level"},
    )
    record = logging.LogRecord(
        "intersector.request", logging.INFO, __file__, 1, "GET / 200", None, None
    )
    record.request_id, record.status, record.user_id = "abc", 200, 7
    data = json.loads(formatter.format(record))
    assert data["level"] == "INFO"
    assert data["request_id"] == "abc"
    assert (data["status"], data["user_id"], data["message"]) == (200, 7, "GET / 200")
    assert data["time"]


def test_json_log_format_is_chosen_by_the_environment():
    code = (
        "import django, logging; from django.conf import settings; django.setup(); "
        "logging.getLogger('intersector.request').info('hello', extra={'status': 200})"
    )
    result = _run(["-c", code], {"LOG_FORMAT": "json"})
    assert result.returncode == 0, result.stderr
    data = json.loads(result.stderr.strip().splitlines()[-1])
    assert (data["level"], data["message"], data["status"]) == ("INFO", "hello", 200)
    assert data["request_id"] == "-"
    assert _run(["-c", code], {"LOG_FORMAT": "xml"}).returncode != 0


@pytest.mark.urls("tests.operations_urls")
@override_settings(DEBUG=False, ADMINS=["ops@example.org"])
def test_server_errors_are_mailed_to_admins_and_answered_with_the_branded_page(client):
    client.raise_request_exception = False
    response = client.get("/test/crash/", HTTP_X_REQUEST_ID="req-500")
    assert response.status_code == 500
    page = response.content.decode()
    assert "Something went wrong on our side" in page
    assert "req-500" in page
    assert 'href="/"' in page
    assert [m.to for m in mail.outbox] == [["ops@example.org"]]
    assert "boom" in mail.outbox[0].body


def test_the_500_page_renders_without_a_request_or_a_database(django_db_blocker):
    with django_db_blocker.block():
        page = render_to_string("500.html", {"request_id": "r1"})
    assert "Something went wrong on our side" in page
    assert '<html lang="en">' in page
    assert "Intersector" in page
    assert 'href="/"' in page


def test_not_found_page_is_in_the_site_layout_with_a_way_back(client):
    response = client.get("/no-such-page/", HTTP_X_REQUEST_ID="lost-404")
    assert response.status_code == 404
    page = response.content.decode()
    assert "<code>lost-404</code>" in page
    assert "Page not found" in page
    assert 'class="site-header"' in page
    assert reverse("account_login") in page


def test_not_found_page_for_a_member_leads_to_their_collaborations(cast):
    response = cast.client("partner").get("/collaborations/999999/")
    assert response.status_code == 404
    assert reverse("collaboration-list") in response.content.decode()


def test_forbidden_page_explains_roles(cast):
    client = cast.client("viewer")
    url = reverse("collaborations:edit", args=[cast.collaboration.pk])
    response = client.get(url)
    assert response.status_code == 403
    page = response.content.decode()
    assert "Your role does not allow this" in page
    assert reverse("collaboration-list") in page


@pytest.mark.urls("tests.operations_urls")
@pytest.mark.parametrize("path", ["/test/database-gone/", "/test/connection-gone/"])
def test_a_database_outage_answers_503_try_again_in_a_minute(client, path, caplog):
    with caplog.at_level(logging.ERROR, logger="intersector.database"):
        response = client.get(path)
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "try again in a minute" in response.content.decode()
    assert "Database unavailable" in caplog.text


def test_a_database_outage_outside_a_view_also_answers_503(django_db_blocker):
    """Middleware reading the session fails before any view runs; handler500 sees it."""
    request = HttpRequest()
    request.user = AnonymousUser()
    try:
        raise OperationalError("could not connect to server")
    except OperationalError:
        with django_db_blocker.block():
            response = errors.server_error(request)
    assert response.status_code == 503
    assert "try again in a minute" in response.content.decode()


def test_other_errors_are_not_mistaken_for_an_outage():
    request = HttpRequest()
    try:
        raise ValueError("bug")
    except ValueError:
        response = errors.server_error(request)
    assert response.status_code == 500


def test_pages_carry_a_permissions_policy(client):
    policy = client.get("/")["Permissions-Policy"]
    assert "camera=()" in policy
    assert "geolocation=()" in policy
    assert "microphone=()" in policy


def test_probes_log_a_line_without_loading_a_session(client, caplog):
    make_user("someone@example.org")
    signed_in = Client()
    signed_in.force_login(make_user("other@example.org"))
    with caplog.at_level(logging.INFO, logger="intersector.request"):
        signed_in.get("/healthz")
    (line,) = _request_lines(caplog)
    assert line.user_id is None
    assert line.status == 200


@override_settings(DEBUG=False, ADMINS=["ops@example.org"])
def test_a_not_ready_probe_mails_nobody(client):
    with mock.patch.object(probes.connection, "ensure_connection", side_effect=OperationalError):
        assert client.get("/readyz").status_code == 503
    assert mail.outbox == []


@pytest.mark.urls("tests.operations_urls")
@override_settings(DEBUG=False, ADMINS=["ops@example.org"])
def test_a_database_outage_mails_nobody_per_request(client):
    for _ in range(3):
        assert client.get("/test/database-gone/").status_code == 503
    assert mail.outbox == []


def test_django_s_own_error_lines_carry_the_request_id(client, caplog):
    with caplog.at_level(logging.WARNING, logger="django.request"):
        client.get("/collaborations/", HTTP_X_REQUEST_ID="late-1")
        client.post("/healthz", HTTP_X_REQUEST_ID="late-2")
    (refused,) = [r for r in caplog.records if r.name == "django.request"]
    assert refused.status_code == 405
    assert refused.request_id == "late-2"
