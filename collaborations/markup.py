"""For markup built in Python, a table or a chart at a time, rather than by a template loop
per cell: `text` escapes a value exactly as a template's `{{ value }}` would."""

from __future__ import annotations

import html


def text(value: object) -> str:
    """`value` escaped for HTML as `conditional_escape` does (safe strings kept as they are,
    lazy translations resolved), without its per-call wrapper: a table escapes hundreds of
    values."""
    if value.__class__ is str:  # most values: plain text, which has no `__html__`
        return html.escape(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))
