"""Table rows built in Python: the same widgets Django's templates make, and every label,
help and error tied to its field by ids that exist on the page."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pytest
from django.forms.renderers import DjangoTemplates
from django.test.html import parse_html
from django.urls import reverse
from django.utils import translation

from collaborations.models import Partner, Sector
from stages.worksheets.cells import Rows, _Unbound, render_field, widget_html
from stages.worksheets.declarations import definition_for
from stages.worksheets.forms import RowForm, table_formset
from stages.worksheets.schema import Field, Kind, Table
from tests.stages.worksheet_data import form_post

COLUMNS = [
    Field("text", "A <text>", Kind.TEXT, help="Say it & more"),
    Field("long", "Long", Kind.LONG_TEXT),
    Field("choice", "Choice", Kind.CHOICE, choices=[("a", "Ay"), ("b", 'B & "c"')]),
    Field("sector", "Sector", Kind.SECTOR),
    Field("scale", "Scale", Kind.SCALE),
    Field("number", "Number", Kind.NUMBER),
    Field("money", "Money", Kind.MONEY),
    Field("day", "Day", Kind.DATE),
    Field("partner", "Partner", Kind.PARTNER),
    Field("partners", "Partners", Kind.PARTNERS),
]
TABLE = Table("things", "Things", COLUMNS)
# Names with markup and format braces, which every way of writing a cell must keep as text.
PARTNERS = [
    Partner(pk=n, name=f"Org <{n}> & co {{{n}}}", sector=Sector.BUSINESS) for n in (3, 5, 8)
]
VALID = {
    "t-id": "row-1",
    "t-text": 'He said "<b>hi</b>" & left',
    "t-long": "Line one\n<script>x</script>",
    "t-choice": "b",
    "t-sector": "academia",
    "t-scale": "4",
    "t-number": "12.5",
    "t-money": "1500.00",
    "t-day": "2026-06-30",
    "t-partner": "5",
    "t-partners": ["3", "8"],
}
INVALID = {**VALID, "t-scale": "9", "t-number": "many", "t-day": "31/02/2026"}


def _forms():
    yield RowForm(table=TABLE, partners=PARTNERS, prefix="t")  # blank
    yield RowForm(
        initial={
            "text": "Saved",
            "partner": 3,
            "partners": [5],
            "day": "2026-01-02",
            "number": 12.0,
            "money": 1500.0,
        },
        table=TABLE,
        partners=PARTNERS,
        prefix="t",
    )
    for data in (VALID, INVALID):
        form = RowForm(data, table=TABLE, partners=PARTNERS, prefix="t")
        form.is_valid()
        yield form


@pytest.mark.parametrize("form", list(_forms()), ids=["blank", "initial", "valid", "invalid"])
def test_widgets_are_the_markup_django_templates_make(form):
    renderer = DjangoTemplates()
    for bound in form:
        widget = bound.field.widget
        attrs = {"id": bound.auto_id, "aria-describedby": "x-help", "aria-invalid": "true"}
        context = widget.get_context(bound.html_name, bound.value(), attrs)
        expected = renderer.render(widget.template_name, context)
        assert widget_html(widget, context) == expected, bound.name


@pytest.mark.parametrize("form", list(_forms()), ids=["blank", "initial", "valid", "invalid"])
def test_fields_are_what_django_renders_for_them(form):
    """Shortcuts (a select written straight from its choices) included."""
    for bound in form:
        ids = ["x-help"]
        if bound.errors:
            ids.append(f"{bound.auto_id}_error")
        expected = bound.as_widget(attrs={"aria-describedby": " ".join(ids)})
        assert parse_html(render_field(bound, ["x-help"])) == parse_html(expected), bound.name


def test_a_tables_rows_write_each_field_as_render_field_does():
    """The rows of a table share what their columns have in common (one writer for all of
    them, whatever each row holds); each field still comes out as `render_field` makes it,
    described by its column's help."""
    rows = Rows({"text": "things-text-help", "partners": "things-partners-help"})
    for form in [*_forms(), *reversed(list(_forms()))]:
        for bound in form:
            described = [rows.helped[bound.name]] if bound.name in rows.helped else []
            expected = parse_html(render_field(bound, described))
            assert parse_html(rows.cell(bound)) == expected, bound.name


def test_a_row_not_bound_to_data_reads_its_fields_as_their_bound_fields_do():
    """Rows shown from saved answers skip building a BoundField per cell; every cell comes
    out the same (name, id, value)."""
    rows = Rows({"text": "things-text-help"})
    for form in list(_forms())[:2]:
        assert not form.is_bound
        for name, field in form.fields.items():
            quick = parse_html(rows.cell(_Unbound(form, name, field)))
            assert quick == parse_html(rows.cell(form[name])), name


def test_errors_are_announced_through_the_field():
    form = RowForm(INVALID, table=TABLE, partners=PARTNERS, prefix="t")
    assert not form.is_valid()
    html = render_field(form["number"], ["things-number-help"])
    assert 'aria-invalid="true"' in html
    assert 'aria-describedby="things-number-help id_t-number_error"' in html
    assert "aria-describedby" not in render_field(
        RowForm(VALID, table=TABLE, partners=PARTNERS, prefix="t")["number"], []
    )


class _Ids(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.ids: set[str] = set()
        self.described: list[str] = []
        self.label_for: list[str] = []

    def handle_starttag(self, tag, attrs) -> None:
        found = dict(attrs)
        if found.get("id"):
            self.ids.add(found["id"])
        self.described += (found.get("aria-describedby") or "").split()
        if tag == "label" and found.get("for"):
            self.label_for.append(found["for"])


def _check_ids(page: str) -> _Ids:
    # The blank row inside <template> has placeholder ids of its own.
    parser = _Ids()
    parser.feed(re.sub(r"<template.*?</template>", "", page, flags=re.S))
    missing = [i for i in parser.described if i not in parser.ids]
    assert not missing, missing
    unlabelled = [i for i in parser.label_for if i not in parser.ids]
    assert not unlabelled, unlabelled
    return parser


@pytest.mark.django_db
def test_every_description_and_label_on_a_refused_save_points_at_an_existing_id(cast):
    slug = "demonstrate-competency"
    data, _expected = form_post(definition_for(slug), [cast.partner.partner_id], version=0)
    data["commitments-0-due"] = "31/02/2026"
    data["commitments-0-partner"] = "999999"
    url = reverse("stages:worksheet", args=[cast.collaboration.pk, slug])
    response = cast.client("partner").post(url, data)
    assert response.status_code == 422
    parser = _check_ids(response.content.decode())
    assert "id_commitments-0-due_error" in parser.described
    assert "id_commitments-0-partner_error" in parser.described


HELPED = [
    slug
    for slug in ("engage-potential-partners", "agree-on-measures-of-success", "manage-expectations")
    if any(c.help for t in definition_for(slug).tables for c in t.columns)
]


@pytest.mark.django_db
@pytest.mark.parametrize("slug", HELPED)
def test_column_help_describes_every_cell_of_its_column(cast, slug):
    definition = definition_for(slug)
    partners = [cast.partner.partner_id]
    url = reverse("stages:worksheet", args=[cast.collaboration.pk, slug])
    data, _expected = form_post(definition, partners, version=0)
    assert cast.client("partner").post(url, data).status_code == 302
    parser = _check_ids(cast.client("partner").get(url).content.decode())
    for table in definition.tables:
        for column in table.columns:
            if column.help:
                # Once for the saved row, once for the blank one.
                assert parser.described.count(f"{table.name}-{column.name}-help") == 2


def test_a_tables_hidden_counts_are_what_django_writes():
    formset = table_formset(TABLE, PARTNERS, [{"id": "row-1", "text": "x"}])
    assert parse_html(formset.rendered_management_form()) == parse_html(
        str(formset.management_form)
    )


def test_rows_shown_from_saved_answers_are_the_rows_their_bound_fields_write():
    """A table shown from saved answers skips BoundFields altogether; each row is the same
    row, cell for cell, as the one written through them."""
    saved = [
        {"id": "row-1", "text": "A & <b>", "partner": 5, "partners": [3, 8], "number": 12.0},
        {"id": "row-2", "money": 1500.0, "day": "2026-01-02", "choice": "b", "scale": 4},
    ]
    formset = table_formset(TABLE, PARTNERS, saved)
    quick, through = Rows({"text": "things-text-help"}), Rows({"text": "things-text-help"})
    for number, form in enumerate([*formset.forms, formset.empty_form], start=1):
        expected = parse_html(through._bound_row(form, number))
        assert parse_html(quick._saved_row(form, number)) == expected, number
        assert parse_html(quick.row(form, number)) == expected, number


def test_a_tables_saved_rows_are_written_without_row_forms_as_through_them():
    """An unbound table writes its rows from the saved answers without building a row form
    each; the rows, the blank one at the end included, are those its forms write."""
    saved = [
        {"id": "row-1", "text": "A & <b>", "partner": 5, "partners": [3, 8], "number": 12.0},
        {"text": "a saved row without an id yet", "money": 1500.0, "day": "2026-01-02"},
        {"id": "row-3", "choice": "b", "scale": 4},
    ]
    written = table_formset(TABLE, PARTNERS, saved).rendered_rows()
    formset = table_formset(TABLE, PARTNERS, saved)
    through = Rows(formset.help_ids())
    expected = [through._bound_row(form, n) for n, form in enumerate(formset.forms, start=1)]

    def fresh_ids_alike(html: str) -> str:
        return re.sub(r"new-[0-9a-f]{12}", "new-id", html)

    assert len(written) == len(saved) + 1
    assert [parse_html(fresh_ids_alike(row)) for row in written] == [
        parse_html(fresh_ids_alike(row)) for row in expected
    ]


@pytest.mark.parametrize(
    ("language", "column", "place", "remove"),
    [
        ("en", "Partner, row 2", "Position of row 2", "Remove row 2"),
        ("es", "Partner, fila 2", "Posición de la fila 2", "Quitar la fila 2"),
    ],
)
def test_each_row_says_its_number_in_the_readers_language(language, column, place, remove):
    """A table's words about each row's number are translated once for the table, in the
    language of the page being written, and say each row's own number."""
    saved = [{"id": "row-1", "text": "one"}, {"id": "row-2", "text": "two"}]
    with translation.override(language):
        body = table_formset(TABLE, PARTNERS, saved).rendered_body()
    rows = body.split('<tr class="table-row">')[1:]
    assert len(rows) == 3  # the two saved rows and the blank one
    text = re.sub(r"<[^>]+>", "", rows[1])
    assert column in text and place in text and remove in text
    assert "row 1" not in text and "fila 1" not in text
