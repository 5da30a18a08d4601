"""`{% indicator_table indicators … %}`: indicators against their targets (see
`stages.indicator_table`)."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString

from stages.indicator_table import indicator_table_html

register = template.Library()


@register.simple_tag
def indicator_table(
    indicators: list,
    collaboration=None,
    link: bool = False,
    table_class: str = "",
    caption_class: str = "",
) -> SafeString:
    return indicator_table_html(
        indicators,
        collaboration_id=getattr(collaboration, "pk", None),
        link=bool(link),
        table_class=table_class or "",
        caption_class=caption_class or "",
    )
