"""How a sign-off's recording reads, for the worksheet page and the report alike."""

from __future__ import annotations

from django import template
from django.utils.formats import date_format
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from collaborations.templatetags.people import person
from stages.models import SignOff

register = template.Library()


def recorded(sign_off: SignOff, when: str) -> SafeString:
    """Who recorded `sign_off`, and `when` (the date as pages write it): "Luis Ortega, May 3,
    2026", or "recorded by Dana Whitfield for Harbor Logistics Group, May 3, 2026" when a
    facilitator recorded it on the organization's behalf."""
    who, when = conditional_escape(person(sign_off.user)), conditional_escape(when)
    if sign_off.on_behalf:
        partner = conditional_escape(sign_off.partner.name)
        text = _("recorded by %(who)s for %(partner)s, %(when)s")
        # The catalog's text around escaped values, as {% blocktranslate %} writes it.
        return mark_safe(text % {"who": who, "partner": partner, "when": when})
    return mark_safe(f"{who}, {when}")


@register.simple_tag
def sign_off_by(sign_off: SignOff) -> SafeString:
    """Who recorded `sign_off` and when."""
    return recorded(sign_off, date_format(template_localtime(sign_off.updated_at), "DATE_FORMAT"))
