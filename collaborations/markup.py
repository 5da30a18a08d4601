"""For markup built in Python, a table or a chart at a time, rather than by a template loop
per cell: `text` escapes a value exactly as a template's `{{ value }}` would, `labels` puts
choices in words once, and `Days` dates moments as `{{ moment|date:"DATE_FORMAT" }}`
would."""

from __future__ import annotations

import datetime
import html
from collections.abc import Iterable

from django.utils import dateformat, timezone
from django.utils.formats import get_format


def text(value: object) -> str:
    """`value` escaped for HTML as `conditional_escape` does (safe strings kept as they are,
    lazy translations resolved), without its per-call wrapper: a table escapes hundreds of
    values."""
    if value.__class__ is str:  # most values: plain text, which has no `__html__`
        return html.escape(value)
    if hasattr(value, "__html__"):
        return value.__html__()
    return html.escape(str(value))


def labels(choices: Iterable[tuple[str, object]]) -> dict[str, str]:
    """Each choice's label in the reader's language, translated once for a whole table or
    list: `get_status_display()` translates every choice of its field for each row."""
    return {value: str(label) for value, label in choices}


class Days:
    """Dates as pages write them (`|date:"DATE_FORMAT"`, a moment in the reader's time zone),
    each day written once for a whole table: its rows were mostly recorded on a few days."""

    def __init__(self) -> None:
        self.shape = get_format("DATE_FORMAT")
        self.written: dict[datetime.date, str] = {}
        self.moments: dict[datetime.date | datetime.datetime, str] = {}

    def __call__(self, when: datetime.date | datetime.datetime) -> str:
        # Rows saved together share their moment: each moment is put in the reader's time
        # zone once too.
        if when in self.moments:
            return self.moments[when]
        day = (
            timezone.template_localtime(when).date()
            if isinstance(when, datetime.datetime)
            else when
        )
        if day not in self.written:
            self.written[day] = dateformat.format(day, self.shape)
        self.moments[when] = self.written[day]
        return self.written[day]
