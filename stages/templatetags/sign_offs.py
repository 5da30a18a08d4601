"""`{{ sign_off|recorded_by }}`: who recorded a partner's position and when."""

from __future__ import annotations

from django import template
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.html import escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from collaborations.templatetags.people import person
from stages.models import SignOff

register = template.Library()


@register.filter
def recorded_by(sign_off, days: dict | None = None) -> SafeString:
    """ "Luis Ortega, 3 May 2026", or "recorded by Dana Whitfield for Harbor Logistics Group,
    3 May 2026" when a facilitator recorded it on the organization's behalf. Written in
    Python: a page lists a position for every partner organization; `days` keeps each day
    as written once for all of them."""
    day = timezone.localdate(sign_off.updated_at)
    days = {} if days is None else days
    if day not in days:
        days[day] = date_format(day, "DATE_FORMAT")
    when = days[day]
    who = escape(person(sign_off.user))
    if sign_off.on_behalf:
        text = _("recorded by %(who)s for %(partner)s, %(when)s") % {
            "who": who,
            "partner": escape(sign_off.partner.name),
            "when": escape(when),
        }
        return mark_safe(text)
    return mark_safe(f"{who}, {escape(when)}")


@register.filter
def sign_off_rows(rows) -> SafeString:
    """The rows of the table of positions, one per partner organization: its name, its
    position, the note and who recorded it ("Not yet" without one). Written in Python: a
    collaboration has dozens of partners."""
    not_yet = escape(_("Not yet"))
    # Each position in words once (`get_position_display` translates every choice per call).
    positions = {value: escape(str(label)) for value, label in SignOff.Position.choices}
    lines, days = [], {}
    for partner, sign_off in rows:
        if sign_off is None:
            position, note, by = f'<span class="text-body-secondary">{not_yet}</span>', "", ""
        else:
            position = (
                f'<span class="position position-{escape(sign_off.position)}">'
                f"{positions.get(sign_off.position, escape(sign_off.position))}</span>"
            )
            note, by = escape(sign_off.note), recorded_by(sign_off, days)
        lines.append(
            f'<tr><th scope="row" class="fw-normal">{escape(partner.name)}</th>'
            f'<td>{position}</td><td class="small text-prewrap">{note}</td>'
            f'<td class="small">{by}</td></tr>'
        )
    return mark_safe("".join(lines))
