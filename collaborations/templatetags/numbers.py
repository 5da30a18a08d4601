"""Money and numbers on pages, as people read them (see `collaborations.money`)."""

from __future__ import annotations

from decimal import Decimal

from django import template

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
