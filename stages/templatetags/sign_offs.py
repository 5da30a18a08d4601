"""How a sign-off's recording reads, for the worksheet page and the report alike, and the
worksheet page's table of positions."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from collaborations.markup import Days
from collaborations.markup import text as escape
from collaborations.templatetags.people import person
from stages.models import SignOff

register = template.Library()


def recorded(sign_off: SignOff, when: str) -> SafeString:
    """Who recorded `sign_off`, and `when` (the date as pages write it): "Luis Ortega, May 3,
    2026", or "recorded by Dana Whitfield for Harbor Logistics Group, May 3, 2026" when a
    facilitator recorded it on the organization's behalf."""
    who, when = escape(person(sign_off.user)), escape(when)
    if sign_off.on_behalf:
        partner = escape(sign_off.partner.name)
        text = _("recorded by %(who)s for %(partner)s, %(when)s")
        # The catalog's text around escaped values, as {% blocktranslate %} writes it.
        return mark_safe(text % {"who": who, "partner": partner, "when": when})
    return mark_safe(f"{who}, {when}")


@register.filter
def sign_off_rows(rows) -> SafeString:
    """The rows of the table of positions, one per partner organization: its name, its
    position, the note and who recorded it ("Not yet" without one). Written in Python: a
    collaboration has dozens of partners."""
    not_yet = escape(_("Not yet"))
    # Each position and day in words once (`get_position_display` translates every choice
    # per call; positions are mostly recorded on a few days).
    positions = {value: escape(str(label)) for value, label in SignOff.Position.choices}
    days = Days()
    lines = []
    for partner, sign_off in rows:
        if sign_off is None:
            position, note, by = f'<span class="text-body-secondary">{not_yet}</span>', "", ""
        else:
            position = (
                f'<span class="position position-{escape(sign_off.position)}">'
                f"{positions.get(sign_off.position, escape(sign_off.position))}</span>"
            )
            note, by = escape(sign_off.note), recorded(sign_off, days(sign_off.updated_at))
        lines.append(
            f'<tr><th scope="row" class="fw-normal">{escape(partner.name)}</th>'
            f'<td>{position}</td><td class="small text-prewrap">{note}</td>'
            f'<td class="small">{by}</td></tr>'
        )
    return mark_safe("".join(lines))
