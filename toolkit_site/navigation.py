"""The collaboration menu under the site's header, written in Python: it is on every page of
a collaboration, and as template tags it was a dozen links each resolved, compared with the
page's address and translated one tag at a time. Registered for the site's templates as the
`site_navigation` library (settings.TEMPLATES); like them, it links to every app."""

from __future__ import annotations

from django import template
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from collaborations.markup import text

register = template.Library()


def _item(href: str, label: str, current: str = "") -> str:
    mark = f' aria-current="{current}"' if current else ""
    return f'<li class="nav-item"><a class="nav-link" href="{text(href)}"{mark}>{label}</a></li>'


@register.simple_tag(takes_context=True)
def collaboration_menu(context) -> SafeString:
    """The menu's items: the dashboard, each stage (the page's own stage marked too), then
    partners, members, support log, health check and report; the page shown is marked."""
    collaboration, path = context["collaboration"], context["request"].path
    shown = context.get("stage")

    def page(href: str) -> str:
        return "page" if path == href else ""

    dashboard = reverse("collaboration", args=[collaboration.pk])
    items = [_item(dashboard, text(_("Dashboard")), page(dashboard))]
    for stage in context["toolkit_stages"]:
        href = reverse("dashboards:stage", args=[collaboration.pk, stage.slug])
        current = page(href) or ("true" if shown is not None and shown.pk == stage.pk else "")
        label = f'<span class="stage-number">{text(stage.number)}</span> {text(stage.name)}'
        items.append(_item(href, label, current))
    for name, label in (
        ("collaborations:partners", _("Partners")),
        ("collaborations:members", _("Members")),
        ("support:log", _("Support log")),
        ("health:check", _("Health check")),
        ("reports:report", _("Report")),
    ):
        href = reverse(name, args=[collaboration.pk])
        items.append(_item(href, text(label), page(href)))
    return mark_safe("\n".join(items))
