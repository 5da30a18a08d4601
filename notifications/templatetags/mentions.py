from __future__ import annotations

from django import template

from collaborations.models import Collaboration

register = template.Library()


@register.simple_tag
def mentionable(collaboration: Collaboration) -> list[str]:
    """The names a comment can mention (`@Full Name`), members of the collaboration only."""
    names = []
    for first, last, email in collaboration.memberships.values_list(
        "user__first_name", "user__last_name", "user__email"
    ).order_by("user__first_name", "user__last_name", "user__email"):
        names.append(f"{first} {last}".strip() or email)
    return names
