from __future__ import annotations

from django import template
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def person(user) -> str:
    """How a person is named on pages: their name, else their email address."""
    if user is None:
        return _("a former member")
    return user.get_full_name() or user.email


@register.filter
def join_people(users) -> str:
    """Several people named as on pages, or "someone else" when nobody is known."""
    names = [person(user) for user in users or []]
    return ", ".join(names) if names else _("someone else")
