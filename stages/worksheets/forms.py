"""Forms built from a worksheet declaration: one form for the single answers and one formset
per table. Any declaration works; nothing here knows a particular tool."""

from __future__ import annotations

import secrets
from typing import Any

from django import forms
from django.forms.formsets import (
    INITIAL_FORM_COUNT,
    MAX_NUM_FORM_COUNT,
    MIN_NUM_FORM_COUNT,
    ORDERING_FIELD_NAME,
    TOTAL_FORM_COUNT,
)
from django.utils.functional import cached_property
from django.utils.safestring import SafeString, mark_safe
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from collaborations.markup import text as html_text
from collaborations.models import Partner
from stages.worksheets import cells
from stages.worksheets.kinds import column_width, form_field, to_json
from stages.worksheets.schema import Definition, Field, Section, Table


def partner_choices(partners: list[Partner]) -> list[tuple[str, str]]:
    return [(str(p.pk), p.name) for p in partners]


def is_empty(value: Any) -> bool:
    return value in (None, "", [])


class AnswersForm(forms.Form):
    """The single answers of a worksheet."""

    def __init__(
        self, *args, definition: Definition, partners: list[Partner], currency: str = "", **kwargs
    ):
        super().__init__(*args, **kwargs)
        self.definition = definition
        choices = partner_choices(partners)
        for spec in definition.fields:
            self.fields[spec.name] = form_field(spec, choices, currency=currency)

    def answers(self) -> dict[str, Any]:
        specs = {spec.name: spec for spec in self.definition.fields}
        return {name: to_json(specs[name], value) for name, value in self.cleaned_data.items()}


NEW_ROW_PREFIX = "new-"


def new_row_id() -> str:
    return NEW_ROW_PREFIX + secrets.token_hex(6)


def row_fields(table: Table, partners: list[Partner]) -> dict[str, forms.Field]:
    """The fields of a table's row: `id` keeps a row's identity across edits and reordering,
    then a field per column."""
    choices = partner_choices(partners)
    return {
        "id": forms.RegexField(
            regex=r"^[a-z0-9-]{1,40}$", required=False, widget=forms.HiddenInput
        ),
        **{spec.name: form_field(spec, choices, in_table=True) for spec in table.columns},
    }


class RowForm(forms.Form):
    """One row of a table (fields: `row_fields`). A blank row is handed a fresh id when
    shown, so saving it twice (autosave) never doubles it."""

    def __init__(
        self,
        *args,
        table: Table,
        partners: list[Partner],
        fields: dict[str, forms.Field] | None = None,
        **kwargs,
    ):
        super().__init__(*args, **kwargs)
        self.table = table
        # A formset hands every row the same field objects (built once, with the partner
        # choices): nothing changes a field once built, and building or copying them per
        # row cost more than the rest of the row.
        self.fields.update(fields or row_fields(table, partners))

    def row(self) -> dict[str, Any] | None:
        """The row as stored, or None for a blank row (which is simply not kept)."""
        data = self.cleaned_data
        if not data or data.get("DELETE"):
            return None
        values = {spec.name: to_json(spec, data.get(spec.name)) for spec in self.table.columns}
        if all(is_empty(v) for v in values.values()):
            return None
        return {"id": data.get("id") or "", **values}


class SavedRow:
    """What `cells.Rows` reads of a row form not bound to posted data (its prefix, initial
    values and fields), without building the form: a page shows a table's saved rows and
    never validates them. A cell that needs the real thing (a BoundField) gets the form."""

    is_bound = False
    auto_id = "id_%s"

    def __init__(self, formset: BaseTableFormSet, index: int, initial: dict, fields: dict):
        self.formset, self.index = formset, index
        self.prefix, self.initial, self.fields = formset.add_prefix(index), initial, fields

    def add_prefix(self, name: str) -> str:
        return f"{self.prefix}-{name}"

    @cached_property
    def _form(self) -> RowForm:
        formset = self.formset
        form = formset._construct_form(self.index, **formset.get_form_kwargs(self.index))
        form.initial = self.initial
        return form

    def __getitem__(self, name: str) -> forms.BoundField:
        return self._form[name]


class BaseTableFormSet(forms.BaseFormSet):
    # What the page's script puts before the id it makes for a row added in the browser.
    new_row_prefix = NEW_ROW_PREFIX

    def __init__(self, *args, table: Table, partners: list[Partner], currency: str = "", **kwargs):
        self.table = table
        self.partners = partners
        self.currency = currency
        super().__init__(*args, **kwargs)

    def __getitem__(self, index: int) -> RowForm:
        # A template's `{{ formset.prefix }}` tries `formset["prefix"]` first: answer it
        # without building every row's form only to find that rows have no name.
        if not isinstance(index, int):
            raise TypeError(f"rows are numbered, not named: {index!r}")
        return super().__getitem__(index)

    def get_form_kwargs(self, index):
        if not hasattr(self, "_fields"):
            self._fields = row_fields(self.table, self.partners)
        return {"table": self.table, "partners": self.partners, "fields": self._fields}

    def _construct_form(self, i, **kwargs):
        form = super()._construct_form(i, **kwargs)
        if not form.is_bound and not form.initial.get("id"):
            form.initial = {**form.initial, "id": new_row_id()}
        return form

    def help_ids(self) -> dict[str, str]:
        """Column names with help, and the id of that help in the table's header."""
        return {c.name: cells.help_id(self.prefix, c.name) for c in self.table.columns if c.help}

    def header(self) -> list[tuple[Field, str, str]]:
        """Each column with the id of its help (empty when it has none) and its width."""
        helped = self.help_ids()
        return [(c, helped.get(c.name, ""), column_width(c)) for c in self.table.columns]

    @cached_property
    def _rows(self) -> cells.Rows:
        """Writes this table's rows, its blank row included."""
        return cells.Rows(self.help_ids())

    def rendered_header(self) -> SafeString:
        """The table's column headings: each column's name, its currency for an amount, and
        its help, which every cell of the column names."""
        headings = []
        for column, help_id, width in self.header():
            currency = ""
            if column.kind == "money":
                currency = f' <span class="fw-normal">({html_text(self.currency)})</span>'
            helps = ""
            if help_id:
                helps = (
                    '<span class="d-block small fw-normal text-body-secondary" '
                    f'id="{html_text(help_id)}">{html_text(column.help)}</span>'
                )
            headings.append(
                f'<th scope="col" class="col-width-{html_text(width)}">'
                f"{html_text(column.label)}{currency}{helps}</th>"
            )
        return mark_safe("".join(headings))

    def rendered_management_form(self) -> SafeString:
        """The formset's hidden counts, as `{{ formset.management_form }}` writes them: as
        posted when bound, else as they stand."""
        if self.is_bound:
            return mark_safe("".join(self._rows.cell(bound) for bound in self.management_form))
        counts = {
            TOTAL_FORM_COUNT: self.total_form_count(),
            INITIAL_FORM_COUNT: self.initial_form_count(),
            MIN_NUM_FORM_COUNT: self.min_num,
            MAX_NUM_FORM_COUNT: self.max_num,
        }
        return mark_safe(
            "".join(
                f'<input type="hidden" name="{name}" value="{count}" id="id_{name}">'
                for name, count in (
                    (html_text(self.add_prefix(key)), count) for key, count in counts.items()
                )
            )
        )

    def rendered_body(self) -> SafeString:
        """The table's rows, one piece of HTML (a page writes them all together)."""
        return mark_safe("".join(self.rendered_rows()))

    def rendered_rows(self) -> list[SafeString]:
        """Each row as HTML (see `cells`), numbered from 1: bound to what was posted through
        its form, else straight from the saved rows (a row form each would only be read)."""
        if self.is_bound:
            return [self._rows.row(form, n) for n, form in enumerate(self.forms, start=1)]
        fields = self.get_form_kwargs(None)["fields"]
        order, delete = forms.IntegerField(required=False), forms.BooleanField(required=False)
        saved = self.initial_form_count()
        rows = []
        for index in range(self.total_form_count()):
            initial = self.initial[index] if index < saved else {}
            initial = {**initial, "id": initial.get("id") or new_row_id()}
            if index < saved:
                initial[ORDERING_FIELD_NAME] = index + 1
            row = SavedRow(
                self, index, initial, {**fields, ORDERING_FIELD_NAME: order, "DELETE": delete}
            )
            rows.append(self._rows.row(row, index + 1))
        return rows

    def rendered_empty_row(self) -> SafeString:
        """The blank row the page's script copies to add a row."""
        return self._rows.row(self.empty_form, "__number__")

    def rows(self) -> list[dict[str, Any]]:
        forms_in_order = self.ordered_forms if self.can_order else self.forms
        kept = [form.row() for form in forms_in_order]
        # Forms left out of ordering (blank order) keep their place at the end.
        if self.can_order:
            ordered = set(map(id, forms_in_order))
            kept += [form.row() for form in self.forms if id(form) not in ordered]
        return [row for row in kept if row is not None]


def table_formset(
    table: Table, partners: list[Partner], rows: list[dict], data=None, currency: str = ""
) -> BaseTableFormSet:
    formset_class = forms.formset_factory(
        RowForm,
        formset=BaseTableFormSet,
        extra=1,
        can_delete=True,
        can_order=True,
        max_num=200,
        validate_max=True,
        absolute_max=250,
    )
    return formset_class(
        data,
        prefix=table.name,
        initial=None if data is not None else rows,
        table=table,
        partners=partners,
        currency=currency,
    )


def _target(bound: forms.BoundField) -> str:
    """The id a link to this field points at: a group of checkboxes is reached at its first."""
    if isinstance(bound.field.widget, forms.CheckboxSelectMultiple):
        return f"{bound.auto_id}_0"
    return bound.auto_id


class WorksheetForms:
    """Everything a worksheet page edits, bound or not, validated and read back together."""

    def __init__(
        self,
        definition: Definition,
        answers: dict,
        partners: list[Partner],
        data=None,
        currency: str = "",
    ) -> None:
        self.definition = definition
        self.saved = answers
        self.partners = partners
        self.currency = currency
        initial = {spec.name: answers.get(spec.name) for spec in definition.fields}
        self.answers_form = AnswersForm(
            data,
            initial=initial,
            definition=definition,
            partners=partners,
            currency=currency,
            prefix="answers",
        )
        self.tables = {
            table.name: table_formset(
                table, partners, answers.get(table.name) or [], data, currency
            )
            for table in definition.tables
        }

    def sections(self) -> list[tuple[Section, list]]:
        """The page's layout: each section with its parts, a part being a bound field
        ("field", bound field) or a table ("table", table, formset)."""
        layout = []
        for section in self.definition.sections:
            parts = []
            for part in section.parts:
                if isinstance(part, Table):
                    parts.append(("table", part, self.tables[part.name]))
                else:
                    parts.append(("field", self.answers_form[part.name]))
            layout.append((section, parts))
        return layout

    def bind(self, data) -> WorksheetForms:
        """The same worksheet's forms, bound to posted data."""
        return WorksheetForms(self.definition, self.saved, self.partners, data, self.currency)

    def is_valid(self) -> bool:
        results = [self.answers_form.is_valid()]
        results += [formset.is_valid() for formset in self.tables.values()]
        return all(results)

    def answers(self) -> dict[str, Any]:
        """The answers as stored; a row that came without an id gets one."""
        answers = self.answers_form.answers()
        for name, formset in self.tables.items():
            answers[name] = [{**row, "id": row["id"] or new_row_id()} for row in formset.rows()]
        return answers

    def unknown_rows(self, saved: dict) -> set[str]:
        """Ids of rows this save says exist but the saved answers do not have."""
        known = {row.get("id") for table in self.tables for row in saved.get(table) or []}
        return {
            row["id"]
            for formset in self.tables.values()
            for row in formset.rows()
            if row["id"] and not row["id"].startswith(NEW_ROW_PREFIX) and row["id"] not in known
        }

    def check_ready_for_review(self) -> bool:
        """Add an error wherever a required answer is missing; True if nothing is."""
        ok = True
        for spec in self.definition.fields:
            if spec.required and is_empty(self.answers_form.cleaned_data.get(spec.name)):
                self.answers_form.add_error(spec.name, _("Answer this before asking for review."))
                ok = False
        for table in self.definition.tables:
            formset = self.tables[table.name]
            rows = formset.rows()
            if len(rows) < table.required_rows:
                formset._non_form_errors.append(
                    ngettext(
                        "Add at least %(count)d row before asking for review.",
                        "Add at least %(count)d rows before asking for review.",
                        table.required_rows,
                    )
                    % {"count": table.required_rows}
                )
                ok = False
            for form in formset.forms:
                if form.row() is None:
                    continue
                for spec in table.columns:
                    if spec.required and is_empty(form.cleaned_data.get(spec.name)):
                        form.add_error(spec.name, _("Fill this in before asking for review."))
                        ok = False
        return ok

    def problems(self) -> list[tuple[str, str, str]]:
        """Every problem as (the id of its field, where it is, the message), in page order,
        for the summary's links: a cell scrolled out of a wide table is one click away."""
        found = []
        for name, errors in self.answers_form.errors.items():
            bound = self.answers_form[name]
            found += [(_target(bound), str(bound.label), str(e)) for e in errors]
        for table in self.definition.tables:
            formset = self.tables[table.name]
            found += [
                (f"table-{formset.prefix}", str(table.label), str(e))
                for e in formset.non_form_errors()
            ]
            for number, form in enumerate(formset.forms, start=1):
                for name, errors in form.errors.items():
                    if name not in form.fields or form.fields[name].widget.is_hidden:
                        target, where = f"table-{formset.prefix}", str(table.label)
                    else:
                        bound = form[name]
                        target = _target(bound)
                        where = _("%(table)s: %(column)s, row %(number)s") % {
                            "table": table.label,
                            "column": bound.label,
                            "number": number,
                        }
                    found += [(target, where, str(e)) for e in errors]
        return found

    @property
    def error_count(self) -> int:
        if not self.answers_form.is_bound:
            return 0  # nothing posted, nothing refused
        count = len(self.answers_form.errors)
        for formset in self.tables.values():
            count += len(formset.non_form_errors())
            count += sum(len(form.errors) for form in formset.forms)
        return count
