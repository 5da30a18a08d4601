"""Template filters for laying out the report."""

from __future__ import annotations

from django import template

register = template.Library()


@register.filter
def with_columns(row: list, columns) -> list[tuple]:
    """A table row's cells paired with their columns: `(column, cell)` in column order."""
    return list(zip(columns, row, strict=False))
