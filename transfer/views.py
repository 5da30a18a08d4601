from __future__ import annotations

import json

from django.http import HttpRequest, HttpResponse
from django.utils import timezone
from django.utils.text import slugify

from collaborations.access import collaboration_view
from collaborations.models import Membership
from transfer.exchange import export_collaboration


@collaboration_view(get="export_collaboration")
def export(request: HttpRequest, membership: Membership) -> HttpResponse:
    """The collaboration as an export file, the same as `manage.py export_collaboration`."""
    collaboration = membership.collaboration
    body = json.dumps(export_collaboration(collaboration), indent=2, ensure_ascii=False)
    name = f"{slugify(collaboration.name) or 'collaboration'}-{timezone.localdate():%Y-%m-%d}"
    response = HttpResponse(body + "\n", content_type="application/json; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{name}.json"'
    response["Cache-Control"] = "private, no-store"
    return response
