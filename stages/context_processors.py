from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject

from stages import catalog


def toolkit(request: HttpRequest) -> dict:
    """The four stages, for the collaboration header: read only on pages that show it."""
    return {"toolkit_stages": SimpleLazyObject(catalog.stages)}
