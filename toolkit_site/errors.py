"""What people see when something fails: the 500 page and, while the database cannot be
reached, a 503 "try again in a minute" instead of a server error.

Both pages are rendered from the site's layout without a request context: the user, the
session and the toolkit's stages all live in the database, which may be the thing that is
down. The request id (see `requestlog`) is shown so a report can be matched to the logs.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Callable

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import loader
from django.views.decorators.csrf import requires_csrf_token

from toolkit_site.requestlog import current_request_id

logger = logging.getLogger("intersector.database")

DATABASE_DOWN = (OperationalError, InterfaceError)
RETRY_AFTER_SECONDS = 60


def database_unavailable() -> HttpResponse:
    body = loader.render_to_string("503.html", {"request_id": current_request_id()})
    response = HttpResponse(body, status=503)
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    return response


class DatabaseUnavailableMiddleware:
    """Answers 503 when a view fails because the database is unreachable (a restart, a
    failover, a lost connection), instead of a 500 and a mail to the admins per request."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        return self.get_response(request)

    def process_exception(self, request: HttpRequest, exception: Exception) -> HttpResponse | None:
        if not isinstance(exception, DATABASE_DOWN):
            return None
        logger.error("Database unavailable: %s", exception)
        return database_unavailable()


@requires_csrf_token
def server_error(request: HttpRequest) -> HttpResponse:
    """`handler500`. Errors outside views (a middleware reading the session, say) reach only
    this handler; a database outage there still gets the 503 page."""
    if isinstance(sys.exception(), DATABASE_DOWN):
        return database_unavailable()
    body = loader.render_to_string("500.html", {"request_id": current_request_id()})
    return HttpResponseServerError(body)
