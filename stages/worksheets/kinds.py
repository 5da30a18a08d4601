"""The registry of field kinds: for each `Kind` a worksheet field can be, the one place that
says how it becomes a form field, how its stored value reads, how a cleaned value is stored
as JSON, and what a plausible answer looks like (for demo and benchmark data).

A new kind is one entry here; forms, displays, reports and the demo data all ask the registry.
"""

from __future__ import annotations

import datetime
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django import forms
from django.utils import dateformat
from django.utils.dateparse import parse_date
from django.utils.formats import get_format

from collaborations.models import Sector
from collaborations.money import MoneyField, NumberField, format_money, format_number
from collaborations.text import count_characters
from stages.worksheets.schema import Field, Kind

EMPTY_CHOICE = ("", "—")
LONG_TEXT_LIMIT = 5000
TEXT_LIMIT = 300

PartnerChoices = list[tuple[str, str]]  # (id as text, name), in the order pickers show them
PartnerNames = dict[int, str]
# How every value of one column reads, made once for the column (see `reader`).
Reader = Callable[[Any], str]


def _as_text(spec: Field, value: Any, partners: PartnerNames) -> str:
    return str(value)


def _as_stored(value: Any) -> Any:
    return value


def _label_of(choices) -> Callable[[Field, Any, PartnerNames], str]:
    return lambda spec, value, partners: str(dict(choices(spec)).get(value, value))


def _labels_of(choices) -> Callable[[Field, PartnerNames], Reader]:
    """The reader of a column of choices: each choice's label translated once."""

    def column(spec: Field, partners: PartnerNames) -> Reader:
        labels = {value: str(label) for value, label in choices(spec)}
        return lambda value: labels[value] if value in labels else str(value)

    return column


def _dates(spec: Field, partners: PartnerNames) -> Reader:
    """The reader of a column of dates (kept as ISO text): the language's date format looked
    up once."""
    shape = get_format("DATE_FORMAT")
    # A column repeats its dates (deadlines of one meeting, a season's start): each is
    # written once.
    written: dict[str, str] = {}

    def read(value: Any) -> str:
        if not isinstance(value, str):
            return str(value)
        if value not in written:
            parsed = parse_date(value)
            written[value] = dateformat.format(parsed, shape) if parsed else value
        return written[value]

    return read


def _date_text(spec: Field, value: Any, partners: PartnerNames) -> str:
    return _dates(spec, partners)(value)


def _decimal_json(value: Any) -> Any:
    return float(value) if isinstance(value, Decimal) else value


def _date_json(value: Any) -> Any:
    return value.isoformat() if isinstance(value, datetime.date) else value


@dataclass(frozen=True)
class FieldKind:
    # The form field, given the field's common arguments (label, help, required) and the
    # collaboration's partners as choices.
    form_field: Callable[[Field, dict, PartnerChoices], forms.Field]
    # A plausible answer for row `index`: `words` is text in people's own phrasing.
    example: Callable[[Field, int, list[int], str], Any]
    display: Callable[[Field, Any, PartnerNames], str] = _as_text
    # `display` for a whole column at once, where reading many values costs less with
    # something worked out first (choices' labels, the date format); see `reader`.
    column_display: Callable[[Field, PartnerNames], Reader] | None = None
    to_json: Callable[[Any], Any] = _as_stored
    widget_class: str = "form-control"
    # An amount: read with the collaboration's currency, and named with it in forms.
    money: bool = False
    # How wide a table column of this kind starts: "xs", "s", "m", "l" or "xl" (the
    # `.col-width-*` rules in static/css/app.css), so text gets room and numbers stay narrow.
    column_width: str = "m"
    # Text in a table cell: a box of this many lines that grows with what is written
    # (static/css/app.css), so nothing typed is hidden past the cell's edge.
    table_rows: int | None = None


def _choices_field(choices) -> Callable[[Field, dict, PartnerChoices], forms.Field]:
    return lambda spec, common, partners: forms.ChoiceField(
        choices=[EMPTY_CHOICE, *choices(spec)], **common
    )


KINDS: dict[Kind, FieldKind] = {
    Kind.TEXT: FieldKind(
        form_field=lambda spec, common, partners: forms.CharField(
            max_length=spec.max_length or TEXT_LIMIT, **common
        ),
        example=lambda spec, index, partners, words: f"{spec.label} {index + 1}: {words}"[
            : spec.max_length or TEXT_LIMIT
        ],
        column_width="l",
        table_rows=1,
    ),
    Kind.LONG_TEXT: FieldKind(
        form_field=lambda spec, common, partners: forms.CharField(
            max_length=spec.max_length or LONG_TEXT_LIMIT,
            widget=forms.Textarea(attrs={"rows": 4}),
            **common,
        ),
        example=lambda spec, index, partners, words: words,
        column_width="xl",
        table_rows=2,
    ),
    Kind.CHOICE: FieldKind(
        form_field=_choices_field(lambda spec: spec.choices),
        display=_label_of(lambda spec: spec.choices),
        column_display=_labels_of(lambda spec: spec.choices),
        example=lambda spec, index, partners, words: spec.choices[index % len(spec.choices)][0],
        widget_class="form-select",
    ),
    Kind.SECTOR: FieldKind(
        form_field=_choices_field(lambda spec: Sector.choices),
        display=_label_of(lambda spec: Sector.choices),
        column_display=_labels_of(lambda spec: Sector.choices),
        example=lambda spec, index, partners, words: Sector.values[index % len(Sector.values)],
        widget_class="form-select",
    ),
    Kind.SCALE: FieldKind(
        form_field=lambda spec, common, partners: forms.TypedChoiceField(
            choices=[EMPTY_CHOICE, *((str(n), str(n)) for n in range(1, 6))],
            coerce=int,
            empty_value=None,
            **common,
        ),
        example=lambda spec, index, partners, words: index % 5 + 1,
        widget_class="form-select",
        column_width="xs",
    ),
    Kind.NUMBER: FieldKind(
        form_field=lambda spec, common, partners: NumberField(
            max_digits=16, decimal_places=4, **common
        ),
        display=lambda spec, value, partners: format_number(value),
        to_json=_decimal_json,
        example=lambda spec, index, partners, words: float(10 + index * 3),
        column_width="s",
    ),
    Kind.MONEY: FieldKind(
        form_field=lambda spec, common, partners: MoneyField(**common),
        display=lambda spec, value, partners: format_money(value),
        money=True,
        to_json=_decimal_json,
        example=lambda spec, index, partners, words: float(5000 + index * 1250),
        column_width="s",
    ),
    Kind.DATE: FieldKind(
        form_field=lambda spec, common, partners: forms.DateField(
            widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"), **common
        ),
        display=_date_text,
        column_display=_dates,
        to_json=_date_json,
        example=lambda spec, index, partners, words: datetime.date(
            2026, index % 12 + 1, 15
        ).isoformat(),
    ),
    Kind.PARTNER: FieldKind(
        form_field=lambda spec, common, partners: forms.TypedChoiceField(
            choices=[EMPTY_CHOICE, *partners], coerce=int, empty_value=None, **common
        ),
        display=lambda spec, value, partners: partners.get(value, "?"),
        example=lambda spec, index, partners, words: partners[index % len(partners)],
        widget_class="form-select",
        column_width="xl",
    ),
    Kind.PARTNERS: FieldKind(
        form_field=lambda spec, common, partners: forms.TypedMultipleChoiceField(
            choices=partners, coerce=int, widget=forms.CheckboxSelectMultiple, **common
        ),
        display=lambda spec, value, partners: ", ".join(partners.get(v, "?") for v in value),
        example=lambda spec, index, partners, words: [
            partners[(index + step) % len(partners)] for step in range(3)
        ],
        widget_class="form-check-input",
        column_width="l",
    ),
}


def form_field(
    spec: Field, partners: PartnerChoices, in_table: bool = False, currency: str = ""
) -> forms.Field:
    """The Django form field for one declared field, styled for Bootstrap. Everything is
    optional in a draft; see `WorksheetForms.check_ready_for_review`. Text counts its
    characters instead of cutting them (see `collaborations.text`); a table cell says its
    limit only through the live count and, past it, the error. An amount's label names the
    currency."""
    kind = KINDS[spec.kind]
    label = f"{spec.label} ({currency})" if kind.money and currency else spec.label
    common = {"label": label, "help_text": spec.help, "required": False}
    field = kind.form_field(spec, common, partners)
    if in_table and kind.table_rows:
        field.widget = forms.Textarea(attrs={"rows": kind.table_rows})
    field = count_characters(field, hint=not in_table)
    field.widget.attrs["class"] = kind.widget_class
    return field


def column_width(spec: Field) -> str:
    """The width class of a table column holding this field."""
    return KINDS[spec.kind].column_width


def display(spec: Field, value: Any, partners: PartnerNames, currency: str = "") -> str:
    """A stored answer as people read it: labels for codes, partner names for ids, amounts
    in the collaboration's currency."""
    if value in (None, "", []):
        return ""
    if KINDS[spec.kind].money:
        return format_money(value, currency)
    return KINDS[spec.kind].display(spec, value, partners)


def reader(spec: Field, partners: PartnerNames, currency: str = "") -> Reader:
    """`display` for every value of one column (a table's cells): what is the same for the
    whole column, such as its choices' labels in the reader's language, is worked out once."""
    kind = KINDS[spec.kind]
    if kind.money:

        def read(value: Any) -> str:
            return format_money(value, currency)

    elif kind.column_display is not None:
        read = kind.column_display(spec, partners)
    elif kind.display is _as_text:
        read = str
    else:

        def read(value: Any) -> str:
            return kind.display(spec, value, partners)

    return lambda value: "" if value in (None, "", []) else read(value)


def to_json(spec: Field, value: Any) -> Any:
    """A cleaned form value as stored in `Worksheet.answers`."""
    return KINDS[spec.kind].to_json(value)


def example(spec: Field, index: int, partners: list[int], words: str) -> Any:
    return KINDS[spec.kind].example(spec, index, partners, words)
