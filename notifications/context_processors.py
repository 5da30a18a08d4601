from __future__ import annotations

from django.http import HttpRequest
from django.utils.functional import SimpleLazyObject


def unread(request: HttpRequest) -> dict:
    """The bell's number: unread notifications, counted only on pages that show it."""
    user = getattr(request, "user", None)
    if user is None or not user.is_authenticated:
        return {}

    def count() -> int:
        from notifications.views import visible

        return visible(user).filter(read_at=None).count()

    return {"unread_notifications": SimpleLazyObject(count)}
