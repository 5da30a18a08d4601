from __future__ import annotations

import json

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import slugify
from django.views.decorators.http import require_GET

from collaborations import access
from transfer.exchange import export_collaboration


@require_GET
@login_required
def export(request: HttpRequest, collaboration_id: int) -> HttpResponse:
    """The collaboration as an export file, the same as `manage.py export_collaboration`."""
    membership = access.member_with(request.user, collaboration_id, "export_collaboration")
    collaboration = membership.collaboration
    body = json.dumps(export_collaboration(collaboration), indent=2, ensure_ascii=False)
    name = f"{slugify(collaboration.name) or 'collaboration'}-{timezone.localdate():%Y-%m-%d}"
    response = HttpResponse(body + "\n", content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    response["Cache-Control"] = "private, no-store"
    return response
