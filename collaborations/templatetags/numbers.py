"""Money and numbers on pages, as people read them (see `collaborations.money`)."""

from __future__ import annotations

import re
from decimal import Decimal

from django import template
from django.template.defaultfilters import filesizeformat
from django.utils import formats

from collaborations.money import format_money, format_number

register = template.Library()


@register.simple_tag
def money(value: float | Decimal | None, currency: str = "") -> str:
    """`{% money amount collaboration.currency %}`: "$250,000"."""
    return format_money(value, currency)


@register.filter
def number(value: float | Decimal | None) -> str:
    """`{{ value|number }}`: "1,234.5", never "1234.50" or "250000.0"; "" for no value."""
    return format_number(value)


@register.filter
def file_size(value: int | None) -> str:
    """`{{ size|file_size }}`: Django's "94 KB", "1.2 MB", without the trailing ".0" of
    "94.0 KB"."""
    text = filesizeformat(value)
    separator = re.escape(formats.get_format("DECIMAL_SEPARATOR"))
    return re.sub(rf"{separator}0(?=\s)", "", text)
