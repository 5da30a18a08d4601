"""One log line per request, and a request id on every line logged while it is served.

The id comes from the `X-Request-ID` header a load balancer or proxy sets (when it looks like
an id), or is made here; it is sent back in the response's `X-Request-ID`, so a person
reporting a problem and the logs of every server in between can name the same request.
`RequestIdFilter` puts it on every record, for the text and the JSON formats alike
(`LOG_FORMAT`, see settings).
"""

from __future__ import annotations

import logging
import re
import time
import uuid
from collections.abc import Callable
from contextvars import ContextVar

from django.core.signals import request_finished
from django.http import HttpRequest, HttpResponse
from django.utils.functional import SimpleLazyObject, empty

logger = logging.getLogger("intersector.request")

_request_id: ContextVar[str] = ContextVar("request_id", default="-")
# Accepted as given: what proxies and tracing systems use. Anything else (too long, spaces,
# line breaks) could forge log lines, so a fresh id replaces it.
_ACCEPTABLE_ID = re.compile(r"[A-Za-z0-9._:-]{1,128}")


def current_request_id() -> str:
    return _request_id.get()


class RequestIdFilter(logging.Filter):
    def filter(self, record: logging.LogRecord) -> bool:
        record.request_id = _request_id.get()
        return True


class DeliberateUnavailableFilter(logging.Filter):
    """Drops Django's "Service Unavailable" records: a 503 here is a deliberate answer (a
    probe saying "not ready", the database outage page), already on the request line; it
    must not mail the admins once per request during an outage."""

    def filter(self, record: logging.LogRecord) -> bool:
        return getattr(record, "status_code", None) != 503


def _forget_request_id(**kwargs) -> None:
    # On request_finished rather than when the middleware returns: Django logs a failed
    # response after the middleware chain, and that line belongs to the request too.
    _request_id.set("-")


request_finished.connect(_forget_request_id, dispatch_uid="intersector-request-id")


def _user_id(request: HttpRequest) -> int | None:
    """The signed-in user's id, if the request already looked the user up: logging must not
    cost a session and a user query on requests that never needed them (probes, assets)."""
    user = request.__dict__.get("user")
    if user is None or (isinstance(user, SimpleLazyObject) and user._wrapped is empty):
        return None
    return user.pk if user.is_authenticated else None


class RequestLogMiddleware:
    """First in the middleware list, so its time and status cover everything after it."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        given = request.headers.get("X-Request-ID", "")
        request_id = given if _ACCEPTABLE_ID.fullmatch(given) else uuid.uuid4().hex
        request.request_id = request_id
        _request_id.set(request_id)
        started = time.perf_counter()
        response = self.get_response(request)
        response["X-Request-ID"] = request_id
        duration_ms = round((time.perf_counter() - started) * 1000, 1)
        user_id = _user_id(request)
        logger.log(
            logging.ERROR if response.status_code >= 500 else logging.INFO,
            "%s %s %s %.1fms user=%s",
            request.method,
            request.path,
            response.status_code,
            duration_ms,
            user_id if user_id is not None else "-",
            extra={
                "method": request.method,
                "path": request.path,
                "status": response.status_code,
                "duration_ms": duration_ms,
                "user_id": user_id,
            },
        )
        return response


def request_id(request: HttpRequest) -> dict[str, str]:
    """Context processor: the request's id, which the error pages show as a reference."""
    return {"request_id": getattr(request, "request_id", "")}
