"""What the printed report needs in CSS, in the active language."""

from __future__ import annotations

import re

from django import template
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

register = template.Library()

_COUNTERS = {"%(page)s": "counter(page)", "%(pages)s": "counter(pages)"}


def _css_string(text: str) -> str:
    escaped = text.replace("\\", "\\\\").replace('"', '\\"').replace("<", "\\3c ")
    return f'"{escaped}"'


@register.simple_tag
def page_counter() -> SafeString:
    """The footer's "Page 3 of 24" as a CSS `content` value, in the active language:
    `"Página " counter(page) " de " counter(pages)`."""
    text = _("Page %(page)s of %(pages)s")
    parts = re.split(r"(%\(pages?\)s)", text)
    values = [_COUNTERS.get(part) or _css_string(part) for part in parts if part]
    # Only our own catalogs' text and CSS counters, each string quoted and escaped.
    return mark_safe(" ".join(values))
