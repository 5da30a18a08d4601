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


@register.simple_tag
def mentionable(collaboration) -> list[str]:
    """The names a comment can mention (`@Full Name`): the collaboration's members."""
    people = collaboration.memberships.values_list(
        "user__first_name", "user__last_name", "user__email"
    ).order_by("user__first_name", "user__last_name", "user__email")
    return [f"{first} {last}".strip() or email for first, last, email in people]
