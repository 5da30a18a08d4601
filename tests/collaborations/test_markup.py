"""Markup built in Python escapes values exactly as a template's `{{ value }}` does."""

from __future__ import annotations

import datetime

import pytest
from django.template import Context, Template
from django.utils import timezone
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy, override

from collaborations.markup import Days, text


@pytest.mark.parametrize(
    "value",
    ["<script>\"x\" & 'y'</script>", mark_safe("<b>kept</b>"), gettext_lazy("Save"), 12, 1.5],
)
def test_text_escapes_as_a_template_does(value):
    assert text(value) == conditional_escape(value)


@pytest.mark.parametrize("zone", ["UTC", "America/Los_Angeles", "Asia/Tokyo"])
@pytest.mark.parametrize("language", ["en", "es"])
def test_days_are_written_as_the_date_filter_writes_them(zone, language):
    """A moment in the reader's time zone (the day can differ from UTC's), and a plain date,
    each as `{{ value|date:"DATE_FORMAT" }}` writes it; a day seen again is written the same."""
    moments = [
        datetime.datetime(2026, 5, 3, 23, 30, tzinfo=datetime.UTC),
        datetime.datetime(2026, 5, 4, 6, 0, tzinfo=datetime.UTC),
        datetime.date(2026, 12, 31),
    ]
    template = Template('{{ value|date:"DATE_FORMAT" }}')
    with override(language), timezone.override(zone):
        days = Days()
        for value in moments * 2:
            assert days(value) == template.render(Context({"value": value}))
