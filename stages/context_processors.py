from __future__ import annotations

from django.http import HttpRequest

from stages.models import Stage


def toolkit(request: HttpRequest) -> dict:
    """The four stages, for the collaboration header. A queryset: no query unless it is shown."""
    return {"toolkit_stages": Stage.objects.order_by("number")}
