"""Worksheet table rows as HTML, built in Python.

A table of 50 rows with a partner picker in each is thousands of widget and option
templates when every cell goes through Django's form renderer; here each widget is written
from the same context Django's templates receive (`Widget.get_context`), so the markup is
the same, attribute for attribute (tests/stages/test_cells.py compares them), at a fraction
of the cost. `Rows` writes a table's rows: what every row shares (each column's label, its
widget's fixed attributes, a select's options) is worked out once per table, and a row shown
from saved answers reads its values without a BoundField per cell; a cell with an error goes
through `render_field`. Labels, errors and help stay tied to their field: every error has
an id the field's `aria-describedby` names, and so has the column's help in the table
header; a group of checkboxes is a fieldset named by its legend. Each cell's label is
visually hidden beside a wide table and shown above its field when a row becomes a card on
a phone.
"""

from __future__ import annotations

from functools import cached_property, lru_cache

from django import forms
from django.forms.boundfield import BoundField
from django.forms.widgets import Input
from django.utils.html import conditional_escape, escape
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext as _

from collaborations.markup import text as html_text


def _attrs(attrs: dict) -> str:
    """Django's attrs.html: ` name="value"`, ` name` for True, nothing for False."""
    out = []
    for name, value in attrs.items():
        if value is False:
            continue
        if value is True:
            out.append(f" {name}")
        else:
            out.append(f' {name}="{conditional_escape(str(value))}"')
    return "".join(out)


def _input(widget: dict) -> str:
    value = widget["value"]
    shown = "" if value is None else f' value="{conditional_escape(str(value))}"'
    name, attrs = escape(widget["name"]), _attrs(widget["attrs"])
    return f'<input type="{widget["type"]}" name="{name}"{shown}{attrs}>'


def _option_input(option: dict) -> str:
    # Included templates keep their final newline; only the outermost one is stripped.
    tag = _input(option) + "\n"
    if not option.get("wrap_label"):
        return tag
    target = option["attrs"].get("id")
    label_for = f' for="{conditional_escape(target)}"' if target else ""
    return f"<label{label_for}>{tag} {conditional_escape(option['label'])}</label>\n\n"


def _select(widget: dict) -> str:
    parts = [f'<select name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>']
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f'\n  <optgroup label="{conditional_escape(group)}">')
        parts += [
            f'\n  <option value="{conditional_escape(str(o["value"]))}"{_attrs(o["attrs"])}>'
            f"{conditional_escape(o['label'])}</option>\n"
            for o in options
        ]
        if group:
            parts.append("\n  </optgroup>")
    parts.append("\n</select>")
    return "".join(parts)


def _multiple(widget: dict) -> str:
    attrs = widget["attrs"]
    ident, css = attrs.get("id"), attrs.get("class")
    parts = [
        "<div",
        f' id="{conditional_escape(ident)}"' if ident else "",
        f' class="{conditional_escape(css)}"' if css else "",
        ">",
    ]
    for group, options, _index in widget["optgroups"]:
        if group:
            parts.append(f"\n  <div><label>{conditional_escape(group)}</label>")
        parts += [f"<div>\n    {_option_input(o)}</div>" for o in options]
        if group:
            parts.append("\n  </div>")
    parts.append("\n</div>")
    return "".join(parts)


def _textarea(widget: dict) -> str:
    value = widget["value"]
    text = conditional_escape(value) if value else ""
    return f'<textarea name="{escape(widget["name"])}"{_attrs(widget["attrs"])}>\n{text}</textarea>'


def widget_html(widget: forms.Widget, context: dict) -> SafeString:
    """What `widget`'s Django template makes of `context` (from `widget.get_context`)."""
    data = context["widget"]
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect):
        return mark_safe(_multiple(data))
    if isinstance(widget, forms.Select):
        return mark_safe(_select(data))
    if isinstance(widget, forms.Textarea):
        return mark_safe(_textarea(data))
    if isinstance(widget, Input):
        return mark_safe(_input(data))
    raise TypeError(f"no Python rendering for {type(widget).__name__}")


def error_id(bound: BoundField) -> str:
    return f"{bound.auto_id}_error"


@lru_cache(maxsize=8192)
def _option(value: str, label: str, selected: bool) -> str:
    mark = " selected" if selected else ""
    return f'\n  <option value="{escape(value)}"{mark}>{escape(label)}</option>\n'


# Labels already translated while one table is written: id → (the label, its text).
Texts = dict[int, tuple[object, str]]


def _text(label: object, texts: Texts) -> str:
    """`label` as text in the active language, translated once per table: every row's select
    offers the same (lazily translated) choices. `texts` holds each label it has seen, so
    no id it is keyed by can pass to another object while it is in use."""
    key = id(label)
    if key not in texts:
        texts[key] = (label, str(label))
    return texts[key][1]


def _plain_select(bound: BoundField, attrs: dict, texts: Texts) -> str | None:
    """A single-choice select without option groups, written straight from the field's
    choices (what Select.optgroups would give, without an option dictionary each); None
    for anything else."""
    widget = bound.field.widget
    if type(widget) is not forms.Select:
        return None
    choices = list(bound.field.choices)
    if any(isinstance(label, list | tuple) for _value, label in choices):
        return None
    chosen = set(widget.format_value(bound.value()))
    parts = [f'<select name="{escape(bound.html_name)}"{_attrs({**widget.attrs, **attrs})}>']
    found = False
    for value, label in choices:
        text = "" if value is None else str(value)
        selected = not found and text in chosen
        found = found or selected
        parts.append(_option(text, _text(label, texts), selected))
    parts.append("\n</select>")
    return "".join(parts)


def _plain_checkboxes(bound: BoundField, attrs: dict, texts: Texts) -> str | None:
    """A list of checkboxes without option groups, written straight from the field's
    choices (the markup of Django's checkbox_select template); None for anything else."""
    widget = bound.field.widget
    if type(widget) is not forms.CheckboxSelectMultiple:
        return None
    choices = list(bound.field.choices)
    if any(isinstance(label, list | tuple) for _value, label in choices):
        return None
    chosen = set(widget.format_value(bound.value()))
    merged = {**widget.attrs, **attrs}
    ident, css = merged.get("id"), merged.get("class")
    shared = _attrs({k: v for k, v in merged.items() if k != "id"})
    name = escape(bound.html_name)
    parts = [
        "<div",
        f' id="{conditional_escape(ident)}"' if ident else "",
        f' class="{conditional_escape(css)}"' if css else "",
        ">",
    ]
    for index, (value, label) in enumerate(choices):
        text = "" if value is None else str(value)
        checked = " checked" if text in chosen else ""
        option_id = f"{conditional_escape(ident)}_{index}" if ident else ""
        parts.append(
            "<div>\n    <label"
            + (f' for="{option_id}"' if ident else "")
            + f'><input type="checkbox" name="{name}" value="{escape(text)}"{shared}{checked}'
            + (f' id="{option_id}"' if ident else "")
            + f">\n {escape(_text(label, texts))}</label>\n\n</div>"
        )
    parts.append("\n</div>")
    return "".join(parts)


def render_field(
    bound: BoundField, described_by: list[str], texts: Texts | None = None
) -> SafeString:
    """The field's widget, described by `described_by` (ids) and by its errors if any;
    `texts` keeps choices' translations across the rows of one table."""
    texts = {} if texts is None else texts
    widget = bound.field.widget
    attrs = bound.build_widget_attrs({}, widget)
    attrs.pop("aria-describedby", None)
    ids = [*described_by, *([error_id(bound)] if bound.errors else [])]
    if ids:
        attrs["aria-describedby"] = " ".join(ids)
    if "id" not in widget.attrs:
        attrs.setdefault("id", bound.auto_id)
    plain = _plain_select(bound, attrs, texts) or _plain_checkboxes(bound, attrs, texts)
    if plain is not None:
        return mark_safe(plain)
    return widget_html(widget, widget.get_context(bound.html_name, bound.value(), attrs))


def _errors(bound: BoundField) -> str:
    if not bound.errors:
        return ""
    inner = "".join(
        f'<div class="invalid-feedback d-block">{conditional_escape(e)}</div>' for e in bound.errors
    )
    return f'<div id="{error_id(bound)}">{inner}</div>'


def help_id(prefix: str, column: str) -> str:
    """The id of a column's help in its table's header, which every cell below names."""
    return f"{prefix}-{column}-help"


class _Unbound:
    """What a cell reads of a field in a row that is not bound to posted data (its name, id
    and value, as its BoundField would say them), without building a BoundField per cell."""

    __slots__ = ("auto_id", "field", "form", "html_name", "name")
    errors = ()

    def __init__(self, form: forms.Form, name: str, field: forms.Field) -> None:
        self.form, self.name, self.field = form, name, field
        self.html_name = form.add_prefix(name)
        auto_id = form.auto_id
        if auto_id and "%s" in str(auto_id):
            self.auto_id = auto_id % self.html_name
        else:
            self.auto_id = self.html_name if auto_id else ""

    def value(self):
        value = self.form.initial.get(self.name, self.field.initial)
        return self.field.prepare_value(value() if callable(value) else value)


class Rows:
    """Writes the rows of one table. What every row shares is worked out once: each column's
    label, its widget's fixed attributes and its choices (the rows of a formset share their
    field objects); a row then only adds its values, ids and number. A cell showing an error,
    or a widget without a shortcut here, goes through `render_field` as before."""

    def __init__(self, helped: dict[str, str]) -> None:
        self.helped = helped
        self.texts: Texts = {}
        self._columns: dict[str, tuple] = {}
        # A select's options with the first chosen one marked, by column and its position.
        self._options: dict[tuple[str, int], str] = {}
        # A group of checkboxes, by column, with room for each row's id, name and choices.
        self._boxes: dict[str, str] = {}

    @cached_property
    def _said(self) -> tuple[str, str, str]:
        """What each row says of its number, translated and escaped once for the table:
        after each column's name, beside its position and on its remove box."""
        return tuple(
            html_text(said)
            for said in (
                _(", row %(number)s"),
                _("Position of row %(number)s"),
                _("Remove row %(number)s"),
            )
        )

    def _of_row(self, number: int | str) -> str:
        return self._said[0] % {"number": html_text(number)}

    def _column(self, bound: BoundField | _Unbound) -> tuple:
        """(label, widget kind, the widget's fixed attributes as markup, options) of the
        column `bound` belongs to."""
        name = bound.name
        if name not in self._columns:
            bound = bound.form[name]
            widget = bound.field.widget
            attrs = bound.build_widget_attrs({}, widget)
            for varying in ("aria-describedby", "aria-invalid", "id"):
                attrs.pop(varying, None)
            fixed = {**widget.attrs, **attrs}
            kind = _kind(widget) if not {"id", "aria-describedby"} & widget.attrs.keys() else ""
            options = None
            if kind in ("select", "checkboxes"):
                choices = list(bound.field.choices)
                if any(isinstance(label, list | tuple) for _value, label in choices):
                    kind = ""
                listed, first = [], {}
                for index, (value, label) in enumerate(choices):
                    text = "" if value is None else str(value)
                    listed.append((text, html_text(text), html_text(_text(label, self.texts))))
                    # Where each value first appears (a value may be offered twice).
                    first.setdefault(text, index)
                options = (listed, first)
            described = [self.helped[name]] if name in self.helped else []
            if described:
                fixed["aria-describedby"] = " ".join(described)
            shared = _attrs(fixed)
            label = html_text(_text(bound.label, self.texts))
            self._columns[name] = (label, kind, shared, fixed.get("class"), options, described)
        return self._columns[name]

    def cell(self, bound: BoundField | _Unbound, of_row: str = "") -> str:
        """The cell's label and field, with its errors; only the field for a hidden one
        (`of_row` empty)."""
        label, kind, *_parts, described = self._column(bound)
        ident = html_text(bound.auto_id)
        if not kind or not ident or (bound.form.is_bound and bound.errors):
            bound = bound.form[bound.name]
            field = render_field(bound, described, self.texts)
            errors = _errors(bound) if of_row else ""
        else:
            name = ident[3:] if ident == f"id_{bound.html_name}" else html_text(bound.html_name)
            value = bound.field.widget.format_value(bound.value())
            field = self._widget(bound.name, bound.field.widget, name, ident, value)
            errors = ""
        if not of_row:
            return field
        group = kind == "checkboxes" or isinstance(bound.field.widget, forms.CheckboxSelectMultiple)
        return _labelled(label, group, ident, of_row, field + errors)

    def _widget(self, column: str, widget: forms.Widget, name: str, ident: str, value) -> str:
        """The widget of a cell of `column`: `name` and `ident` (its id) escaped, `value` as
        the widget formats it."""
        _label, kind, shared, _css, options, _described = self._columns[column]
        if kind == "select":
            # Only the first option holding a chosen value is selected, as Django does.
            listed, first = options
            found = [first[text] for text in value if text in first]
            key = (column, min(found, default=-1))
            if key not in self._options:
                self._options[key] = "".join(
                    f'\n  <option value="{value}"{" selected" if index == key[1] else ""}>'
                    f"{label}</option>\n"
                    for index, (_text, value, label) in enumerate(listed)
                )
            return f'<select name="{name}"{shared} id="{ident}">{self._options[key]}\n</select>'
        if kind == "checkboxes":
            chosen = set(value)
            boxes = self._boxes.get(column) or self._box_format(column)
            checks = [" checked" if text in chosen else "" for text, _shown, _label in options[0]]
            return boxes.format(ident, name, *checks)
        if kind == "textarea":
            text = html_text(value) if value else ""
            return f'<textarea name="{name}"{shared} id="{ident}">\n{text}</textarea>'
        shown = "" if value is None else f' value="{html_text(value)}"'
        return f'<input type="{widget.input_type}" name="{name}"{shown}{shared} id="{ident}">'

    def _box_format(self, column: str) -> str:
        """A column's group of checkboxes as a format string, written once per table: a row
        gives its id ({0}), its name ({1}) and, for each box, " checked" or nothing."""
        _label, _kind, shared, css, options, _described = self._columns[column]

        def literal(markup: str) -> str:
            return markup.replace("{", "{{").replace("}", "}}")

        parts = ['<div id="{0}"', literal(f' class="{html_text(css)}"') if css else "", ">"]
        for index, (_text, shown, label) in enumerate(options[0]):
            parts.append(
                f'<div>\n    <label for="{{0}}_{index}"><input type="checkbox" name="{{1}}" '
                f'value="{literal(shown)}"{literal(shared)}{{{index + 2}}} '
                f'id="{{0}}_{index}">\n {literal(label)}</label>\n\n</div>'
            )
        parts.append("\n</div>")
        self._boxes[column] = "".join(parts)
        return self._boxes[column]

    def row(self, form: forms.Form, number: int | str) -> SafeString:
        """One table row: a cell per column (label for screen readers, widget, errors), then
        the row's position and its remove box."""
        if not form.is_bound and form.auto_id == "id_%s" and form.prefix:
            return self._saved_row(form, number)
        return self._bound_row(form, number)

    def _bound_row(self, form: forms.Form, number: int | str) -> SafeString:
        """The row through its BoundFields: posted data, errors and all."""
        cells = []
        fields = list(form)
        hidden = "".join(self.cell(b) for b in fields if b.field.widget.is_hidden)
        # The row's number, read after each column's name by screen readers.
        of_row = self._of_row(number)
        for bound in fields:
            if bound.field.widget.is_hidden or bound.name in ("ORDER", "DELETE"):
                continue
            # The column's name, read with the row's number; shown above the field when a
            # row is a stacked card on a narrow screen (static/css/app.css).
            cells.append(f"<td>{hidden}{self.cell(bound, of_row)}</td>")
            hidden = ""
        order, delete = form["ORDER"], form["DELETE"]
        return self._tail(cells, number, order.value(), delete.value(), order, delete)

    def _saved_row(self, form: forms.Form, number: int | str) -> SafeString:
        """A row shown from saved answers (not bound to posted data): what `row` writes, each
        cell straight from its column's parts and the row's prefix, with no BoundField."""
        prefix, initial = html_text(form.prefix), form.initial
        of_row = self._of_row(number)
        cells, hidden = [], ""
        for name, field in form.fields.items():
            if name in ("ORDER", "DELETE"):
                continue
            if name not in self._columns:
                self._column(form[name])
            label, kind, *_rest = self._columns[name]
            if not kind:
                cell = self.cell(form[name], "" if field.widget.is_hidden else of_row)
            else:
                value = initial.get(name, field.initial)
                value = field.prepare_value(value() if callable(value) else value)
                html_name = f"{prefix}-{html_text(name)}"
                ident = f"id_{html_name}"
                value = field.widget.format_value(value)
                cell = self._widget(name, field.widget, html_name, ident, value)
                if not field.widget.is_hidden:
                    cell = _labelled(label, kind == "checkboxes", ident, of_row, cell)
            if field.widget.is_hidden:
                hidden += cell
            else:
                cells.append(f"<td>{hidden}{cell}</td>")
                hidden = ""
        order = _Unbound(form, "ORDER", form.fields["ORDER"])
        delete = _Unbound(form, "DELETE", form.fields["DELETE"])
        return self._tail(cells, number, order.value(), delete.value(), order, delete)

    def _tail(self, cells: list[str], number, position, remove_it, order, delete) -> SafeString:
        """The row with its position and remove box after its cells."""
        order_id, delete_id = html_text(order.auto_id), html_text(delete.auto_id)
        place, remove = self._said[1:]
        shown = {"number": html_text(number)}
        checked = " checked" if remove_it else ""
        cells.append(
            f'<td class="cell-order"><label class="cell-label" for="{order_id}">{place % shown}'
            f'</label><input type="number" name="{html_text(order.html_name)}" id="{order_id}" '
            f'value="{html_text(number if position is None else position)}" '
            'class="form-control form-control-sm row-order" min="0"></td>'
        )
        cells.append(
            f'<td class="cell-remove"><input type="checkbox" name="{html_text(delete.html_name)}" '
            f'id="{delete_id}" class="form-check-input"{checked}><label class="cell-label" '
            f'for="{delete_id}">{remove % shown}</label></td>'
        )
        return mark_safe('<tr class="table-row">' + "".join(cells) + "</tr>")


def _labelled(label: str, group: bool, ident: str, of_row: str, field: str) -> str:
    """A cell's field under its label: the column's name, read with the row's number."""
    named = f'{label}<span class="visually-hidden">{of_row}</span>'
    if group:
        # A group of checkboxes is named by a legend, not by a label pointing at its box.
        return (
            f'<fieldset class="cell-group"><legend class="cell-label">{named}</legend>'
            f"{field}</fieldset>"
        )
    return f'<label class="cell-label" for="{ident}">{named}</label>{field}'


def _kind(widget: forms.Widget) -> str:
    """Which shortcut writes `widget`, or "" for none."""
    if type(widget) is forms.Select:
        return "select"
    if type(widget) is forms.CheckboxSelectMultiple:
        return "checkboxes"
    if type(widget) is forms.Textarea:
        return "textarea"
    if isinstance(widget, Input) and not isinstance(widget, forms.FileInput):
        return "input"
    return ""
