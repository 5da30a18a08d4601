"""Text limits that never throw away what people type (the GOV.UK character count pattern).

A browser's `maxlength` silently cuts pasted text, so no field carries one. Instead a field
with a limit carries `data-char-limit`: with JavaScript a live count under it says how many
characters are left, or how many too many, and lets people type on; without JavaScript its
hint says the limit. The server refuses an over-long text with a message at the field that
gives the limit and the current length, and the form comes back with the text as typed.
"""

from __future__ import annotations

from django import forms
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

TOO_LONG = _(
    "This is %(show_value)d characters long; the limit is %(limit_value)d. Shorten it: "
    "nothing you typed has been lost."
)


def count_characters(field: forms.Field, hint: bool = True) -> forms.Field:
    """Make a length-limited text field count characters instead of cutting them: no
    `maxlength`, a `data-char-limit` for the live count, and the message above when the
    limit is passed. With `hint`, the help text says the limit (for pages without
    JavaScript); table cells go without, to keep rows short."""
    limit = getattr(field, "max_length", None)
    if not isinstance(field, forms.CharField) or not limit:
        return field
    field.widget.attrs.pop("maxlength", None)
    field.widget.attrs["data-char-limit"] = str(limit)
    field.error_messages["max_length"] = TOO_LONG
    if hint:
        # Marked so the live count can stand in for it (crispy renders help text as HTML).
        limit_text = format_html(
            '<span class="char-limit-hint">{}</span>',
            _("Up to %(limit)d characters.") % {"limit": limit},
        )
        field.help_text = (
            format_html("{} {}", field.help_text, limit_text) if field.help_text else limit_text
        )
    return field


class CharacterCountMixin:
    """For forms: every length-limited text field counts characters (see the module)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for field in self.fields.values():
            count_characters(field)
