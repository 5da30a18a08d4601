"""Liveness and readiness probes for load balancers and orchestrators.

Both answer plain text without a session or a template, and are exempt from the HTTPS
redirect (`SECURE_REDIRECT_EXEMPT`), so a balancer can probe each app server over plain HTTP.
`/healthz` says the process answers; `/readyz` says it can serve: the database answers and
every migration this code expects has been applied.
"""

from __future__ import annotations

import logging

from django.db import DatabaseError, connection
from django.db.migrations.executor import MigrationExecutor
from django.http import HttpRequest, HttpResponse
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

logger = logging.getLogger("intersector.probes")

# Migrations are not unapplied under a running server, so once they are all in place the
# migration graph (read from disk, the slow part) need not be read again by this process.
_migrations_applied = False


def _plain(text: str, status: int = 200) -> HttpResponse:
    return HttpResponse(text + "\n", content_type="text/plain; charset=utf-8", status=status)


@require_GET
@never_cache
def healthz(request: HttpRequest) -> HttpResponse:
    return _plain("ok")


@require_GET
@never_cache
def readyz(request: HttpRequest) -> HttpResponse:
    global _migrations_applied
    try:
        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        if not _migrations_applied:
            executor = MigrationExecutor(connection)
            plan = executor.migration_plan(executor.loader.graph.leaf_nodes())
            if plan:
                noun = "migration" if len(plan) == 1 else "migrations"
                return _plain(f"not ready: {len(plan)} {noun} not applied", 503)
            _migrations_applied = True
    except DatabaseError as error:
        logger.warning("Readiness probe: database unavailable: %s", error)
        return _plain("not ready: database unavailable", 503)
    return _plain("ready")
