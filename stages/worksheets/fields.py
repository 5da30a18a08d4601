"""Form fields in the site's Bootstrap markup, written in Python.

What crispy-forms' bootstrap5 templates make of a field (`|as_crispy_field`) and of a whole
form (`|crispy`), label, widget, errors and help alike, for the worksheet page, which shows
many fields (the answers, the sign-off and comment forms), an indicator's page and the
report's choices: a dozen nested templates per field cost more there than everything else
about the field. Other pages keep crispy.
`tests/stages/test_fields.py` compares the two for every kind of field, blank, filled and
refused.
"""

from __future__ import annotations

from django import forms
from django.forms.boundfield import BoundField
from django.utils.html import conditional_escape
from django.utils.safestring import SafeString, mark_safe

from collaborations.markup import text as html_text
from stages.worksheets.cells import _attrs, _plain_select, widget_html


def _classes(widget: forms.Widget, extra: str) -> str:
    """The widget's classes as crispy sets them: its own, its type's name, then `extra`."""
    type_name = type(widget).__name__.lower()
    css = widget.attrs.get("class", "")
    if not css:
        css = type_name
    elif css.find(type_name) == -1:
        css += f" {type_name}"
    present = css.split()
    return " ".join([css, *(c for c in extra.split() if c not in present)])


def _errors(bound: BoundField) -> str:
    if not bound.errors:
        return ""
    lines = "".join(
        f'<p id="error_{n}_{html_text(bound.auto_id)}"><strong>{conditional_escape(e)}</strong></p>'
        for n, e in enumerate(bound.errors, start=1)
    )
    return (
        f'<div id="{html_text(bound.errors.field_id)}_error" class="invalid-feedback">{lines}</div>'
    )


def _help(bound: BoundField) -> str:
    if not bound.help_text:
        return ""
    ident = f'id="{html_text(bound.auto_id)}_helptext" ' if bound.auto_id else ""
    return f'<div {ident}class="form-text">{bound.help_text}</div>'


def _label(bound: BoundField, css: str) -> tuple[str, str]:
    """The label's text (with crispy's mark of a required field) and its classes."""
    required = '<span class="asteriskField">*</span>' if bound.field.required else ""
    css += " requiredField" if bound.field.required else ""
    return f"{conditional_escape(bound.label)}{required}", css


def _widget(bound: BoundField, css: str) -> str:
    widget = bound.field.widget
    attrs = bound.build_widget_attrs({"class": css}, widget)
    if bound.auto_id and "id" not in widget.attrs:
        attrs.setdefault("id", bound.auto_id)
    # A select straight from its choices: an organization picker lists every partner.
    plain = _plain_select(bound, attrs, {})
    if plain is not None:
        return plain
    return widget_html(widget, widget.get_context(bound.html_name, bound.value(), attrs))


def _choices(bound: BoundField) -> str:
    """Radio buttons or checkboxes, each in its form-check box."""
    widget = bound.field.widget
    ident = widget.attrs.get("id") or bound.auto_id
    attrs = bound.build_widget_attrs({"id": ident} if ident else {})
    groups = widget.optgroups(bound.html_name, widget.format_value(bound.value()), attrs)
    invalid = " is-invalid" if bound.errors else ""
    parts = ["<div>"]
    for group_index, (group, options, _index) in enumerate(groups):
        if group:
            parts.append(f"<strong>{conditional_escape(group)}</strong>")
        for option_index, option in enumerate(options):
            last = group_index == len(groups) - 1 and option_index == len(options) - 1
            parts.append(
                f'<div class="form-check"><input type="{option["type"]}" '
                f'class="form-check-input{invalid}" name="{html_text(bound.html_name)}" '
                f'value="{conditional_escape(str(option["value"]))}"{_attrs(option["attrs"])}>'
                f'<label for="{conditional_escape(option["attrs"].get("id", ""))}" '
                f'class="form-check-label">{conditional_escape(option["label"])}</label>'
                f"{_errors(bound) if last else ''}</div>"
            )
    parts.append("</div>")
    return "".join(parts) + _help(bound)


def field_block(bound: BoundField) -> SafeString:
    """The field as crispy's bootstrap5 `field.html` writes it in a vertical form."""
    widget = bound.field.widget
    if widget.is_hidden:
        return mark_safe(str(bound))
    ident = html_text(bound.auto_id)
    if isinstance(widget, forms.CheckboxInput):
        css = "form-check-input is-invalid" if bound.errors else "form-check-input"
        text, label_css = _label(bound, "form-check-label")
        return mark_safe(
            f'<div class="mb-3"><div id="div_{ident}" class="form-check">'
            f"{_widget(bound, _classes(widget, css))}"
            f'<label for="{html_text(bound.id_for_label)}" class="{label_css}">{text}</label>'
            f"{_errors(bound)}{_help(bound)}</div></div>"
        )
    parts = [f'<div id="div_{ident}" class="mb-3">']
    fieldset = bound.use_fieldset and bound.label
    if bound.label:
        text, label_css = _label(bound, "form-label")
        tag = "legend" if bound.use_fieldset else "label"
        if bound.use_fieldset:
            described = bound.aria_describedby
            described = f' aria-describedby="{html_text(described)}"' if described else ""
            parts.append(f"<fieldset{described}>")
            label_css += " fs-6"
        target = f' for="{html_text(bound.id_for_label)}"' if bound.id_for_label else ""
        parts.append(f'<{tag}{target} class="{label_css}">{text}</{tag}>')
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        parts.append(_choices(bound))
    else:
        base = "form-select" if isinstance(widget, forms.Select) else "form-control"
        css = _classes(widget, f"{base} is-invalid" if bound.errors else base)
        parts.append(f"{_widget(bound, css)}{_errors(bound)}{_help(bound)}")
    if fieldset:
        parts.append("</fieldset>")
    parts.append("</div>")
    return mark_safe("".join(parts))


def form_blocks(form: forms.Form) -> SafeString:
    """The whole form as crispy's `|crispy` writes it: its errors, then every field."""
    parts = []
    errors = form.non_field_errors()
    if errors:
        items = "".join(f"<li>{conditional_escape(e)}</li>" for e in errors)
        parts.append(
            f'<div class="alert alert-block alert-danger"><ul class="m-0">{items}</ul></div>'
        )
    parts += [field_block(bound) for bound in form]
    return mark_safe("".join(parts))
