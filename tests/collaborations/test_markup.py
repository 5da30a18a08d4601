"""Markup built in Python escapes values exactly as a template's `{{ value }}` does."""

from __future__ import annotations

import pytest
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy

from collaborations.markup import text


@pytest.mark.parametrize(
    "value",
    ["<script>\"x\" & 'y'</script>", mark_safe("<b>kept</b>"), gettext_lazy("Save"), 12, 1.5],
)
def test_text_escapes_as_a_template_does(value):
    assert text(value) == conditional_escape(value)
