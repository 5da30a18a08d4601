"""The site's URLs plus views that fail on purpose, for the error handling tests."""

from __future__ import annotations

import logging

from django.db import InterfaceError, OperationalError
from django.http import HttpRequest, HttpResponse
from django.urls import path

from toolkit_site.urls import handler500
from toolkit_site.urls import urlpatterns as site_urlpatterns

__all__ = ["handler500", "urlpatterns"]


def crash(request: HttpRequest) -> HttpResponse:
    raise RuntimeError("boom")


def database_gone(request: HttpRequest) -> HttpResponse:
    raise OperationalError("server closed the connection unexpectedly")


def connection_gone(request: HttpRequest) -> HttpResponse:
    raise InterfaceError("connection already closed")


def logs_something(request: HttpRequest) -> HttpResponse:
    logging.getLogger("intersector.test").warning("inside the view")
    return HttpResponse("ok")


urlpatterns = [
    path("test/crash/", crash),
    path("test/database-gone/", database_gone),
    path("test/connection-gone/", connection_gone),
    path("test/logs-something/", logs_something),
    *site_urlpatterns,
]
